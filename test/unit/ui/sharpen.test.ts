import { describe, expect, it } from 'vitest';
import { sharpeners } from '../../../src/twin/sharpen.ts';
import { sharpenText } from '../../../src/ui/twin/sharpen-text.ts';
import type { SnapshotState } from '../../../src/twin/snapshot.ts';

const NOW = Date.UTC(2026, 10, 22);
const DAY = 86_400_000;
const full: SnapshotState = {
  regions: [],
  inputs: { fastingGlucoseMgDl: 101, stepsPerDay: 8000, bmi: 27 },
  latest: {
    body_weight: { value: 80, atMs: NOW - 3 * DAY },
    hba1c: { value: 5.8, atMs: NOW - 90 * DAY },
    cgm_glucose: { value: 110, atMs: NOW - DAY },
    systolic_bp: { value: 125, atMs: NOW - 10 * DAY },
    hdl_cholesterol: { value: 50, atMs: NOW - 100 * DAY },
  },
};
const profile = { id: 'self' as const, birthDate: '1970-01-01', sex: 'female' as const, heightCm: 165, updatedAt: 0 };

describe('what data would sharpen the forecast', () => {
  it('asks for nothing when the twin has fresh data of every kind', () => {
    expect(sharpeners(full, profile, NOW)).toEqual([]);
  });

  it('names what is missing or stale, profile first', () => {
    const thin: SnapshotState = {
      regions: [],
      inputs: {},
      latest: { body_weight: { value: 80, atMs: NOW - 60 * DAY }, hba1c: { value: 5.8, atMs: NOW - 400 * DAY } },
    };
    const ids = sharpeners(thin, { id: 'self', updatedAt: 0, sex: 'male' }, NOW).map((s) => s.id);
    expect(ids).toEqual(['profile', 'weight', 'hba1c', 'fasting_glucose', 'cgm', 'activity', 'lipids_bp']);
    const s = sharpeners(thin, { id: 'self', updatedAt: 0, sex: 'male' }, NOW);
    // The engine gives message keys; the UI words them.
    expect(s[0]).toMatchObject({
      what: { key: 'sharpen.profile' },
      why: { key: 'sharpen.profile.why' },
      missing: ['birthDate', 'heightCm'],
    });
    expect(s[1]!.what.key).toBe('sharpen.weight.stale');
    expect(sharpenText(s[0]!).what).toBe('Add your birth date, height to your profile');
    expect(sharpenText(s[1]!).what).toContain('over a month old');
    expect(sharpenText(s[2]!).what).toContain('over a year old');
    expect(sharpenText(s[3]!)).toEqual({
      what: 'A fasting glucose result',
      why: 'fasting glucose separates insulin resistance from β-cell decline, which set how fast glucose rises',
    });
  });
});
