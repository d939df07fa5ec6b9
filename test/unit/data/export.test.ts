import { describe, expect, it } from 'vitest';
import { exportWorkspace, EXPORT_FORMAT } from '../../../src/data/export.ts';
import { countSamples } from '../../../src/data/samples.ts';
import { saveScenario } from '../../../src/data/twin.ts';
import { setSetting } from '../../../src/data/settings.ts';
import { loadDemo } from '../../../src/import/demo.ts';
import { METRICS, type MetricId } from '../../../models/metrics.ts';
import { useFreshDbs } from './helpers.ts';

const db = useFreshDbs();
const NOW = Date.UTC(2026, 10, 22, 9);

async function demoDb() {
  const d = db();
  await loadDemo(d, { endDay: '2026-11-21', offsetMin: 60, seed: 5 });
  await setSetting(d, 'glucoseUnit', 'mmol/L');
  await saveScenario(d, 'Walk more', { activityMinutesPerWeek: 150 });
  return d;
}

describe('export everything', () => {
  it('JSON holds every stored sample, the profile, settings, sources, imports and saved scenarios', async () => {
    const d = await demoDb();
    const r = await exportWorkspace(d, 'json', NOW);
    const doc = JSON.parse(await r.blob.text());
    expect(doc).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-11-22T09:00:00.000Z' });
    expect(r.fileName).toBe('doppel-export-2026-11-22.json');
    expect(doc.profile.birthDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(doc.settings).toContainEqual({ key: 'glucoseUnit', value: 'mmol/L' });
    expect(doc.scenarios[0]).toMatchObject({ name: 'Walk more', scenario: { activityMinutesPerWeek: 150 } });
    expect(doc.imports).toHaveLength(1);
    const counts = await countSamples(d);
    const got: Partial<Record<MetricId, number>> = {};
    for (const c of doc.samples) {
      expect(c.start).toHaveLength(c.n);
      expect(c.value).toHaveLength(c.n);
      expect(c.unit).toBe(METRICS[c.metric as MetricId].unit);
      got[c.metric as MetricId] = (got[c.metric as MetricId] ?? 0) + c.n;
    }
    expect(got).toEqual(counts);
    expect(r.samples).toBe(Object.values(counts).reduce((s, n) => s + n, 0));
    // The values are the stored ones, exactly.
    const stored = await d.sampleChunks.orderBy('key').first();
    expect(doc.samples[0].value.slice(0, 20)).toEqual(Array.from(stored!.value.slice(0, 20)));
  });

  it('FHIR is an R4 collection Bundle: a minimal Patient and Observations coded in LOINC with UCUM units', async () => {
    const d = await demoDb();
    const r = await exportWorkspace(d, 'fhir', NOW);
    const b = JSON.parse(await r.blob.text());
    expect(b).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2026-11-22T09:00:00.000Z' });
    const [patient, ...obs] = b.entry.map((e: { resource: Record<string, unknown> }) => e.resource);
    expect(Object.keys(patient).sort()).toEqual(['birthDate', 'gender', 'id', 'resourceType']);
    const counts = await countSamples(d);
    expect(obs.length + Object.values(r.skipped).reduce((s, n) => s + n, 0)).toBe(Object.values(counts).reduce((s, n) => s + n, 0));
    expect(obs.length).toBe(r.samples);
    for (const o of obs.slice(0, 2000)) {
      expect(o.resourceType).toBe('Observation');
      expect(o.status).toBe('final');
      expect(o.code.coding[0].system).toBe('http://loinc.org');
      expect(o.valueQuantity.system).toBe('http://unitsofmeasure.org');
      expect(typeof o.valueQuantity.value).toBe('number');
      expect(o.effectiveDateTime ?? o.effectivePeriod.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    const weights = obs.filter((o: { code: { coding: { code: string }[] } }) => o.code.coding[0]!.code === '29463-7');
    expect(weights.length).toBe(counts.body_weight);
    expect(weights[0].valueQuantity.code).toBe('kg');
  });

  it('an empty workspace exports an empty, valid document', async () => {
    const d = db();
    const doc = JSON.parse(await (await exportWorkspace(d, 'json', NOW)).blob.text());
    expect(doc.samples).toEqual([]);
    expect(doc.profile).toBeNull();
    const b = JSON.parse(await (await exportWorkspace(d, 'fhir', NOW)).blob.text());
    expect(b.entry).toEqual([
      { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'Patient', id: 'self' } },
    ]);
  });
});
