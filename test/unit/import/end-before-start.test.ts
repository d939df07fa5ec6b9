import { describe, expect, it } from 'vitest';
import { METRIC_IDS, METRICS } from '../../../models/metrics.ts';
import { endBeforeStart } from '../../../models/plausibility.ts';
import { PLAUSIBLE } from '../../../models/plausibility.ts';
import { readSamples } from '../../../src/data/samples.ts';
import { ImportSink } from '../../../src/import/sink.ts';
import { useFreshDbs } from '../data/helpers.ts';
import { importText } from './helpers.ts';

/**
 * A record whose end precedes its start has swapped or corrupt times, whatever its metric: it is
 * rejected with its reason and location (docs/import-formats.md "Plausibility"), also for instant
 * metrics, which store their start only.
 */
const db = useFreshDbs();
const NOW = Date.UTC(2026, 10, 21);
const T = Date.UTC(2024, 2, 1, 9);

describe('endBeforeStart', () => {
  it.each([
    [T, T, undefined],
    [T, T + 1, undefined],
    [T, T - 1, 'body_weight: end 2024-03-01T08:59:59.999Z is before start 2024-03-01T09:00:00.000Z'],
    [T, T - 3_600_000, 'body_weight: end 2024-03-01T08:00:00.000Z is before start 2024-03-01T09:00:00.000Z'],
  ])('start %d, end %d → %s', (start, end, why) => {
    expect(endBeforeStart('body_weight', start, end)).toBe(why);
  });

  it('names a date beyond what a Date can print without throwing', () => {
    expect(endBeforeStart('steps', 1e300, 0)).toBe('steps: end 1970-01-01T00:00:00.000Z is before start (out of range)');
  });
});

describe('the import sink rejects an end before the start for every metric', () => {
  it.each(METRIC_IDS.map((m) => [m, METRICS[m].kind]))('%s (%s)', (metric) => {
    const sink = new ImportSink(NOW);
    const value = PLAUSIBLE[metric][0] + 1;
    const src = sink.source('test');
    expect(sink.add(metric, T, T - 60_000, value, 60, src)).toBe(
      `${metric}: end 2024-03-01T08:59:00.000Z is before start 2024-03-01T09:00:00.000Z`,
    );
    expect(sink.add(metric, T, T + 60_000, value, 60, src)).toBeUndefined();
    expect(sink.accepted).toBe(1);
  });

  it('an instant metric keeps its start only; an interval keeps its end', () => {
    const sink = new ImportSink(NOW);
    const src = sink.source('test');
    sink.add('body_weight', T, T + 60_000, 80, 60, src);
    sink.add('steps', T, T + 60_000, 100, 60, src);
    const [weight, steps] = sink.take();
    expect([weight!.metric, weight!.start[0], weight!.end[0]]).toEqual(['body_weight', T, T]);
    expect([steps!.metric, steps!.start[0], steps!.end[0]]).toEqual(['steps', T, T + 60_000]);
  });
});

const apple = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n <ExportDate value="2024-03-10 10:00:00 +0100"/>\n${body}\n</HealthData>\n`;
const rec = (type: string, unit: string, value: string, start: string, end: string): string =>
  ` <Record type="${type}" sourceName="Scale" unit="${unit}" startDate="${start}" endDate="${end}" value="${value}"/>`;

describe('Apple Health XML: a record ending before it starts', () => {
  it('is rejected with its line, for an instant metric (weight), a cumulative one (steps) and sleep', async () => {
    const d = db();
    const r = await importText(
      d,
      apple(
        [
          rec('HKQuantityTypeIdentifierBodyMass', 'kg', '80', '2024-03-01 10:00:00 +0100', '2024-03-01 10:00:00 +0100'),
          rec('HKQuantityTypeIdentifierBodyMass', 'kg', '81', '2024-03-02 10:00:00 +0100', '2024-03-02 09:00:00 +0100'),
          rec('HKQuantityTypeIdentifierStepCount', 'count', '500', '2024-03-02 10:00:00 +0100', '2024-03-02 09:59:00 +0100'),
          ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" startDate="2024-03-03 07:00:00 +0100" endDate="2024-03-02 23:00:00 +0100" value="HKCategoryValueSleepAnalysisAsleepCore"/>`,
          rec('HKQuantityTypeIdentifierBodyMass', 'kg', '82', '2024-03-04 10:00:00 +0100', '2024-03-04 10:05:00 +0100'),
        ].join('\n'),
      ),
      'export.xml',
    );
    expect(r.rejected).toEqual([
      { where: 'line 5', reason: 'body_weight: end 2024-03-02T08:00:00.000Z is before start 2024-03-02T09:00:00.000Z' },
      { where: 'line 6', reason: 'steps: end 2024-03-02T08:59:00.000Z is before start 2024-03-02T09:00:00.000Z' },
      { where: 'line 7', reason: 'sleep: end 2024-03-02T22:00:00.000Z is before start 2024-03-03T06:00:00.000Z' },
    ]);
    expect(r.added).toBe(2);
    const w = await readSamples(d, 'body_weight');
    expect([...w.value]).toEqual([80, 82]);
    expect(w.end[1]).toBe(w.start[1]); // an instant: the start only
  });
});

const obs = (code: string, value: number, unit: string, effective: Record<string, unknown>) => ({
  resource: {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code }] },
    ...effective,
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  },
});
const bp = (effective: Record<string, unknown>) => ({
  resource: {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    ...effective,
    component: [
      { code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: { value: 120, unit: 'mm[Hg]' } },
      { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: { value: 80, unit: 'mm[Hg]' } },
    ],
  },
});

describe('FHIR R4: an effectivePeriod ending before it starts', () => {
  it('is rejected with its entry (a lab value, a BP panel, steps); a period in order imports', async () => {
    const d = db();
    const period = (start: string, end: string) => ({ effectivePeriod: { start, end } });
    const r = await importText(
      d,
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          obs('4548-4', 6.1, '%', period('2024-03-01T09:00:00Z', '2024-03-01T09:30:00Z')),
          obs('4548-4', 6.2, '%', period('2024-03-02T09:00:00Z', '2024-03-01T09:00:00Z')),
          bp(period('2024-03-03T09:00:00+01:00', '2024-03-03T08:55:00+01:00')),
          obs('55423-8', 4000, '{steps}', period('2024-03-04T00:00:00Z', '2024-03-03T23:00:00Z')),
          obs('29463-7', 80, 'kg', period('2024-03-05T09:00:00Z', 'yesterday')),
        ],
      }),
      'bundle.json',
    );
    expect(r.rejected).toEqual([
      { where: 'entry 2', reason: 'hba1c: end 2024-03-01T09:00:00.000Z is before start 2024-03-02T09:00:00.000Z' },
      { where: 'entry 3', reason: 'systolic_bp: end 2024-03-03T07:55:00.000Z is before start 2024-03-03T08:00:00.000Z' },
      { where: 'entry 3', reason: 'diastolic_bp: end 2024-03-03T07:55:00.000Z is before start 2024-03-03T08:00:00.000Z' },
      { where: 'entry 4', reason: 'steps: end 2024-03-03T23:00:00.000Z is before start 2024-03-04T00:00:00.000Z' },
      { where: 'entry 5', reason: 'effectivePeriod.end "yesterday": not a date (YYYY-MM-DD expected)' },
    ]);
    expect(r.added).toBe(1);
  });
});
