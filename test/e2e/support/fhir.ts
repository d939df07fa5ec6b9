/**
 * Small FHIR R4 records written by the end-to-end tests: laboratory and vital-sign Observations by
 * LOINC code in a collection Bundle, as a patient portal's download holds them.
 */
import { readFileSync } from 'node:fs';

/** LOINC codes of the observations the specs write. */
export const LOINC = {
  weight: '29463-7',
  fastingGlucose: '1558-6',
  hba1c: '4548-4',
  ogtt2h: '20438-8',
} as const;

/** One final Observation with a UCUM quantity, taken at `at`. */
export const observation = (code: string, value: number, unit: string, at: Date) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code }] },
  effectiveDateTime: at.toISOString(),
  valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
});

/** The resources as a FHIR collection Bundle, serialized. */
export const bundle = (resources: unknown[]): string =>
  JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });

/** A moment `months` months (of 30.4 days) before now. */
export const monthsAgo = (months: number): Date => new Date(Date.now() - months * 30.4 * 86_400_000);

/** The newest Observation of a LOINC code in a FHIR Bundle file, read from the file itself: its value and day. */
export function newestInBundleFile(file: string, loinc: string): { value: number; day: string } {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
    entry: {
      resource: {
        resourceType: string;
        code?: { coding: { code: string }[] };
        effectiveDateTime?: string;
        valueQuantity?: { value: number };
      };
    }[];
  };
  const obs = parsed.entry
    .map((e) => e.resource)
    .filter((r) => r.resourceType === 'Observation' && r.code?.coding.some((c) => c.code === loinc))
    .sort((a, b) => Date.parse(a.effectiveDateTime!) - Date.parse(b.effectiveDateTime!));
  const last = obs[obs.length - 1]!;
  return { value: last.valueQuantity!.value, day: last.effectiveDateTime!.slice(0, 10) };
}
