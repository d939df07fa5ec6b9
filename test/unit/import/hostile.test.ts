import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSamples } from '../../../src/data/samples.ts';
import { FLAG_CENSORED } from '../../../models/samples.ts';
import { useFreshDbs } from '../data/helpers.ts';
import { importText, report } from './helpers.ts';

/** Odd and hostile input that must import safely (found by review; each was a real defect once). */
const db = useFreshDbs();
const now = Date.UTC(2026, 10, 21);

describe('odd and hostile input', () => {
  it('a zip entry whose parser stops early does not stall the archive', async () => {
    const d = db();
    const z = zipSync({
      'samsung/com.samsung.shealth.exercise.1.csv': strToU8(
        `com.samsung.shealth.exercise,1,1\nstart_time,duration\n${'2024-01-01 00:00:00.000,60\n'.repeat(50_000)}`,
      ),
      'doppel.csv': strToU8('time,metric,value,unit\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg\n'),
    }) as Uint8Array<ArrayBuffer>;
    const r = await importText(d, z, 'mixed.zip');
    expect(r).toMatchObject({ added: 1, ignored: { 'Samsung Health com.samsung.shealth.exercise': 1 } });
  });

  it('a stored (uncompressed) FHIR bundle in a zip is recognized even when "resourceType" comes late', async () => {
    const d = db();
    const bundle = JSON.stringify({
      id: 'x'.repeat(9000),
      entry: [
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
            effectiveDateTime: '2024-03-01T09:00:00Z',
            valueQuantity: { value: 80, unit: 'kg' },
          },
        },
      ],
      resourceType: 'Bundle',
    });
    const z = zipSync({ 'fhir/bundle.json': [strToU8(bundle), { level: 0 }] }) as Uint8Array<ArrayBuffer>;
    expect((await importText(d, z, 'portal.zip')).added).toBe(1);
  });

  it('NDJSON whose first line is longer than a read chunk', async () => {
    const d = db();
    const line = (v: number, pad = ''): string =>
      JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        note: pad,
        code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
        effectiveDateTime: `2024-03-0${v}T09:00:00Z`,
        valueQuantity: { value: 80 + v, unit: 'kg' },
      });
    const r = await importText(d, `${line(1, 'x'.repeat(200_000))}\n${line(2)}\n`, 'Observation.ndjson');
    expect(r.added).toBe(2);
  });

  it('CR-only line endings (old Mac exports)', async () => {
    const d = db();
    const r = await importText(
      d,
      'time,metric,value,unit\r2024-05-01T07:30:00+02:00,body_weight,82.4,kg\r2024-05-02T07:30:00+02:00,body_weight,82.1,kg\r',
      'old.csv',
    );
    expect(r).toMatchObject({ format: 'generic-csv', added: 2 });
  });

  it('deeply nested FHIR bundles are rejected, not recursed into without end', async () => {
    const d = db();
    const n = 20_000;
    const text = `${'{"resourceType":"Bundle","entry":[{"resource":'.repeat(n)}{"resourceType":"Observation"}${'}]}'.repeat(n)}`;
    const r = await importText(d, text, 'deep.json');
    expect(r.rejected).toEqual([{ where: 'entry 1 entry 1 entry 1 entry 1 entry 1', reason: 'Bundle nested more than 4 levels deep' }]);
    // 200,000 levels: still read safely (the JSON reader counts depth, it does not recurse)
    const m = 200_000;
    const deeper = `${'{"resourceType":"Bundle","entry":[{"resource":'.repeat(m)}{}${'}]}'.repeat(m)}`;
    expect((await importText(d, deeper, 'deeper.json')).rejected).toEqual([
      { where: 'entry 1 entry 1 entry 1 entry 1 entry 1', reason: 'Bundle nested more than 4 levels deep' },
    ]);
  });

  it('caps distinct sources per file, ignored type names and name lengths', async () => {
    const d = db();
    const rows = Array.from({ length: 10_002 }, (_, i) => `2024-05-01T07:30:00+02:00,body_weight,80,kg,source ${i}`);
    const r = await importText(d, `time,metric,value,unit,source\n${rows.join('\n')}\n`, 'many.csv');
    expect(r.added).toBe(10_000);
    expect(r.rejected).toEqual([
      { where: 'line 10002', reason: 'more than 10,000 distinct sources in one file' },
      { where: 'line 10003', reason: 'more than 10,000 distinct sources in one file' },
    ]);
    const names = Array.from({ length: 1500 }, (_, i) => `2024-05-01T07:30:00Z,m${i},1,kg`);
    const r2 = await importText(
      d,
      `time,metric,value,unit\n${names.join('\n')}\n${'2024-05-01T07:30:00Z,body_weight,80,kg,'}${'y'.repeat(5000)}\n`,
      'names.csv',
    );
    expect(Object.keys(r2.ignored)).toHaveLength(1001);
    expect(r2.ignored['(other types)']).toBe(500);
    expect(Math.max(...(await d.sources.toArray()).map((s) => s.name.length))).toBeLessThanOrEqual(200);
  });

  it('FHIR: a bound (eGFR >60) is kept at the bound and flagged censored; a date without a day is named', async () => {
    const d = db();
    const obs = (extra: object): object => ({
      resource: {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '33914-3' }] },
        effectiveDateTime: '2024-03-01T09:00:00Z',
        valueQuantity: { value: 60, unit: 'mL/min/{1.73_m2}', comparator: '>' },
        ...extra,
      },
    });
    const r = await importText(
      d,
      JSON.stringify({ resourceType: 'Bundle', entry: [obs({}), obs({ effectiveDateTime: '2020-01' })] }),
      'egfr.json',
    );
    expect(r.rejected).toEqual([{ where: 'entry 2', reason: 'effectiveDateTime "2020-01" has no day' }]);
    const s = await readSamples(d, 'egfr');
    expect([s.value[0], s.flags[0]! & FLAG_CENSORED]).toEqual([60, FLAG_CENSORED]);
  });

  it('an interval ending far in the future, or lasting weeks, is rejected', async () => {
    const d = db();
    const rec = (s: string, e: string): string =>
      ` <Record type="HKQuantityTypeIdentifierStepCount" sourceName="W" unit="count" startDate="${s}" endDate="${e}" value="10"/>`;
    const r = await importText(
      d,
      `<HealthData>\n${rec('2024-06-11 10:00:00 +0000', '2099-01-01 00:00:00 +0000')}\n${rec('2024-06-01 10:00:00 +0000', '2024-06-30 10:00:00 +0000')}\n${rec('2024-06-11 10:00:00 +0000', '2024-06-11 10:10:00 +0000')}\n</HealthData>\n`,
      'x.xml',
      { nowMs: now },
    );
    expect(r.rejected.map((x) => x.reason)).toEqual([
      'steps: end 2099-01-01 is more than a day in the future',
      'steps: an interval of 29 days is longer than 7',
    ]);
    expect(r.added).toBe(1);
  });

  it('a large (staged) import that fails part-way leaves no pending row or staged samples', async () => {
    const d = db();
    const good = Array.from({ length: 60 }, (_, i) => ({ type: 'sgv', sgv: 100 + (i % 50), date: 1405792155000 + i * 300_000 }));
    const text = `[${good.map((x) => JSON.stringify(x)).join(',')},{"type":"sgv","sgv":1,`;
    await expect(importText(d, text, 'entries.json', { spillAt: 10 })).rejects.toMatchObject({ code: 'TRUNCATED' });
    expect(await d.imports.count()).toBe(0);
    expect(await d.staging.count()).toBe(0);
    expect(await report(d)).toMatchObject({ metrics: {} });
  });
});
