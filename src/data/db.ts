import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { MetricId } from '../../models/metrics.ts';
import { localDay } from '../../models/util/time.ts';
import type {
  DailyRow,
  DoseRow,
  ImportRow,
  ProfileRow,
  SampleChunkRow,
  ScenarioRow,
  SettingRow,
  SourceRow,
  StagingRow,
  TwinSnapshotRow,
} from './rows.ts';
import { revisionMiddleware } from './revision.ts';
import { upgradeTravelCopies } from './travel-upgrade.ts';

/**
 * The one Doppel database. Versioning rule (docs/architecture.md): a version's `stores` are never
 * edited once released; a change is a new version with its own upgrade function, and a migration
 * test opens a database of the previous version holding data and checks nothing was lost.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      profile: '&id',
      sampleChunks: '&key, metric, [metric+month], t1',
      daily: '&key, [metric+day], day',
      imports: '++id, startedAt',
      sources: '++id, &key',
      settings: '&key',
    },
  },
  {
    // v2: twin snapshots and saved scenarios; imports gain a status so that an import interrupted
    // between its first and last write can be found and rolled back at start-up.
    version: 2,
    stores: {
      imports: '++id, startedAt, status',
      twinSnapshots: '++id, createdAt',
      scenarios: '++id, name, updatedAt',
    },
    upgrade: async (tx) => {
      // Undo finds an import's samples through the days it touched: rebuild that list from the
      // chunks' importId column, so that v1 imports stay undoable.
      const touched = new Map<number, Map<MetricId, Set<string>>>();
      await tx.table<SampleChunkRow>('sampleChunks').each((c) => {
        for (let i = 0; i < c.n; i++) {
          const id = c.importId[i]!;
          let byMetric = touched.get(id);
          if (!byMetric) touched.set(id, (byMetric = new Map()));
          let days = byMetric.get(c.metric);
          if (!days) byMetric.set(c.metric, (days = new Set()));
          days.add(localDay(c.start[i]!, c.offsetMin[i]!));
        }
      });
      await tx
        .table<ImportRow>('imports')
        .toCollection()
        .modify((row) => {
          if (row.status === undefined) row.status = 'committed';
          if (row.touched === undefined) {
            row.touched = {};
            for (const [m, days] of touched.get(row.id!) ?? []) row.touched[m] = [...days].sort();
          }
        });
    },
  },
  {
    // v3: staging for imports too large to hold in memory. Their samples are written here in
    // several transactions, then merged into sampleChunks in one final transaction (atomicity).
    version: 3,
    stores: {
      staging: '&key, stagedFor',
    },
  },
  {
    // v4: carbohydrate and insulin records from CGM exports, for the glucose forecaster.
    version: 4,
    stores: {
      doses: '&key, [kind+t], *importIds',
    },
  },
  {
    // v5: no store changes. Readings a file without UTC offsets stored twice, once per zone the
    // device was in when it was imported (issue 15, "travel doubles the data"), become one again, and
    // each source remembers the zone its first such import used (travel-repair.ts, travel-upgrade.ts).
    version: 5,
    stores: {},
    upgrade: (tx) => upgradeTravelCopies(tx),
  },
];

export const LATEST_VERSION = SCHEMA[SCHEMA.length - 1]!.version;

export class DoppelDb extends Dexie {
  profile!: EntityTable<ProfileRow, 'id'>;
  sampleChunks!: Table<SampleChunkRow, string>;
  daily!: Table<DailyRow, string>;
  imports!: EntityTable<ImportRow, 'id'>;
  sources!: EntityTable<SourceRow, 'id'>;
  settings!: Table<SettingRow, string>;
  twinSnapshots!: EntityTable<TwinSnapshotRow, 'id'>;
  scenarios!: EntityTable<ScenarioRow, 'id'>;
  staging!: Table<StagingRow, string>;
  doses!: Table<DoseRow, string>;

  /** @param upTo open with the schema as of this version (migration tests only). */
  constructor(name: string, upTo = LATEST_VERSION) {
    super(name);
    for (const v of SCHEMA) {
      if (v.version > upTo) break;
      const dv = this.version(v.version).stores(v.stores);
      if (v.upgrade) dv.upgrade(v.upgrade);
    }
    // Every write that changes the person's data raises the data revision (revision.ts).
    this.use(revisionMiddleware);
  }
}
