/**
 * The twin screen's "data from … to …" and the visit summary's range come from the snapshot's
 * dataFrom/dataTo. They cover every metric with data, as the timeline and the share preview do: a
 * walk with real fixtures (Google Fit steps to Feb 2021, the last weight and blood pressure in 2020)
 * found the twin saying "to Aug 2, 2020" while the timeline and the share preview went to Feb 2021.
 */
import { describe, expect, it } from 'vitest';
import { importBlob } from '../../../src/import/pipeline.ts';
import { refreshSnapshot } from '../../../src/twin/snapshot.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();
const NOW = Date.UTC(2026, 11, 3, 12);

describe("the snapshot's data range", () => {
  it('runs from the first to the last day with any data, steps and BMI included', async () => {
    const d = db();
    const csv = [
      'time,metric,value,unit',
      '2017-03-05T09:00:00Z,bmi,23.5,kg/m2',
      '2018-06-01T07:30:00Z,body_weight,70.2,kg',
      '2020-08-02T07:30:00Z,systolic_bp,125,mmHg',
      '2021-02-17T20:00:00Z,steps,1840,count',
      '',
    ].join('\n');
    await importBlob(d, new Blob([csv]), 'mixed.csv', { nowMs: NOW });
    const state = await refreshSnapshot(d, NOW, { quick: true });
    expect(state.latest.body_weight?.value).toBe(70.2);
    expect([state.dataFrom, state.dataTo]).toEqual(['2017-03-05', '2021-02-17']);
  });

  it('is absent when there is no data', async () => {
    const state = await refreshSnapshot(db(), NOW, { quick: true });
    expect([state.dataFrom, state.dataTo]).toEqual([undefined, undefined]);
  });
});
