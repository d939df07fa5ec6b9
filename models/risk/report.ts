/**
 * Every validated risk equation the profile has the inputs for (contracts.md §2 `risk`). A score
 * whose inputs are missing or outside its published range is `null`, with the reason in `warnings`.
 * Percent everywhere; rounding as the sources print (QDiabetes 7 significant digits as the R
 * package, PREVENT 2 decimals, PCE and Framingham 1 decimal).
 */
import { adaRiskTest } from './ada.ts';
import { round, signif, type Result } from './common.ts';
import { findrisc, type FindriscResult } from './findrisc.ts';
import { framinghamOffspring } from './framingham-offspring.ts';
import { pooledCohort } from './pce.ts';
import { prevent, type PreventModel, type PreventOutcome } from './prevent.ts';
import { profileBmi, type RiskProfile } from './profile.ts';
import { qdiabetes2018, type QDiabetes2018Input, type QEthnicity, type QModel, type QSmoking } from './qdiabetes2018.ts';

export interface RiskReport {
  qdiabetes2018: { A: number | null; B: number | null; C: number | null };
  findrisc: FindriscResult | null;
  ada: { points: number; highRisk: boolean } | null;
  framinghamOffspring: { risk8yPercent: number } | null;
  pce: { ascvd10yPercent: number } | null;
  prevent: {
    base10y: Record<PreventOutcome, number | null> | null;
    base30y: Record<PreventOutcome, number | null> | null;
    hba1c10y: Record<PreventOutcome, number | null> | null;
  };
  warnings: string[];
}

const Q_ETH: Record<NonNullable<RiskProfile['ethnicity']>, QEthnicity> = {
  white: 'WhiteNA', not_stated: 'WhiteNA', indian: 'Indian', pakistani: 'Pakistani', bangladeshi: 'Bangladeshi', other_asian: 'OtherAsian',
  black_caribbean: 'BlackCaribbean', black_african: 'BlackAfrican', african_american: 'BlackAfrican', chinese: 'Chinese', hispanic: 'Other', other: 'Other',
};
const Q_SMOKE: Record<NonNullable<RiskProfile['smoking']>, QSmoking> = { non: 'Non', ex: 'Ex', light: 'Light', moderate: 'Moderate', heavy: 'Heavy' };

/** Names of the inputs that are missing, for a "needs …" reason. */
function missing(p: RiskProfile, keys: (keyof RiskProfile | 'bmi')[]): string[] {
  return keys.filter((k) => (k === 'bmi' ? profileBmi(p) === undefined : p[k] === undefined));
}

/** The QDiabetes-2018 input, with the profile's documented defaults (Townsend 0, flags false). */
export function qdiabetesInput(p: RiskProfile): QDiabetes2018Input {
  return {
    sex: p.sex!, ageYears: p.age!, bmiKgM2: profileBmi(p)!, ethnicity: Q_ETH[p.ethnicity ?? 'not_stated'], smoking: Q_SMOKE[p.smoking ?? 'non'],
    townsend: p.townsend ?? 0, fastingGlucoseMgDl: p.fastingGlucoseMgDl, hba1cPercent: p.hba1cPercent,
    atypicalAntipsychotic: !!p.atypicalAntipsychotic, corticosteroids: !!p.corticosteroids, cvd: !!p.cvd, gestationalDiabetes: !!p.gestationalDiabetes,
    learningDisability: !!p.learningDisability, schizophreniaOrBipolar: !!p.schizophreniaOrBipolar, pcos: !!p.pcos, statin: !!p.statin,
    treatedHypertension: !!p.treatedHypertension, familyHistoryFirstDegree: p.familyHistoryDiabetes === 'first_degree',
  };
}

export function riskReport(p: RiskProfile): RiskReport {
  const warnings: string[] = [];
  const take = <T, U>(name: string, r: Result<T>, map: (v: T) => U): U | null => {
    if (r.ok) return map(r.value);
    warnings.push(`${name}: ${r.reason}; not computed`);
    return null;
  };
  const need = (name: string, keys: (keyof RiskProfile | 'bmi')[], extra?: string): boolean => {
    const m = missing(p, keys);
    if (extra) warnings.push(`${name}: ${extra}; not computed`);
    else if (m.length) warnings.push(`${name}: needs ${m.join(', ')}; not computed`);
    return !extra && m.length === 0;
  };
  const bmi = profileBmi(p);
  const hasDiabetes = p.diabetes === true ? 'already has diabetes (the score predicts new diabetes)' : undefined;

  // QDiabetes-2018
  const q: RiskReport['qdiabetes2018'] = { A: null, B: null, C: null };
  if (need('qdiabetes2018', ['sex', 'age', 'bmi'], hasDiabetes)) {
    if (p.heightCm !== undefined && p.weightKg !== undefined && (p.heightCm < 140 || p.heightCm > 210 || p.weightKg < 40 || p.weightKg > 180)) {
      warnings.push(`qdiabetes2018: height ${p.heightCm} cm or weight ${p.weightKg} kg outside 140-210 cm / 40-180 kg; not computed`);
    } else {
      const input = qdiabetesInput(p);
      for (const m of ['A', 'B', 'C'] as QModel[]) {
        if (m === 'B' && p.fastingGlucoseMgDl === undefined) continue;
        if (m === 'C' && p.hba1cPercent === undefined) continue;
        q[m] = take(`qdiabetes2018 ${m}`, qdiabetes2018(input, m), (v) => signif(v, 7));
      }
      if (p.fastingGlucoseMgDl === undefined) warnings.push('qdiabetes2018 B: needs fastingGlucoseMgDl; not computed');
      if (p.hba1cPercent === undefined) warnings.push('qdiabetes2018 C: needs hba1cPercent; not computed');
    }
  }

  const f = need('findrisc', ['sex', 'age', 'bmi', 'waistCm', 'physicallyActiveDaily', 'dailyFruitVegetables', 'bpMedication', 'highGlucoseHistory', 'familyHistoryDiabetes'], hasDiabetes)
    ? take('findrisc', findrisc({
      sex: p.sex!, ageYears: p.age!, bmiKgM2: bmi!, waistCm: p.waistCm!, physicallyActiveDaily: p.physicallyActiveDaily!, dailyFruitVegetables: p.dailyFruitVegetables!,
      bpMedication: p.bpMedication!, highGlucoseHistory: p.highGlucoseHistory!, familyHistoryDiabetes: p.familyHistoryDiabetes!,
    }), (v) => v)
    : null;

  const hypertension = p.hypertension ?? (p.treatedHypertension || p.bpMedication ? true : undefined);
  const ada = need('ada', ['sex', 'age', 'bmi', 'familyHistoryDiabetes', 'physicallyActive', ...(hypertension === undefined ? ['hypertension' as const] : [])], hasDiabetes)
    ? take('ada', adaRiskTest({
      sex: p.sex!, ageYears: p.age!, bmiKgM2: bmi!, gestationalDiabetes: !!p.gestationalDiabetes, familyHistoryFirstDegree: p.familyHistoryDiabetes === 'first_degree',
      hypertension: hypertension!, physicallyActive: p.physicallyActive!,
    }), (v) => v)
    : null;

  const bpTreated = !!(p.bpMedication || p.treatedHypertension);
  const fram = need('framinghamOffspring', ['sex', 'age', 'bmi', 'familyHistoryDiabetes', 'systolicBpMmHg', 'diastolicBpMmHg', 'hdlMgDl', 'triglyceridesMgDl', 'fastingGlucoseMgDl'], hasDiabetes)
    ? take('framinghamOffspring', framinghamOffspring({
      sex: p.sex!, ageYears: p.age!, bmiKgM2: bmi!, parentalHistory: p.familyHistoryDiabetes === 'first_degree', systolicBpMmHg: p.systolicBpMmHg!,
      diastolicBpMmHg: p.diastolicBpMmHg!, bpTreated, hdlMgDl: p.hdlMgDl!, triglyceridesMgDl: p.triglyceridesMgDl!, fastingGlucoseMgDl: p.fastingGlucoseMgDl!,
    }), (v) => ({ risk8yPercent: round(v, 1) }))
    : null;

  const smoker = p.smoking === 'light' || p.smoking === 'moderate' || p.smoking === 'heavy';
  const hasCvd = p.cvd === true ? 'has cardiovascular disease (the equations are for primary prevention)' : undefined;
  const pce = need('pce', ['sex', 'age', 'totalCholesterolMgDl', 'hdlMgDl', 'systolicBpMmHg'], hasCvd)
    ? take('pce', pooledCohort({
      sex: p.sex!, africanAmerican: p.ethnicity === 'african_american' || p.ethnicity === 'black_caribbean' || p.ethnicity === 'black_african',
      ageYears: p.age!, totalCholesterolMgDl: p.totalCholesterolMgDl!, hdlMgDl: p.hdlMgDl!, systolicBpMmHg: p.systolicBpMmHg!, bpTreated,
      currentSmoker: smoker, diabetes: !!p.diabetes,
    }), (v) => ({ ascvd10yPercent: round(v, 1) }))
    : null;

  const prev: RiskReport['prevent'] = { base10y: null, base30y: null, hba1c10y: null };
  if (need('prevent', ['sex', 'age', 'totalCholesterolMgDl', 'hdlMgDl', 'systolicBpMmHg', 'egfr'], hasCvd)) {
    const input = {
      sex: p.sex!, ageYears: p.age!, totalCholesterolMgDl: p.totalCholesterolMgDl!, hdlMgDl: p.hdlMgDl!, systolicBpMmHg: p.systolicBpMmHg!,
      bmiKgM2: bmi, egfr: p.egfr!, diabetes: !!p.diabetes, currentSmoker: smoker, bpTreated, statin: !!p.statin, hba1cPercent: p.hba1cPercent,
    };
    const run = (model: PreventModel): Record<PreventOutcome, number | null> | null => {
      if (model === 'base30y' && !(p.age! >= 30 && p.age! <= 59)) {
        warnings.push(`prevent base30y: age ${p.age} outside 30-59; not computed`);
        return null;
      }
      if (model === 'hba1c10y' && p.hba1cPercent === undefined) {
        warnings.push('prevent hba1c10y: needs hba1cPercent; not computed');
        return null;
      }
      const out = {} as Record<PreventOutcome, number | null>;
      for (const o of ['cvd', 'ascvd', 'hf'] as PreventOutcome[]) out[o] = take(`prevent ${model} ${o}`, prevent(input, model, o), (v) => round(v, 2));
      return Object.values(out).every((v) => v === null) ? null : out;
    };
    prev.base10y = run('base10y');
    prev.base30y = run('base30y');
    prev.hba1c10y = run('hba1c10y');
  }
  return { qdiabetes2018: q, findrisc: f, ada, framinghamOffspring: fram, pce, prevent: prev, warnings };
}
