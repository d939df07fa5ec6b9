/**
 * The virtual person a `simulate` profile (docs/cli.md, the `risk` profile) describes. Sex,
 * age, height and weight are needed; a missing glucose or HbA1c is filled from the other through
 * the model's steady state, and both from population defaults when neither is known (with a warning).
 */
import { profileBmi, type RiskProfile } from '../risk/profile.ts';
import { WHIG_TYPICAL } from '../physiology/whig.ts';
import { MG_DL_PER_MMOL_L, type VirtualPerson } from './members.ts';

/** Population defaults when no glucose value is known: US adults without diabetes (NHANES 2017–2020 medians ≈ 99 mg/dL and 5.4 %). */
const DEFAULT_FPG_MG_DL = 99;
const DEFAULT_HBA1C_PERCENT = 5.4;

export type PersonResult = { ok: true; person: VirtualPerson; warnings: string[] } | { ok: false; reason: string };

export function personFromProfile(p: RiskProfile & { fastingInsulinMicroIuMl?: number }): PersonResult {
  const warnings: string[] = [];
  if (!p.sex) return { ok: false, reason: 'profile.sex is needed to simulate' };
  if (p.age === undefined) return { ok: false, reason: 'profile.age is needed to simulate' };
  if (p.age < 18 || p.age > 100) return { ok: false, reason: `profile.age ${p.age} is outside the adult model's 18-100` };
  if (p.heightCm === undefined) return { ok: false, reason: 'profile.heightCm is needed to simulate' };
  const heightM = p.heightCm / 100;
  const weightKg = p.weightKg ?? (p.bmi !== undefined ? p.bmi * heightM ** 2 : undefined);
  if (weightKg === undefined) return { ok: false, reason: 'profile.weightKg (or bmi) is needed to simulate' };
  const bmi = profileBmi({ ...p, weightKg });
  if (bmi !== undefined && (bmi < 15 || bmi > 70))
    return { ok: false, reason: `BMI ${bmi.toFixed(1)} is outside the body-weight model's 15-70` };
  const { kin, ppg, mttDays } = WHIG_TYPICAL;
  let fpg = p.fastingGlucoseMgDl;
  let a1c = p.hba1cPercent;
  if (fpg === undefined && a1c === undefined) {
    warnings.push(
      `no fasting glucose or HbA1c: population defaults ${DEFAULT_FPG_MG_DL} mg/dL and ${DEFAULT_HBA1C_PERCENT} % used; the forecast is not personal`,
    );
    fpg = DEFAULT_FPG_MG_DL;
    a1c = DEFAULT_HBA1C_PERCENT;
  } else if (fpg === undefined) {
    fpg = Math.max(72, ((a1c! / mttDays - ppg) / kin) * MG_DL_PER_MMOL_L);
    warnings.push(`no fasting glucose: ${fpg.toFixed(0)} mg/dL inferred from HbA1c`);
  } else if (a1c === undefined) {
    a1c = mttDays * (kin * (fpg / MG_DL_PER_MMOL_L) + ppg);
    warnings.push(`no HbA1c: ${a1c.toFixed(2)} % inferred from fasting glucose`);
  }
  const fsi = p.fastingInsulinMicroIuMl;
  if (fsi !== undefined && !(typeof fsi === 'number' && Number.isFinite(fsi) && fsi >= 1 && fsi <= 300)) {
    return { ok: false, reason: `profile.fastingInsulinMicroIuMl must be a number from 1 to 300 µIU/mL (got ${JSON.stringify(fsi)})` };
  }
  if (p.diabetes === true || fpg! >= 126 || a1c! >= 6.5) {
    warnings.push(
      'the profile already has diabetes or values in its range: the twin is built for prevention, so its diabetes probability and the WHIG re-parameterization for people without diabetes do not apply',
    );
  }
  if (fpg! < 60 || fpg! > 400) return { ok: false, reason: `fasting glucose ${fpg} mg/dL is outside the glycaemia model's 60-400` };
  return {
    ok: true,
    warnings,
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
