/**
 * Databases as each schema version of the app wrote them, for the upgrade tests
 * (migration-upgrades.test.ts). One fixture per version in src/data/db.ts: the rows of every table
 * that version has, in the shapes that version's code wrote, and, for every LATER version, what each
 * table must hold after upgrading to it, written out by hand from what the upgrades define (not
 * computed by the upgrade code under test).
 *
 * Adding schema version N: add a fixture for N (rows in every table, including the new or changed
 * ones), and to every earlier fixture an `after[N]` entry. The meta-test fails until both exist.
 */
import type { MetricId } from '../../../models/metrics.ts';
import type { ImportRow } from '../../../src/data/rows.ts';

/** Table name → its rows, exactly as stored. */
export type Tables = Record<string, Record<string, unknown>[]>;

export interface MigrationFixture {
  /** The schema version whose code wrote these rows. */
  version: number;
  /**
   * That version's `stores` as released, copied here: the database is created from these, not from
   * db.ts, and a test checks db.ts still declares them (a released version is never edited).
   */
  stores: Record<string, string | null>;
  /** What that version's app had stored (every table of that version). */
  tables: Tables;
  /**
   * For each later version: every table's rows after the upgrade, from a fresh copy of `tables`.
   * A table left out must be empty (tables new in that version start empty).
   */
  after: Record<number, (written: Tables) => Tables>;
}

type Sample = [startIso: string, value: number, offsetMin: number, source: number, importId: number];

/** A month chunk in the columnar layout (unchanged since v1). */
function chunk(metric: MetricId, month: string, samples: Sample[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const start = samples.map((s) => Date.parse(s[0]));
  return {
    key: `${metric}|${month}`,
    metric,
    month,
    n: samples.length,
    t0: Math.min(...start),
    t1: Math.max(...start),
    start: Float64Array.from(start),
    end: Float64Array.from(start),
    value: Float64Array.from(samples.map((s) => s[1])),
    offsetMin: Int16Array.from(samples.map((s) => s[2])),
    source: Uint32Array.from(samples.map((s) => s[3])),
    importId: Uint32Array.from(samples.map((s) => s[4])),
    flags: new Uint8Array(samples.length),
    ...extra,
  };
}

function daily(metric: MetricId, day: string, values: number[], lastIso: string): Record<string, unknown> {
  return {
    key: `${metric}|${day}`,
    metric,
    day,
    n: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    min: Math.min(...values),
    max: Math.max(...values),
    last: values[values.length - 1]!,
    lastT: Date.parse(lastIso),
  };
}

const SCALE = { id: 1, key: 'Withings Body+|WBS05', name: 'Withings Body+', model: 'WBS05', kind: 'other' };
const WATCH = { id: 2, key: 'Ann’s Apple Watch|Watch6,2', name: 'Ann’s Apple Watch', model: 'Watch6,2', kind: 'watch', rank: 0 };
const PHONE = { id: 3, key: 'Ann’s iPhone|iPhone14,5', name: 'Ann’s iPhone', model: 'iPhone14,5', kind: 'phone' };

const importRow = (id: number, fileName: string, format: string, more: Partial<ImportRow> = {}): Record<string, unknown> => ({
  id,
  fileName,
  format,
  bytes: 1000 * id,
  startedAt: Date.parse('2024-01-01T00:00:00Z') + id * 60_000,
  finishedAt: Date.parse('2024-01-01T00:00:30Z') + id * 60_000,
  added: 2,
  duplicates: 0,
  rejected: [],
  ignored: {},
  ...more,
});

/** v1: imports without status and touched-days list; no snapshots, scenarios, staging or doses. */
const V1: MigrationFixture = {
  version: 1,
  stores: {
    profile: '&id',
    sampleChunks: '&key, metric, [metric+month], t1',
    daily: '&key, [metric+day], day',
    imports: '++id, startedAt',
    sources: '++id, &key',
    settings: '&key',
  },
  tables: {
    profile: [{ id: 'self', birthDate: '1970-05-04', sex: 'female', heightCm: 168, updatedAt: 1 }],
    settings: [
      { key: 'glucoseUnit', value: 'mmol/L' },
      { key: 'weightUnit', value: 'lb' },
    ],
    sources: [SCALE, WATCH],
    imports: [
      importRow(1, 'weights.csv', 'generic-csv', { added: 3 }),
      importRow(2, 'export.xml', 'apple-health-xml', { duplicates: 1, ignored: { HKQuantityTypeIdentifierFlightsClimbed: 4 } }),
      // Nothing stored: every record rejected.
      importRow(3, 'broken.csv', 'generic-csv', { added: 0, rejected: [{ where: 'line 2', reason: 'value "abc" is not a number' }] }),
    ],
    sampleChunks: [
      // 23:30Z at +01:00 is 00:30 the next local day: touched days are local days.
      chunk('body_weight', '2023-06', [
        ['2023-06-01T07:00:00Z', 90.2, 0, 1, 1],
        ['2023-06-30T23:30:00Z', 89.9, 60, 1, 1],
      ]),
      chunk('body_weight', '2023-07', [['2023-07-03T07:00:00Z', 89.7, 0, 1, 1]]),
      chunk('steps', '2023-06', [
        ['2023-06-30T10:00:00Z', 500, 120, 2, 2],
        ['2023-06-30T22:10:00Z', 120, 120, 2, 2],
      ]),
    ],
    daily: [
      daily('body_weight', '2023-06-01', [90.2], '2023-06-01T07:00:00Z'),
      daily('body_weight', '2023-07-01', [89.9], '2023-06-30T23:30:00Z'),
      daily('body_weight', '2023-07-03', [89.7], '2023-07-03T07:00:00Z'),
      daily('steps', '2023-06-30', [500], '2023-06-30T10:00:00Z'),
      daily('steps', '2023-07-01', [120], '2023-06-30T22:10:00Z'),
    ],
  },
  after: {
    // v2's upgrade: every v1 import was committed; its touched days are rebuilt from the chunks.
    // Rewriting the imports changes the person's data, so the data revision rises (src/data/revision.ts).
    2: (t) => v1Upgraded(t),
    3: (t) => v1Upgraded(t),
    4: (t) => v1Upgraded(t),
    5: (t) => v1Upgraded(t),
  },
};

function v1Upgraded(t: Tables): Tables {
  return { ...t, imports: v1ImportsUpgraded(t.imports!), settings: [{ key: 'dataRevision', value: 1 }, ...t.settings!] };
}

function v1ImportsUpgraded(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const touched: Record<number, ImportRow['touched']> = {
    1: { body_weight: ['2023-06-01', '2023-07-01', '2023-07-03'] },
    2: { steps: ['2023-06-30', '2023-07-01'] },
    3: {},
  };
  return rows.map((r) => ({ ...r, status: 'committed', touched: touched[r.id as number] }));
}

/** v2: imports with status and touched days (one interrupted), twin snapshots, saved scenarios. */
const V2_TABLES: Tables = {
  profile: [
    {
      id: 'self',
      birthDate: '1981-02-28',
      sex: 'male',
      heightCm: 181,
      smoking: 'ex',
      familyHistoryDiabetes: 'first_degree',
      answers: { physicallyActiveDaily: false, townsend: 0 },
      updatedAt: 2,
    },
  ],
  settings: [{ key: 'locale', value: 'en-GB' }],
  sources: [WATCH, PHONE],
  imports: [
    importRow(1, 'export.zip', 'apple-health-zip', { status: 'committed', touched: { heart_rate: ['2024-01-02'], steps: ['2024-01-02'] } }),
    // Interrupted between its first and last write: start-up recovery rolls it back later.
    importRow(2, 'export-2.zip', 'apple-health-zip', { status: 'pending', touched: {}, finishedAt: undefined, added: 0 }),
  ].map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))),
  sampleChunks: [
    chunk('heart_rate', '2024-01', [
      ['2024-01-02T08:00:00Z', 61, 0, 2, 1],
      ['2024-01-02T08:01:00Z', 63, 0, 2, 1],
    ]),
    chunk('steps', '2024-01', [['2024-01-02T09:00:00Z', 840, 0, 3, 1]]),
  ],
  daily: [daily('heart_rate', '2024-01-02', [61, 63], '2024-01-02T08:01:00Z'), daily('steps', '2024-01-02', [840], '2024-01-02T09:00:00Z')],
  twinSnapshots: [
    {
      id: 1,
      createdAt: Date.parse('2024-01-03T00:00:00Z'),
      watermark: { importId: 1, lastSampleMs: Date.parse('2024-01-02T09:00:00Z') },
      engine: 'twin/2',
      state: { members: 2, weightKg: Float64Array.from([84.1, 83.7]), prior: { drift: 0.012 } },
    },
  ],
  scenarios: [
    { id: 1, name: 'Walk more', scenario: { activityMinutesPerWeek: 150 }, createdAt: 5, updatedAt: 5 },
    { id: 2, name: 'Lose 5 kg', scenario: { weightChangeKg: -5, metformin: false }, createdAt: 6, updatedAt: 9 },
  ],
};
const V2: MigrationFixture = {
  version: 2,
  stores: { imports: '++id, startedAt, status', twinSnapshots: '++id, createdAt', scenarios: '++id, name, updatedAt' },
  tables: V2_TABLES,
  after: { 3: (t) => t, 4: (t) => t, 5: (t) => t },
};

/** v3: a large import in progress, its samples in staging; a chunk holding another import's shadows. */
const V3: MigrationFixture = {
  version: 3,
  stores: { staging: '&key, stagedFor' },
  tables: {
    ...V2_TABLES,
    imports: [
      V2_TABLES.imports![0]!,
      importRow(2, 'export-big.zip', 'apple-health-zip', { status: 'pending', touched: {}, added: 0, heartbeatAt: 123 }),
      importRow(3, 'export-again.zip', 'apple-health-zip', {
        status: 'committed',
        added: 0,
        duplicates: 2,
        touched: { heart_rate: ['2024-01-02'] },
      }),
    ],
    sampleChunks: [
      chunk(
        'heart_rate',
        '2024-01',
        [
          ['2024-01-02T08:00:00Z', 61, 0, 2, 1],
          ['2024-01-02T08:01:00Z', 63, 0, 2, 1],
        ],
        { shadowOf: Uint32Array.from([0, 1]), shadowImport: Uint32Array.from([3, 3]) },
      ),
    ],
    staging: [{ ...chunk('heart_rate', '2024-02', [['2024-02-10T12:00:00Z', 70, 60, 0, 2]]), key: '2|heart_rate|2024-02', stagedFor: 2 }],
  },
  after: { 4: (t) => t, 5: (t) => t },
};

const byKey = (rows: Record<string, unknown>[]): Record<string, unknown>[] =>
  [...rows].sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1));

/**
 * The "travel doubles" bug (issue 15) as v4 stored it: one LibreView file (no UTC offsets) imported
 * in St. John's (import 4, -03:30) and again in London (import 5, +00:00). Each reading is there
 * twice, 3.5 h apart, at the same wall-clock time (10:00 and 10:15 on 2024-01-02), flagged "offset
 * assumed"; so is one carbohydrate record.
 */
const LIBRE = { id: 4, key: 'FreeStyle LibreLink|', name: 'FreeStyle LibreLink', model: '', kind: 'other' };
const T = (hhmm: string): number => Date.parse(`2024-01-02T${hhmm}:00Z`);
const ASSUMED = 2;
const travelImports = [
  importRow(4, 'libreview.csv', 'libreview-csv', { status: 'committed', doses: 1, touched: { cgm_glucose: ['2024-01-02'] } }),
  importRow(5, 'libreview.csv', 'libreview-csv', { status: 'committed', doses: 1, touched: { cgm_glucose: ['2024-01-02'] } }),
];
const travelChunk = (samples: Sample[], extra: Record<string, unknown> = {}): Record<string, unknown> =>
  chunk('cgm_glucose', '2024-01', samples, { flags: new Uint8Array(samples.length).fill(ASSUMED), ...extra });
const carbs = (hhmm: string, offsetMin: number, importIds: number[]): Record<string, unknown> => ({
  key: `carbs|${T(hhmm)}|4|30`,
  kind: 'carbs',
  t: T(hhmm),
  amount: 30,
  offsetMin,
  source: 4,
  importIds,
});

/** v4: carbohydrate and insulin records, held by one or several imports; a store the travel bug doubled. */
const V4: MigrationFixture = {
  version: 4,
  stores: { doses: '&key, [kind+t], *importIds' },
  tables: {
    ...V3.tables,
    sources: [...V3.tables.sources!, LIBRE],
    imports: [...V3.tables.imports!.slice(0, 2), { ...V3.tables.imports![2]!, doses: 2 }, ...travelImports],
    sampleChunks: [
      travelChunk([
        ['2024-01-02T10:00:00Z', 100, 0, 4, 5],
        ['2024-01-02T10:15:00Z', 110, 0, 4, 5],
        ['2024-01-02T13:30:00Z', 100, -210, 4, 4],
        ['2024-01-02T13:45:00Z', 110, -210, 4, 4],
      ]),
      ...V3.tables.sampleChunks!,
    ],
    daily: [daily('cgm_glucose', '2024-01-02', [100, 110, 100, 110], '2024-01-02T13:45:00Z'), ...V3.tables.daily!],
    doses: byKey([
      carbs('10:00', 0, [5]),
      carbs('13:30', -210, [4]),
      {
        key: `carbs|${Date.parse('2024-01-02T12:00:00Z')}|3|45`,
        kind: 'carbs',
        t: Date.parse('2024-01-02T12:00:00Z'),
        amount: 45,
        offsetMin: 0,
        source: 3,
        importIds: [3],
      },
      {
        key: `insulin|${Date.parse('2024-01-02T12:05:00Z')}|3|4.5`,
        kind: 'insulin',
        t: Date.parse('2024-01-02T12:05:00Z'),
        amount: 4.5,
        offsetMin: 0,
        source: 3,
        importIds: [1, 3],
      },
    ]),
  },
  after: { 5: (t) => v4TravelRepaired(t) },
};

/**
 * v5's upgrade on the v4 fixture: London's copies go (import 5 now holds them as shadows, its counts
 * say so), the day is recomputed, the carbohydrate record is held by both imports, the source
 * remembers the zone of its first import (the only zone at -03:30), and the data revision rises.
 */
function v4TravelRepaired(t: Tables): Tables {
  return {
    ...t,
    settings: [{ key: 'dataRevision', value: 1 }, ...t.settings!],
    sources: t.sources!.map((r) => (r.id === 4 ? { ...r, wallZone: 'America/St_Johns' } : r)),
    imports: t.imports!.map((r) => (r.id === 5 ? { ...r, added: 0, duplicates: 2, doses: 0 } : r)),
    sampleChunks: [
      travelChunk(
        [
          ['2024-01-02T13:30:00Z', 100, -210, 4, 4],
          ['2024-01-02T13:45:00Z', 110, -210, 4, 4],
        ],
        { shadowOf: Uint32Array.from([0, 1]), shadowImport: Uint32Array.from([5, 5]) },
      ),
      ...t.sampleChunks!.slice(1),
    ],
    daily: [daily('cgm_glucose', '2024-01-02', [100, 110], '2024-01-02T13:45:00Z'), ...t.daily!.slice(1)],
    doses: t
      .doses!.filter((r) => r.key !== carbs('10:00', 0, []).key)
      .map((r) => (r.key === carbs('13:30', -210, []).key ? { ...r, importIds: [4, 5] } : r)),
  };
}

/** v5: no store changes; sources remember the zone their offset-less records were placed in. */
const V5: MigrationFixture = {
  version: 5,
  stores: {},
  tables: v4TravelRepaired(structuredClone(V4.tables)),
  after: {},
};

export const MIGRATION_FIXTURES: readonly MigrationFixture[] = [V1, V2, V3, V4, V5];

/**
 * What is missing for `versions` (the schema versions declared in db.ts): a fixture written at each
 * version, and an expected result for every (from, to) pair with from < to. Empty when complete.
 */
export function missingMigrationTests(versions: readonly number[], fixtures: readonly MigrationFixture[]): string[] {
  const missing: string[] = [];
  for (const to of versions) {
    const f = fixtures.find((x) => x.version === to);
    if (!f) missing.push(`no fixture of a v${to} database (rows in every table v${to} has)`);
    for (const from of versions.filter((v) => v < to)) {
      if (!fixtures.find((x) => x.version === from)?.after[to])
        missing.push(`no upgrade test from v${from} to v${to} (after[${to}] in the v${from} fixture)`);
    }
  }
  for (const f of fixtures) if (!versions.includes(f.version)) missing.push(`a fixture for v${f.version}, which db.ts does not declare`);
  return missing;
}
