/** The risk report as cards: one per computed score, with what it predicts and its model card. */
import type { Explanation } from '../../../models/risk/common.ts';
import type { RiskReport } from '../../../models/risk/report.ts';

export interface ScoreCard {
  /** The report's name for the score (as its warnings and drivers name it). */
  key: string;
  title: string;
  value: string;
  /** What the number is: outcome and horizon. */
  meaning: string;
  /** MODEL_CARDS name the score belongs to. */
  card: string;
  drivers: Explanation[];
}

const pct = (v: number): string => `${new Intl.NumberFormat(undefined, { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v)} %`;
const FINDRISC_BAND: Record<string, string> = { low: 'low', slightly_elevated: 'slightly elevated', moderate: 'moderate', high: 'high', very_high: 'very high' };

export function scoreCards(r: RiskReport, drivers: Record<string, Explanation[]>): ScoreCard[] {
  const out: ScoreCard[] = [];
  const add = (key: string, c: Omit<ScoreCard, 'key' | 'drivers'>): void => {
    out.push({ key, ...c, drivers: drivers[key] ?? [] });
  };
  const qLabel = { A: 'without blood tests', B: 'with fasting glucose', C: 'with HbA1c' } as const;
  for (const m of ['C', 'B', 'A'] as const) {
    const v = r.qdiabetes2018[m];
    if (v !== null) add(`qdiabetes2018 ${m}`, { title: `QDiabetes-2018 ${m} (${qLabel[m]})`, value: pct(v), meaning: 'chance of type 2 diabetes within 10 years', card: 'QDiabetes-2018 (A, B, C)' });
  }
  if (r.findrisc) add('findrisc', { title: 'FINDRISC', value: `${r.findrisc.points} points`, meaning: `${FINDRISC_BAND[r.findrisc.band]} risk: about ${r.findrisc.risk10yPercent} % develop type 2 diabetes within 10 years`, card: 'FINDRISC' });
  if (r.ada) add('ada', { title: 'ADA risk test', value: `${r.ada.points} points`, meaning: r.ada.highRisk ? '5 or more: get tested for prediabetes and diabetes' : 'below 5: lower risk of undiagnosed diabetes', card: 'ADA risk test' });
  if (r.framinghamOffspring) add('framinghamOffspring', { title: 'Framingham Offspring', value: pct(r.framinghamOffspring.risk8yPercent), meaning: 'chance of type 2 diabetes within 8 years', card: '' });
  const p10 = r.prevent.base10y;
  if (p10?.cvd != null) add('prevent base10y cvd', { title: 'PREVENT', value: pct(p10.cvd), meaning: 'chance of heart attack, stroke or heart failure within 10 years', card: 'AHA PREVENT' });
  const p30 = r.prevent.base30y;
  if (p30?.cvd != null) add('prevent base30y cvd', { title: 'PREVENT (30 years)', value: pct(p30.cvd), meaning: 'chance of cardiovascular disease within 30 years', card: 'AHA PREVENT' });
  if (r.pce) add('pce', { title: 'Pooled Cohort Equations', value: pct(r.pce.ascvd10yPercent), meaning: 'chance of a first heart attack or stroke within 10 years', card: 'Pooled Cohort Equations' });
  return out;
}

/** Warnings that concern one score (the report prefixes each with the score's name). */
export function warningsFor(key: string, warnings: string[]): string[] {
  const family = key.split(' ')[0]!;
  return warnings.filter((w) => w.startsWith(`${key}:`) || w.startsWith(`${family}:`)).map((w) => w.slice(w.indexOf(':') + 1).trim());
}
