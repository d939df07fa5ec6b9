import { afterAll, describe, expect, it } from 'vitest';
import { twinWorker } from '../../../src/workers/index.ts';
import { deleteWorkspace, workspaceDb } from '../../../src/data/workspace.ts';
import { commitImport } from '../../../src/data/imports.ts';
import { saveProfileForm } from '../../../src/data/profile.ts';
import { batch } from '../data/helpers.ts';

afterAll(async () => {
  twinWorker.terminate();
  await deleteWorkspace('main');
});

const NOW = Date.UTC(2026, 10, 21, 12);
const DAY = 86_400_000;
const opts = { years: 3, members: 200, nowMs: NOW };

/** The twin worker keeps the person's inputs and the calibrated ensemble while the data are unchanged. */
describe("the twin's caches follow the data", () => {
  it('re-read the inputs after a write made without refreshSnapshot', async () => {
    const db = workspaceDb('main');
    await saveProfileForm(db, { birthDate: '1970-05-04', sex: 'female', heightCm: 165 });
    await commitImport(db, {
      fileName: 'scale.csv',
      format: 'generic-csv',
      bytes: 1,
      sources: [{ name: 'Scale', model: '' }],
      batches: [
        batch('body_weight', [
          [NOW - 60 * DAY, 82, 0, 0],
          [NOW - 30 * DAY, 81.5, 0, 0],
          [NOW - 2 * DAY, 81, 0, 0],
        ]),
      ],
      rejected: [],
      ignored: {},
    });
    await twinWorker.run((a) => a.refreshSnapshot('main'));

    const first = await twinWorker.run((a) => a.forecast('main', [{}], opts));
    const again = await twinWorker.run((a) => a.forecast('main', [{}], opts));
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.value.calibration!.reused).toBe(true);

    // The person corrects their height (as the CLI or a sync would: no refreshSnapshot afterwards).
    await saveProfileForm(db, { birthDate: '1970-05-04', sex: 'female', heightCm: 180 });
    const after = await twinWorker.run((a) => a.forecast('main', [{}], opts));
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    expect(after.value.calibration!.reused).toBeUndefined();
    expect(after.value.results[0]!.weightKg.p50).not.toEqual(first.value.results[0]!.weightKg.p50);

    // A new weight, imported without refreshSnapshot, is among the calibration's observations.
    await commitImport(db, {
      fileName: 'scale2.csv',
      format: 'generic-csv',
      bytes: 1,
      sources: [{ name: 'Scale', model: '' }],
      batches: [batch('body_weight', [[NOW - DAY, 80.5, 0, 0]])],
      rejected: [],
      ignored: {},
    });
    const more = await twinWorker.run((a) => a.forecast('main', [{}], opts));
    expect(more.ok && more.value.calibration!.observationsUsed).toBe(after.value.calibration!.observationsUsed + 1);
  });
});
