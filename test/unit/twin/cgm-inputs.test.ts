/**
 * The twin's CGM input is the mean of each complete day with at least 70 % of its readings: the day
 * under way is left out however many readings it has so far (its mean is of the hours that passed),
 * so the twin does not move between the morning and the evening of one day.
 */
import { describe, expect, it } from 'vitest';
import { commitImport } from '../../../src/data/imports.ts';
import { saveProfileForm } from '../../../src/data/profile.ts';
import { twinInputs } from '../../../src/twin/forecast-inputs.ts';
import { batch, useFreshDbs } from '../data/helpers.ts';

const D = 86_400_000;
const TODAY = Date.UTC(2026, 10, 21);
const FIVE_MIN = 300_000;

/** Five-minute CGM readings of `n` slots from `startMs`, each `value`. */
const readings = (startMs: number, n: number, value: number): [number, number][] =>
  Array.from({ length: n }, (_, i) => [startMs + i * FIVE_MIN, value]);

describe("the twin's CGM input", () => {
  const db = useFreshDbs();
  it('takes the means of complete days and leaves out today, even past 70 % of its readings', async () => {
    const d = db();
    await saveProfileForm(d, { birthDate: '1971-05-04', sex: 'male', heightCm: 178 });
    await commitImport(d, {
      fileName: 'cgm.csv',
      format: 'generic-csv',
      bytes: 1,
      sources: [{ name: 'Sensor', model: '' }],
      batches: [
        batch('body_weight', [[TODAY - 2 * D, 100]]),
        batch('cgm_glucose', [...readings(TODAY - D, 288, 110), ...readings(TODAY, 250, 150)]),
      ],
      rejected: [],
      ignored: {},
    });
    // At 21:00, 250 of today's 288 slots have readings (87 %): today is still under way.
    const inputs = await twinInputs(d, TODAY + 21 * 3_600_000);
    expect(inputs.ok).toBe(true);
    if (!inputs.ok) return;
    expect(inputs.observations.filter((o) => o.kind === 'meanGlucoseMgDl')).toEqual([{ day: -1, kind: 'meanGlucoseMgDl', value: 110 }]);
    // The next day, yesterday's 250 readings are a complete day's (over 70 %) and count.
    const next = await twinInputs(d, TODAY + D + 3_600_000);
    if (!next.ok) throw new Error('no inputs');
    expect(next.observations.filter((o) => o.kind === 'meanGlucoseMgDl').map((o) => [o.day, o.value])).toEqual([
      [-2, 110],
      [-1, 150],
    ]);
  });
});
