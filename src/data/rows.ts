import type { DayAggregate } from '../../models/aggregate/daily.ts';
import type { MetricId } from '../../models/metrics.ts';

/** One row per metric and UTC month: the samples of that month as parallel typed-array columns. */
export interface SampleChunkRow {
  /** `${metric}|${YYYY-MM}` */
  key: string;
  metric: MetricId;
  /** UTC month, YYYY-MM (storage partition only). */
  month: string;
  /** Number of samples. */
  n: number;
  /** Earliest and latest start in the chunk, epoch ms. */
  t0: number;
  t1: number;
  start: Float64Array;
  end: Float64Array;
  value: Float64Array;
  offsetMin: Int16Array;
  source: Uint32Array;
  /** The import that brought each sample (for undo). */
  importId: Uint32Array;
  flags: Uint8Array;
  /**
   * Other imports that also hold a sample ("shadows"): sample index and import id, in pairs. When
   * the owning import is undone, a shadow's import takes the sample over, so undoing one import
   * never removes data another import still holds. Absent in rows written before shadows existed.
   */
  shadowOf?: Uint32Array;
  shadowImport?: Uint32Array;
}

/** Per metric and local day: what charts and the twin read instead of raw samples. */
export interface DailyRow extends DayAggregate {
  /** `${metric}|${YYYY-MM-DD}` */
  key: string;
  metric: MetricId;
}

export type ImportStatus = 'pending' | 'committed';

export interface RejectedRecord {
  where: string;
  reason: string;
}

export interface ImportRow {
  id?: number;
  fileName: string;
  format: string;
  bytes: number;
  startedAt: number;
  finishedAt?: number;
  /** A staged (large) import in progress refreshes this; start-up recovery leaves fresh ones alone. */
  heartbeatAt?: number;
  /** Added in schema v2; v1 rows are upgraded to 'committed'. */
  status: ImportStatus;
  added: number;
  duplicates: number;
  rejected: RejectedRecord[];
  ignored: Record<string, number>;
  /** Metrics and local days this import touched, so that undo recomputes only those days. */
  touched: Partial<Record<MetricId, string[]>>;
  /** Carbohydrate and insulin records this import added (schema v4; absent before). */
  doses?: number;
}

export type DoseKind = 'carbs' | 'insulin';

/**
 * A carbohydrate or rapid-acting insulin record from a CGM export (schema v4). Not a canonical
 * metric (contracts §1): kept apart for the glucose forecaster, never in daily rows or reports.
 */
export interface DoseRow {
  /** `${kind}|${t}|${source}|${amount}`: the same record from the same source is one record. */
  key: string;
  kind: DoseKind;
  /** Epoch ms. */
  t: number;
  /** Grams (carbs) or units (insulin). */
  amount: number;
  offsetMin: number;
  /** Source id (sources table). */
  source: number;
  /** Every import that holds this record: undoing one keeps it for the others. */
  importIds: number[];
}

export type SourceKind = 'watch' | 'phone' | 'other';

export interface SourceRow {
  id?: number;
  /** `${name}|${model}`: stable identity of a source. */
  key: string;
  name: string;
  model: string;
  kind: SourceKind;
  /** User's reordering; lower wins. Absent = the default rule (watch > phone > other). */
  rank?: number;
}

export type Sex = 'female' | 'male';

export interface ProfileRow {
  id: 'self';
  birthDate?: string;
  sex?: Sex;
  heightCm?: number;
  ethnicity?: string;
  smoking?: string;
  familyHistoryDiabetes?: 'none' | 'second_degree' | 'first_degree';
  conditions?: string[];
  medications?: string[];
  /** The person's own answers to the questions no export holds (the risk questionnaires). */
  answers?: ProfileAnswers;
  updatedAt: number;
}

export interface ProfileAnswers {
  dailyFruitVegetables?: boolean;
  physicallyActiveDaily?: boolean;
  physicallyActive?: boolean;
  highGlucoseHistory?: boolean;
  bpMedication?: boolean;
  hypertension?: boolean;
  gestationalDiabetes?: boolean;
  /** UK Townsend deprivation score of the home postcode (0 outside the UK). */
  townsend?: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface TwinSnapshotRow {
  id?: number;
  createdAt: number;
  /** The newest import and sample the snapshot saw: later data scores its forecast. */
  watermark: { importId: number; lastSampleMs: number };
  /** Free-form, versioned by the twin engine that wrote it. */
  engine: string;
  state: unknown;
}

export interface ScenarioRow {
  id?: number;
  name: string;
  scenario: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

/** Samples of a large import waiting for its final transaction (one row per metric and month). */
export interface StagingRow extends Omit<SampleChunkRow, 'key'> {
  /** `${stagedFor}|${metric}|${month}` */
  key: string;
  /** The pending import these samples belong to. Its `source` column holds the import's own source
   * indices until the final transaction maps them to source rows. */
  stagedFor: number;
}
