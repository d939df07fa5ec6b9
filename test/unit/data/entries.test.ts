import { describe, expect, it } from 'vitest';
import type { EntryDraft, EntryUnits } from '../../../models/entry/measurement-entry.ts';
import { FLAG_FASTING } from '../../../models/samples.ts';
import {
  deleteEntry,
  editEntry,
  ENTRY_FORMAT,
  ENTRY_SOURCE_KEY,
  listEntries,
  redoStep,
  saveEntry,
  undoStep,
} from '../../../src/data/entries.ts';
import { DataError } from '../../../src/data/errors.ts';
import { listImports } from '../../../src/data/imports.ts';
import { readDaily, readSamples } from '../../../src/data/samples.ts';
import { exportWorkspace } from '../../../src/data/export.ts';
import { buildRiskProfile } from '../../../src/risk/profile-builder.ts';
import { refreshSnapshot } from '../../../src/twin/snapshot.ts';
import { ipsBundle } from '../../../src/share/fhir-ips.ts';
import { importBlob } from '../../../src/import/pipeline.ts';
import { useFreshDbs } from './helpers.ts';

const db = useFreshDbs();
const UK: EntryUnits = { glucoseUnit: 'mmol/L', weightUnit: 'kg', hba1cUnit: 'mmol/mol', creatinineUnit: 'µmol/L', heightUnit: 'cm' };
const AT = Date.UTC(2026, 4, 10, 7, 30);
const NOW = AT + 3_600_000;
const weight = (kg: string, atMs = AT): EntryDraft => ({ kind: 'weight', values: { weight: kg }, atMs, offsetMin: 60 });

describe('saveEntry', () => {
  it('stores an entry as one import from the source "entered by you", with its samples and daily rows', async () => {
    const d = db();
    const row = await saveEntry(
      d,
      { kind: 'bloodPressure', values: { systolic: '131', diastolic: '83' }, atMs: AT, offsetMin: 60 },
      UK,
      NOW,
    );
    expect(row).toMatchObject({ status: 'committed', format: ENTRY_FORMAT, added: 2, entry: { kind: 'bloodPressure', atMs: AT } });
    const src = await d.sources.where('key').equals(ENTRY_SOURCE_KEY).first();
    expect(src?.name).toBe('entered by you');
    const sys = await readSamples(d, 'systolic_bp');
    const dia = await readSamples(d, 'diastolic_bp');
    expect([sys.n, sys.value[0], sys.start[0], sys.source[0]]).toEqual([1, 131, AT, src!.id]);
    expect([dia.n, dia.value[0], dia.start[0]]).toEqual([1, 83, AT]);
    expect((await readDaily(d, 'systolic_bp')).map((r) => [r.day, r.last])).toEqual([['2026-05-10', 131]]);
  });

  it('flags a fasting glucose and converts mmol/L', async () => {
    const d = db();
    await saveEntry(d, { kind: 'glucose', values: { glucose: '6.1' }, atMs: AT, offsetMin: 60, fasting: true }, UK, NOW);
    const g = await readSamples(d, 'blood_glucose');
    expect(g.value[0]).toBeCloseTo(6.1 * 18.016, 8);
    expect(g.flags[0]! & FLAG_FASTING).toBe(FLAG_FASTING);
  });

  it('stores nothing for an impossible value', async () => {
    const d = db();
    await expect(saveEntry(d, weight('900'), UK, NOW)).rejects.toBeInstanceOf(DataError);
    expect(await listImports(d)).toEqual([]);
    expect((await readSamples(d, 'body_weight')).n).toBe(0);
  });
});

describe('editEntry, undoStep, redoStep, deleteEntry', () => {
  it('replaces the samples in one undoable step, and undo puts the earlier value back', async () => {
    const d = db();
    const first = await saveEntry(d, weight('82.4'), UK, NOW);
    const changed = await editEntry(d, first.id!, weight('81.9', AT + 60_000), UK, NOW);
    expect(changed.replaces).toBe(first.id);
    let w = await readSamples(d, 'body_weight');
    expect([...w.value]).toEqual([81.9]);
    expect(w.start[0]).toBe(AT + 60_000);
    expect((await listEntries(d)).map((r) => r.id)).toEqual([changed.id]);

    await undoStep(d, changed.id!);
    w = await readSamples(d, 'body_weight');
    expect([...w.value]).toEqual([82.4]);
    const back = await d.imports.get(first.id!);
    expect(back?.status).toBe('committed');
    expect(back?.replacedBy).toBeUndefined();

    await redoStep(d, changed.id!);
    w = await readSamples(d, 'body_weight');
    expect([...w.value]).toEqual([81.9]);
    expect((await d.imports.get(first.id!))?.replacedBy).toBe(changed.id);
  });

  it('refuses a change to an impossible value and keeps the entry as it was', async () => {
    const d = db();
    const first = await saveEntry(d, weight('82.4'), UK, NOW);
    await expect(editEntry(d, first.id!, weight('-3'), UK, NOW)).rejects.toBeInstanceOf(DataError);
    expect([...(await readSamples(d, 'body_weight')).value]).toEqual([82.4]);
    expect((await d.imports.get(first.id!))?.status).toBe('committed');
  });

  it('deletes an entry as an undo of its import, which redo brings back', async () => {
    const d = db();
    const first = await saveEntry(d, weight('82.4'), UK, NOW);
    await deleteEntry(d, first.id!);
    expect((await readSamples(d, 'body_weight')).n).toBe(0);
    expect(await listEntries(d)).toEqual([]);
    await redoStep(d, first.id!);
    expect([...(await readSamples(d, 'body_weight')).value]).toEqual([82.4]);
  });
});

describe('provenance of an entry', () => {
  it('reads "entered by you" in the risk inputs and marks the patient as performer in the FHIR export', async () => {
    const d = db();
    await saveEntry(d, { kind: 'hba1c', values: { hba1c: '48' }, atMs: AT, offsetMin: 60 }, UK, NOW);
    await saveEntry(d, { kind: 'bloodPressure', values: { systolic: '131', diastolic: '83' }, atMs: AT, offsetMin: 60 }, UK, NOW);
    const r = await buildRiskProfile(d, NOW);
    expect(r.sources.hba1cPercent).toEqual({ from: 'reading', metric: 'hba1c', day: '2026-05-10', entered: true });
    expect(r.sources.systolicBpMmHg).toMatchObject({ from: 'bp', readings: 1, entered: true });
    expect(r.provenance.hba1cPercent).toContain('entered by you');
    const bundle = JSON.parse(await (await exportWorkspace(d, 'fhir', NOW)).blob.text()) as {
      entry: { fullUrl?: string; resource: { resourceType: string; performer?: { reference: string }[] } }[];
    };
    const obs = bundle.entry.map((e) => e.resource).filter((x) => x.resourceType === 'Observation');
    expect(obs).toHaveLength(3);
    const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!;
    for (const o of obs) expect(o.performer).toEqual([{ reference: patient.fullUrl }]);
  });

  it('marks the latest values entered by hand in the twin state (the visit summary flags them); a later imported value is not', async () => {
    const d = db();
    await saveEntry(d, { kind: 'hba1c', values: { hba1c: '48' }, atMs: AT, offsetMin: 60 }, UK, NOW);
    await saveEntry(d, weight('82.4'), UK, NOW);
    const csv = `time,metric,value,unit\n${new Date(AT + 60_000).toISOString()},body_weight,83.1,kg\n`;
    await importBlob(d, new Blob([csv]), 'scale.csv', { nowMs: NOW });
    const state = await refreshSnapshot(d, NOW, { quick: true });
    expect(state.latest.hba1c).toMatchObject({ entered: true });
    expect(state.latest.body_weight!.value).toBe(83.1);
    expect(state.latest.body_weight!.entered).toBeUndefined();
  });

  it('marks values entered by hand as patient-reported in the FHIR patient summary, and no others', () => {
    const series = {
      metric: 'body_weight' as const,
      start: [AT, AT + 1],
      end: [AT, AT + 1],
      value: [82.4, 83.1],
      flags: [0, 0],
      source: [7, 2],
    };
    const b = ipsBundle({ nowMs: NOW, appVersion: 't', patient: {}, series: [series], scores: [], forecasts: [], enteredSource: 7 }) as {
      entry: {
        fullUrl: string;
        resource: { resourceType: string; performer?: { reference: string }[]; meta?: { tag: { code: string }[] } };
      }[];
    };
    const patient = b.entry.find((e) => e.resource.resourceType === 'Patient')!;
    const obs = b.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Observation');
    expect(obs).toHaveLength(2);
    expect(obs[0]!.performer).toEqual([{ reference: patient.fullUrl }]);
    expect(obs[0]!.meta?.tag.map((t) => t.code)).toEqual(['entered-by-you']);
    expect(obs[1]!.performer).toBeUndefined();
    expect(obs[1]!.meta).toBeUndefined();
  });
});
