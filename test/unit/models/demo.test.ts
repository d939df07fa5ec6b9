import { describe, expect, it } from 'vitest';
import { generateDemoPerson } from '../../../models/demo/synthetic-person.ts';
import { FLAG_CENSORED } from '../../../models/samples.ts';
import { localDay } from '../../../models/util/time.ts';
import type { MetricId } from '../../../models/metrics.ts';
import { validateBatch } from '../../../src/data/validate.ts';

const opts = { endDay: '2026-11-21', offsetMin: 60 };

describe('demo person', () => {
  const p = generateDemoPerson(opts);
  const by = (m: MetricId) => p.batches.find((b) => b.metric === m)!;

  it('is deterministic for a seed, end day and offset', () => {
    const q = generateDemoPerson(opts);
    expect(q.profile).toEqual(p.profile);
    for (let i = 0; i < p.batches.length; i++) {
      expect(q.batches[i]!.metric).toBe(p.batches[i]!.metric);
      expect(Buffer.from(q.batches[i]!.value.buffer).equals(Buffer.from(p.batches[i]!.value.buffer))).toBe(true);
      expect(Buffer.from(q.batches[i]!.start.buffer).equals(Buffer.from(p.batches[i]!.start.buffer))).toBe(true);
    }
    const other = generateDemoPerson({ ...opts, seed: 7 });
    expect(Buffer.from(other.batches[0]!.value.buffer).equals(Buffer.from(p.batches[0]!.value.buffer))).toBe(false);
  });

  it('covers two years of daily data, weekly weights, quarterly labs and 14 days of 5-minute CGM', () => {
    expect(by('steps').start.length).toBe(730);
    expect(by('resting_heart_rate').start.length).toBe(730);
    expect(by('sleep').start.length).toBe(730);
    expect(by('body_weight').start.length).toBeGreaterThanOrEqual(104);
    expect(by('hba1c').start.length).toBe(8);
    expect(by('blood_glucose').start.length).toBe(8);
    for (const m of ['total_cholesterol', 'hdl_cholesterol', 'ldl_cholesterol', 'triglycerides', 'systolic_bp', 'diastolic_bp'] as const) {
      expect(by(m).start.length, m).toBeGreaterThanOrEqual(8);
    }
    const cgm = by('cgm_glucose');
    expect(cgm.start.length).toBe(14 * 288);
    for (let i = 1; i < cgm.start.length; i++) expect(cgm.start[i]! - cgm.start[i - 1]!).toBe(300_000);
    const steps = by('steps');
    expect(localDay(steps.start[729]!, 60)).toBe('2026-11-21');
    expect(localDay(steps.start[0]!, 60)).toBe('2024-11-22');
    expect(p.profile.birthDate).toBe('1974-08-16');
  });

  it('has plausible, prediabetic values', () => {
    const range = (m: MetricId): [number, number] => [Math.min(...by(m).value), Math.max(...by(m).value)];
    const [wMin, wMax] = range('body_weight');
    expect(wMin).toBeGreaterThan(88);
    expect(wMax).toBeLessThan(99);
    const [aMin, aMax] = range('hba1c');
    expect(aMin).toBeGreaterThanOrEqual(5.6);
    expect(aMax).toBeLessThanOrEqual(6.4);
    const [fMin, fMax] = range('blood_glucose');
    expect(fMin).toBeGreaterThanOrEqual(95);
    expect(fMax).toBeLessThanOrEqual(125);
    const cgm = by('cgm_glucose').value;
    const mean = cgm.reduce((s, v) => s + v, 0) / cgm.length;
    expect(mean).toBeGreaterThan(105);
    expect(mean).toBeLessThan(140);
    const above180 = cgm.filter((v) => v > 180).length / cgm.length;
    expect(above180).toBeLessThan(0.1);
    expect(Math.max(...cgm)).toBeGreaterThan(150);
    expect(by('cgm_glucose').flags.every((f) => f === 0 || f === FLAG_CENSORED)).toBe(true);
    const [sMin, sMax] = range('steps');
    expect(sMin).toBeGreaterThanOrEqual(600);
    expect(sMax).toBeLessThan(20_000);
    for (let i = 0; i < by('sleep').start.length; i++) {
      const s = by('sleep');
      expect(s.end[i]! - s.start[i]!).toBe(s.value[i]! * 60_000);
    }
  });

  it.each([
    ['just after local midnight', '2026-11-21T00:05:00+01:00'],
    ['late evening', '2026-11-21T23:55:00+01:00'],
  ])("passes the import's plausibility rules %s on its end day (nothing more than a day ahead)", (_when, iso) => {
    const nowMs = Date.parse(iso);
    for (const b of p.batches) expect(() => validateBatch(b, p.sources.length, nowMs)).not.toThrow();
    // The last night ends on the end day's morning.
    const sleep = by('sleep');
    expect(localDay(sleep.end[sleep.end.length - 1]!, 60)).toBe('2026-11-21');
  });

  it('CGM stops at the time of loading; everything else is the same person', () => {
    const until = Date.parse('2026-11-21T09:30:00Z');
    const q = generateDemoPerson({ ...opts, untilMs: until });
    const cgm = q.batches.find((b) => b.metric === 'cgm_glucose')!;
    expect(Math.max(...cgm.start)).toBeLessThanOrEqual(until);
    expect(Math.max(...cgm.start)).toBeGreaterThan(until - 5 * 60_000);
    const all = by('cgm_glucose');
    expect(Array.from(cgm.value)).toEqual(Array.from(all.value).slice(0, cgm.value.length));
    expect(Array.from(q.batches.find((b) => b.metric === 'steps')!.value)).toEqual(Array.from(by('steps').value));
  });

  it('rejects an end day that is not a date', () => {
    expect(() => generateDemoPerson({ endDay: 'today', offsetMin: 0 })).toThrow('endDay "today" is not YYYY-MM-DD');
  });
});
