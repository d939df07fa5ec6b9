import type { DayAggregate } from '../../models/aggregate/daily.ts';
import type { MetricId } from '../../models/metrics.ts';
import type { StoredEntry } from '../../models/entry/measurement-entry.ts';

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

/**
 * pending: a large import being staged; committed: in the store; undone: taken out by undo, its row
 * kept with what undo removed (`undone`) so that redo can put exactly that back (only the latest undo).
 */
export type ImportStatus = 'pending' | 'committed' | 'undone';

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
  /** A staged (large) import in progress refreshes this (shown progress; recovery goes by `lock`, not age). */
  heartbeatAt?: number;
  /**
   * The Web Lock the worker running this staged import holds until it ends (src/data/locks.ts).
   * While anybody holds it the import is alive, however long it parses; once nobody does, it is dead.
   */
  lock?: string;
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
  /** What the file said about the person and what became of each value (absent before provenance). */
  profile?: ProfileFieldOutcome[];
  /** The readings this import added, per metric: how many and their first and last local day (absent before). */
  arrived?: Partial<Record<MetricId, MetricArrival>>;
  /** Set while the import is undone: what undo took away and what redo puts back. */
  undone?: UndoneImport;
  /** A measurement the person entered by hand (format `doppel-entry`, src/data/entries.ts): what they entered. */
  entry?: StoredEntry;
  /** An entry that changed an earlier one: that entry's import, undone by the change (undoing this puts it back). */
  replaces?: number;
  /** Set on an entry's import while a later change replaces it (it is not offered for redo on its own). */
  replacedBy?: number;
}

/** The readings of one metric an import added. */
export interface MetricArrival {
  count: number;
  /** Local days (YYYY-MM-DD) of the first and the last of them. */
  first: string;
  last: string;
}

/**
 * What undoing an import did, kept on its row until it is redone or another import is undone.
 * `removed` and `dosesRemoved` say what left the store (what only this import held); `doses` and
 * `profile` are everything the import held, and so are its samples, kept in `staging` under the
 * import's id (StagingRow), so that redo gives it back exactly its share, the readings other imports
 * also hold included.
 */
export interface UndoneImport {
  /** When it was undone (epoch ms). */
  at: number;
  /** Readings deleted, per metric (others imports' copies stayed). */
  removed: Partial<Record<MetricId, number>>;
  /** Carbohydrate and insulin records deleted. */
  dosesRemoved: number;
  /** Profile values that changed or went (fields, and list items as `conditions:…`). */
  profileChanged: string[];
  doses: Omit<DoseRow, 'importIds'>[];
  /** The imported profile values the import gave, as they stood (a declined one stays declined). */
  profile: ImportedProfileValue[];
}

export type DoseKind = 'carbs' | 'insulin';

/**
 * A carbohydrate or rapid-acting insulin record from a CGM export (schema v4). Not a canonical
 * metric (docs/metrics.md): kept apart for the glucose forecaster, never in daily rows or reports.
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
  /**
   * IANA zone the source's records without a UTC offset are placed in: the importing device's zone at
   * its first such import, or the zone schema v5 found its earlier imports used (absent: none yet).
   */
  wallZone?: string;
}

export type Sex = 'female' | 'male';

export interface ProfileRow {
  id: 'self';
  /**
   * The person's name as they wrote it, for the visit summary and their own FHIR patient summary.
   * Kept on this device: never in a share, never set by an import (schema unchanged: the profile is
   * one record without an index on its fields).
   */
  name?: string;
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
  /**
   * Who set each value above (src/data/profile-merge.ts): by field (`sex`, `answers.physicallyActive`),
   * by list (`conditions`: the person gave this list) and by list item (`medications:statin`).
   * Absent in rows written before provenance: their values count as the person's.
   */
  provenance?: Record<string, ProfileOrigin>;
  /** Every value an import gave, with the imports that hold it (what the records say about the person). */
  fromImports?: ImportedProfileValue[];
  /** Imported values that differ from the profile or need confirming: the person chooses. */
  pendingConflicts?: ProfileConflict[];
}

/** Who set a profile value. */
export interface ProfileOrigin {
  by: 'person' | 'import';
  /** The import that gave the value (by import), or whose value the person chose or kept from a record. */
  importId?: number;
  /** The file the value came from, for the words on screen. */
  source?: string;
  /** The local day (YYYY-MM-DD) the value was measured: dated values such as height. */
  observedAt?: string;
  /** When the person entered or chose the value (epoch ms). */
  at?: number;
}

/** One value an import gave for a profile field (for a list, one item). */
export interface ImportedProfileValue {
  /** A field (`heightCm`, `answers.physicallyActive`) or a list (`conditions`, `medications`). */
  field: string;
  value: string | number | boolean;
  /** Every import that gave this value: undoing one keeps it for the others. */
  importIds: number[];
  /** The file of the first of those imports. */
  source: string;
  /** The local day the value was measured (dated values). */
  observedAt?: string;
  /** From an indirect source only (an insurance claim): never applied before the person confirms. */
  indirect?: boolean;
  /** The person kept their own value over this one (or removed it): not asked again. */
  declined?: boolean;
}

/** An imported value the profile does not use yet: the person chooses, field by field. */
export interface ProfileConflict {
  field: string;
  /** The record's value (for a list, the item it would add). */
  value: string | number | boolean;
  /** The profile's value now (single-valued fields). */
  current?: string | number | boolean;
  /** Who set the profile's value now. */
  currentBy?: 'person' | 'import';
  source: string;
  importIds: number[];
  observedAt?: string;
  indirect?: boolean;
}

/** What became of one value an import gave for the profile. */
export interface ProfileFieldOutcome {
  field: string;
  value: string | number | boolean;
  observedAt?: string;
  indirect?: boolean;
  /**
   * set: the profile now uses it; same: the profile already said so; pending: not set, the person's
   * value differs (a conflict to choose); confirm: not set, from an indirect source (to confirm);
   * older: not set, a newer measurement is in the profile; declined: the person turned it down before.
   */
  status: 'set' | 'same' | 'pending' | 'confirm' | 'older' | 'declined';
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

/**
 * Samples outside the store waiting for one transaction to move them in (one row per metric and
 * month): those of a large import being written (its row `pending`), or those an undone import held,
 * kept for redo (its row `undone`).
 */
export interface StagingRow extends Omit<SampleChunkRow, 'key'> {
  /** `${stagedFor}|${metric}|${month}` */
  key: string;
  /**
   * The import these samples belong to. For a pending import the `source` column holds the import's
   * own source indices until the final transaction maps them to source rows; for an undone one it
   * holds source ids.
   */
  stagedFor: number;
}
