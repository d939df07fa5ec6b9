/**
 * The ml worker's forecaster service on real IndexedDB semantics (fake-indexeddb) with a real CGM
 * export: trained once per change of the readings, judged, kept, forecasting from the newest hour.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteWorkspace, workspaceDb } from '../../../src/data/workspace.ts';
import { ensureGlucoseModel, forecastGlucose, getRecord } from '../../../src/ml/glucose-service.ts';
import { FIXTURES, importFile, importText } from '../import/helpers.ts';
import { generateCgm } from '../../../tools/gen/cgm.ts';

const dexcom = join(FIXTURES, 'real/cgm/cgmquantify_test_file_dexcom-g6-clarity.csv');
/**
 * Small training settings: these tests check the service (one training at a time, atomic records,
 * retraining on new data), not how well the network learns (test/unit/ml/forecaster.test.ts and
 * bench:ml do), so a few epochs keep them quick on a busy machine.
 */
const SMALL = { maxEpochs: 4, patience: 2 } as const;

afterEach(async () => {
  await deleteWorkspace('main');
});

describe('glucose forecaster service', () => {
  it('no CGM: no model, and says so', async () => {
    expect(await ensureGlucoseModel('main')).toEqual({ status: 'none', reason: 'no CGM readings', coveredDays: 0 });
    expect(await forecastGlucose('main')).toEqual({ ok: false, error: { code: 'NO_MODEL', message: 'no model yet' } });
  });

  it('fewer than 7 well-covered days: not trained, with the count', async () => {
    // The real export's first 3 days.
    const lines = readFileSync(dexcom, 'utf8').split('\n');
    const upTo = lines.findIndex((l) => l.includes('2016-10-27T11:2'));
    await importText(workspaceDb('main'), lines.slice(0, upTo).join('\n'), 'first-days.csv');
    const r = await ensureGlucoseModel('main');
    expect(r.status).toBe('insufficient');
    expect(r.reason).toMatch(/^\d of the 7 days of CGM \(≥ 12 h each\) needed$/);
    expect(await getRecord('main')).toBeUndefined();
  });

  it('a real Dexcom G6 export (7.9 days): trains both horizons, keeps the verdict, retrains only after new readings', async () => {
    await importFile(workspaceDb('main'), dexcom);
    // Two callers at once: one training; the second waits and finds it done.
    const [r, second] = await Promise.all([ensureGlucoseModel('main', SMALL), ensureGlucoseModel('main', SMALL)]);
    expect(r.status).toBe('trained');
    expect(second).toEqual({ status: 'unchanged', record: r.record });
    const rec = r.record!;
    expect(rec).toMatchObject({ backend: 'cpu', intervalMin: 5, usesCarbs: false, usesInsulin: false });
    expect(rec.coveredDays).toBeGreaterThanOrEqual(7);
    expect(rec.horizons.map((h) => h.horizonMin)).toEqual([30, 60]);
    for (const h of rec.horizons) {
      const e = h.evaluation;
      if (process.env.SHOW_EVAL)
        console.log(
          JSON.stringify({
            h: h.horizonMin,
            epochs: h.epochs,
            n: [e.nTrain, e.nVal, e.nTest],
            model: e.model,
            persistence: e.persistence,
            linear: e.linear,
            reason: e.reason,
          }),
        );
      expect(e.nTest).toBeGreaterThan(200); // the last 2 local days held out
      expect(e.beatsBaselines).toBe(e.reason === undefined);
      // Whatever the verdict, it follows from the numbers.
      const best = Math.min(e.persistence.rmseMgDl, e.linear.rmseMgDl);
      if (e.beatsBaselines) expect(e.model.rmseMgDl).toBeLessThan(best);
    }
    expect(rec.testFromMs).toBeGreaterThan(rec.firstMs);
    expect(rec.testDays).toBe(2);
    expect(await getRecord('main')).toEqual(rec);

    expect((await ensureGlucoseModel('main')).status).toBe('unchanged');

    const fr = await forecastGlucose('main');
    if (!fr.ok) throw new Error(fr.error.message);
    const f = fr.value;
    expect(f.backend).toBe('cpu');
    expect(f.fromMs).toBe(rec.lastMs);
    expect(f.points.map((p) => p.horizonMin)).toEqual([30, 60]);
    for (const p of f.points) {
      expect(p.atMs).toBe(rec.lastMs + p.horizonMin * 60_000);
      expect(p.lowMgDl).toBeLessThanOrEqual(p.mgdl);
      expect(p.highMgDl).toBeGreaterThanOrEqual(p.mgdl);
      expect(p.mgdl).toBeGreaterThan(40);
      expect(p.mgdl).toBeLessThan(400);
    }

    // One more reading 5 minutes later: the data changed, so the model is retrained.
    const next = new Date(rec.lastMs + 5 * 60_000);
    const wall = new Date(next.getTime() - next.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    const head =
      'Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,Device Info,Source Device ID,Glucose Value (mg/dL),Insulin Value (u),Carb Value (grams),Duration (hh:mm:ss),Glucose Rate of Change (mg/dL/min)';
    await importText(workspaceDb('main'), `${head}\n1,${wall},EGV,,,,iPhone G6,120,,,,`, 'more.csv');

    // A training that fails (here: cancelled) leaves the previous networks and their verdict as they were.
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(ensureGlucoseModel('main', { signal: cancelled.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await getRecord('main')).toEqual(rec);
    const stillR = await forecastGlucose('main');
    if (!stillR.ok) throw new Error(stillR.error.message);
    const still = stillR.value;
    expect(still.record).toEqual(rec);
    expect(still.fromMs).toBe(rec.lastMs + 5 * 60_000); // the old networks, from the new newest reading
    expect(still.points).toHaveLength(2);

    const again = await ensureGlucoseModel('main', SMALL);
    expect(again.status).toBe('trained');
    expect(again.record!.lastMs).toBe(rec.lastMs + 5 * 60_000);
    expect(again.record!.horizons[0]!.modelPath).not.toBe(rec.horizons[0]!.modelPath);
  });

  it('carbohydrate records in the export become inputs (with ≥ 10 of them), and new ones retrain', async () => {
    const g = generateCgm({ days: 10, startMs: Date.UTC(2025, 4, 1), seed: 4, withCarbs: true });
    const wall = (t: number) => new Date(t).toISOString().slice(0, 19);
    const head =
      'Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,Device Info,Source Device ID,Glucose Value (mg/dL),Insulin Value (u),Carb Value (grams),Duration (hh:mm:ss),Glucose Rate of Change (mg/dL/min)';
    const egv = g.startMs.map((t, i) => `${i},${wall(t)},EGV,,,,G6,${g.valueMgDl[i]},,,,`);
    const carbs = g.carbs.map((c, i) => `${i},${wall(c.startMs)},Carbs,,,,G6,,,${c.grams},,`);
    const r = await importText(workspaceDb('main'), [head, ...egv, ...carbs.slice(0, -3)].join('\n'), 'clarity.csv');
    expect(r.doses).toBe(carbs.length - 3);
    const first = await ensureGlucoseModel('main', SMALL);
    expect(first.record).toMatchObject({ usesCarbs: true, usesInsulin: false });
    expect(first.record!.horizons.map((h) => h.eventScales)).toEqual([[50], [50]]);
    const again = await forecastGlucose('main');
    expect(again.ok && again.value.points).toHaveLength(2);
    // Three more meal records (no new readings): the inputs changed, so it learns again.
    await importText(workspaceDb('main'), [head, ...carbs.slice(-3)].join('\n'), 'more-carbs.csv');
    expect((await ensureGlucoseModel('main', SMALL)).status).toBe('trained');
  });
});
