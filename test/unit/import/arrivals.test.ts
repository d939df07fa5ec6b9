import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetricId } from '../../../models/metrics.ts';
import { redoImport, undoImport } from '../../../src/data/imports.ts';
import { countSamples, readDaily } from '../../../src/data/samples.ts';
import { deleteWorkspace, workspaceDb } from '../../../src/data/workspace.ts';
import { importHandlers } from '../../../src/import/handlers.ts';
import type { DoppelDb } from '../../../src/data/db.ts';
import { FIXTURES, importFile, newDb } from './helpers.ts';

const FHIR = join(FIXTURES, 'real/fhir-r4/smart-generated-sample-data_Lupe_Little_prediabetes.json');
const DEXCOM = join(FIXTURES, 'real/cgm/cgmquantify_test_file_dexcom-g6-clarity.csv');

const open: DoppelDb[] = [];
const db = (): DoppelDb => {
  const d = newDb();
  open.push(d);
  return d;
};
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

/** Per metric: how many readings the store holds and its first and last day (what the timeline shows). */
async function timeline(d: DoppelDb): Promise<Record<string, { count: number; first: string; last: string }>> {
  const out: Record<string, { count: number; first: string; last: string }> = {};
  for (const [metric, count] of Object.entries(await countSamples(d))) {
    const days = await readDaily(d, metric as MetricId);
    out[metric] = { count, first: days[0]!.day, last: days[days.length - 1]!.day };
  }
  return out;
}

describe('what arrived, from real exports', () => {
  it.each([
    ['a FHIR record', FHIR],
    ['a Dexcom Clarity CSV', DEXCOM],
  ])('%s: each metric’s count and days are those the timeline then shows', async (_, path) => {
    const d = db();
    const r = await importFile(d, path);
    expect(Object.keys(r.arrived ?? {}).length).toBeGreaterThan(0);
    expect(r.arrived).toEqual(await timeline(d));
    expect(Object.values(r.arrived!).reduce((s, a) => s + a!.count, 0)).toBe(r.added);
  });

  it('a staged (large) import records the same arrivals, and its undo and redo give back the same store', async () => {
    const small = db();
    const whole = await importFile(small, FHIR);
    const d = db();
    // Staged a few samples at a time: the final transaction merges them from staging.
    const staged = await importFile(d, FHIR, { spillAt: 5 });
    expect(staged.arrived).toEqual(whole.arrived);
    const before = { chunks: await d.sampleChunks.toArray(), daily: await d.daily.toArray() };
    const undone = await undoImport(d, staged.importId);
    expect(undone.undone!.removed).toEqual(Object.fromEntries(Object.entries(whole.arrived!).map(([m, a]) => [m, a!.count])));
    expect(await countSamples(d)).toEqual({});
    await redoImport(d, staged.importId);
    expect({ chunks: await d.sampleChunks.toArray(), daily: await d.daily.toArray() }).toEqual(before);
  });
});

describe('cancelling in the import worker', () => {
  afterEach(() => deleteWorkspace('main'));

  it('reports the file being read as cancelled, keeps nothing of it, keeps the files before and reads none after', async () => {
    const first = new File([readFileSync(DEXCOM)], 'dexcom.csv');
    const big = new File([await (await openAsBlob(FHIR)).arrayBuffer()], 'big.json');
    const after = new File(['time,metric,value,unit\n2024-05-01T07:30:00Z,body_weight,82.4,kg\n'], 'after.csv');
    const token = 'cancel-test';
    let asked = false;
    const out = await importHandlers.importFiles('main', [first, big, after], token, (p) => {
      // The second file has started: the person presses Cancel.
      if (p.fileIndex === 1 && !asked) {
        asked = true;
        importHandlers.cancel(token);
      }
    });
    expect(out.map((o) => [o.file, 'cancelled' in o ? 'cancelled' : 'importId' in o ? 'imported' : 'failed'])).toEqual([
      ['dexcom.csv', 'imported'],
      ['big.json', 'cancelled'],
    ]);
    const main = workspaceDb('main');
    expect((await main.imports.toArray()).map((r) => [r.fileName, r.status])).toEqual([['dexcom.csv', 'committed']]);
    expect(await main.staging.count()).toBe(0);
    expect(Object.keys(await countSamples(main))).toEqual(['cgm_glucose']);
  });
});
