/**
 * What Doppel reads from each Health Connect table, with its unit pinned to the AOSP record class
 * that writes it (Apache-2.0, `packages/modules/HealthFitness`; read at GrapheneOS's mirror,
 * commit a2ea653 of 2024-03-21; table and column names in tools/gen/health-connect-schema.ts):
 * the storage helper (`service/.../storage/datatypehelpers/<X>RecordHelper.java`) stores the value
 * its `<X>RecordInternal` holds, and `toExternalRecord` says which unit that is (`Mass.fromGrams`, …).
 * Times are epoch milliseconds (`time`, `start_time`, `end_time`, `epoch_millis`), zone offsets
 * seconds east of UTC (`ZoneOffset.getTotalSeconds`; InstantRecordHelper/IntervalRecordHelper).
 */
import type { MetricId } from '../../../models/metrics.ts';
import { FLAG_FASTING } from '../../../models/samples.ts';

/** One value a row gives: the metric, the value in `unit` (converted by models/units.ts), and flags. */
export interface Reading {
  metric: MetricId;
  value: number;
  unit: string;
  flags?: number;
}

/** A table of instant records (`time`, `zone_offset`): its value columns and how a row reads. */
export interface InstantTable {
  table: string;
  columns: readonly string[];
  read: (row: readonly unknown[]) => Reading[];
}
/** A table of interval records (`start_time` … `end_zone_offset`). */
export interface IntervalTable {
  table: string;
  columns: readonly string[];
  read: (row: readonly unknown[], startMs: number, endMs: number) => Reading[];
}

/** A number column's value; a column AOSP declares TEXT but fills with an int (blood glucose's relation_to_meal) holds it as text. */
const num = (x: unknown): number =>
  typeof x === 'number' ? x : typeof x === 'bigint' ? Number(x) : typeof x === 'string' && x.trim() !== '' ? Number(x) : NaN;
/** A nullable column: no reading when NULL. */
const some = (x: unknown, r: (v: number) => Reading): Reading[] => (x === null || x === undefined ? [] : [r(num(x))]);

/** BloodGlucoseRecord.RelationToMealType.RELATION_TO_MEAL_FASTING (framework/api/current.txt). */
const RELATION_TO_MEAL_FASTING = 2;

export const INSTANT_TABLES: readonly InstantTable[] = [
  // WeightRecordInternal: Mass.fromGrams(weight).
  { table: 'weight_record_table', columns: ['weight'], read: ([g]) => some(g, (v) => ({ metric: 'body_weight', value: v, unit: 'g' })) },
  // HeightRecordInternal: Length.fromMeters(height).
  { table: 'height_record_table', columns: ['height'], read: ([m]) => some(m, (v) => ({ metric: 'height', value: v, unit: 'm' })) },
  // BodyFatRecordInternal: Percentage.fromValue(percentage), 0–100.
  {
    table: 'body_fat_record_table',
    columns: ['percentage'],
    read: ([p]) => some(p, (v) => ({ metric: 'body_fat_percentage', value: v, unit: '%' })),
  },
  // BloodPressureRecordInternal: Pressure.fromMillimetersOfMercury(systolic / diastolic).
  {
    table: 'blood_pressure_record_table',
    columns: ['systolic', 'diastolic'],
    read: ([s, d]) => [
      ...some(s, (v) => ({ metric: 'systolic_bp', value: v, unit: 'mmHg' })),
      ...some(d, (v) => ({ metric: 'diastolic_bp', value: v, unit: 'mmHg' })),
    ],
  },
  // BloodGlucoseRecordInternal: BloodGlucose.fromMillimolesPerLiter(level).
  {
    table: 'blood_glucose_record_table',
    columns: ['level', 'relation_to_meal'],
    read: ([l, rel]) =>
      some(l, (v) => ({
        metric: 'blood_glucose',
        value: v,
        unit: 'mmol/L',
        flags: num(rel) === RELATION_TO_MEAL_FASTING ? FLAG_FASTING : 0,
      })),
  },
  // RestingHeartRateRecordInternal: beats per minute (long).
  {
    table: 'resting_heart_rate_record_table',
    columns: ['beats_per_minute'],
    read: ([b]) => some(b, (v) => ({ metric: 'resting_heart_rate', value: v, unit: '/min' })),
  },
  // HeartRateVariabilityRmssdRecordInternal: milliseconds (RMSSD, never SDNN: Doppel's hrv_rmssd).
  {
    table: 'heart_rate_variability_rmssd_record_table',
    columns: ['heart_rate_variability_millis'],
    read: ([ms]) => some(ms, (v) => ({ metric: 'hrv_rmssd', value: v, unit: 'ms' })),
  },
  // OxygenSaturationRecordInternal: Percentage.fromValue(percentage), 0–100.
  {
    table: 'oxygen_saturation_record_table',
    columns: ['percentage'],
    read: ([p]) => some(p, (v) => ({ metric: 'spo2', value: v, unit: '%' })),
  },
  // RespiratoryRateRecordInternal: breaths per minute (double).
  {
    table: 'respiratory_rate_record_table',
    columns: ['rate'],
    read: ([r]) => some(r, (v) => ({ metric: 'respiratory_rate', value: v, unit: '/min' })),
  },
];

export const INTERVAL_TABLES: readonly IntervalTable[] = [
  // StepsRecordInternal: a count over [start, end].
  { table: 'steps_record_table', columns: ['count'], read: ([c]) => some(c, (v) => ({ metric: 'steps', value: v, unit: 'count' })) },
  // NutritionRecordInternal: Energy.fromCalories(energy): calories, 1,000 to the kilocalorie (food
  // "Calories"). Doppel's models/units.ts reads "cal" as food calories, so the value is divided here.
  {
    table: 'nutrition_record_table',
    columns: ['energy'],
    read: ([cal]) => some(cal, (v) => ({ metric: 'dietary_energy', value: v / 1000, unit: 'kcal' })),
  },
  // ExerciseSessionRecordInternal: a session's span, as exercise minutes (any exercise type).
  {
    table: 'exercise_session_record_table',
    columns: ['exercise_type'],
    read: (_, s, e) => [{ metric: 'exercise_minutes', value: (e - s) / 60_000, unit: 'min' }],
  },
];

/**
 * SleepSessionRecord.StageType (framework/java/android/health/connect/datatypes/SleepSessionRecord.java):
 * which stages are sleep. Awake (1), awake out of bed (3) and awake in bed (7) are not; unknown (0)
 * is not counted either.
 */
export const SLEEP_STAGES: Readonly<Record<number, { name: string; asleep: boolean }>> = {
  0: { name: 'unknown', asleep: false },
  1: { name: 'awake', asleep: false },
  2: { name: 'sleeping', asleep: true },
  3: { name: 'awake, out of bed', asleep: false },
  4: { name: 'light sleep', asleep: true },
  5: { name: 'deep sleep', asleep: true },
  6: { name: 'REM sleep', asleep: true },
  7: { name: 'awake in bed', asleep: false },
};

/** Device.DEVICE_TYPE_* (framework/java/android/health/connect/datatypes/Device.java). */
export const DEVICE_TYPES: Readonly<Record<number, string>> = {
  0: '',
  1: 'watch',
  2: 'phone',
  3: 'scale',
  4: 'ring',
  5: 'head-mounted device',
  6: 'fitness band',
  7: 'chest strap',
  8: 'smart display',
};

/**
 * Tables a Health Connect database keeps that hold no records: the app and device lists (read as
 * sources), record children (read with their parents), and bookkeeping. Any other table with rows
 * is counted under `ignored` by its name.
 */
export const NOT_RECORDS = new Set([
  'application_info_table',
  'device_info_table',
  'heart_rate_record_table',
  'heart_rate_record_series_table',
  'sleep_session_record_table',
  'sleep_stages_table',
  'medical_resource_table',
  'medical_data_source_table',
  'medical_resource_indices_table',
  'access_logs_table',
  'change_logs_table',
  'change_logs_request_table',
  'preference_table',
  'activity_date_table',
  'health_data_category_priority_table',
  'migration_entity_table',
  'priority_migration_table',
  'android_metadata',
  'sqlite_sequence',
  'sqlite_stat1',
]);
