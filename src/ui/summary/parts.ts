/**
 * The visit summary's words that are worked out, not just looked up (SummaryPage.tsx): a plan's
 * settings, how old a value is when it is old enough to say so, which BMI and eGFR the summary
 * shows, and the problem and medication lists with where each item came from. Pure: the page
 * gathers the data.
 */
import type { MetricId } from '../../../models/metrics.ts';
import { DAY_MS, dayInDeviceZone } from '../../../models/util/time.ts';
import { fromCanonical } from '../../../models/units.ts';
import type { RiskProfile } from '../../../models/risk/profile.ts';
import type { ProfileRow } from '../../data/rows.ts';
import type { InputSource } from '../../risk/profile-builder.ts';
import { ageWords, unitFor, weightChange, type UnitSettings } from '../format.ts';
import { t, tn, type MessageKey } from '../i18n/index.ts';
import { CONDITIONS, MEDICATIONS } from '../profile/fields.ts';

/** A signed number with a true minus, as the what-if writes its plans (−500, +150). */
function signed(x: number, digits = 1): string {
  const n = new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(Math.abs(x));
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${n}`;
}

/**
 * A saved plan's settings in a few words, in the user's units: "−5 kg weight, +150 min/week
 * activity". A plan without any change says so. Unknown fields (a later version's) are left out.
 */
export function planSettings(scenario: Record<string, unknown>, units: UnitSettings): string {
  const num = (k: string): number | undefined =>
    typeof scenario[k] === 'number' && Number.isFinite(scenario[k]) ? scenario[k] : undefined;
  const parts: string[] = [];
  const kg = num('weightChangeKg');
  if (kg !== undefined && kg !== 0) {
    // As the what-if's slider shows it (−7.5 kg, −17 lb): one source, weightChange.
    const w = weightChange(kg, units);
    parts.push(t('summary.set.weight', { change: w.text, unit: w.unit }));
  }
  const kcal = num('energyIntakeChangeKcalPerDay');
  if (kcal !== undefined && kcal !== 0) parts.push(t('summary.set.intake', { change: signed(kcal, 0) }));
  const minutes = num('activityMinutesPerWeek');
  if (minutes !== undefined && minutes !== 0) parts.push(t('summary.set.activity', { change: signed(minutes, 0) }));
  const pal = num('physicalActivityLevel');
  if (pal !== undefined) parts.push(t('summary.set.activityLevel', { value: new Intl.NumberFormat(undefined).format(pal) }));
  if (scenario.metformin === true) parts.push(t('summary.set.metformin'));
  const smoking = scenario.smoking;
  if (smoking === 'non' || smoking === 'ex') parts.push(t('summary.set.stopSmoking'));
  else if (smoking === 'light' || smoking === 'moderate' || smoking === 'heavy')
    parts.push(t('summary.set.smoking', { level: t(`whatif.plan.smoking.${smoking}`) }));
  const start = num('startDay');
  if (start !== undefined && start > 0 && parts.length) parts.push(tn('summary.set.start', start));
  return parts.length ? parts.join(t('common.listSeparator')) : t('summary.set.none');
}

/**
 * After how many days a value is old enough for the summary to say how old it is. Clinic
 * measurements and laboratory results: a year, the interval of the annual review of weight, blood
 * pressure, HbA1c, lipids and kidney function (NICE NG28, type 2 diabetes in adults, 1.6 and 1.3;
 * NICE NG136 hypertension, 1.4: annual review). Device readings come every day or every few
 * minutes: one a month old is an old one (the AGP reads the latest 14 days, Battelino 2019).
 */
export const STALE_AFTER_DAYS = 365;
export const STALE_DEVICE_AFTER_DAYS = 30;
const DEVICE: ReadonlySet<MetricId> = new Set<MetricId>(['cgm_glucose', 'resting_heart_rate', 'heart_rate', 'steps', 'exercise_minutes']);

export function staleAfterDays(metric: MetricId): number {
  return DEVICE.has(metric) ? STALE_DEVICE_AFTER_DAYS : STALE_AFTER_DAYS;
}

/** "7 years old" for a value older than its metric's limit, else undefined. */
export function staleFlag(metric: MetricId, ageDays: number): string | undefined {
  return ageDays > staleAfterDays(metric) ? ageWords(ageDays) : undefined;
}

/** Whole days from a local calendar day (YYYY-MM-DD) to today on this device. */
export function daysSinceDay(day: string, nowMs: number): number {
  return Math.round((Date.parse(`${dayInDeviceZone(nowMs)}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY_MS);
}

/** Whole days from an instant to now. */
export function daysSince(atMs: number, nowMs: number): number {
  return Math.floor((nowMs - atMs) / DAY_MS);
}

/** A value the summary shows beside the stored readings: its day, and how it was found where calculated. */
export interface KeyValue {
  value: number;
  /** Local day (YYYY-MM-DD) of the reading, or of the reading it was calculated from. */
  day: string;
  /** How it was calculated (words), absent for a recorded value. */
  calculated?: string;
}

type Built = { profile: RiskProfile; sources: Partial<Record<keyof RiskProfile, InputSource>> };

/**
 * The BMI the risk scores used (src/risk/profile-builder.ts): calculated from the latest weight and
 * the height (the profile's, or the latest measured) where both are known, else the latest recorded
 * BMI. Its day is the weight's, or the recorded BMI's.
 */
export function bmiValue(r: Built): KeyValue | undefined {
  const s = r.sources.bmi;
  if (s?.from === 'bmi') return { value: s.bmi, day: s.weightDay, calculated: t('summary.calc.bmi') };
  if (s?.from === 'reading' && r.profile.bmi !== undefined) return { value: r.profile.bmi, day: s.day };
  return undefined;
}

/**
 * The eGFR the risk scores used: the latest recorded eGFR, else CKD-EPI 2021 from the latest
 * creatinine with the age and sex in the profile. Its day is the reading's.
 */
export function egfrValue(r: Built, units: UnitSettings): KeyValue | undefined {
  const s = r.sources.egfr;
  if (r.profile.egfr === undefined) return undefined;
  if (s?.from === 'reading') return { value: r.profile.egfr, day: s.day };
  if (s?.from === 'egfr') {
    const u = unitFor('creatinine', units);
    const creatinine = new Intl.NumberFormat(undefined, { maximumFractionDigits: u.digits, minimumFractionDigits: u.digits }).format(
      fromCanonical('creatinine', s.creatinineMgDl, u.unit),
    );
    return { value: r.profile.egfr, day: s.day, calculated: t('summary.calc.egfr', { creatinine, unit: u.label }) };
  }
  return undefined;
}

/** One condition or medication on the summary, with where it came from in words. */
export interface ListItem {
  value: string;
  label: string;
  from: string;
  /** In a record only: not (yet) in the profile the scores use. */
  unconfirmed?: boolean;
}

/**
 * The profile's conditions or medications (the ones Doppel's scores use), each with its origin: a
 * record (the file), a record the person confirmed, the person's own entry; then the items a record
 * lists that the person has not confirmed yet. In a review every item came with the shared twin.
 */
export function listItems(profile: ProfileRow | null | undefined, list: 'conditions' | 'medications', shared: boolean): ListItem[] {
  const names = list === 'conditions' ? CONDITIONS : MEDICATIONS;
  const label = (v: string): string => {
    const k = names.find(([c]) => c === v)?.[1];
    return k ? t(k as MessageKey) : v;
  };
  const prov = profile?.provenance;
  const items: ListItem[] = (profile?.[list] ?? []).map((v) => {
    const o = prov?.[`${list}:${v}`];
    let from: string;
    if (shared) from = t('summary.from.shared');
    else if (o?.by === 'import') from = o.source ? t('summary.from.record', { source: o.source }) : t('summary.from.someRecord');
    else if (o?.source) from = t('summary.from.confirmed', { source: o.source });
    else from = t('summary.from.person');
    return { value: v, label: label(v), from };
  });
  const seen = new Set(items.map((i) => i.value));
  for (const c of profile?.pendingConflicts ?? []) {
    const v = String(c.value);
    if (c.field !== list || seen.has(v)) continue;
    seen.add(v);
    items.push({
      value: v,
      label: label(v),
      from: t(c.indirect ? 'summary.from.claim' : 'summary.from.unconfirmed', { source: c.source }),
      unconfirmed: true,
    });
  }
  return items;
}

/**
 * Which risk inputs the summary lists under the scores: those the page does not already show. Left
 * out are sex and age (in the header), a reading shown in the key measurements from the same day,
 * (blood pressure too, when it is one reading), the BMI and eGFR rows' values, and the condition and
 * medication flags (the lists). Everything else stays: answers, the profile's other fields, averages
 * (blood pressure over several readings, activity) and readings the table shows from another day (a
 * fasting glucose older than the latest glucose).
 */
export function otherInputs<K extends string>(sources: Partial<Record<K, InputSource>>, shownDays: Partial<Record<MetricId, string>>): K[] {
  return (Object.entries(sources) as [K, InputSource][])
    .filter(([key, s]) => {
      if (key === 'sex' || key === 'age') return false;
      if (s.from === 'bmi' || s.from === 'egfr' || s.from === 'conditions' || s.from === 'medications') return false;
      if (s.from === 'bp') return !(s.readings === 1 && shownDays[key === 'diastolicBpMmHg' ? 'diastolic_bp' : 'systolic_bp'] === s.day);
      return !(s.from === 'reading' && shownDays[s.metric] === s.day);
    })
    .map(([key]) => key);
}
