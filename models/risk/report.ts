/**
 * Every validated risk equation the profile has the inputs for (docs/cli.md `risk`). A score
 * whose inputs are missing or outside its published range is `null`, with the reason in `warnings`.
 * Where a model's own reference implementation has a default (QDiabetes: white or not stated,
 * non-smoker, Townsend 0, conditions absent), an omitted input takes it and a warning says so; the
 * same for the yes/no inputs of PCE and PREVENT (smoking, diabetes, treatment): never silently.
 * Each warning comes with a note: the same as data (a code, the score and the values in canonical
 * units), which the app words from its message catalog; the English `warnings` are the CLI's.
 * Percent everywhere, at full precision (QDiabetes-2018 to 7 significant digits, as its reference R
 * package computes it): the screens and exports round for display, the report never does.
 */
import { adaRiskTest } from './ada.ts';
import { explain, round, signif, type Explanation, type RangeFailure, type Result, type ScoreWhy } from './common.ts';
import { findrisc, type FindriscResult } from './findrisc.ts';
import { framinghamOffspring } from './framingham-offspring.ts';
import { pooledCohort } from './pce.ts';
import { prevent, type PreventModel, type PreventOutcome } from './prevent.ts';
import { profileBmi, type RiskProfile } from './profile.ts';
import { glucoseMmolL, qdiabetes2018, type QDiabetes2018Input, type QEthnicity, type QModel, type QSmoking } from './qdiabetes2018.ts';

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
  /** Why a score is missing or what it assumed, in English (the CLI's), one per note. */
  warnings: string[];
  /** The same as `warnings`, as data for the app to word (in the same order). */
  notes: RiskNote[];
}

/** What a score takes where the profile omits an input (QDiabetes' R package defaults; "no" for a yes/no input). */
export type AssumedValue = 'whiteOrNotStated' | 'nonSmoker' | 'zero' | 'no';

/** A note on one score (`score`: the report's name for it, as its warnings begin), values in canonical units. */
export type RiskNote =
  | { code: 'notComputed'; score: string; why: ScoreWhy }
  | { code: 'assumed'; score: string; inputs: { input: keyof RiskProfile | 'bpTreatment'; as: AssumedValue }[] }
  | { code: 'bmiClamped'; score: string; bmi: number; usedAs: number }
  /** QDiabetes-2018 B with a fasting glucose below `belowMgDl`, where the model is not monotone. */
  | { code: 'lowGlucose'; score: string; belowMgDl: number };

const Q_ETH: Record<NonNullable<RiskProfile['ethnicity']>, QEthnicity> = {
  white: 'WhiteNA',
  not_stated: 'WhiteNA',
  indian: 'Indian',
  pakistani: 'Pakistani',
  bangladeshi: 'Bangladeshi',
  other_asian: 'OtherAsian',
  black_caribbean: 'BlackCaribbean',
  black_african: 'BlackAfrican',
  african_american: 'BlackAfrican',
  chinese: 'Chinese',
  hispanic: 'Other',
  other: 'Other',
};
const Q_SMOKE: Record<NonNullable<RiskProfile['smoking']>, QSmoking> = {
  non: 'Non',
  ex: 'Ex',
  light: 'Light',
  moderate: 'Moderate',
  heavy: 'Heavy',
};
const Q_FLAGS = [
  'atypicalAntipsychotic',
  'corticosteroids',
  'cvd',
  'learningDisability',
  'schizophreniaOrBipolar',
  'statin',
  'familyHistoryDiabetes',
] as const;

/** Whether the person is treated for high blood pressure, from whichever fields the profile has. */
export function bpTreatment(p: RiskProfile): boolean | undefined {
  if (p.treatedHypertension === true || p.bpMedication === true) return true;
  if (p.treatedHypertension === false && p.bpMedication === false) return false;
  return p.bpMedication ?? p.treatedHypertension;
}

/** Why the person's own labs put them in the diabetes range, where the diabetes scores do not apply. */
function diabetesRange(p: RiskProfile): RangeFailure | undefined {
  if (p.diabetes === true) return { reason: 'already has diabetes (the score predicts new diabetes)', why: { kind: 'hasDiabetes' } };
  if (p.hba1cPercent !== undefined && p.hba1cPercent >= 6.5)
    return {
      reason: `HbA1c ${p.hba1cPercent} % is in the diabetes range (the score predicts new diabetes)`,
      why: { kind: 'diabetesRange', input: 'hba1c', value: p.hba1cPercent },
    };
  if (p.fastingGlucoseMgDl !== undefined && p.fastingGlucoseMgDl >= 126)
    return {
      reason: `fasting glucose ${p.fastingGlucoseMgDl} mg/dL is in the diabetes range (the score predicts new diabetes)`,
      why: { kind: 'diabetesRange', input: 'fastingGlucose', value: p.fastingGlucoseMgDl },
    };
  return undefined;
}

/** The QDiabetes-2018 input, with the R package's defaults for what the profile omits. */
export function qdiabetesInput(p: RiskProfile): QDiabetes2018Input {
  return {
    sex: p.sex!,
    ageYears: p.age!,
    bmiKgM2: profileBmi(p)!,
    ethnicity: Q_ETH[p.ethnicity ?? 'not_stated'],
    smoking: Q_SMOKE[p.smoking ?? 'non'],
    townsend: p.townsend ?? 0,
    fastingGlucoseMgDl: p.fastingGlucoseMgDl,
    hba1cPercent: p.hba1cPercent,
    atypicalAntipsychotic: !!p.atypicalAntipsychotic,
    corticosteroids: !!p.corticosteroids,
    cvd: !!p.cvd,
    gestationalDiabetes: !!p.gestationalDiabetes,
    learningDisability: !!p.learningDisability,
    schizophreniaOrBipolar: !!p.schizophreniaOrBipolar,
    pcos: !!p.pcos,
    statin: !!p.statin,
    treatedHypertension: p.treatedHypertension ?? (p.hypertension === true && p.bpMedication === true),
    familyHistoryFirstDegree: p.familyHistoryDiabetes === 'first_degree',
  };
}

/**
 * Every score the profile has the inputs for. `drivers`, when given, receives each computed score's
 * explanation (explain(): its inputs' contributions, largest first), keyed as the warnings name it.
 */
export function riskReport(p: RiskProfile, drivers?: Record<string, Explanation[]>): RiskReport {
  const warnings: string[] = [];
  const notes: RiskNote[] = [];
  /** A note and its English warning, in step. */
  const warn = (note: RiskNote, text: string): void => {
    notes.push(note);
    warnings.push(text);
  };
  const notComputed = (score: string, f: RangeFailure): void =>
    warn({ code: 'notComputed', score, why: f.why }, `${score}: ${f.reason}; not computed`);
  const take = <T, U>(name: string, r: Result<T>, map: (v: T) => U): U | null => {
    if (r.ok) {
      if (drivers) drivers[name] = explain(r);
      return map(r.value);
    }
    notComputed(name, r);
    return null;
  };
  /** Checks the required inputs (or an exclusion); warns and returns false when the score cannot run. */
  const need = (name: string, keys: (keyof RiskProfile)[], exclusion?: RangeFailure): boolean => {
    if (exclusion) {
      notComputed(name, exclusion);
      return false;
    }
    const m = keys.filter((k) => (k === 'bmi' ? profileBmi(p) === undefined : p[k] === undefined));
    if (m.length) notComputed(name, { reason: `needs ${m.join(', ')}`, why: { kind: 'needs', inputs: m } });
    return m.length === 0;
  };
  const assumed = (name: string, list: [keyof RiskProfile | 'bpTreatment', string, AssumedValue][]): void => {
    const a = list.filter(([k]) => (k === 'bpTreatment' ? bpTreatment(p) === undefined : p[k] === undefined));
    if (a.length)
      warn(
        { code: 'assumed', score: name, inputs: a.map(([input, , as]) => ({ input, as })) },
        `${name}: not given, assumed ${a.map(([k, as]) => `${k} ${as}`).join(', ')}`,
      );
  };
  const bmi = profileBmi(p);
  const treated = bpTreatment(p);
  const smoker = p.smoking === 'light' || p.smoking === 'moderate' || p.smoking === 'heavy';
  const dmRange = diabetesRange(p);
  const hasCvd: RangeFailure | undefined =
    p.cvd === true
      ? { reason: 'has cardiovascular disease (the equations are for primary prevention)', why: { kind: 'hasCvd' } }
      : undefined;

  // QDiabetes-2018
  const q: RiskReport['qdiabetes2018'] = { A: null, B: null, C: null };
  if (need('qdiabetes2018', ['sex', 'age', 'bmi'], p.diabetes === true ? dmRange : undefined)) {
    if (
      p.heightCm !== undefined &&
      p.weightKg !== undefined &&
      (p.heightCm < 140 || p.heightCm > 210 || p.weightKg < 40 || p.weightKg > 180)
    ) {
      warn(
        { code: 'notComputed', score: 'qdiabetes2018', why: { kind: 'heightWeight', heightCm: p.heightCm, weightKg: p.weightKg } },
        `qdiabetes2018: height ${p.heightCm} cm or weight ${p.weightKg} kg outside 140-210 cm / 40-180 kg; not computed`,
      );
    } else {
      assumed('qdiabetes2018', [
        ['ethnicity', 'white or not stated', 'whiteOrNotStated'],
        ['smoking', 'non', 'nonSmoker'],
        ['townsend', '0', 'zero'],
        ...Q_FLAGS.map((k): [keyof RiskProfile, string, AssumedValue] => [k, 'no', 'no']),
        ['treatedHypertension', 'no', 'no'],
        ...(p.sex === 'female'
          ? ([
              ['gestationalDiabetes', 'no', 'no'],
              ['pcos', 'no', 'no'],
            ] as [keyof RiskProfile, string, AssumedValue][])
          : []),
      ]);
      if (bmi! < 20 || bmi! > 40)
        warn(
          { code: 'bmiClamped', score: 'qdiabetes2018', bmi: round(bmi!, 1), usedAs: bmi! < 20 ? 20 : 40 },
          `qdiabetes2018: BMI ${round(bmi!, 1)} used as ${bmi! < 20 ? 20 : 40} (the model's clamp)`,
        );
      const input = qdiabetesInput(p);
      const labs = dmRange && p.diabetes !== true ? dmRange : undefined;
      if (labs) notComputed('qdiabetes2018 A', labs);
      else q.A = take('qdiabetes2018 A', qdiabetes2018(input, 'A'), (v) => signif(v, 7));
      for (const m of ['B', 'C'] as QModel[]) {
        if (m === 'B' && p.fastingGlucoseMgDl === undefined)
          notComputed('qdiabetes2018 B', { reason: 'needs fastingGlucoseMgDl', why: { kind: 'needs', inputs: ['fastingGlucoseMgDl'] } });
        else if (m === 'C' && p.hba1cPercent === undefined)
          notComputed('qdiabetes2018 C', { reason: 'needs hba1cPercent', why: { kind: 'needs', inputs: ['hba1cPercent'] } });
        else q[m] = take(`qdiabetes2018 ${m}`, qdiabetes2018(input, m), (v) => signif(v, 7));
      }
      if (q.B !== null && glucoseMmolL(p.fastingGlucoseMgDl!) < 4) {
        warn(
          { code: 'lowGlucose', score: 'qdiabetes2018 B', belowMgDl: 4 * 18.016 },
          'qdiabetes2018 B: fasting glucose below 4.0 mmol/L, where the model is not monotone; read with caution',
        );
      }
    }
  }

  const f = need(
    'findrisc',
    [
      'sex',
      'age',
      'bmi',
      'waistCm',
      'physicallyActiveDaily',
      'dailyFruitVegetables',
      ...(treated === undefined ? ['bpMedication' as const] : []),
      'highGlucoseHistory',
      'familyHistoryDiabetes',
    ],
    dmRange,
  )
    ? take(
        'findrisc',
        findrisc({
          sex: p.sex!,
          ageYears: p.age!,
          bmiKgM2: bmi!,
          waistCm: p.waistCm!,
          physicallyActiveDaily: p.physicallyActiveDaily!,
          dailyFruitVegetables: p.dailyFruitVegetables!,
          bpMedication: treated!,
          highGlucoseHistory: p.highGlucoseHistory!,
          familyHistoryDiabetes: p.familyHistoryDiabetes!,
        }),
        (v) => v,
      )
    : null;

  const hypertension = p.hypertension ?? (treated === true ? true : undefined);
  const ada = need(
    'ada',
    ['sex', 'age', 'bmi', 'familyHistoryDiabetes', 'physicallyActive', ...(hypertension === undefined ? ['hypertension' as const] : [])],
    dmRange,
  )
    ? take(
        'ada',
        adaRiskTest({
          sex: p.sex!,
          ageYears: p.age!,
          bmiKgM2: bmi!,
          gestationalDiabetes: !!p.gestationalDiabetes,
          familyHistoryFirstDegree: p.familyHistoryDiabetes === 'first_degree',
          hypertension: hypertension!,
          physicallyActive: p.physicallyActive!,
        }),
        (v) => v,
      )
    : null;
  if (ada && p.sex === 'female' && p.gestationalDiabetes === undefined)
    warn(
      { code: 'assumed', score: 'ada', inputs: [{ input: 'gestationalDiabetes', as: 'no' }] },
      'ada: not given, assumed gestationalDiabetes no',
    );

  // Framingham: blood pressure counts when ≥ 130/85 or treated, so a treated person needs no readings.
  const fram = need(
    'framinghamOffspring',
    [
      'sex',
      'age',
      'bmi',
      'familyHistoryDiabetes',
      ...(treated ? [] : (['systolicBpMmHg', 'diastolicBpMmHg'] as (keyof RiskProfile)[])),
      'hdlMgDl',
      'triglyceridesMgDl',
      'fastingGlucoseMgDl',
    ],
    dmRange,
  )
    ? take(
        'framinghamOffspring',
        framinghamOffspring({
          sex: p.sex!,
          ageYears: p.age!,
          bmiKgM2: bmi!,
          parentalHistory: p.familyHistoryDiabetes === 'first_degree',
          systolicBpMmHg: p.systolicBpMmHg ?? 0,
          diastolicBpMmHg: p.diastolicBpMmHg ?? 0,
          bpTreated: !!treated,
          hdlMgDl: p.hdlMgDl!,
          triglyceridesMgDl: p.triglyceridesMgDl!,
          fastingGlucoseMgDl: p.fastingGlucoseMgDl!,
        }),
        (v) => ({ risk8yPercent: v }),
      )
    : null;

  const cvdAssumptions: [keyof RiskProfile | 'bpTreatment', string, AssumedValue][] = [
    ['smoking', 'non', 'nonSmoker'],
    ['diabetes', 'no', 'no'],
    ['bpTreatment', 'no (bpMedication/treatedHypertension)', 'no'],
  ];
  const pce = need('pce', ['sex', 'age', 'totalCholesterolMgDl', 'hdlMgDl', 'systolicBpMmHg'], hasCvd)
    ? take(
        'pce',
        pooledCohort({
          sex: p.sex!,
          africanAmerican: p.ethnicity === 'african_american' || p.ethnicity === 'black_caribbean' || p.ethnicity === 'black_african',
          ageYears: p.age!,
          totalCholesterolMgDl: p.totalCholesterolMgDl!,
          hdlMgDl: p.hdlMgDl!,
          systolicBpMmHg: p.systolicBpMmHg!,
          bpTreated: !!treated,
          currentSmoker: smoker,
          diabetes: !!p.diabetes,
        }),
        (v) => ({ ascvd10yPercent: v }),
      )
    : null;
  if (pce) assumed('pce', cvdAssumptions);

  const prev: RiskReport['prevent'] = { base10y: null, base30y: null, hba1c10y: null };
  if (need('prevent', ['sex', 'age', 'totalCholesterolMgDl', 'hdlMgDl', 'systolicBpMmHg', 'egfr'], hasCvd)) {
    const input = {
      sex: p.sex!,
      ageYears: p.age!,
      totalCholesterolMgDl: p.totalCholesterolMgDl!,
      hdlMgDl: p.hdlMgDl!,
      systolicBpMmHg: p.systolicBpMmHg!,
      bmiKgM2: bmi,
      egfr: p.egfr!,
      diabetes: !!p.diabetes,
      currentSmoker: smoker,
      bpTreated: !!treated,
      statin: !!p.statin,
      hba1cPercent: p.hba1cPercent,
    };
    const run = (model: PreventModel): Record<PreventOutcome, number | null> | null => {
      if (model === 'base30y' && !(p.age! >= 30 && p.age! <= 59)) {
        notComputed('prevent base30y', {
          reason: `age ${p.age} outside 30-59`,
          why: { kind: 'outside', input: 'age', value: p.age!, min: 30, max: 59 },
        });
        return null;
      }
      if (model === 'hba1c10y' && p.hba1cPercent === undefined) {
        notComputed('prevent hba1c10y', { reason: 'needs hba1cPercent', why: { kind: 'needs', inputs: ['hba1cPercent'] } });
        return null;
      }
      const results = (['cvd', 'ascvd', 'hf'] as PreventOutcome[]).map((o) => [o, prevent(input, model, o)] as const);
      const failures = results.flatMap(([, r]) => (r.ok ? [] : [r]));
      const reasons = [...new Set(failures.map((r) => r.reason))];
      // One warning per model when all outcomes fail for the same reason, else per outcome.
      if (reasons.length === 1 && failures.length === results.length) {
        notComputed(`prevent ${model}`, failures[0]!);
        return null;
      }
      const out = {} as Record<PreventOutcome, number | null>;
      for (const [o, r] of results) out[o] = take(`prevent ${model} ${o}`, r, (v) => v);
      return out;
    };
    prev.base10y = run('base10y');
    prev.base30y = run('base30y');
    prev.hba1c10y = run('hba1c10y');
    if (prev.base10y || prev.base30y || prev.hba1c10y) assumed('prevent', [...cvdAssumptions, ['statin', 'no', 'no']]);
  }
  return { qdiabetes2018: q, findrisc: f, ada, framinghamOffspring: fram, pce, prevent: prev, warnings, notes };
}
