/**
 * Builds the risk profile of contracts.md §2 from the person's stored data: latest values, recent
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
import { activityEvidence, type ActivityEvidence } from '../data/profile-derived.ts';
import { readDaily, readSamples } from '../data/samples.ts';

export interface BuiltProfile {
  profile: RiskProfile;
  /** Where each input came from, by input name. */
  provenance: Partial<Record<keyof RiskProfile, string>>;
  /** The missing input (or the few answers of one questionnaire) that would add the most scores. */
  suggestion?: { inputs: (keyof RiskProfile)[]; why: string; /** How many more scores those inputs give. */ gain: number };
  /** What the exercise data suggests about being active, with its window (used only where `usable` and unanswered). */
  activity?: ActivityEvidence;
}

const SOURCE_WORDS = { watch: 'watch', phone: 'phone', other: 'imported data' } as const;

const r1 = (x: number): number => Math.round(x * 10) / 10;

async function latest(db: DoppelDb, metric: MetricId, flag = 0): Promise<{ value: number; at: number; day: string } | undefined> {
  const s = await readSamples(db, metric);
  for (let i = s.n - 1; i >= 0; i--) {
    if (flag && !(s.flags[i]! & flag)) continue;
    return { value: s.value[i]!, at: s.start[i]!, day: localDay(s.start[i]!, s.offsetMin[i]!) };
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
  const prov: BuiltProfile['provenance'] = {};
  const set = <K extends keyof RiskProfile>(key: K, value: RiskProfile[K], from: string): void => {
    p[key] = value;
    prov[key] = from;
  };
  const stored = await getProfile(db);
  if (stored?.sex) set('sex', stored.sex, 'profile');
  if (stored?.birthDate) set('age', ageOn(stored.birthDate, nowMs), `born ${stored.birthDate}`);
  if (stored?.ethnicity) set('ethnicity', stored.ethnicity as RiskProfile['ethnicity'], 'profile');
  if (stored?.smoking) set('smoking', stored.smoking as RiskProfile['smoking'], 'profile');
  if (stored?.familyHistoryDiabetes) set('familyHistoryDiabetes', stored.familyHistoryDiabetes, 'profile');

  const height = await latest(db, 'height');
  if (stored?.heightCm) set('heightCm', stored.heightCm, 'profile');
  else if (height) set('heightCm', r1(height.value), `height on ${height.day}`);
  const weight = await latest(db, 'body_weight');
  if (weight) set('weightKg', r1(weight.value), `weight on ${weight.day}`);
  const bmi = await latest(db, 'bmi');
  if (p.heightCm && p.weightKg)
    prov.bmi = `BMI ${r1(profileBmi(p)!)} from weight on ${weight!.day} and height ${height && !stored?.heightCm ? `on ${height.day}` : 'in the profile'}`;
  else if (bmi) set('bmi', r1(bmi.value), `BMI recorded on ${bmi.day}`);

  const simple: [MetricId, keyof RiskProfile, number, string][] = [
    ['waist_circumference', 'waistCm', 1, 'waist'],
    ['hba1c', 'hba1cPercent', 2, 'HbA1c'],
    ['total_cholesterol', 'totalCholesterolMgDl', 0, 'total cholesterol'],
    ['hdl_cholesterol', 'hdlMgDl', 0, 'HDL'],
    ['triglycerides', 'triglyceridesMgDl', 0, 'triglycerides'],
    ['egfr', 'egfr', 0, 'eGFR'],
  ];
  for (const [metric, key, dp, label] of simple) {
    const x = await latest(db, metric);
    if (!x) continue;
    (p as Record<string, unknown>)[key] = Math.round(x.value * 10 ** dp) / 10 ** dp;
    prov[key] = `${label} on ${x.day}`;
  }
  const fpg = await latest(db, 'blood_glucose', FLAG_FASTING);
  if (fpg) set('fastingGlucoseMgDl', Math.round(fpg.value), `fasting glucose on ${fpg.day}`);
  if (p.egfr === undefined && p.sex && p.age !== undefined) {
    const cr = await latest(db, 'creatinine');
    if (cr) set('egfr', Math.round(egfrCkdEpi2021(cr.value, p.age, p.sex)), `CKD-EPI 2021 from creatinine on ${cr.day}`);
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
    prov[key] =
      vals.length > 1
        ? `mean of ${vals.length} readings to ${localDay(lastT, s.offsetMin[s.n - 1]!)}`
        : `reading on ${localDay(lastT, s.offsetMin[s.n - 1]!)}`;
  }

  // Activity over the latest 28 days with data: ADA asks "physically active" (150 min/week), FINDRISC
  // 30 min daily. A suggestion that says its window; it stands in for the answer only when long and
  // recent enough, and the person's own answer (below) always wins.
  const activity = await activityEvidence(db, nowMs);
  if (activity?.usable) {
    const from = `exercise ${activity.minutesPerWeek} min/week from your ${SOURCE_WORDS[activity.sourceKind]}, ${activity.from} to ${activity.to}`;
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
    for (const k of ['diabetes', 'cvd', 'hypertension', 'gestationalDiabetes', 'pcos'] as const)
      prov[k] = 'conditions in the profile (entered or imported)';
  }
  if (stored?.medications) {
    p.statin = meds.has('statin');
    p.bpMedication = meds.has('antihypertensive');
    p.treatedHypertension = p.bpMedication && (p.hypertension ?? true);
    for (const k of ['statin', 'bpMedication', 'treatedHypertension'] as const)
      prov[k] = 'medications in the profile (entered or imported)';
  }
  // FINDRISC's "ever found to have high blood glucose": a prediabetes diagnosis or a stored value in that range.
  const highA1c = (await readDaily(db, 'hba1c')).find((r) => r.max >= 5.7);
  if (conditions.has('prediabetes')) set('highGlucoseHistory', true, 'prediabetes in imported records');
  else if (highA1c) set('highGlucoseHistory', true, `HbA1c ${r1(highA1c.max)} % on ${highA1c.day}`);

  // The person's own answers win over what the data suggests (the data's value stays a suggestion).
  for (const [k, v] of Object.entries(stored?.answers ?? {}) as [keyof RiskProfile, never][]) set(k, v, 'your answer');
  if (p.treatedHypertension !== undefined) p.treatedHypertension = !!p.bpMedication && (p.hypertension ?? true);
  return { profile: p, provenance: prov, suggestion: suggest(p), ...(activity ? { activity } : {}) };
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
