import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLAG_FASTING } from '../../../models/samples.ts';
import type { DoppelDb } from '../../../src/data/db.ts';
import { readSamples } from '../../../src/data/samples.ts';
import { detectFormat } from '../../../src/import/detect.ts';
import { hl7Time, parseCcdaXml } from '../../../src/import/formats/ccda-xml.ts';
import { ImportSink } from '../../../src/import/sink.ts';
import { useFreshDbs } from '../data/helpers.ts';
import { FIXTURES, importFile, importText, report, splitAt } from './helpers.ts';

const db = useFreshDbs();
const synthetic = (name: string): string => join(FIXTURES, 'synthetic/ccda', name);
const hostile = (name: string): string => join(FIXTURES, 'hostile/ccda', name);
const real = (name: string): string => join(FIXTURES, 'real/ccda', name);
const TRAPS = synthetic('ccd-traps.xml');
const at = (iso: string): number => Date.parse(iso);

/** Everything an import could have written: nothing at all after a refused file. */
async function stored(d: DoppelDb): Promise<number[]> {
  return Promise.all([d.imports.count(), d.sampleChunks.count(), d.sources.count(), d.profile.count(), d.staging.count(), d.doses.count()]);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('C-CDA: sections onto the canonical metrics', () => {
  it('vital signs and results by LOINC, converted from UCUM (lb, in, mmol/L glucose), at their own time or the organizer’s', async () => {
    const d = db();
    const r = await importFile(d, TRAPS);
    expect(r).toMatchObject({ format: 'ccda-xml', added: 6, duplicates: 0 });
    const weight = await readSamples(d, 'body_weight');
    expect(weight.value[0]).toBeCloseTo(176.4 * 0.45359237, 6); // [lb_av]
    expect(weight.start[0]).toBe(at('2024-06-10T09:30:00-05:00'));
    const height = await readSamples(d, 'height');
    expect(height.value[0]).toBeCloseTo(65 * 2.54, 6); // [in_i], no time of its own: the organizer's
    expect(height.start[0]).toBe(at('2024-06-10T09:30:00-05:00'));
    const glucose = await readSamples(d, 'blood_glucose');
    expect(glucose.value[0]).toBeCloseTo(6.1 * 18.016, 3); // mmol/L, LOINC 1558-6: fasting
    expect(glucose.flags[0]! & FLAG_FASTING).toBe(FLAG_FASTING);
    expect(glucose.start[0]).toBe(at('2024-06-05T08:15:00-05:00')); // the battery's effectiveTime low
    expect((await readSamples(d, 'hba1c')).value[0]).toBe(6.1);
    expect((await readSamples(d, 'systolic_bp')).value[0]).toBe(138);
    expect((await readSamples(d, 'diastolic_bp')).value[0]).toBe(86);
  });

  it('rejects a nullFlavor value and a nullFlavor time with their place, and reads the rest', async () => {
    const r = await importFile(db(), TRAPS);
    expect(r.rejected).toEqual([
      { where: 'line 84', reason: 'heart_rate: value is nullFlavor UNK (no value)' },
      { where: 'line 125', reason: 'total_cholesterol: effectiveTime is nullFlavor UNK (no time)' },
    ]);
    expect(readFileSync(TRAPS, 'utf8').split('\n')[83]).toContain('<observation');
    // A planned observation (moodCode INT) is no measurement.
    expect(r.ignored['C-CDA observation 4548-4 HbA1c (planned) (mood INT)']).toBe(1);
  });

  it('a range, a text or a code where a quantity belongs is rejected with what it is', async () => {
    const head = readFileSync(TRAPS, 'utf8');
    const doc = head
      .replace('<value xsi:type="PQ" value="138" unit="mm[Hg]"/>', '<value xsi:type="IVL_PQ"><high value="140" unit="mm[Hg]"/></value>')
      .replace('<value xsi:type="PQ" value="86" unit="mm[Hg]"/>', '<value xsi:type="ST">normal</value>')
      .replace('<value xsi:type="PQ" value="6.1" unit="%"/>', '<value xsi:type="PQ" value="6,1x" unit="%"/>');
    const r = await importText(db(), doc, 'ranges.xml');
    expect(r.rejected.map((x) => x.reason)).toEqual([
      'systolic_bp: a value of type IVL_PQ is not a single quantity',
      'diastolic_bp: a value of type ST is not a single quantity',
      'heart_rate: value is nullFlavor UNK (no value)',
      'hba1c: value "6,1x" is not a number',
      'total_cholesterol: effectiveTime is nullFlavor UNK (no time)',
    ]);
    expect(r.added).toBe(3);
  });

  it('problems and medications → the profile patch (active ones only), birth date and sex from the header', async () => {
    const d = db();
    const r = await importFile(d, TRAPS);
    const p = await d.profile.get('self');
    // Diabetes by SNOMED CT 44054006; hypertension by its ICD-10-CM translation I10 (code nullFlavor OTH).
    expect(p?.conditions).toEqual(['diabetes', 'hypertension']);
    // Metformin by its RxNorm name, atorvastatin by original text; completed lisinopril and negated insulin set nothing.
    expect(p?.medications).toEqual(['metformin', 'statin']);
    expect(p).toMatchObject({ birthDate: '1962-03-14', sex: 'female', heightCm: 165.1 });
    expect(r.ignored).toMatchObject({
      'C-CDA problem (not active)': 1, // resolved angina (effectiveTime high, concern completed)
      'C-CDA problem (negated: none known)': 1,
      'C-CDA medication (completed)': 1,
      'C-CDA medication (negated: none known)': 1,
    });
  });

  it('HTML in a display name or an organisation’s name is kept as plain text, never as markup', async () => {
    const d = db();
    const r = await importFile(d, TRAPS);
    expect(Object.keys(r.ignored)).toContain('C-CDA observation 2951-2 <img src=x onerror="alert(1)">Sodium');
    const sources = await d.sources.toArray();
    expect(sources.map((s) => s.model)).toEqual(['<b onmouseover="alert(1)">Lakeside</b> Clinic']);
  });

  it('importing the same document twice adds nothing the second time', async () => {
    const d = db();
    await importFile(d, TRAPS);
    const again = await importFile(d, TRAPS);
    expect(again).toMatchObject({ added: 0, duplicates: 6 });
    expect((await report(d)).metrics.body_weight!.count).toBe(1);
  });

  it('reads the document whatever the chunk boundaries (an entity or a tag split between reads)', async () => {
    const text = readFileSync(TRAPS, 'utf8');
    const read = async (parts: string[]): Promise<ImportSink> => {
      const sink = new ImportSink(Date.UTC(2026, 10, 21), undefined, 1e9, { device: 'UTC' });
      async function* chunks(): AsyncGenerator<Uint8Array> {
        for (const p of parts) yield strToU8(p);
      }
      await parseCcdaXml(chunks(), sink);
      return sink;
    };
    const whole = await read([text]);
    const at = text.indexOf('&lt;img');
    for (const cuts of [
      [at + 2],
      [at + 4, at + 40],
      [text.indexOf('<value xsi:type="PQ" value="176.4"') + 10],
      [1, 2, 3, 100, 2000, 9000],
    ]) {
      const sink = await read(splitAt(text, cuts));
      expect(sink.accepted).toBe(whole.accepted);
      expect(sink.ignored).toEqual(whole.ignored);
      expect(sink.rejected).toEqual(whole.rejected);
    }
  });
});

describe('C-CDA: real documents (medplum test data, Apache-2.0)', () => {
  it('ONC 170.315(b)(1) ambulatory CCD sample 1: vital signs, active hypertension (a resolved problem and urine glucose set nothing)', async () => {
    const d = db();
    const r = await importFile(d, real('medplum_170.315_b1_toc_amb_ccd_r21_sample1_v13.xml'));
    expect(r).toMatchObject({ format: 'ccda-xml', added: 7, rejected: [] });
    const rep = await report(d);
    expect(Object.fromEntries(Object.entries(rep.metrics).map(([m, v]) => [m, v.min]))).toEqual({
      height: 177,
      body_weight: 88,
      systolic_bp: 145,
      diastolic_bp: 88,
      heart_rate: 80,
      spo2: 95,
      respiratory_rate: 18,
    });
    expect(rep.metrics.systolic_bp!.first).toBe('2015-06-22T10:08:00-05:00');
    // Glucose in urine (LOINC 5792-7) is no blood glucose; the urinalysis is counted, not stored.
    expect(rep.metrics.blood_glucose).toBeUndefined();
    expect(r.ignored['C-CDA observation 5792-7 Glucose [Mass/volume] in urine by test strip']).toBe(1);
    const p = await d.profile.get('self');
    expect(p).toMatchObject({ birthDate: '1970-06-01', sex: 'female', conditions: ['hypertension'] });
    expect(p?.medications ?? []).toEqual([]); // ceftriaxone, Tylenol, darbepoetin: none of the four classes
    expect(r.ignored).toMatchObject({ 'C-CDA problem (not active)': 1, 'C-CDA problem (other)': 3, 'C-CDA medication (other)': 3 });
  });

  it('ONC 170.315(b)(1) ambulatory CCD sample 2: vital signs, patient; its "no known" problems and medications set nothing', async () => {
    const d = db();
    const r = await importFile(d, real('medplum_170.315_b1_toc_amb_ccd_r21_sample2_v11.xml'));
    expect(r).toMatchObject({ format: 'ccda-xml', added: 4, rejected: [] });
    const rep = await report(d);
    expect(rep.metrics.height).toMatchObject({ count: 1, min: 177, first: '2015-07-22T14:05:00-05:00' });
    expect(rep.metrics.body_weight).toMatchObject({ count: 1, min: 88 });
    expect(rep.metrics.systolic_bp).toMatchObject({ count: 1, min: 145, first: '2015-07-22T14:10:00-05:00' });
    expect(rep.metrics.diastolic_bp).toMatchObject({ count: 1, min: 88 });
    expect(rep.profile).toMatchObject({ birthDate: '1980-07-01', sex: 'male' });
    const p = await d.profile.get('self');
    expect(p?.conditions ?? []).toEqual([]);
    expect(p?.medications ?? []).toEqual([]);
    expect(r.ignored).toMatchObject({ 'C-CDA problem (negated: none known)': 1, 'C-CDA medication (negated: none known)': 1 });
  });

  it('VitalSignsMetricUnits: seven vital signs; temperature and capillary SpO2 (2710-2) counted as not stored', async () => {
    const d = db();
    const r = await importFile(d, real('medplum_VitalSignsMetricUnits.xml'));
    expect(r).toMatchObject({ added: 7, rejected: [] });
    expect(Object.keys((await report(d)).metrics).sort()).toEqual(
      ['bmi', 'body_weight', 'diastolic_bp', 'heart_rate', 'height', 'respiratory_rate', 'systolic_bp'].sort(),
    );
    expect(r.ignored).toEqual({ 'C-CDA observation 8310-5 Body temperature': 1, 'C-CDA observation 2710-2 OXYGEN SATURATION': 1 });
  });
});

describe('C-CDA: hostile and broken documents (refused, nothing stored)', () => {
  it.each([
    ['an entity bomb (billion laughs)', 'ccda-entity-bomb.xml'],
    ['external entities and an external DTD', 'ccda-external-entity.xml'],
  ])('%s: refused at its DOCTYPE, nothing expanded or fetched', async (_, file) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const d = db();
    const t0 = performance.now();
    const e = await importFile(d, hostile(file)).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'MALFORMED', where: 'line 2' });
    expect((e as Error).message).toMatch(/declares a DOCTYPE .*: refused/);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(performance.now() - t0).toBeLessThan(10_000); // generous: an expanded bomb would be 3 GB of "lol"
    expect(await stored(d)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('a truncated document: refused with where it ends, nothing stored', async () => {
    const d = db();
    const e = await importFile(d, synthetic('ccd-truncated.xml')).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'TRUNCATED', where: 'line 109' });
    expect((e as Error).message).toMatch(/ends before <\/ClinicalDocument>/);
    expect(await stored(d)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('an entry nested thousands deep or with too many elements is rejected with its line; the rest of the document reads', async () => {
    const head = readFileSync(TRAPS, 'utf8');
    const at = head.indexOf('<entry typeCode="DRIV">');
    const line = head.slice(0, at).split('\n').length;
    const deep = `<entry>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</entry>\n`;
    const wide = `<entry>${'<x/>'.repeat(30_000)}</entry>\n`;
    for (const hostileEntry of [deep, wide]) {
      const r = await importText(db(), head.slice(0, at) + hostileEntry + head.slice(at), 'hostile.xml');
      expect(r.rejected[0]).toEqual({ where: `line ${line}`, reason: '<entry> holds more than the limit for one C-CDA entry: skipped' });
      expect(r.added).toBe(6);
    }
  });

  it('a document cut inside a tag, a mismatched end tag, and a root in another namespace', async () => {
    const head = readFileSync(TRAPS, 'utf8');
    const cutInTag = head.slice(0, head.indexOf('unit="[lb_av]"') + 5);
    await expect(importText(db(), cutInTag, 'cut.xml')).rejects.toMatchObject({ code: 'TRUNCATED', where: 'line 54' });
    const mismatched = head.replace('</title>', '</titel>');
    await expect(importText(db(), mismatched, 'bad.xml')).rejects.toMatchObject({ code: 'MALFORMED', where: 'line 13' });
    const noNamespace = '<?xml version="1.0"?>\n<ClinicalDocument><title>x</title></ClinicalDocument>';
    await expect(importText(db(), noNamespace, 'x.xml')).rejects.toMatchObject({ code: 'UNKNOWN_FORMAT' });
  });
});

describe('C-CDA: detection and HL7 dates', () => {
  it('detects a ClinicalDocument in urn:hl7-org:v3, with or without a prefix; other XML stays refused', () => {
    const head = (s: string): Uint8Array => strToU8(s);
    expect(detectFormat(head(readFileSync(TRAPS, 'utf8').slice(0, 4000)))).toBe('ccda-xml');
    expect(detectFormat(head('<?xml version="1.0"?><cda:ClinicalDocument xmlns:cda="urn:hl7-org:v3">'))).toBe('ccda-xml');
    expect(() => detectFormat(head('<?xml version="1.0"?><ClinicalDocument>'))).toThrow(/not an Apple Health export/);
  });

  it('reads HL7 TS at any precision; less than a day is not a reading time', () => {
    expect(hl7Time('20150722')).toBe('2015-07-22');
    expect(hl7Time('201507221405-0500')).toBe('2015-07-22T14:05:00-05:00');
    expect(hl7Time('20140520193605.123+0130')).toBe('2014-05-20T19:36:05.123+01:30');
    expect(hl7Time('201507')).toBe('2015-07');
    expect(hl7Time('2015-07-22')).toBeUndefined();
  });
});

describe('C-CDA in zips', () => {
  it('an IHE XDM package: its documents read, its index, metadata and stylesheet skipped (not errors)', async () => {
    const d = db();
    const r = await importFile(d, synthetic('portal-xdm.zip'));
    expect(r).toMatchObject({ format: 'ccda-xdm-zip', added: 6 });
    expect(r.rejected.map((x) => x.where)).toEqual(['IHE_XDM/SUBSET01/DOC0001.XML line 84', 'IHE_XDM/SUBSET01/DOC0001.XML line 125']);
    expect(r.ignored).toMatchObject({
      'XDM package index (INDEX.HTM, README.TXT)': 2,
      'XDM package metadata (METADATA.XML)': 1,
      'XDM stylesheet': 1,
    });
    expect(Object.keys(r.ignored).filter((k) => k.startsWith('file '))).toEqual([]);
    expect((await d.profile.get('self'))?.conditions).toEqual(['diabetes', 'hypertension']);
  });

  const dogsheep = join(FIXTURES, 'real/apple-health/dogsheep-zip_contents/apple_health_export/export.xml');
  const appleObservation = (loinc: string, value: string, unit: string, at: string, source?: string): string => `
      <entry><organizer classCode="CLUSTER" moodCode="EVN">
        <templateId root="2.16.840.1.113883.10.20.22.4.26"/>
        <effectiveTime><low value="${at}"/><high value="${at}"/></effectiveTime>
        <component><observation classCode="OBS" moodCode="EVN">
          <templateId root="2.16.840.1.113883.10.20.22.4.27"/>
          <code code="${loinc}" codeSystem="2.16.840.1.113883.6.1" codeSystemName="LOINC"/>
          <text>${source ?? ''}<value>${value}</value><unit>${unit}</unit></text>
          <statusCode code="completed"/>
          <effectiveTime><low value="${at}"/><high value="${at}"/></effectiveTime>
          <value xsi:type="PQ" value="${value}" unit="${unit}"/>
        </observation></component>
      </organizer></entry>`;
  /** Apple's export_cda.xml shape: vital-sign organizers whose observation text names the source. */
  const exportCda = `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <recordTarget><patientRole><patient><administrativeGenderCode code="M"/><birthTime value="19900202"/></patient></patientRole></recordTarget>
  <component><structuredBody><component><section>
    <templateId root="2.16.840.1.113883.10.20.22.2.4.1"/>
    <code code="8716-3" codeSystem="2.16.840.1.113883.6.1"/>
    ${appleObservation('8867-4', '72', 'count/min', '20180910022855-0700', '<sourceName>Apple\u00a0Watch</sourceName><device>&lt;&lt;HKDevice: 0x282a45810&gt;, name:Apple Watch, manufacturer:Apple, model:Watch, hardware:Watch2,4, software:4.3.1&gt;</device>')}
    ${appleObservation('8867-4', '64', 'count/min', '20180911070000-0700')}
    ${appleObservation('29463-7', '81.5', 'kg', '20180912070000-0700', '<sourceName>Withings Body+</sourceName>')}
  </section></component></structuredBody></component>
</ClinicalDocument>`;

  it('Apple Health export.zip: export_cda.xml is read after export.xml and adds only readings of sources export.xml lacks', async () => {
    const d = db();
    const z = zipSync({
      'apple_health_export/export.xml': readFileSync(dogsheep),
      'apple_health_export/export_cda.xml': strToU8(exportCda),
    }) as Uint8Array<ArrayBuffer>;
    const r = await importText(d, z, 'export.zip');
    expect(r).toMatchObject({ format: 'apple-health-zip', added: 3, duplicates: 0, rejected: [] });
    // The Apple Watch's heart rate is export.xml's own; the one without a source cannot be told apart.
    expect(r.ignored['export_cda.xml readings already in export.xml']).toBe(2);
    expect(Array.from((await readSamples(d, 'heart_rate')).value)).toEqual([72]);
    expect(Array.from((await readSamples(d, 'body_weight')).value)).toEqual([81.5]);
    expect((await d.sources.toArray()).map((s) => s.name).sort()).toEqual(['Apple\u00a0Watch', 'Health Mate', 'Withings Body+']);
  });

  it('export_cda.xml alone (no export.xml beside it) is a C-CDA like any other', async () => {
    const d = db();
    const r = await importText(d, strToU8(exportCda) as Uint8Array<ArrayBuffer>, 'export_cda.xml');
    expect(r).toMatchObject({ format: 'ccda-xml', added: 3 });
    expect(Array.from((await readSamples(d, 'heart_rate')).value)).toEqual([72, 64]);
  });
});
