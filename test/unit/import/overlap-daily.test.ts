import { describe, expect, it } from 'vitest';
import { readDaily } from '../../../src/data/samples.ts';
import { setSetting } from '../../../src/data/settings.ts';
import { importText, report } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();

const steps = (source: string, model: string, start: string, end: string, value: number): string =>
  ` <Record type="HKQuantityTypeIdentifierStepCount" sourceName="${source}" device="&lt;&lt;HKDevice: 0x1&gt;, name:x, model:${model}, hardware:x&gt;" unit="count" startDate="2024-06-11 ${start} +0200" endDate="2024-06-11 ${end} +0200" value="${value}"/>`;
const xml = (...records: string[]): string => `<HealthData locale="en_US">\n${records.join('\n')}\n</HealthData>\n`;

describe('daily totals apply the overlapping-sources rule', () => {
  it('phone and watch recording the same walk count it once, the watch winning; the user can reorder', async () => {
    const d = db();
    await importText(
      d,
      xml(
        steps("Ann's iPhone", 'iPhone', '10:00:00', '10:30:00', 3000),
        steps("Ann's Apple Watch", 'Watch', '10:00:00', '10:10:00', 1200),
        steps("Ann's Apple Watch", 'Watch', '18:00:00', '18:10:00', 500),
      ),
      'export.xml',
    );
    expect((await report(d)).daily.steps).toEqual({ '2024-06-11': 1200 + 2000 + 500 });
    // Raw samples are kept.
    expect((await report(d)).metrics.steps!.count).toBe(3);

    const sources = await d.sources.toArray();
    const phone = sources.find((s) => s.model === 'iPhone')!.key;
    const watch = sources.find((s) => s.model === 'Watch')!.key;
    await setSetting(d, 'sourceOrder', [phone, watch]);
    expect((await readDaily(d, 'steps'))[0]!.sum).toBe(3000 + 500);
    await setSetting(d, 'sourceOrder', []);
    expect((await readDaily(d, 'steps'))[0]!.sum).toBe(3700);
  });

  it('a later import from another device updates the day under the same rule', async () => {
    const d = db();
    await importText(d, xml(steps("Ann's iPhone", 'iPhone', '10:00:00', '10:30:00', 3000)), 'phone.xml');
    expect((await report(d)).daily.steps).toEqual({ '2024-06-11': 3000 });
    await importText(d, xml(steps("Ann's Apple Watch", 'Watch', '10:15:00', '10:30:00', 1700)), 'watch.xml');
    expect((await report(d)).daily.steps).toEqual({ '2024-06-11': 1700 + 1500 });
  });

  it('a watch sample across midnight covers the phone after midnight (a moment counted once)', async () => {
    const d = db();
    const at = (day: string, time: string): string => `${day} ${time} +0200`;
    const rec = (source: string, model: string, s: string, e: string, v: number): string =>
      ` <Record type="HKQuantityTypeIdentifierStepCount" sourceName="${source}" device="&lt;&lt;HKDevice: 0x1&gt;, model:${model}&gt;" unit="count" startDate="${s}" endDate="${e}" value="${v}"/>`;
    await importText(
      d,
      xml(
        rec('Watch', 'Watch', at('2024-06-11', '23:30:00'), at('2024-06-12', '00:30:00'), 600),
        rec('Phone', 'iPhone', at('2024-06-12', '00:00:00'), at('2024-06-12', '00:30:00'), 300),
        rec('Phone', 'iPhone', at('2024-06-12', '09:00:00'), at('2024-06-12', '09:10:00'), 100),
      ),
      'export.xml',
    );
    // The watch's 600 count on the 11th (the day it started); the phone's 00:00-00:30 is covered.
    expect((await report(d)).daily.steps).toEqual({ '2024-06-11': 600, '2024-06-12': 100 });
  });

  it('refuses a bad setting', async () => {
    await expect(setSetting(db(), 'glucoseUnit', 'mg' as never)).rejects.toThrow('settings.glucoseUnit: "mg" is not one of mg/dL, mmol/L');
  });
});
