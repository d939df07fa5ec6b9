/**
 * Cardiovascular risk under a scenario: the published CVD equations re-scored with what the scenario
 * changes that they take as inputs. Smoking (docs/cli.md scenario `smoking`) is the CVD lever:
 * AHA PREVENT (Khan 2024) and the Pooled Cohort Equations (Goff 2013) count current smoking only, so
 * a quitter is scored as a non-smoker, which is the long-run benefit (risk after quitting falls over
 * years, not at once). The scenario's one-year weight enters PREVENT through BMI (heart-failure
 * outcome only). Metformin and activity have no input in these equations and are not applied.
 */
import type { RiskProfile } from '../risk/profile.ts';
import { riskReport } from '../risk/report.ts';
import type { Scenario } from './scenario.ts';

export interface CvdScenario {
  /** PREVENT base 10-year total CVD, %: today and under the scenario (null where inputs are missing). */
  prevent10yCvdPercent: { today: number | null; scenario: number | null };
  /** Pooled Cohort Equations 10-year ASCVD, %. */
  pce10yAscvdPercent: { today: number | null; scenario: number | null };
  /** Why a score is missing. */
  warnings: string[];
}

export function cvdUnderScenario(profile: RiskProfile, scenario: Scenario, weightAt1yKg?: number): CvdScenario {
  const changed: RiskProfile = { ...profile };
  if (scenario.smoking) changed.smoking = scenario.smoking;
  if (weightAt1yKg !== undefined && profile.weightKg !== undefined) changed.weightKg = weightAt1yKg;
  const today = riskReport(profile);
  const after = riskReport(changed);
  return {
    prevent10yCvdPercent: { today: today.prevent.base10y?.cvd ?? null, scenario: after.prevent.base10y?.cvd ?? null },
    pce10yAscvdPercent: { today: today.pce?.ascvd10yPercent ?? null, scenario: after.pce?.ascvd10yPercent ?? null },
    warnings: today.warnings.filter((w) => w.startsWith('prevent') || w.startsWith('pce')),
  };
}
