/**
 * The Health Connect tables Doppel's fixtures are built from, transcribed column by column from
 * AOSP's storage helpers (Apache-2.0): the `getColumnInfo`/`get*RecordColumnInfo` lists of
 * `packages/modules/HealthFitness` `service/java/com/android/server/healthconnect/storage/` and the
 * type strings of `storage/utils/StorageUtils.java` (INTEGER, REAL, TEXT, BLOB, …). Each table names
 * the file it came from; `AOSP` names the repository and commit those files were read at.
 * `tools/gen/health-connect.ts` turns this into `CREATE TABLE` statements, as AOSP's
 * `storage/request/CreateTableRequest.getCreateCommand` does (columns, generated columns, foreign keys).
 * Units are pinned in src/import/formats/health-connect-tables.ts, which cites the record classes.
 */

export interface AospFile {
  repo: string;
  commit: string;
  path: string;
}

/** Where the record helpers were read (GrapheneOS's mirror of AOSP; the commit of 2024-03-21). */
export const AOSP = {
  repo: 'GrapheneOS/platform_packages_modules_HealthFitness',
  commit: 'a2ea65337ffae65b232151cd48c2ddedd761c39b',
} as const;
/** A later commit of the same repository that has the personal-health-record (FHIR) tables. */
export const AOSP_PHR = {
  repo: 'GrapheneOS/platform_packages_modules_HealthFitness',
  commit: 'c0abe662181948fbfad4129a32447d8c905aef2a',
} as const;

const HELPERS = 'service/java/com/android/server/healthconnect/storage/datatypehelpers';
const at = (file: string, phr = false): AospFile => ({ ...(phr ? AOSP_PHR : AOSP), path: `${HELPERS}/${file}` });

/** `DATABASE_VERSION` of HealthConnectDatabase.java at `AOSP.commit` (what the fixtures' `user_version` is). */
export const FIXTURE_DB_VERSION = 10;

export type Column = readonly [name: string, type: string];

export interface TableDef {
  name: string;
  from: AospFile;
  columns: readonly Column[];
  /** Generated INTEGER columns, `name INTEGER AS (expr)` (IntervalRecordHelper, InstantRecordHelper, version 10). */
  generated?: readonly Column[];
  /** FOREIGN KEY (parent_key) REFERENCES parent(row_id) ON DELETE CASCADE (SeriesRecordHelper, SleepStageRecordHelper). */
  parent?: string;
}

/** RecordHelper.getColumnInfo(): every record table starts with these. */
const RECORD: readonly Column[] = [
  ['row_id', 'INTEGER PRIMARY KEY AUTOINCREMENT'],
  ['uuid', 'BLOB NOT NULL UNIQUE'],
  ['last_modified_time', 'INTEGER'],
  ['client_record_id', 'TEXT'],
  ['client_record_version', 'TEXT'],
  ['device_info_id', 'INTEGER'],
  ['app_info_id', 'INTEGER'],
  ['recording_method', 'INTEGER'],
  ['dedupe_hash', 'BLOB UNIQUE'],
];
/** IntervalRecordHelper.getSpecificColumnInfo(): epoch ms and zone offsets in seconds. */
const INTERVAL: readonly Column[] = [
  ['start_time', 'INTEGER'],
  ['start_zone_offset', 'INTEGER'],
  ['end_time', 'INTEGER'],
  ['end_zone_offset', 'INTEGER'],
  ['local_date', 'INTEGER'],
];
const INTERVAL_GENERATED: readonly Column[] = [
  ['local_date_time_start_time', 'start_time + 1000 * start_zone_offset'],
  ['local_date_time_end_time', 'end_time + 1000 * end_zone_offset'],
];
/** InstantRecordHelper.getSpecificColumnInfo(). */
const INSTANT: readonly Column[] = [
  ['time', 'INTEGER'],
  ['zone_offset', 'INTEGER'],
  ['local_date', 'INTEGER'],
];
const INSTANT_GENERATED: readonly Column[] = [['local_date_time', 'time + 1000 * zone_offset']];

const interval = (name: string, file: string, own: readonly Column[]): TableDef => ({
  name,
  from: at(file),
  columns: [...RECORD, ...INTERVAL, ...own],
  generated: INTERVAL_GENERATED,
});
const instant = (name: string, file: string, own: readonly Column[]): TableDef => ({
  name,
  from: at(file),
  columns: [...RECORD, ...INSTANT, ...own],
  generated: INSTANT_GENERATED,
});

/** NutritionRecordHelper.getIntervalRecordColumnInfo(), in its order. */
const NUTRITION: readonly Column[] = (
  'unsaturated_fat potassium thiamin meal_type:INTEGER trans_fat manganese energy_from_fat caffeine dietary_fiber selenium ' +
  'vitamin_b6 protein chloride cholesterol copper iodine vitamin_b12 zinc riboflavin energy molybdenum phosphorus chromium ' +
  'total_fat calcium vitamin_c vitamin_e biotin vitamin_d niacin magnesium total_carbohydrate vitamin_k polyunsaturated_fat ' +
  'saturated_fat sodium folate monounsaturated_fat pantothenic_acid meal_name:TEXT iron vitamin_a folic_acid sugar'
)
  .split(' ')
  .map((c) => {
    const [name, type] = c.split(':');
    return [name!, type ?? 'REAL'] as const;
  });

export const TABLES: readonly TableDef[] = [
  {
    name: 'application_info_table',
    from: at('AppInfoHelper.java'),
    columns: [
      ['row_id', 'INTEGER PRIMARY KEY'],
      ['package_name', 'TEXT NOT NULL UNIQUE'],
      ['app_name', 'TEXT'],
      ['app_icon', 'BLOB'],
      ['record_types_used', 'TEXT'],
    ],
  },
  {
    name: 'device_info_table',
    from: at('DeviceInfoHelper.java'),
    columns: [
      ['row_id', 'INTEGER PRIMARY KEY'],
      ['manufacturer', 'TEXT'],
      ['model', 'TEXT'],
      ['device_type', 'INTEGER'],
    ],
  },
  interval('steps_record_table', 'StepsRecordHelper.java', [['count', 'INTEGER']]),
  interval('heart_rate_record_table', 'HeartRateRecordHelper.java', []),
  {
    name: 'heart_rate_record_series_table',
    from: at('HeartRateRecordHelper.java'),
    columns: [
      ['parent_key', 'INTEGER'],
      ['beats_per_minute', 'INTEGER'],
      ['epoch_millis', 'INTEGER'],
    ],
    parent: 'heart_rate_record_table',
  },
  instant('resting_heart_rate_record_table', 'RestingHeartRateRecordHelper.java', [['beats_per_minute', 'INTEGER']]),
  instant('heart_rate_variability_rmssd_record_table', 'HeartRateVariabilityRmssdHelper.java', [
    ['heart_rate_variability_millis', 'REAL NOT NULL'],
  ]),
  instant('oxygen_saturation_record_table', 'OxygenSaturationRecordHelper.java', [['percentage', 'REAL']]),
  instant('respiratory_rate_record_table', 'RespiratoryRateRecordHelper.java', [['rate', 'REAL']]),
  interval('sleep_session_record_table', 'SleepSessionRecordHelper.java', [
    ['notes', 'TEXT'],
    ['title', 'TEXT'],
  ]),
  {
    name: 'sleep_stages_table',
    from: at('SleepStageRecordHelper.java'),
    columns: [
      ['parent_key', 'INTEGER NOT NULL'],
      ['stage_start_time', 'INTEGER NOT NULL'],
      ['stage_end_time', 'INTEGER NOT NULL'],
      ['stage_type', 'INTEGER NOT NULL'],
    ],
    parent: 'sleep_session_record_table',
  },
  instant('weight_record_table', 'WeightRecordHelper.java', [['weight', 'REAL']]),
  instant('height_record_table', 'HeightRecordHelper.java', [['height', 'REAL']]),
  instant('body_fat_record_table', 'BodyFatRecordHelper.java', [['percentage', 'REAL']]),
  instant('blood_pressure_record_table', 'BloodPressureRecordHelper.java', [
    ['measurement_location', 'TEXT NOT NULL'],
    ['systolic', 'REAL'],
    ['diastolic', 'REAL'],
    ['body_position', 'TEXT NOT NULL'],
  ]),
  instant('blood_glucose_record_table', 'BloodGlucoseRecordHelper.java', [
    ['specimen_source', 'TEXT NOT NULL'],
    ['level', 'REAL'],
    ['relation_to_meal', 'TEXT NOT NULL'],
    ['meal_type', 'TEXT NOT NULL'],
  ]),
  interval('nutrition_record_table', 'NutritionRecordHelper.java', NUTRITION),
  interval('exercise_session_record_table', 'ExerciseSessionRecordHelper.java', [
    ['notes', 'TEXT'],
    ['exercise_type', 'INTEGER'],
    ['title', 'TEXT'],
    ['has_route', 'INTEGER'],
  ]),
  // Not read by Doppel: in the fixtures so that an unknown table is counted under `ignored`.
  interval('distance_record_table', 'DistanceRecordHelper.java', [['distance', 'REAL']]),
  {
    name: 'medical_resource_table',
    from: at('MedicalResourceHelper.java', true),
    columns: [
      ['medical_resource_row_id', 'INTEGER PRIMARY KEY AUTOINCREMENT'],
      ['fhir_resource_type', 'INTEGER NOT NULL'],
      ['fhir_resource_id', 'TEXT NOT NULL'],
      ['fhir_data', 'TEXT NOT NULL'],
      ['data_source_id', 'INTEGER NOT NULL'],
      ['last_modified_time', 'INTEGER NOT NULL'],
    ],
  },
];

/** The `CREATE TABLE` statement of a table, in the shape of AOSP's CreateTableRequest.getCreateCommand(). */
export function createTableSql(t: TableDef): string {
  const cols = t.columns.map(([n, ty]) => `${n} ${ty}`);
  // CreateTableRequest writes a generated column as `name TYPE AS (expr)`.
  for (const [n, expr] of t.generated ?? []) cols.push(`${n} INTEGER AS (${expr})`);
  if (t.parent) cols.push(`FOREIGN KEY (parent_key) REFERENCES ${t.parent}(row_id) ON DELETE CASCADE`);
  return `CREATE TABLE IF NOT EXISTS ${t.name} (${cols.join(', ')})`;
}
