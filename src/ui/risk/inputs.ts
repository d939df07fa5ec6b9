/** The risk inputs: each input's name, value and source in the user's words and units. */
import type { MetricId } from '../../../models/metrics.ts';
import { profileBmi, type RiskProfile } from '../../../models/risk/profile.ts';
import type { InputSource } from '../../risk/profile-builder.ts';
import { formatDay, withUnit, type UnitSettings } from '../format.ts';
import { t, tn, type MessageKey } from '../i18n/index.ts';
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

export function inputValue(key: keyof RiskProfile, p: RiskProfile, s: UnitSettings): string {
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
  if (metric) return withUnit(metric, v, s);
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(v);
}

/** Where an input came from, in words, with any value in the user's units and days as their locale writes them. */
export function sourceText(src: InputSource, s: UnitSettings): string {
  switch (src.from) {
    case 'profile':
      return t('risk.from.profile');
    case 'birthDate':
      return t('risk.from.birthDate', { date: formatDay(src.date) });
    case 'answer':
      return t('risk.from.answer');
    case 'reading':
      return t(src.entered ? 'risk.from.reading.entered' : 'risk.from.reading', { day: formatDay(src.day) });
    case 'bmi':
      return src.heightDay
        ? t('risk.from.bmiHeightReading', { weightDay: formatDay(src.weightDay), heightDay: formatDay(src.heightDay) })
        : t('risk.from.bmi', { weightDay: formatDay(src.weightDay) });
    case 'egfr':
      return t('risk.from.egfr', { creatinine: withUnit('creatinine', src.creatinineMgDl, s), day: formatDay(src.day) });
    case 'bp':
      return tn(src.entered ? 'risk.from.bp.entered' : 'risk.from.bp', src.readings, { day: formatDay(src.day) });
    case 'exercise':
      return t('risk.from.exercise', {
        minutes: Math.round(src.minPerWeek),
        days: src.days,
        from: formatDay(src.fromDay),
        day: formatDay(src.to),
        device: t(`risk.from.device.${src.device}`),
      });
    case 'conditions':
      return t('risk.from.conditions');
    case 'medications':
      return t('risk.from.medications');
    case 'prediabetes':
      return t('risk.from.prediabetes');
    case 'highHba1c':
      return t('risk.from.highHba1c', { value: withUnit('hba1c', src.hba1cPercent, s), day: formatDay(src.day) });
  }
}

/** Every input with its name, value and source, in the order the profile builder found them. */
export function inputRows(
  r: { profile: RiskProfile; sources: Partial<Record<keyof RiskProfile, InputSource>> },
  s: UnitSettings,
): { key: keyof RiskProfile; name: string; value: string; from: string }[] {
  return (Object.entries(r.sources) as [keyof RiskProfile, InputSource][]).map(([key, src]) => ({
    key,
    name: inputLabel(key),
    value: inputValue(key, r.profile, s),
    from: sourceText(src, s),
  }));
}
