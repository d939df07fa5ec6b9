import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invalidProfile } from '../../models/risk/profile.ts';
import { invalidTrial } from '../../models/twin/cohort.ts';
import { invalidScenario } from '../../models/twin/scenario.ts';
import { DPP_TRIAL, DPS_TRIAL } from '../../models/validation/trials.ts';

/**
 * Unknown fields in the CLI's inputs (trial, scenario, profile) are errors that name them with their
 * path: a misspelt field must not run as if it were absent. Fields of a later contract version are
 * "not supported yet"; a v2 trial field with a bad value says what is wrong with it. The v1 fields
 * keep working.
 */
function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const small = { ...DPP_TRIAL, n: 50, years: 1 };
const profile = { sex: 'male', age: 40, heightCm: 180, weightKg: 90, fastingGlucoseMgDl: 100, hba1cPercent: 5.6 };

describe('unknown input fields are named with their path', () => {
  it.each(
    [
      [
        { ...small, population: { ...small.population, entry: { fastingGlucoseMgDl: [95] } } },
        'trial.population.entry.fastingGlucoseMgDl must be [low, high] with 50 ≤ low ≤ high ≤ 250',
      ],
      [
        { ...small, population: { ...small.population, twoHourGlucoseMgDlMean: 164.6 } },
        'trial.population: give twoHourGlucoseMgDlMean and twoHourGlucoseMgDlSd together',
      ],
      [
        { ...small, population: { ...small.population, entry: { tets: 2 } } },
        'trial.population.entry.tets is not a trial entry field (did you mean tests?)',
      ],
      [
        { ...small, population: { ...small.population, ageMaen: 50 } },
        'trial.population.ageMaen is not a population field (did you mean ageMean?)',
      ],
      [
        { ...small, diagnosis: { fastingGlucoseMgDl: 126, twoHourGlucoseMgDl: 200, hba1cPercent: null } },
        'trial.diagnosis.twoHourGlucoseMgDl needs ogttVisitsPerYear above 0 (the 2-hour value comes from an OGTT)',
      ],
      [
        { ...small, diagnosis: { fastingGlucoseMgDl: 126, hba1cPercent: null, confirmation: 'twice' } },
        'trial.diagnosis.confirmation must be "repeat-same", "repeat-any" or "none"',
      ],
      [
        { ...small, diagnosis: { fastingGlucoseMgDl: 126, hba1cPercent: null, ogttVisitsPerYear: 3 } },
        'trial.diagnosis.ogttVisitsPerYear must be 0, 0.5, 1 or 2',
      ],
      [{ ...small, yaers: 3 }, 'trial.yaers is not a trial field (did you mean years?)'],
      [{ ...small, comment: 'x' }, 'trial.comment is not a trial field'],
      [
        { ...small, arms: { lifestyle: { phases: [{ fromYear: 1, weightChangeKg: -5.6 }] } } },
        'trial.arms.lifestyle.phases[0].fromYear must be 0 (the first phase starts at randomisation)',
      ],
      [
        { ...small, years: 3, arms: { lifestyle: { phases: [{ fromYear: 0 }, { fromYear: 2, weightChangKg: -2 }] } } },
        'trial.arms.lifestyle.phases[1].weightChangKg is not a scenario field (energyIntakeChangeKcalPerDay, physicalActivityLevel, activityMinutesPerWeek, weightChangeKg, startDay, metformin, smoking)',
      ],
      [
        { ...small, arms: { lifestyle: { weightChangKg: -5.6 } } },
        'trial.arms.lifestyle.weightChangKg is not a scenario field (energyIntakeChangeKcalPerDay, physicalActivityLevel, activityMinutesPerWeek, weightChangeKg, startDay, metformin, smoking)',
      ],
    ].map(([input, why]) => ({ input, why })),
  )('$why', ({ input, why }) => {
    expect(invalidTrial(input)).toBe(why);
  });

  it.each(
    [
      [{ ...profile, fastingGlucoseMgdl: 100 }, 'profile.fastingGlucoseMgdl is not a profile field (did you mean fastingGlucoseMgDl?)'],
      [{ ...profile, hba1c: 5.6 }, 'profile.hba1c is not a profile field (did you mean hba1cPercent?)'],
      [{ ...profile, name: 'Ann' }, 'profile.name is not a profile field'],
      [{ ...profile, diabetesYears: 3 }, 'profile.diabetesYears is not supported yet'],
      [{ ...profile, glucoseLowering: { metformin: true } }, 'profile.glucoseLowering is not supported yet'],
    ].map(([input, why]) => ({ input, why })),
  )('$why', ({ input, why }) => {
    expect(invalidProfile(input)).toBe(why);
  });

  it.each(
    [
      [{ statin: 'moderate' }, 'scenario.statin is not supported yet'],
      [{ totalDietReplacement: { weeks: 12, kcalPerDay: 850 } }, 'scenario.totalDietReplacement is not supported yet'],
      [{ dietPattern: 'dash' }, 'scenario.dietPattern is not supported yet'],
    ].map(([input, why]) => ({ input, why })),
  )('$why', ({ input, why }) => {
    expect(invalidScenario(input)).toBe(why);
  });

  it('a field name from the file is quoted printable and short', () => {
    const why = invalidProfile({ ...profile, [`<b>\u0000${'x'.repeat(500)}`]: 1 });
    expect(why).toMatch(/^profile\.<b>x+… is not a profile field$/);
    expect(why!.length).toBeLessThan(120);
  });

  it('the v1 inputs accepted before still pass, a trial diagnosis of the v1 shape included', () => {
    expect(invalidTrial(DPP_TRIAL)).toBeUndefined();
    expect(invalidTrial(DPS_TRIAL)).toBeUndefined();
    expect(invalidProfile(profile)).toBeUndefined();
    expect(
      invalidScenario({
        energyIntakeChangeKcalPerDay: -500,
        physicalActivityLevel: 1.7,
        activityMinutesPerWeek: 150,
        metformin: true,
        smoking: 'non',
        startDay: 0,
      }),
    ).toBeUndefined();
  });
});

describe('CLI: an unknown field exits 2 naming it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doppel-inputs-'));
  const file = (name: string, body: unknown): string => {
    const p = join(dir, name);
    writeFileSync(p, JSON.stringify(body));
    return p;
  };
  const trial = (extra: Record<string, unknown>) => file('t.json', { ...small, ...extra });

  it.each(
    [
      [
        () => ['cohort', '--json', trial({ population: { ...small.population, entry: { tests: 3 } } })],
        't.json: trial.population.entry.tests must be 1 or 2',
      ],
      [
        () => ['cohort', '--json', trial({ diagnosis: { fastingGlucoseMgDl: 126, hba1cPercent: null, twoHourGlucoseMgDl: 200 } })],
        't.json: trial.diagnosis.twoHourGlucoseMgDl needs ogttVisitsPerYear above 0 (the 2-hour value comes from an OGTT)',
      ],
      [
        () => ['cohort', '--json', trial({ n: 5, population: { ...small.population, entry: { fastingGlucoseMgDl: [50, 52] } } })],
        't.json: trial.population.entry enrolled only 0 of 5 after 1024 candidates: its ranges exclude nearly everyone',
      ],
      [
        () => ['cohort', '--json', trial({ arms: { lifestyle: { phases: [] } } })],
        't.json: trial.arms.lifestyle.phases must be a non-empty list',
      ],
      [
        () => ['risk', '--json', file('p.json', [profile, { ...profile, fastingGlucoseMgdl: 100 }])],
        'p.json: profile[1].fastingGlucoseMgdl is not a profile field (did you mean fastingGlucoseMgDl?)',
      ],
      [
        () => ['simulate', '--json', file('s-p.json', profile), '--scenario', file('s.json', { statin: 'high' })],
        's.json: scenario.statin is not supported yet',
      ],
    ].map(([args, why]) => ({ args: args as () => string[], why: why as string })),
  )(
    '$why',
    ({ args, why }) => {
      const r = cli(...args());
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toEqual({ error: `${dir}/${why}` });
      expect(r.stderr.trim()).toBe(`doppel: ${dir}/${why}`);
    },
    60_000,
  );

  it('a file that is no JSON is not echoed with its control characters', () => {
    const bad = join(dir, 'page.json');
    writeFileSync(bad, `<html>\u0007\u0000<script>alert(1)</script>${'\u0001'.repeat(1000)}`);
    const r = cli('risk', '--json', bad);
    expect(r.code).toBe(2);
    const { error } = JSON.parse(r.stdout) as { error: string };
    expect(error).toMatch(/page\.json: not valid JSON \(Unexpected token '<', "<html><s"\.\.\. is not valid JSON\)$/);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(`${error}${r.stderr}`.trimEnd()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('a v1 trial with its own diagnosis still runs', () => {
    const r = cli('cohort', '--json', file('dps.json', { ...DPS_TRIAL, n: 50, years: 1 }));
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout).arms)).toEqual(['control', 'intervention']);
  });
});
