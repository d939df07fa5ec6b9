import { describe, expect, it } from 'vitest';
import type { DoppelDb } from '../../../src/data/db.ts';
import { dataRevision, REVISION_KEY } from '../../../src/data/revision.ts';
import { commitImport, undoImport } from '../../../src/data/imports.ts';
import { beginStagedImport, discardStagedImport, finishStagedImport, stageBatches } from '../../../src/data/staging.ts';
import { saveProfile, saveProfileForm } from '../../../src/data/profile.ts';
import { setSetting, getAllSettings } from '../../../src/data/settings.ts';
import { addSnapshot, saveScenario } from '../../../src/data/twin.ts';
import { writeTx } from '../../../src/data/tx.ts';
import { exportWorkspace } from '../../../src/data/export.ts';
import { loadDemo } from '../../../src/import/demo.ts';
import { createShare, openShareInto } from '../../../src/share/share.ts';
import { batch, useFreshDbs } from './helpers.ts';

const db = useFreshDbs();
const CODE = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';
const weights = (v: number) => ({
  fileName: 'w.csv',
  format: 'generic-csv',
  bytes: 1,
  sources: [{ name: 'Scale', model: '' }],
  batches: [batch('body_weight', [['2025-03-01T07:00:00Z', v, 0, 0]])],
  rejected: [],
  ignored: {},
});

/** Runs `write` and returns how much it raised the revision. */
async function raise(d: DoppelDb, write: () => Promise<unknown>): Promise<number> {
  const before = await dataRevision(d);
  await write();
  return (await dataRevision(d)) - before;
}

describe('the data revision', () => {
  it('starts at 0 and rises once per write transaction on every path that changes the data', async () => {
    const d = db();
    expect(await dataRevision(d)).toBe(0);
    expect(await raise(d, () => commitImport(d, weights(80)))).toBe(1);
    const first = (await d.imports.toArray())[0]!.id!;
    expect(await raise(d, () => saveProfile(d, { sex: 'female' }))).toBe(1);
    expect(await raise(d, () => saveProfileForm(d, { sex: 'female', heightCm: 170 }))).toBe(1);
    expect(await raise(d, () => setSetting(d, 'sourceOrder', ['Scale|']))).toBe(1);
    expect(await raise(d, () => undoImport(d, first))).toBe(1);
    // Staged (large) imports: the final transaction makes them visible.
    const id = await beginStagedImport(d, { fileName: 'big.xml', format: 'apple-health-xml', bytes: 1 });
    await stageBatches(d, id, [batch('body_weight', [['2025-04-01T07:00:00Z', 79, 0, 0]])]);
    expect(
      await raise(d, () =>
        finishStagedImport(d, id, { sources: [{ name: 'Scale', model: '' }], rejected: [], ignored: {}, duplicatesInFile: 0 }),
      ),
    ).toBe(1);
    const dead = await beginStagedImport(d, { fileName: 'gone.xml', format: 'apple-health-xml', bytes: 1 });
    expect(await raise(d, () => discardStagedImport(d, dead))).toBeGreaterThan(0);
    // A write that goes through no domain function at all (a future sync, a console): still counted.
    expect(await raise(d, () => d.profile.update('self', { smoking: 'non' }))).toBe(1);
    expect(await raise(d, () => d.daily.clear())).toBe(1);
    // One transaction of many writes (an import) raises it once.
    expect(
      await raise(d, () =>
        writeTx(d, [d.profile, d.sources], async () => {
          await d.profile.update('self', { heightCm: 171 });
          await d.profile.update('self', { heightCm: 172 });
          await d.sources.add({ key: 'x|', name: 'x', model: '', kind: 'other' });
        }),
      ),
    ).toBe(1);
  });

  it('rises for the demo and for a shared twin opened, even though opening empties every table first', async () => {
    const patient = db();
    expect(await raise(patient, () => loadDemo(patient, { endDay: '2026-11-21', offsetMin: 60, seed: 5 }))).toBeGreaterThan(0);
    const { bytes } = await createShare(
      patient,
      { fromDay: '2026-10-01', toDay: '2026-11-21', metrics: ['body_weight'], scenarioIds: [] },
      'A',
      { code: CODE },
    );
    const review = db();
    await commitImport(review, weights(70));
    await commitImport(review, weights(71));
    const before = await dataRevision(review);
    await openShareInto(review, bytes, { code: CODE });
    expect(await dataRevision(review)).toBeGreaterThan(before);
  });

  it('does not rise for what changes no computation from the data', async () => {
    const d = db();
    await commitImport(d, weights(80));
    expect(await raise(d, () => setSetting(d, 'glucoseUnit', 'mmol/L'))).toBe(0);
    expect(await raise(d, () => saveScenario(d, 'Walk', { activityMinutesPerWeek: 150 }))).toBe(0);
    expect(
      await raise(d, () => addSnapshot(d, { createdAt: 1, engine: 'x', watermark: { importId: 0, lastSampleMs: 0 }, state: {} as never })),
    ).toBe(0);
    expect(await raise(d, () => d.settings.put({ key: 'ml.glucose', value: { version: 1 } }))).toBe(0);
  });

  it('rolls back with a failed transaction', async () => {
    const d = db();
    await commitImport(d, weights(80));
    const before = await dataRevision(d);
    await expect(
      writeTx(d, [d.profile], async () => {
        await d.profile.put({ id: 'self', sex: 'male', updatedAt: 1 });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await dataRevision(d)).toBe(before);
  });

  it('is bookkeeping, not data: not among the settings, not in an export', async () => {
    const d = db();
    await commitImport(d, weights(80));
    expect(await dataRevision(d)).toBe(1);
    expect(Object.keys(await getAllSettings(d))).not.toContain(REVISION_KEY);
    const out = await exportWorkspace(d, 'json');
    const json = JSON.parse(await out.blob.text()) as { settings: { key: string }[] };
    expect(json.settings.map((s) => s.key)).not.toContain(REVISION_KEY);
  });
});
