/**
 * A risk score's drivers in the user's words and units. The models label their inputs in English and
 * in their own units (models/risk/*.ts); here each driver is named from the input it stands for and
 * valued from the person's risk profile, as the inputs table shows it.
 */
import type { Explanation } from '../../../models/risk/common.ts';
import type { RiskProfile } from '../../../models/risk/profile.ts';
import { withUnit, type UnitSettings } from '../format.ts';
import { t } from '../i18n/index.ts';
import { inputLabel, inputValue } from './inputs.ts';

/** Driver names that are not the profile's own input names. */
const INPUT_OF: Record<string, keyof RiskProfile> = { familyHistoryFirstDegree: 'familyHistoryDiabetes' };

/** `score` is the report's name of the score (`prevent base10y cvd`, `framinghamOffspring`, …). */
export function driverLabel(score: string, d: Pick<Explanation, 'input' | 'label'>, p: RiskProfile, s: UnitSettings): string {
  const key = INPUT_OF[d.input] ?? (d.input as keyof RiskProfile);
  // PREVENT's cholesterol term is non-HDL cholesterol (total − HDL).
  if (score.startsWith('prevent') && key === 'totalCholesterolMgDl' && p.totalCholesterolMgDl !== undefined && p.hdlMgDl !== undefined)
    return t('risk.driver.nonHdl', { value: withUnit('total_cholesterol', p.totalCholesterolMgDl - p.hdlMgDl, s) });
  // Framingham's blood-pressure term is systolic and diastolic together.
  if (score === 'framinghamOffspring' && key === 'systolicBpMmHg' && p.systolicBpMmHg !== undefined && p.diastolicBpMmHg !== undefined)
    return t('risk.driver.bp', { systolic: p.systolicBpMmHg, diastolic: p.diastolicBpMmHg });
  const value = inputValue(key, p, s);
  // An input the profile does not hold (a model's own term): its name alone, never a developer's label.
  return value === '–' ? inputLabel(key) : t('risk.driver', { name: inputLabel(key), value });
}
