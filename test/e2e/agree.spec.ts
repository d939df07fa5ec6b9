// Issue 17, last "Done when": a walk through every screen as a patient with real fixtures, and as the
// GP who opens their share file, finds no number that disagrees with another screen. Each number a
// person reads on more than one screen is read on each (as shown, in the person's units) and must be
// the same wherever it appears; the GP's review must show the patient's numbers, never "you".
import type { Page } from '@playwright/test';
import { test, expect, guardContext } from './support/privacy.ts';
import { noShareSheet } from './support/share-sheet.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { ProfilePage } from './pages/profile-page.ts';
import { RiskPage } from './pages/risk-page.ts';
import { OpenSharePage, SharePage } from './pages/share-page.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { TimelinePage } from './pages/timeline-page.ts';
import { WhatIfPage } from './pages/whatif-page.ts';

const REAL = 'test/fixtures/real';
/** Four real exports of different kinds (test/fixtures/real/README.md): CGM, a Synthea record, Google Fit, Apple Health. */
const FILES = [
  `${REAL}/cgm/cgmquantify_test_file_dexcom-g6-clarity.csv`,
  `${REAL}/fhir-r4/inferno_synthea-v2.5_prediabetes-glucose2345_dab4861f.transaction.json`,
  `${REAL}/google-fit/kaustubhgupta_Daily activity metrics.csv`,
  `${REAL}/apple-health/ahcd-go_export_v11_bp-correlation.xml`,
];
/** The latest values the twin shows as cards, with their key on the summary and in the risk inputs. */
const LATEST: [metric: string, riskInput?: string][] = [
  ['body_weight', 'weightKg'],
  ['hba1c', 'hba1cPercent'],
  ['blood_glucose'],
  ['ldl_cholesterol'],
];
/** Measurements the timeline, the risk inputs and the summary share (the twin has no card for them). */
const LAB: [metric: string, riskInput: string][] = [
  ['total_cholesterol', 'totalCholesterolMgDl'],
  ['hdl_cholesterol', 'hdlMgDl'],
  ['triglycerides', 'triglyceridesMgDl'],
];
const ADDRESSED = /\b(you|your|yours|yourself)\b/i;
const DATE = /[A-Z][a-z]{2} \d{1,2}, \d{4}/g;

/** What was read: a quantity → the screens it was read on, with what each showed. */
class Readings {
  readonly seen = new Map<string, [screen: string, value: string | undefined][]>();
  constructor(readonly who: string) {}

  see(quantity: string, screen: string, value: string | null | undefined): void {
    const v = value?.replace(/\s+/g, ' ').trim();
    this.seen.set(quantity, [...(this.seen.get(quantity) ?? []), [`${this.who} ${screen}`, v]]);
  }

  /** Every quantity read in more than one place whose readings differ (or that a screen did not show). */
  disagreements(...others: Readings[]): string[] {
    const all = new Map(this.seen);
    for (const o of others) for (const [q, r] of o.seen) all.set(q, [...(all.get(q) ?? []), ...r]);
    const out: string[] = [];
    for (const [q, r] of all) {
      if (new Set(r.map(([, v]) => v)).size > 1 || r.some(([, v]) => v === undefined))
        out.push(`${q}: ${r.map(([s, v]) => `${s} ${v ?? '(not shown)'}`).join(' | ')}`);
    }
    return out;
  }

  quantities(): string[] {
    return [...this.seen.keys()];
  }
}

const first = (re: RegExp, text: string): string | undefined => re.exec(text)?.[1];
/** "Nov 29, 2010" → "Nov 2010", as the share preview writes a month. */
const month = (day: string | undefined): string | undefined => day?.replace(/ \d{1,2},/, '');
/** A weight range read as "57 kg–71 kg" or "57–71 kg" → "57–71 kg". */
const range = (text: string | undefined): string | undefined => {
  const m = /([\d.,]+)\s?(?:kg|lb)?\s?–\s?([\d.,]+)\s?(kg|lb)/.exec(text ?? '');
  return m ? `${m[1]}–${m[2]} ${m[3]}` : undefined;
};

/** Walks the twin, timeline, what-if, risk page and visit summary, reading every number that more than one shows. */
async function walk(page: Page, who: string, review: boolean): Promise<Readings> {
  const r = new Readings(who);
  const app = new AppPage(page);
  const noYou = async (screen: string): Promise<void> => {
    if (review) expect((await page.locator('main').innerText()).match(ADDRESSED), `"you" in the review's ${screen}`).toBeNull();
  };

  await app.openTwin();
  const head = await app.headline();
  r.see('10-year type 2 diabetes risk (twin)', 'twin headline', head.value);
  r.see('QDiabetes-2018 the twin starts from', 'twin headline', head.anchor);
  r.see('age', 'twin title', await app.age());
  for (const [m] of LATEST) r.see(`latest ${m}`, 'twin card', await app.metric(m));
  r.see('latest systolic_bp', 'twin card', await app.metric('systolic_bp'));
  const metabolic = await app.region('metabolic');
  r.see('latest hba1c', 'twin metabolic card', first(/HbA1c ([\d.,]+ (?:%|mmol\/mol))/, metabolic));
  r.see('CGM GMI', 'twin metabolic card', first(/GMI ([\d.,]+ (?:%|mmol\/mol))/, metabolic));
  r.see('CGM time in range', 'twin metabolic card', first(/(\d+ ?%) of time in/, metabolic));
  r.see('blood pressure', 'twin heart card', first(/Blood pressure (\d+\/\d+ mmHg)/, await app.region('cardiovascular')));
  r.see('BMI', 'twin weight card', first(/BMI ([\d.,]+ kg\/m²)/, await app.region('weight')));
  const [from, to] = (await app.dataRange()).match(DATE) ?? [];
  r.see('data from', 'twin', from);
  r.see('data to', 'twin', to);
  r.see('data from (month)', 'twin', month(from));
  r.see('data to (month)', 'twin', month(to));
  await noYou('twin');

  const timeline = new TimelinePage(page);
  await timeline.open();
  for (const [m] of [...LATEST, ...LAB]) r.see(`latest ${m}`, 'timeline card', await timeline.value(m));
  r.see('latest systolic_bp', 'timeline card', await timeline.value('systolic_bp'));
  const sys = (await timeline.value('systolic_bp')).split(' ')[0];
  const dia = (await timeline.value('diastolic_bp')).split(' ')[0];
  r.see('blood pressure', 'timeline cards', `${sys}/${dia} mmHg`);
  const agp = page.getByTestId('agp');
  await expect(agp).toBeVisible();
  r.see('CGM time in range', 'timeline AGP', await agp.locator('[data-tile="inRange"] dd').first().textContent());
  r.see('CGM GMI', 'timeline AGP', await agp.locator('[data-tile="gmi"] dd').textContent());
  await noYou('timeline');

  const whatIf = await WhatIfPage.opened(page);
  const none = await whatIf.notes(0);
  const planA = await whatIf.notes(1);
  r.see('10-year type 2 diabetes risk (twin)', 'what-if notes', none.twin);
  r.see('QDiabetes-2018 the twin starts from', 'what-if notes', first(/^([\d.,]+\s?%)/, none.qdiabetes));
  r.see('PREVENT 10-year', 'what-if notes', none.cvd);
  const sentence = (await whatIf.sentences.textContent())!;
  r.see('10-year type 2 diabetes risk (twin)', 'what-if sentence', first(/from ([<>]?\d+\s?%) to/, sentence));
  r.see('Plan A: 10-year type 2 diabetes risk', 'what-if sentence', first(/from [<>]?\d+\s?% to ([<>]?\d+\s?%)/, sentence));
  r.see('Plan A: 10-year type 2 diabetes risk', 'what-if notes', planA.twin);
  r.see('Plan A: weight in 10 years', 'what-if sentence', range(first(/likely (.+?) \(90%/, sentence)));
  r.see('Plan A: weight change', 'what-if slider', await whatIf.weightOutput.textContent());
  await noYou('what-if');

  const risk = new RiskPage(page);
  await risk.open();
  r.see('10-year type 2 diabetes risk (twin)', 'risk headline', await page.getByTestId('headline-value').textContent());
  const keys = await risk.scoreKeys();
  const anchorKey = keys.find((k) => k.startsWith('qdiabetes2018'));
  r.see('QDiabetes-2018 the twin starts from', 'risk card', anchorKey && (await risk.score(anchorKey)));
  for (const k of keys) r.see(`score ${k}`, 'risk card', await risk.score(k));
  r.see('PREVENT 10-year', 'risk card', await risk.score('prevent base10y cvd'));
  for (const [m, input] of [...LATEST, ...LAB]) if (input) r.see(`latest ${m}`, 'risk inputs', await risk.input(input));
  r.see('latest systolic_bp', 'risk inputs', await risk.input('systolicBpMmHg'));
  r.see('BMI', 'risk inputs', await risk.input('bmi'));
  r.see('eGFR', 'risk inputs', await risk.input('egfr'));
  r.see('age', 'risk inputs', first(/^(\d+)/, await risk.input('age')));
  await noYou('risk page');

  const summary = new SummaryPage(page);
  await summary.openReady();
  r.see('10-year type 2 diabetes risk (twin)', 'summary risk table', await summary.score('twin'));
  r.see('QDiabetes-2018 the twin starts from', 'summary risk table', anchorKey && (await summary.score(anchorKey)));
  for (const k of await summary.scoreKeys()) r.see(`score ${k}`, 'summary risk table', await summary.score(k));
  r.see('PREVENT 10-year', 'summary risk table', await summary.score('prevent base10y cvd'));
  const noChange = await summary.planRow('No change');
  r.see('10-year type 2 diabetes risk (twin)', 'summary plans', noChange.t2d);
  const saved = await summary.planRow('Plan A');
  r.see('Plan A: 10-year type 2 diabetes risk', 'summary plans', saved.t2d);
  r.see('Plan A: weight in 10 years', 'summary plans', range(saved.weight));
  r.see('Plan A: weight change', 'summary plans', first(/^([−+-]?[\d.,]+ (?:kg|lb))/, saved.settings));
  for (const [m] of [...LATEST, ...LAB]) r.see(`latest ${m}`, 'summary', await summary.latest(m));
  r.see('blood pressure', 'summary', await summary.latest('blood_pressure'));
  r.see('BMI', 'summary', await summary.latest('bmi'));
  r.see('eGFR', 'summary', await summary.latest('egfr'));
  r.see('age', 'summary', first(/\(age (\d+)\)/, (await summary.whoField('birthDate').textContent())!));
  const summaryAgp = page.getByTestId('agp');
  r.see('CGM time in range', 'summary AGP', await summaryAgp.locator('[data-tile="inRange"] dd').first().textContent());
  r.see('CGM GMI', 'summary AGP', await summaryAgp.locator('[data-tile="gmi"] dd').textContent());
  const [sFrom, sTo] = (await summary.dataRange()).match(DATE) ?? [];
  r.see('data from', 'summary', sFrom);
  r.see('data to', 'summary', sTo);
  await noYou('visit summary');
  return r;
}

test('with real fixtures, every number reads the same on every screen, for the patient and for the GP who opens their share', async ({
  page,
  browser,
  baseURL,
}) => {
  // A browser without a share sheet: the share file is downloaded.
  await page.addInitScript(noShareSheet);
  const app = new AppPage(page);
  await app.goto();
  await new ImportPage(page).importFiles(FILES);
  const profile = new ProfilePage(page);
  await profile.open();
  await profile.enter({ birthDate: '1968-05-14', sex: 'Male', heightCm: 178, ethnicity: 'White' });
  // Plan A as the what-if opens it (−5 kg, +150 min/week), saved for the summary and the share.
  const whatIf = await WhatIfPage.opened(page);
  await expect(whatIf.weightOutput).toHaveText('−5 kg');
  await whatIf.savePlan();

  const patient = await walk(page, 'patient', false);
  expect(patient.disagreements(), 'numbers that differ between the patient’s screens').toEqual([]);

  // The share preview's months are the twin's.
  const share = new SharePage(page);
  await share.open();
  const made = await share.makeFile('Pat R.');
  const months = /The file will hold [\d,]+ measurements, ([A-Z][a-z]{2} \d{4})(?: – ([A-Z][a-z]{2} \d{4}))?\./.exec(made.preview);
  patient.see('data from (month)', 'share preview', months?.[1]);
  patient.see('data to (month)', 'share preview', months?.[2] ?? months?.[1]);

  // The GP: a fresh browser, the same privacy guard, the file opened with its code.
  const ctx = await browser.newContext({ baseURL });
  const guard = await guardContext(ctx, new URL(baseURL!).origin);
  const doc = await ctx.newPage();
  await new AppPage(doc).goto();
  await new OpenSharePage(doc).openFile(made.file, made.code);
  const gp = await walk(doc, 'GP', true);
  expect(patient.disagreements(gp), 'numbers that differ between the patient’s screens and the GP’s').toEqual([]);
  expect(guard.foreign).toEqual([]);
  await ctx.close();

  // The same walk in the other units: every screen follows the setting, and they still agree.
  await app.nav('Settings');
  for (const [group, option] of [
    ['Glucose and cholesterol', 'mmol/L'],
    ['Weight', 'pounds (lb)'],
    ['HbA1c', 'mmol/mol (IFCC)'],
    ['Creatinine', 'µmol/L'],
    ['Height and waist', 'feet and inches (ft, in)'],
  ] as const) {
    const radio = page.getByRole('group', { name: group }).getByRole('radio', { name: option, exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
  }
  const other = await walk(page, 'patient (mmol/L, lb)', false);
  expect(other.disagreements(), 'numbers that differ between the screens in mmol/L and lb').toEqual([]);
  // Every quantity was read in both walks, and in the other units the values are the converted ones.
  expect(other.quantities().sort()).toEqual(gp.quantities().sort());
  const weight = other.seen.get('latest body_weight')![0]![1]!;
  expect(weight).toMatch(/^[\d.,]+ lb$/);
  expect(other.seen.get('latest hba1c')![0]![1]).toMatch(/^\d+ mmol\/mol$/);
  expect(other.seen.get('latest ldl_cholesterol')![0]![1]).toMatch(/^\d+\.\d mmol\/L$/);
});
