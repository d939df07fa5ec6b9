/**
 * The OGTT 2-hour glucose (`ogtt_2h_glucose`, docs/metrics.md): read from a FHIR Observation coded
 * LOINC 20438-8 or 1518-0 and from Doppel's own CSV, in mg/dL or mmol/L, stored in mg/dL; a value no
 * 2-hour test gives is refused with its reason and the rest of the file still imports.
 */
import { describe, expect, it } from 'vitest';
import { readSamples } from '../../../src/data/samples.ts';
import { GLUCOSE_MG_DL_PER_MMOL_L } from '../../../models/units.ts';
import { importText } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();

const observation = (code: string, value: number, unit: string, at: string) => ({
  resourceType: 'Observation',
  status: 'final',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
  code: {
    coding: [{ system: 'http://loinc.org', code, display: 'Glucose [Mass/volume] in Serum or Plasma --2 hours post 75 g glucose PO' }],
  },
  effectiveDateTime: at,
  valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
});
const bundle = (...resources: unknown[]) =>
  JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) });

describe('ogtt_2h_glucose', () => {
  it('imports from FHIR Observations coded 20438-8 (mg/dL) and 1518-0 (mmol/L), not as blood glucose', async () => {
    const d = db();
    const r = await importText(
      d,
      bundle(observation('20438-8', 190, 'mg/dL', '2024-03-01T10:00:00Z'), observation('1518-0', 8.9, 'mmol/L', '2025-03-01T10:00:00Z')),
      'portal.json',
    );
    expect(r.rejected).toEqual([]);
    const s = await readSamples(d, 'ogtt_2h_glucose');
    expect(s.n).toBe(2);
    expect(s.value[0]).toBe(190);
    expect(s.value[1]).toBeCloseTo(8.9 * GLUCOSE_MG_DL_PER_MMOL_L, 9);
    expect(new Date(s.start[0]!).toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect((await readSamples(d, 'blood_glucose')).n).toBe(0);
  });

  it('imports from the Doppel CSV in mg/dL and mmol/L', async () => {
    const d = db();
    const csv = [
      'time,metric,value,unit,source',
      '2024-05-01T10:00:00+00:00,ogtt_2h_glucose,152,mg/dL,Lab',
      '2025-05-01T10:00:00+00:00,ogtt_2h_glucose,11.1,mmol/L,Lab',
      '',
    ].join('\n');
    const r = await importText(d, csv, 'doppel.csv');
    expect(r.rejected).toEqual([]);
    const s = await readSamples(d, 'ogtt_2h_glucose');
    expect([...s.value].map((v) => Math.round(v * 10) / 10)).toEqual([152, Math.round(11.1 * GLUCOSE_MG_DL_PER_MMOL_L * 10) / 10]);
  });

  it('refuses implausible values (a mmol/L value labelled mg/dL, an impossible high) and keeps the rest', async () => {
    const d = db();
    const csv = [
      'time,metric,value,unit',
      '2024-05-01T10:00:00+00:00,ogtt_2h_glucose,11.1,mg/dL',
      '2024-06-01T10:00:00+00:00,ogtt_2h_glucose,1800,mg/dL',
      '2024-07-01T10:00:00+00:00,ogtt_2h_glucose,41,mg/dL',
      '2024-08-01T10:00:00+00:00,ogtt_2h_glucose,600,mg/dL',
      '',
    ].join('\n');
    const r = await importText(d, csv, 'doppel.csv');
    expect(r.rejected.map((x) => x.reason)).toEqual([
      'ogtt_2h_glucose 11.1 mg/dL outside 20-1500',
      'ogtt_2h_glucose 1800 mg/dL outside 20-1500',
    ]);
    expect([...(await readSamples(d, 'ogtt_2h_glucose')).value]).toEqual([41, 600]);
    const fhir = await importText(db(), bundle(observation('20438-8', 7.8, 'mg/dL', '2024-03-01T10:00:00Z')), 'portal.json');
    expect(fhir.rejected.map((x) => x.reason)).toEqual(['ogtt_2h_glucose 7.8 mg/dL outside 20-1500']);
  });
});
