/**
 * Builds the risk profile of docs/cli.md from the person's stored data: latest values, recent
 * averages where the papers measured an average (blood pressure), flags from conditions and
 * medications, each with its provenance ("BMI 31.2 from weight on 2024-03-05 and height on
 * 2023-01-01"); and the missing input that would add the most to the results.
 */
import type { MetricId } from '../../models/metrics.ts';
import { egfrCkdEpi2021 } from '../../models/risk/ckd-epi.ts';
import { profileBmi, type RiskProfile } from '../../models/risk/profile.ts';
import { riskReport } from '../../models/risk/report.ts';
import { FLAG_FASTING } from '../../models/samples.ts';
import { DAY_MS, localDay } from '../../models/util/time.ts';
import type { DoppelDb } from '../data/db.ts';
import { getProfile } from '../data/profile.ts';
import type { SourceKind } from '../data/rows.ts';
import { activityEvidence, type ActivityEvidence } from '../data/profile-derived.ts';
import { readDaily, readSamples } from '../data/samples.ts';
import { ENTRY_SOURCE_KEY } from '../data/entry-source.ts';

/**
 * Where one input came from, as data: the UI words it in the person's language and units (days as
 * YYYY-MM-DD in the reading's own time zone; values in canonical units, as their names say).
 */
export type InputSource =
  | { from: 'profile' }
  | { from: 'birthDate'; date: string }
  | { from: 'answer' }
  | { from: 'reading'; metric: MetricId; day: string; /** The person entered it by hand (src/data/entries.ts). */ entered?: true }
  | { from: 'bmi'; bmi: number; weightDay: string; /** Absent: the height in the profile. */ heightDay?: string }
  | { from: 'egfr'; creatinineMgDl: number; day: string }
  | { from: 'bp'; readings: number; day: string; /** The latest reading was entered by hand. */ entered?: true }
  | {
      from: 'exercise';
      minPerWeek: number;
      days: number;
      /** The window's first and last local day, and the kind of device most minutes came from. */
      fromDay: string;
      to: string;
      device: SourceKind;
    }
  | { from: 'conditions' }
  | { from: 'medications' }
  | { from: 'prediabetes' }
  | { from: 'highHba1c'; hba1cPercent: number; day: string };

/** An input's source in English (the CLI and logs; the UI words it from the data). */
export function sourceText(s: InputSource): string {
  switch (s.from) {
    case 'profile':
      return 'profile';
    case 'birthDate':
      return `born ${s.date}`;
    case 'answer':
      return 'your answer';
    case 'reading':
      return `${READING_NAMES[s.metric] ?? s.metric} on ${s.day}${s.entered ? ', entered by you' : ''}`;
    case 'bmi':
      return `BMI ${r1(s.bmi)} from weight on ${s.weightDay} and height ${s.heightDay ? `on ${s.heightDay}` : 'in the profile'}`;
    case 'egfr':
      return `CKD-EPI 2021 from creatinine on ${s.day}`;
    case 'bp':
      return (
        (s.readings > 1 ? `mean of ${s.readings} readings to ${s.day}` : `reading on ${s.day}`) + (s.entered ? ', entered by you' : '')
      );
    case 'exercise':
      return `exercise ${Math.round(s.minPerWeek)} min/week from your ${SOURCE_WORDS[s.device]}, ${s.fromDay} to ${s.to}`;
    case 'conditions':
      return 'conditions in the profile (entered or imported)';
    case 'medications':
      return 'medications in the profile (entered or imported)';
    case 'prediabetes':
      return 'prediabetes in imported records';
    case 'highHba1c':
      return `HbA1c ${r1(s.hba1cPercent)} % on ${s.day}`;
  }
}

const READING_NAMES: Partial<Record<MetricId, string>> = {
  height: 'height',
  body_weight: 'weight',
  bmi: 'BMI recorded',
  waist_circumference: 'waist',
  hba1c: 'HbA1c',
  total_cholesterol: 'total cholesterol',
  hdl_cholesterol: 'HDL',
  triglycerides: 'triglycerides',
  egfr: 'eGFR',
  blood_glucose: 'fasting glucose',
};

export interface BuiltProfile {
  profile: RiskProfile;
  /** Where each input came from, by input name (English, from `sources`). */
  provenance: Partial<Record<keyof RiskProfile, string>>;
  /** Where each input came from, as data. */
  sources: Partial<Record<keyof RiskProfile, InputSource>>;
  /** The missing input (or the few answers of one questionnaire) that would add the most scores. */
  suggestion?: { inputs: (keyof RiskProfile)[]; why: string; /** How many more scores those inputs give. */ gain: number };
  /** What the exercise data suggests about being active, with its window (used only where `usable` and unanswered). */
  activity?: ActivityEvidence;
}

const SOURCE_WORDS = { watch: 'watch', phone: 'phone', other: 'imported data' } as const;

const r1 = (x: number): number => Math.round(x * 10) / 10;

async function latest(
  db: DoppelDb,
  metric: MetricId,
  flag = 0,
): Promise<{ value: number; at: number; day: string; source: number } | undefined> {
  const s = await readSamples(db, metric);
  for (let i = s.n - 1; i >= 0; i--) {
    if (flag && !(s.flags[i]! & flag)) continue;
    return { value: s.value[i]!, at: s.start[i]!, day: localDay(s.start[i]!, s.offsetMin[i]!), source: s.source[i]! };
  }
  return undefined;
}

function ageOn(birthDate: string, atMs: number): number {
  const b = new Date(`${birthDate}T00:00:00Z`),
    a = new Date(atMs);
  let age = a.getUTCFullYear() - b.getUTCFullYear();
  if (a.getUTCMonth() < b.getUTCMonth() || (a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

export async function buildRiskProfile(db: DoppelDb, nowMs = Date.now()): Promise<BuiltProfile> {
  const p: RiskProfile = {};
  const src: BuiltProfile['sources'] = {};
  const source = (key: keyof RiskProfile, s: InputSource): void => {
    src[key] = s;
  };
  const set = <K extends keyof RiskProfile>(key: K, value: RiskProfile[K], s: InputSource): void => {
    p[key] = value;
    source(key, s);
  };
  const PROFILE = { from: 'profile' } as const;
  // Readings the person entered by hand say so (their source is "entered by you", src/data/entries.ts).
  const enteredId = (await db.sources.where('key').equals(ENTRY_SOURCE_KEY).first())?.id;
  const reading = (metric: MetricId, day: string, source?: number): InputSource =>
    source !== undefined && source === enteredId ? { from: 'reading', metric, day, entered: true } : { from: 'reading', metric, day };
  const stored = await getProfile(db);
  if (stored?.sex) set('sex', stored.sex, PROFILE);
  if (stored?.birthDate) set('age', ageOn(stored.birthDate, nowMs), { from: 'birthDate', date: stored.birthDate });
  if (stored?.ethnicity) set('ethnicity', stored.ethnicity as RiskProfile['ethnicity'], PROFILE);
  if (stored?.smoking) set('smoking', stored.smoking as RiskProfile['smoking'], PROFILE);
  if (stored?.familyHistoryDiabetes) set('familyHistoryDiabetes', stored.familyHistoryDiabetes, PROFILE);

  const height = await latest(db, 'height');
  if (stored?.heightCm) set('heightCm', stored.heightCm, PROFILE);
  else if (height) set('heightCm', r1(height.value), reading('height', height.day, height.source));
  const weight = await latest(db, 'body_weight');
  if (weight) set('weightKg', r1(weight.value), reading('body_weight', weight.day, weight.source));
  const bmi = await latest(db, 'bmi');
  if (p.heightCm && p.weightKg)
    source('bmi', {
      from: 'bmi',
      bmi: profileBmi(p)!,
      weightDay: weight!.day,
      ...(height && !stored?.heightCm ? { heightDay: height.day } : {}),
    });
  else if (bmi) set('bmi', r1(bmi.value), reading('bmi', bmi.day, bmi.source));

  const simple: [MetricId, keyof RiskProfile, number][] = [
    ['waist_circumference', 'waistCm', 1],
    ['hba1c', 'hba1cPercent', 2],
    ['total_cholesterol', 'totalCholesterolMgDl', 0],
    ['hdl_cholesterol', 'hdlMgDl', 0],
    ['triglycerides', 'triglyceridesMgDl', 0],
    ['egfr', 'egfr', 0],
  ];
  for (const [metric, key, dp] of simple) {
    const x = await latest(db, metric);
    if (!x) continue;
    (p as Record<string, unknown>)[key] = Math.round(x.value * 10 ** dp) / 10 ** dp;
    source(key, reading(metric, x.day, x.source));
  }
  const fpg = await latest(db, 'blood_glucose', FLAG_FASTING);
  if (fpg) set('fastingGlucoseMgDl', Math.round(fpg.value), reading('blood_glucose', fpg.day, fpg.source));
  if (p.egfr === undefined && p.sex && p.age !== undefined) {
    const cr = await latest(db, 'creatinine');
    if (cr) set('egfr', Math.round(egfrCkdEpi2021(cr.value, p.age, p.sex)), { from: 'egfr', creatinineMgDl: cr.value, day: cr.day });
  }

  // Blood pressure: the papers used a clinic measurement; here the mean of the latest readings (up to 3, within 30 days).
  for (const [metric, key] of [
    ['systolic_bp', 'systolicBpMmHg'],
    ['diastolic_bp', 'diastolicBpMmHg'],
  ] as const) {
    const s = await readSamples(db, metric);
    if (!s.n) continue;
    const lastT = s.start[s.n - 1]!;
    const vals: number[] = [];
    for (let i = s.n - 1; i >= 0 && vals.length < 3 && lastT - s.start[i]! <= 30 * DAY_MS; i--) vals.push(s.value[i]!);
    p[key] = Math.round(vals.reduce((a, b) => a + b, 0) / vals.length);
    const day = localDay(lastT, s.offsetMin[s.n - 1]!);
    source(key, { from: 'bp', readings: vals.length, day, ...(s.source[s.n - 1] === enteredId ? { entered: true as const } : {}) });
  }

  // Activity over the latest 28 days with data: ADA asks "physically active" (150 min/week), FINDRISC
  // 30 min daily. A suggestion that says its window; it stands in for the answer only when long and
  // recent enough, and the person's own answer (below) always wins.
  const activity = await activityEvidence(db, nowMs);
  if (activity?.usable) {
    const from: InputSource = {
      from: 'exercise',
      minPerWeek: activity.minutesPerWeek,
      days: activity.days,
      fromDay: activity.from,
      to: activity.to,
      device: activity.sourceKind,
    };
    set('physicallyActive', activity.physicallyActive, from);
    set('physicallyActiveDaily', activity.physicallyActiveDaily, from);
  }

  const conditions = new Set(stored?.conditions ?? []);
  const meds = new Set(stored?.medications ?? []);
  if (stored?.conditions) {
    p.diabetes = conditions.has('diabetes') || conditions.has('type1_diabetes');
    p.cvd = conditions.has('cvd');
    p.hypertension = conditions.has('hypertension');
    p.gestationalDiabetes = conditions.has('gestational_diabetes');
    p.pcos = conditions.has('pcos');
    for (const k of ['diabetes', 'cvd', 'hypertension', 'gestationalDiabetes', 'pcos'] as const) source(k, { from: 'conditions' });
  }
  if (stored?.medications) {
    p.statin = meds.has('statin');
    p.bpMedication = meds.has('antihypertensive');
    p.treatedHypertension = p.bpMedication && (p.hypertension ?? true);
    for (const k of ['statin', 'bpMedication', 'treatedHypertension'] as const) source(k, { from: 'medications' });
  }
  // FINDRISC's "ever found to have high blood glucose": a prediabetes diagnosis or a stored value in that range.
  const highA1c = (await readDaily(db, 'hba1c')).find((r) => r.max >= 5.7);
  if (conditions.has('prediabetes')) set('highGlucoseHistory', true, { from: 'prediabetes' });
  else if (highA1c) set('highGlucoseHistory', true, { from: 'highHba1c', hba1cPercent: highA1c.max, day: highA1c.day });

  // The person's own answers win over what the data suggests (the data's value stays a suggestion).
  for (const [k, v] of Object.entries(stored?.answers ?? {}) as [keyof RiskProfile, never][]) set(k, v, { from: 'answer' });
  if (p.treatedHypertension !== undefined) p.treatedHypertension = !!p.bpMedication && (p.hypertension ?? true);
  const provenance: BuiltProfile['provenance'] = {};
  for (const [k, src1] of Object.entries(src) as [keyof RiskProfile, InputSource][]) provenance[k] = sourceText(src1);
  return { profile: p, provenance, sources: src, suggestion: suggest(p), ...(activity ? { activity } : {}) };
}

/** Typical values used only to see which missing input would add the most scores. */
const PROBES: Partial<Record<keyof RiskProfile, unknown>> = {
  hba1cPercent: 5.6,
  fastingGlucoseMgDl: 95,
  totalCholesterolMgDl: 190,
  hdlMgDl: 50,
  triglyceridesMgDl: 130,
  systolicBpMmHg: 125,
  diastolicBpMmHg: 80,
  egfr: 90,
  waistCm: 90,
  familyHistoryDiabetes: 'none',
  physicallyActive: true,
  physicallyActiveDaily: true,
  dailyFruitVegetables: true,
  bpMedication: false,
  highGlucoseHistory: false,
  hypertension: false,
  weightKg: 75,
  heightCm: 170,
  sex: 'female',
  age: 50,
};

function countScores(p: RiskProfile): number {
  const r = riskReport(p);
  return (
    (['A', 'B', 'C'] as const).filter((m) => r.qdiabetes2018[m] !== null).length +
    [r.findrisc, r.ada, r.framinghamOffspring, r.pce].filter(Boolean).length +
    Object.values(r.prevent).filter(Boolean).length
  );
}

/**
 * The missing input, or the smallest set of them (a questionnaire score needs several answers),
 * that would add the most risk scores.
 */
export function suggest(p: RiskProfile): BuiltProfile['suggestion'] {
  const now = countScores(p);
  const missing = (Object.keys(PROBES) as (keyof RiskProfile)[]).filter((k) => p[k] === undefined);
  let best: { inputs: (keyof RiskProfile)[]; gain: number } | undefined;
  const consider = (inputs: (keyof RiskProfile)[]): void => {
    const filled = { ...p, ...Object.fromEntries(inputs.map((k) => [k, PROBES[k]])) } as RiskProfile;
    const gain = countScores(filled) - now;
    // more scores first, then fewer inputs to ask for
    if (gain > 0 && (!best || gain / inputs.length > best.gain / best.inputs.length)) best = { inputs, gain };
  };
  for (const k of missing) consider([k]);
  // Completing a whole questionnaire (FINDRISC, ADA) takes several answers at once.
  const groups: (keyof RiskProfile)[][] = [
    ['waistCm', 'physicallyActiveDaily', 'dailyFruitVegetables', 'bpMedication', 'highGlucoseHistory', 'familyHistoryDiabetes'],
    ['familyHistoryDiabetes', 'physicallyActive', 'hypertension'],
  ];
  for (const g of groups) {
    const need = g.filter((k) => p[k] === undefined);
    if (need.length > 1) consider(need);
  }
  if (!best) return undefined;
  const b = best as { inputs: (keyof RiskProfile)[]; gain: number };
  return {
    inputs: b.inputs,
    gain: b.gain,
    why: `adding ${b.inputs.join(', ')} would give ${b.gain} more risk score${b.gain > 1 ? 's' : ''}`,
  };
}
