/**
 * The virtual person a `simulate` profile (docs/cli.md, the `risk` profile) describes. Sex,
 * age, height and weight are needed; a missing glucose or HbA1c is filled from the other through
 * the model's steady state, and both from population defaults when neither is known (with a warning).
 */
import { profileBmi, type RiskProfile } from '../risk/profile.ts';
import { WHIG_TYPICAL } from '../physiology/whig.ts';
import { MG_DL_PER_MMOL_L, type VirtualPerson } from './members.ts';
import type { TwinNote } from './notes.ts';

/** Population defaults when no glucose value is known: US adults without diabetes (NHANES 2017–2020 medians ≈ 99 mg/dL and 5.4 %). */
const DEFAULT_FPG_MG_DL = 99;
const DEFAULT_HBA1C_PERCENT = 5.4;

/**
 * Why no virtual person can be built, for the app to word in the person's language and units
 * (values in canonical units: years, kg/m², mg/dL, µIU/mL). `reason` says the same in English for
 * the CLI, naming the profile field.
 */
export type CannotSimulate =
  | { kind: 'missing'; field: 'sex' | 'age' | 'height' | 'weight' }
  | { kind: 'outside'; field: 'age' | 'bmi' | 'fastingGlucose' | 'fastingInsulin'; value: number | null; min: number; max: number };

/** `warnings` in English (the CLI's); `notes` the same as data, for the app to word. */
export type PersonResult =
  { ok: true; person: VirtualPerson; warnings: string[]; notes: TwinNote[] } | { ok: false; reason: string; why: CannotSimulate };

const missing = (field: 'sex' | 'age' | 'height' | 'weight', reason: string): PersonResult => ({
  ok: false,
  reason,
  why: { kind: 'missing', field },
});
const outside = (
  field: 'age' | 'bmi' | 'fastingGlucose' | 'fastingInsulin',
  value: number | null,
  [min, max]: [number, number],
  reason: string,
): PersonResult => ({ ok: false, reason, why: { kind: 'outside', field, value, min, max } });

/** The ranges the twin's models accept (adult Hall model; its BMI; the glycaemia model; HOMA insulin). */
export const TWIN_RANGES = {
  ageYears: [18, 100],
  bmi: [15, 70],
  fastingGlucoseMgDl: [60, 400],
  fastingInsulinMicroIuMl: [1, 300],
} as const satisfies Record<string, [number, number]>;

export function personFromProfile(p: RiskProfile & { fastingInsulinMicroIuMl?: number }): PersonResult {
  const warnings: string[] = [];
  const notes: TwinNote[] = [];
  const R = TWIN_RANGES;
  if (!p.sex) return missing('sex', 'profile.sex is needed to simulate');
  if (p.age === undefined) return missing('age', 'profile.age is needed to simulate');
  if (p.age < R.ageYears[0] || p.age > R.ageYears[1])
    return outside('age', p.age, R.ageYears, `profile.age ${p.age} is outside the adult model's ${R.ageYears.join('-')}`);
  if (p.heightCm === undefined) return missing('height', 'profile.heightCm is needed to simulate');
  const heightM = p.heightCm / 100;
  const weightKg = p.weightKg ?? (p.bmi !== undefined ? p.bmi * heightM ** 2 : undefined);
  if (weightKg === undefined) return missing('weight', 'profile.weightKg (or bmi) is needed to simulate');
  const bmi = profileBmi({ ...p, weightKg });
  if (bmi !== undefined && (bmi < R.bmi[0] || bmi > R.bmi[1]))
    return outside('bmi', bmi, R.bmi, `BMI ${bmi.toFixed(1)} is outside the body-weight model's ${R.bmi.join('-')}`);
  const { kin, ppg, mttDays } = WHIG_TYPICAL;
  let fpg = p.fastingGlucoseMgDl;
  let a1c = p.hba1cPercent;
  if (fpg === undefined && a1c === undefined) {
    warnings.push(
      `no fasting glucose or HbA1c: population defaults ${DEFAULT_FPG_MG_DL} mg/dL and ${DEFAULT_HBA1C_PERCENT} % used; the forecast is not personal`,
    );
    notes.push({ code: 'defaults', glucoseMgDl: DEFAULT_FPG_MG_DL, hba1cPercent: DEFAULT_HBA1C_PERCENT });
    fpg = DEFAULT_FPG_MG_DL;
    a1c = DEFAULT_HBA1C_PERCENT;
  } else if (fpg === undefined) {
    fpg = Math.max(72, ((a1c! / mttDays - ppg) / kin) * MG_DL_PER_MMOL_L);
    warnings.push(`no fasting glucose: ${fpg.toFixed(0)} mg/dL inferred from HbA1c`);
    notes.push({ code: 'glucoseInferred', glucoseMgDl: fpg });
  } else if (a1c === undefined) {
    a1c = mttDays * (kin * (fpg / MG_DL_PER_MMOL_L) + ppg);
    warnings.push(`no HbA1c: ${a1c.toFixed(2)} % inferred from fasting glucose`);
    notes.push({ code: 'hba1cInferred', hba1cPercent: a1c });
  }
  const fsi = p.fastingInsulinMicroIuMl;
  const [fsiMin, fsiMax] = R.fastingInsulinMicroIuMl;
  if (fsi !== undefined && !(typeof fsi === 'number' && Number.isFinite(fsi) && fsi >= fsiMin && fsi <= fsiMax)) {
    return outside(
      'fastingInsulin',
      typeof fsi === 'number' && Number.isFinite(fsi) ? fsi : null,
      R.fastingInsulinMicroIuMl,
      `profile.fastingInsulinMicroIuMl must be a number from ${fsiMin} to ${fsiMax} µIU/mL (got ${JSON.stringify(fsi)})`,
    );
  }
  if (p.diabetes === true || fpg! >= 126 || a1c! >= 6.5) {
    warnings.push(
      'the profile already has diabetes or values in its range: the twin is built for prevention, so its diabetes probability and the WHIG re-parameterization for people without diabetes do not apply',
    );
    notes.push({ code: 'diabetesRange' });
  }
  const [fpgMin, fpgMax] = R.fastingGlucoseMgDl;
  if (fpg! < fpgMin || fpg! > fpgMax)
    return outside(
      'fastingGlucose',
      fpg!,
      R.fastingGlucoseMgDl,
      `fasting glucose ${fpg} mg/dL is outside the glycaemia model's ${fpgMin}-${fpgMax}`,
    );
  return {
    ok: true,
    warnings,
    notes,
    person: {
      sex: p.sex,
      ageYears: p.age,
      heightM,
      weightKg,
      fastingGlucoseMgDl: fpg!,
      hba1cPercent: a1c!,
      ...(p.fastingInsulinMicroIuMl !== undefined ? { fastingInsulinMicroIuMl: p.fastingInsulinMicroIuMl } : {}),
      physicalActivityLevel: p.physicalActivityLevel ?? 1.5,
    },
  };
}
