import { afterAll, describe, expect, it } from 'vitest';
import { ipsHandlers, ipsScores } from '../../../src/share/ips-export.ts';
import { risk } from '../../../src/twin/risk.ts';
import { loadDemo } from '../../../src/import/demo.ts';
import { saveScenario } from '../../../src/data/twin.ts';
import { saveProfile } from '../../../src/data/profile.ts';
import { deleteWorkspace, workspaceDb } from '../../../src/data/workspace.ts';

afterAll(() => deleteWorkspace('demo'));

/** The patient summary the twin worker composes from the share domain (src/share/ips-export.ts). */
describe('the FHIR patient summary export', () => {
  it('holds every computable risk score and the twin forecast under No change and each saved plan', async () => {
    const db = workspaceDb('demo');
    await loadDemo(db, { endDay: '2026-11-21', offsetMin: 60, seed: 5 });
    await saveScenario(db, 'Lose 5 kg', { weightChangeKg: -5 });
    await saveProfile(db, { name: 'Alex Example' });
    const bundle = (await ipsHandlers.ipsExport('demo', '0.1.0')) as { entry: { resource: Record<string, unknown> }[] };
    const risks = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'RiskAssessment') as {
      method: { text: string };
      note?: { text: string }[];
    }[];
    // The name the person gave in their profile is the Patient's.
    const patient = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'Patient')!;
    const profile = (await db.profile.get('self'))!;
    expect(patient).toMatchObject({ name: [{ text: 'Alex Example' }], birthDate: profile.birthDate, gender: 'male' });
    const scores = ipsScores((await risk('demo')).report);
    expect(scores.length).toBeGreaterThan(2);
    const twin = risks.filter((r) => r.method.text.startsWith('Doppel twin'));
    expect(risks).toHaveLength(scores.length + 2);
    expect(twin).toHaveLength(2);
    expect(twin[1]!.note![0]!.text).toContain('"weightChangeKg":-5');
  });
});
