import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The CLI as users run it (`npm run cli`): a separate Node process running its esbuild bundle. */
function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['tools/cli/launch.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', () => {
  it('demo --json prints one JSON document with the contract report shape', () => {
    const r = cli('demo', '--json', '--end-day', '2026-11-21', '--offset', '60');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.imports).toEqual([
      { file: 'Demo person (synthetic)', format: 'doppel-demo', added: expect.any(Number), duplicates: 0, rejected: [], ignored: {} },
    ]);
    // Every sample the demo adds is stored and counted under its metric (the count follows the demo's draws).
    const stored = Object.values(out.metrics as Record<string, { count: number }>).reduce((a, m) => a + m.count, 0);
    expect(out.imports[0].added).toBe(stored);
    expect(stored).toBeGreaterThan(7000);
    expect(out.metrics.cgm_glucose).toMatchObject({
      count: 4032,
      unit: 'mg/dL',
      first: '2026-11-08T00:02:00+01:00',
      last: '2026-11-21T23:57:00+01:00',
    });
    expect(out.metrics.steps.count).toBe(730);
    expect(Object.keys(out.daily).sort()).toEqual(['exercise_minutes', 'steps']);
    expect(Object.keys(out.daily.steps)).toHaveLength(730);
    expect(out.daily.steps['2026-11-21']).toBeGreaterThan(0);
    expect(out.profile).toEqual({ birthDate: '1974-08-16', sex: 'male', heightCm: 178 });
  });

  it.each([
    [
      ['frobnicate', '--json'],
      'unknown command "frobnicate" (commands: import, restore, risk, simulate, cohort, ogtt, validate, demo, help)',
    ],
    [['demo', '--json', '--end-day', 'tomorrow'], '--end-day "tomorrow" is not YYYY-MM-DD'],
    [['demo', '--json', '--offset', '9999'], '--offset 9999 is not whole minutes within ±840'],
    [['demo', '--json', '--seed'], '--seed needs a value'],
  ])(
    'exits 2 with a one-line reason for %j',
    (args, reason) => {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toEqual({ error: reason });
      expect(r.stderr.trim()).toBe(`doppel: ${reason}`);
    },
    60_000,
  );

  it('help lists the commands, and each command has its own --help', () => {
    const r = cli('help');
    expect(r.code).toBe(0);
    for (const c of ['import [--json] FILE...', 'risk [--json] PROFILE.json', 'validate [--json]', 'demo [--json]'])
      expect(r.stdout).toContain(c);
    const h = cli('risk', '--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('one profile or an array of profiles');
  });

  it('risk --json scores one profile, and an array in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doppel-cli-'));
    const one = { sex: 'male', age: 45, bmi: 35 };
    writeFileSync(join(dir, 'one.json'), JSON.stringify(one));
    const r = cli('risk', '--json', join(dir, 'one.json'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.qdiabetes2018).toEqual({ A: 9.88593, B: null, C: null });
    expect(out.warnings).toContain('qdiabetes2018 B: needs fastingGlucoseMgDl; not computed');
    expect(out.pce).toBeNull();
    writeFileSync(
      join(dir, 'many.json'),
      JSON.stringify([
        one,
        { ...one, age: 35 },
        {
          sex: 'female',
          age: 50,
          totalCholesterolMgDl: 200,
          hdlMgDl: 45,
          systolicBpMmHg: 160,
          bpMedication: true,
          diabetes: true,
          egfr: 90,
          bmi: 35,
        },
      ]),
    );
    const many = JSON.parse(cli('risk', '--json', join(dir, 'many.json')).stdout);
    expect(many).toHaveLength(3);
    expect(many[1].qdiabetes2018.A).toBeLessThan(many[0].qdiabetes2018.A);
    // Full precision in the output (the PREVENT calculator prints 14.68, 9.20 and 8.06 %).
    const p10 = many[2].prevent.base10y;
    expect([p10.cvd, p10.ascvd, p10.hf].map((v: number) => Math.round(v * 100) / 100)).toEqual([14.68, 9.2, 8.06]);
    expect(Number.isInteger(p10.cvd * 100)).toBe(false);
    expect(many[2].qdiabetes2018.A).toBeNull();
    expect(many[2].warnings).toContain('qdiabetes2018: already has diabetes (the score predicts new diabetes); not computed');
  });

  it.each([
    ['not JSON', '{sex:', /not valid JSON/],
    ['a bad field', '{"sex":"female","age":"fifty"}', /profile\.age must be a finite number/],
    ['a bad array element', '[{"sex":"female"},{"smoking":"sometimes"}]', /profile\[1\]\.smoking "sometimes" is not one of/],
  ])(
    'risk exits 2 on %s',
    (_, text, reason) => {
      const dir = mkdtempSync(join(tmpdir(), 'doppel-cli-'));
      writeFileSync(join(dir, 'p.json'), text);
      const r = cli('risk', '--json', join(dir, 'p.json'));
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout).error).toMatch(reason);
    },
    60_000,
  );

  it('validate passes every published case and says so', () => {
    const r = cli('validate', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.failed).toBe(0);
    expect(out.passed).toBeGreaterThanOrEqual(37);
    expect(out.cases[0]).toEqual({
      case: expect.any(String),
      kind: 'reference',
      source: expect.any(String),
      expected: expect.any(Number),
      got: expect.any(Number),
      tolerance: expect.any(Number),
      pass: true,
    });
    // Every row has a kind; only reference and calibration rows count as failures; a validation or
    // held-out row outside its band is a miss with its z-score, reported and not failing.
    const kinds = new Set(out.cases.map((c: { kind: string }) => c.kind));
    expect([...kinds].sort()).toEqual(['calibration', 'held-out', 'reference', 'validation']);
    for (const c of out.cases) if (c.kind === 'reference' || c.kind === 'calibration') expect(c.pass).toBe(true);
    expect(out.missed).toBe(out.cases.filter((c: { pass: boolean }) => !c.pass).length);
    for (const c of out.cases.filter((c: { kind: string; z?: number }) => c.kind === 'held-out')) expect(typeof c.z).toBe('number');
    const human = cli('validate');
    expect(human.stdout.trim().split('\n').at(-1)).toMatch(
      /^\d+ passed, 0 failed(, \d+ missed \(validation or held out: reported, not failing\))?$/,
    );
    expect(human.stdout).toMatch(/dps-control-4y-cumulative-incidence-percent\s+held-out\s/);
  });
});

describe('CLI simulate and cohort', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doppel-sim-'));
  const file = (name: string, body: unknown): string => {
    const p = join(dir, name);
    writeFileSync(p, JSON.stringify(body));
    return p;
  };
  const profile = file('p.json', { sex: 'male', age: 40, heightCm: 180, weightKg: 90, fastingGlucoseMgDl: 100, hba1cPercent: 5.6 });

  it('simulate --deterministic reproduces the published body-weight trajectory', () => {
    const r = cli(
      'simulate',
      '--json',
      profile,
      '--scenario',
      file('s.json', { energyIntakeChangeKcalPerDay: -500 }),
      '--years',
      '1',
      '--deterministic',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.years).toEqual([0, 1]);
    expect(out.daily.weightKg).toHaveLength(366);
    expect(Math.abs(out.daily.weightKg[364] - 76.2608)).toBeLessThan(0.01);
    expect(Object.keys(out.weightKg)).toEqual(['p05', 'p25', 'p50', 'p75', 'p95']);
  });

  it('simulate runs 1000 members by default with yearly bands over 10 years', () => {
    const out = JSON.parse(cli('simulate', '--json', profile, '--seed', '3').stdout);
    expect(out.members).toBe(1000);
    expect(out.years).toHaveLength(11);
    expect(out.t2dCumulativeProbability).toHaveLength(11);
    expect(out.fastingGlucoseMgDl.p95[10]).toBeGreaterThan(out.fastingGlucoseMgDl.p05[10]);
    // The person's progression prior is anchored to their QDiabetes-2018 risk, and the no-change cross-check agrees.
    expect(out.progressionPrior).toMatchObject({
      source: 'QDiabetes-2018 B',
      target10yPercent: out.qdiabetesCrossCheck.baseline10yPercent,
    });
    expect(Math.abs(out.progressionPrior.twin10yPercent - out.progressionPrior.target10yPercent)).toBeLessThanOrEqual(2);
    expect(out.qdiabetesCrossCheck.agree).toBe(true);
  });

  it('simulate warns where the twin cannot get down to QDiabetes, and where QDiabetes cannot score the person', () => {
    const near = JSON.parse(
      cli(
        'simulate',
        '--json',
        file('near.json', { sex: 'female', age: 35, heightCm: 165, weightKg: 62, fastingGlucoseMgDl: 118, hba1cPercent: 5.6 }),
        '--members',
        '200',
      ).stdout,
    );
    expect(near.warnings.join('\n')).toMatch(/even at its slowest progression its 10-year probability of new diabetes is/);
    const young = JSON.parse(
      cli(
        'simulate',
        '--json',
        file('young.json', { sex: 'male', age: 22, heightCm: 180, weightKg: 80, fastingGlucoseMgDl: 95, hba1cPercent: 5.3 }),
        '--members',
        '200',
      ).stdout,
    );
    expect(young.progressionPrior).toBeUndefined();
    expect(young.warnings.join('\n')).toMatch(/QDiabetes-2018 B: age 22 outside 25-84: the population prior of progression/);
  });

  it("cohort prints each arm's yearly cumulative incidence and weight change", () => {
    const trial = file('t.json', {
      name: 'mini',
      n: 200,
      seed: 1,
      years: 2,
      population: {
        ageMean: 50,
        ageSd: 10,
        femaleFraction: 0.5,
        bmiMean: 32,
        bmiSd: 5,
        fastingGlucoseMgDlMean: 108,
        fastingGlucoseMgDlSd: 8,
        hba1cPercentMean: 5.9,
        hba1cPercentSd: 0.4,
      },
      arms: { a: {}, b: { weightChangeKg: -5 } },
    });
    const r = cli('cohort', '--json', trial);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.arms.a.cumulativeIncidence).toHaveLength(2);
    expect(out.arms.b.meanWeightChangeKg[0]).toBeCloseTo(-5, 0);
    expect(out.arms.b.cumulativeIncidence[1]).toBeLessThan(out.arms.a.cumulativeIncidence[1]);
  });

  it.each([
    [['simulate', '--json', 'p-missing.json'], 'p-missing.json: cannot be read (no such file)'],
    [['simulate', '--json', '__P__', '--years', '0'], '--years must be a whole number from 1 to 50 (got "0")'],
    [['cohort', '--json', '__T__'], '__T__: trial.arms must name at least one arm'],
  ])(
    '%j exits 2 with a reason',
    (args, why) => {
      const t = file('bad-trial.json', {
        name: 'x',
        n: 10,
        seed: 1,
        years: 1,
        population: {
          ageMean: 50,
          ageSd: 10,
          femaleFraction: 0.5,
          bmiMean: 30,
          bmiSd: 5,
          fastingGlucoseMgDlMean: 100,
          fastingGlucoseMgDlSd: 8,
          hba1cPercentMean: 5.6,
          hba1cPercentSd: 0.4,
        },
        arms: {},
      });
      const sub = (a: string): string => a.replace('__P__', profile).replace('__T__', t);
      const r = cli(...args.map(sub));
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toEqual({ error: sub(why) });
    },
    60_000,
  );
});
