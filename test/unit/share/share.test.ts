import { describe, expect, it } from 'vitest';
import { createShare, openShareInto } from '../../../src/share/share.ts';
import { parsePayload } from '../../../src/share/payload.ts';
import { ShareError } from '../../../src/share/errors.ts';
import { loadDemo } from '../../../src/import/demo.ts';
import { saveScenario } from '../../../src/data/twin.ts';
import { getAllSettings, setSetting, unitSettingsFrom } from '../../../src/data/settings.ts';
import { countSamples, readSamples } from '../../../src/data/samples.ts';
import { latestSnapshot } from '../../../src/data/twin.ts';
import { refreshSnapshot } from '../../../src/twin/snapshot.ts';
import { buildRiskProfile } from '../../../src/risk/profile-builder.ts';
import { riskReport } from '../../../models/risk/report.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();
const NOW = Date.UTC(2026, 10, 22, 9);
const CODE = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';

async function patient() {
  const d = db();
  await loadDemo(d, { endDay: '2026-11-21', offsetMin: 60, seed: 5 });
  await setSetting(d, 'glucoseUnit', 'mmol/L');
  await setSetting(d, 'creatinineUnit', 'µmol/L');
  await setSetting(d, 'heightUnit', 'ft/in');
  const walk = await saveScenario(d, 'Walk more', { activityMinutesPerWeek: 150 });
  await saveScenario(d, 'Private plan', { weightChangeKg: -3 });
  return { d, walk };
}

describe('share files: patient → file → review workspace', () => {
  it("the review workspace holds exactly the chosen scope, and gives the same numbers as the patient's own", async () => {
    const { d, walk } = await patient();
    const scope = {
      fromDay: '2026-05-01',
      toDay: '2026-11-21',
      metrics: [
        'body_weight',
        'hba1c',
        'blood_glucose',
        'systolic_bp',
        'diastolic_bp',
        'hdl_cholesterol',
        'total_cholesterol',
        'cgm_glucose',
      ] as const,
      scenarioIds: [walk],
    };
    const { bytes } = await createShare(d, { ...scope, metrics: [...scope.metrics] }, 'Alex B.', { code: CODE }, NOW);
    const review = db();
    const payload = await openShareInto(review, bytes, { code: CODE }, NOW);
    expect(payload).toMatchObject({ label: 'Alex B.', scope: { fromDay: '2026-05-01', toDay: '2026-11-21' } });

    const counts = await countSamples(review);
    expect(Object.keys(counts).sort()).toEqual([...scope.metrics].sort());
    expect(counts.steps).toBeUndefined();
    for (const m of scope.metrics) {
      const mine = await readSamples(d, m, Date.parse('2026-04-30T00:00:00Z'), Date.parse('2026-11-22T23:59:59Z'));
      const theirs = await readSamples(review, m);
      // Everything in the review is in the range, and nothing in range was left out (local days).
      expect(theirs.n).toBeGreaterThan(0);
      expect(theirs.n).toBeLessThanOrEqual(mine.n);
      expect(Array.from(theirs.value)).toEqual(
        Array.from(mine.value).filter((_, i) => {
          const day = new Date(mine.start[i]! + mine.offsetMin[i]! * 60_000).toISOString().slice(0, 10);
          return day >= '2026-05-01' && day <= '2026-11-21';
        }),
      );
    }
    // The same numbers: the latest values, the risk scores; the units the patient chose; only the chosen scenario.
    const mine = await refreshSnapshot(d, NOW);
    const theirs = (await latestSnapshot(review))!.state as Awaited<ReturnType<typeof refreshSnapshot>>;
    for (const m of ['hba1c', 'body_weight', 'systolic_bp', 'cgm_glucose'] as const)
      expect(theirs.latest[m]!.value).toBe(mine.latest[m]!.value);
    const [ra, rb] = [riskReport((await buildRiskProfile(d, NOW)).profile), riskReport((await buildRiskProfile(review, NOW)).profile)];
    expect(rb.qdiabetes2018).toEqual(ra.qdiabetes2018);
    expect(await getAllSettings(review)).toMatchObject({
      glucoseUnit: 'mmol/L',
      weightUnit: 'kg',
      hba1cUnit: '%',
      creatinineUnit: 'µmol/L',
      heightUnit: 'ft/in',
    });
    expect((await review.scenarios.toArray()).map((s) => s.name)).toEqual(['Walk more']);
    expect((await review.profile.get('self'))?.birthDate).toBe((await d.profile.get('self'))?.birthDate);
  });

  it('a wrong code, a flipped byte or a truncated file opens nothing and leaves both workspaces as they were', async () => {
    const { d } = await patient();
    const { bytes } = await createShare(d, { metrics: ['body_weight'], scenarioIds: [] }, 'Alex', { code: CODE }, NOW);
    const review = db();
    await openShareInto(review, bytes, { code: CODE }, NOW);
    const before = await countSamples(review);
    const ownBefore = await countSamples(d);
    const flipped = bytes.slice();
    flipped[60] = flipped[60]! ^ 4;
    for (const [file, secret] of [
      [bytes, { code: 'ZZZZ-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' }],
      [flipped, { code: CODE }],
      [bytes.subarray(0, bytes.length - 5), { code: CODE }],
    ] as const) {
      await expect(openShareInto(review, file, secret, NOW)).rejects.toBeInstanceOf(ShareError);
      expect(await countSamples(review)).toEqual(before);
    }
    expect(await countSamples(d)).toEqual(ownBefore);
  });

  it('a sealed file whose content fails a check replaces nothing: the review already open stays whole', async () => {
    const { d } = await patient();
    const review = db();
    const { bytes } = await createShare(d, { metrics: ['body_weight'], scenarioIds: [] }, 'Alex', { code: CODE }, NOW);
    await openShareInto(review, bytes, { code: CODE }, NOW);
    const before = await countSamples(review);
    const { seal } = await import('../../../src/share/format.ts');
    const bad = {
      format: 'doppel-share',
      version: 1,
      sharedAt: '2026-11-20T10:00:00Z',
      label: 'Mallory',
      scope: { fromDay: null, toDay: null, metrics: ['body_weight'] },
      profile: {},
      units: {},
      sources: [{ name: 'x', model: '' }],
      scenarios: [],
      samples: [
        {
          metric: 'body_weight',
          start: [Date.UTC(2026, 0, 1)],
          end: [Date.UTC(2026, 0, 1)],
          value: [80],
          offsetMin: [-32768],
          source: [0],
          flags: [0],
        },
      ],
    };
    const file = await seal(new TextEncoder().encode(JSON.stringify(bad)), { code: CODE });
    const err = await openShareInto(review, file, { code: CODE }, NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShareError);
    expect(await countSamples(review)).toEqual(before);
    expect((await review.settings.get('share'))?.value).toMatchObject({ label: 'Alex' });
  });

  it('checks every value of a payload before storing any, naming where a bad one is', () => {
    const base = {
      format: 'doppel-share',
      version: 1,
      sharedAt: '2026-11-20T10:00:00Z',
      label: 'X',
      scope: { fromDay: null, toDay: null, metrics: ['body_weight'] },
      profile: {},
      units: {},
      sources: [{ name: 'Scale', model: '' }],
      scenarios: [],
    };
    const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
    const sample = {
      metric: 'body_weight',
      start: [Date.UTC(2026, 0, 1)],
      end: [Date.UTC(2026, 0, 1)],
      value: [80],
      offsetMin: [0],
      source: [0],
      flags: [0],
    };
    expect(parsePayload(enc({ ...base, samples: [sample] }), NOW).samples).toHaveLength(1);
    const cases: [unknown, string][] = [
      [{ ...base, samples: [{ ...sample, value: [8000] }] }, 'samples[0].value[0]'],
      [{ ...base, samples: [{ ...sample, value: [80, 81] }] }, 'samples[0].value: has 2 entries, not 1'],
      [{ ...base, samples: [{ ...sample, source: [3] }] }, 'samples[0].source[0]: 3 is not one of the 1 sources'],
      [{ ...base, samples: [{ ...sample, metric: '<img src=x>' }] }, 'samples[0].metric: is not a Doppel metric'],
      [{ ...base, samples: [], scenarios: [{ name: 'x', scenario: { weightChangeKg: 1e9 } }] }, 'scenarios[0]'],
      [{ ...base, samples: [], profile: { heightCm: 9999 } }, 'profile: profile.heightCm: 9999 is outside 40-272 cm'],
      [{ ...base, version: 9, samples: [] }, 'The shared data are version 9'],
      [{ hello: 1 }, 'payload: is not a doppel-share payload'],
      [{ ...base, version: 0, samples: [] }, 'payload.version: 0 is not a version'],
      [{ ...base, version: 1.5, samples: [] }, 'payload.version: 1.5 is not a version'],
      [{ ...base, scope: { fromDay: 'yesterday', toDay: null, metrics: [] }, samples: [] }, 'scope: is not {fromDay, toDay, metrics}'],
      [{ ...base, scope: undefined, samples: [] }, 'scope: is not'],
      [{ ...base, samples: [{ ...sample, offsetMin: [-32768] }] }, 'samples[0].offsetMin[0]: -32768 is not a UTC offset'],
    ];
    for (const [o, msg] of cases) expect(() => parsePayload(enc(o), NOW)).toThrow(msg);
    expect(() => parsePayload(new Uint8Array([0xff, 0xfe]), NOW)).toThrow('payload: is not UTF-8 JSON');
  });

  it("reads the patient's units, keeping each known value and reading anything else as the default", () => {
    expect(
      unitSettingsFrom({ glucoseUnit: 'mmol/L', creatinineUnit: 'µmol/L', heightUnit: 'ft/in', weightUnit: 'lb', hba1cUnit: 'mmol/mol' }),
    ).toEqual({
      glucoseUnit: 'mmol/L',
      weightUnit: 'lb',
      hba1cUnit: 'mmol/mol',
      creatinineUnit: 'µmol/L',
      heightUnit: 'ft/in',
    });
    // A file from v1 (three units), or one whose values this version does not know.
    expect(unitSettingsFrom({ glucoseUnit: 'mmol/L', weightUnit: 'stone', creatinineUnit: '<b>x</b>' })).toEqual({
      glucoseUnit: 'mmol/L',
      weightUnit: 'kg',
      hba1cUnit: '%',
      creatinineUnit: 'mg/dL',
      heightUnit: 'cm',
    });
  });
});
