/** The risk page's inputs table: each input's name and value in the user's words and units. */
import type { MetricId } from '../../../models/metrics.ts';
import { profileBmi, type RiskProfile } from '../../../models/risk/profile.ts';
import type { Settings } from '../../data/settings.ts';
import { display } from '../format.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { en } from '../i18n/en.ts';
import { ETHNICITIES, FAMILY, SMOKING } from '../profile/fields.ts';

const METRIC_OF: Partial<Record<keyof RiskProfile, MetricId>> = {
  weightKg: 'body_weight',
  fastingGlucoseMgDl: 'blood_glucose',
  hba1cPercent: 'hba1c',
  totalCholesterolMgDl: 'total_cholesterol',
  hdlMgDl: 'hdl_cholesterol',
  triglyceridesMgDl: 'triglycerides',
  systolicBpMmHg: 'systolic_bp',
  diastolicBpMmHg: 'diastolic_bp',
  heightCm: 'height',
  waistCm: 'waist_circumference',
  egfr: 'egfr',
};
const CHOICES: Partial<Record<keyof RiskProfile, [string, MessageKey][]>> = {
  ethnicity: ETHNICITIES,
  smoking: SMOKING,
  familyHistoryDiabetes: FAMILY,
};

export function inputLabel(key: string): string {
  const k = `risk.in.${key}`;
  return k in en ? t(k as MessageKey) : key;
}

export function inputValue(key: keyof RiskProfile, p: RiskProfile, s: Settings): string {
  const v = key === 'bmi' ? profileBmi(p) : p[key];
  if (v === undefined || v === null) return '–';
  if (typeof v === 'boolean') return t(v ? 'risk.in.yes' : 'risk.in.no');
  if (key === 'sex') return t(v === 'female' ? 'profile.sex.female' : 'profile.sex.male');
  const choice = CHOICES[key]?.find(([c]) => c === v);
  if (choice) return t(choice[1]);
  if (typeof v !== 'number') return String(v);
  if (key === 'age') return t('risk.in.years', { n: v });
  if (key === 'bmi') return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(v)} kg/m²`;
  const metric = METRIC_OF[key];
  if (metric) {
    const d = display(metric, v, s);
    return `${d.text} ${d.unit}`.trim();
  }
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(v);
}
