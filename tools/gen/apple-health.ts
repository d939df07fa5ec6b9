/**
 * Writes a realistic synthetic Apple Health export.xml of a given size (for benchmarks):
 * `npx tsx tools/gen/apple-health.ts --mb 100 --out .bench-out/export-100mb.xml [--zip]`.
 * Content, deterministic for a seed: the v14 header and DTD, a Me element, then day after day an
 * Apple Watch's heart rate every minute (as a long-time wearer's export is dominated by), step and
 * active-energy samples from both the watch and the iPhone (overlapping, as real exports do), nightly
 * sleep stages, and a weekly scale weight and blood-pressure Correlation (with its records repeated
 * at top level, as Apple writes them). Every record carries Apple's escaped `device` attribute.
 */
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { keyedStreams } from '../../models/util/random.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]!;
  if (a.startsWith('--'))
    args.set(a.slice(2), process.argv[i + 1]?.startsWith('--') || i + 1 >= process.argv.length ? 'true' : process.argv[++i]!);
}
const targetBytes = Number(args.get('mb') ?? 100) * 1_000_000;
const out = args.get('out') ?? `.bench-out/export-${args.get('mb') ?? 100}mb.xml`;
// One random stream per kind of record (models/util/random.ts).
const streams = keyedStreams(Number(args.get('seed') ?? 7));
const heartRng = streams('gen.heartRate');
const activityRng = streams('gen.activity');
const sleepRng = streams('gen.sleep');
const scaleRng = streams('gen.scale');

const WATCH =
  'sourceName="Ann’s Apple Watch" sourceVersion="10.2" device="&lt;&lt;HKDevice: 0x283a1c640&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:10.2&gt;"';
const PHONE =
  'sourceName="Ann’s iPhone" sourceVersion="17.2" device="&lt;&lt;HKDevice: 0x283a1c8c0&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,5, software:17.2&gt;"';
const SCALE = 'sourceName="Health Mate" sourceVersion="6.3.0"';

const pad = (n: number): string => String(n).padStart(2, '0');
/** Apple's date format at +01:00 for an epoch ms. */
function date(ms: number): string {
  const d = new Date(ms + 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0100`;
}
const rec = (type: string, src: string, unit: string, s: number, e: number, value: string, inner = ''): string =>
  ` <Record type="${type}" ${src} unit="${unit}" creationDate="${date(e + 60_000)}" startDate="${date(s)}" endDate="${date(e)}" value="${value}"${inner ? `>\n${inner}\n </Record>` : '/>'}\n`;

const header = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 14 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!-- Note: Any Records that appear as children of a correlation also appear as top-level records in this document. -->
]>
<HealthData locale="en_GB">
 <ExportDate value="2026-11-20 09:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1974-08-16" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet" HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse="None"/>
`;

mkdirSync(dirname(out), { recursive: true });
const stream = createWriteStream(out);
let written = 0;
let records = 0;
let buf = '';
const write = async (s: string): Promise<void> => {
  buf += s;
  if (buf.length > 1 << 20) {
    written += Buffer.byteLength(buf);
    if (!stream.write(buf)) await new Promise<void>((r) => stream.once('drain', () => r()));
    buf = '';
  }
};

await write(header);
let day = Date.UTC(2018, 0, 1);
let hr = 70;
let weight = 72;
while (written + buf.length < targetBytes) {
  // heart rate every minute, with a daily rhythm
  for (let m = 0; m < 1440; m++) {
    const t = day + m * 60_000 + Math.floor(heartRng.next() * 20_000);
    const target = m < 420 ? 56 : m > 1320 ? 60 : 74;
    hr += 0.3 * (target - hr) + heartRng.normal() * 3;
    await write(
      rec(
        'HKQuantityTypeIdentifierHeartRate',
        WATCH,
        'count/min',
        t,
        t,
        String(Math.round(hr)),
        m % 60 === 0 ? '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>' : '',
      ),
    );
    records++;
  }
  // steps and energy in 10-minute blocks during the day; the phone records overlapping blocks
  for (let b = 42; b < 132; b++) {
    const s = day + b * 600_000,
      e = s + 600_000;
    const n = Math.max(0, Math.round(90 + activityRng.normal() * 80));
    await write(rec('HKQuantityTypeIdentifierStepCount', WATCH, 'count', s, e, String(n)));
    await write(rec('HKQuantityTypeIdentifierActiveEnergyBurned', WATCH, 'Cal', s, e, (n * 0.045 + activityRng.next()).toFixed(3)));
    records += 2;
    if (b % 2 === 0) {
      await write(rec('HKQuantityTypeIdentifierStepCount', PHONE, 'count', s + 30_000, e + 300_000, String(Math.round(n * 1.2))));
      records++;
    }
  }
  // sleep stages from 23:30
  let t = day - 30 * 60_000;
  for (const [stage, min] of [
    ['AsleepCore', 90],
    ['AsleepDeep', 60],
    ['AsleepREM', 40],
    ['Awake', 5],
    ['AsleepCore', 120],
    ['AsleepREM', 50],
  ] as const) {
    const len = Math.round(min * (0.8 + 0.4 * sleepRng.next())) * 60_000;
    await write(
      ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" ${WATCH} creationDate="${date(t + len)}" startDate="${date(t)}" endDate="${date(t + len)}" value="HKCategoryValueSleepAnalysis${stage}"/>\n`,
    );
    t += len;
    records++;
  }
  if (new Date(day).getUTCDay() === 1) {
    weight += scaleRng.normal() * 0.3;
    const w = day + 7 * 3_600_000;
    await write(rec('HKQuantityTypeIdentifierBodyMass', SCALE, 'kg', w, w, weight.toFixed(1)));
    const sys = rec('HKQuantityTypeIdentifierBloodPressureSystolic', SCALE, 'mmHg', w, w, String(Math.round(122 + scaleRng.normal() * 6)));
    const dia = rec('HKQuantityTypeIdentifierBloodPressureDiastolic', SCALE, 'mmHg', w, w, String(Math.round(79 + scaleRng.normal() * 4)));
    await write(
      ` <Correlation type="HKCorrelationTypeIdentifierBloodPressure" ${SCALE} creationDate="${date(w)}" startDate="${date(w)}" endDate="${date(w)}">\n ${sys} ${dia} </Correlation>\n${sys}${dia}`,
    );
    records += 5;
  }
  day += 86_400_000;
}
await write('</HealthData>\n');
written += Buffer.byteLength(buf);
stream.end(buf);
await new Promise<void>((r) => stream.once('close', () => r()));
console.log(JSON.stringify({ out, bytes: statSync(out).size, records, days: Math.round((day - Date.UTC(2018, 0, 1)) / 86_400_000) }));
