/**
 * Writes test/fixtures/synthetic/apple-health-old-steps-weight.xml, a small synthetic Apple Health
 * export whose newest data is years old (the charts' end-to-end test, issue 17 §7):
 * `npx tsx tools/gen/old-export.ts`. Deterministic (seed 17). Content: an iPhone's step counts,
 * three records a day from 1 Oct 2015 to 28 Feb 2016 and between 5,000 and 11,000 steps a day (so
 * a value axis that does not start at zero shows), and a scale weight every Sunday from
 * 2 Mar 2014 to 28 Feb 2016 (two years: the weight chart's window spans years).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRng } from '../../models/util/random.ts';

const OUT = 'test/fixtures/synthetic/apple-health-old-steps-weight.xml';
const rng = createRng(17);
const DAY = 86_400_000;
const PHONE =
  'sourceName="Sam’s iPhone" sourceVersion="9.2.1" device="&lt;&lt;HKDevice: 0x1700a1e0&gt;, name:iPhone, manufacturer:Apple, model:iPhone, hardware:iPhone8,1, software:9.2.1&gt;"';
const SCALE = 'sourceName="Health Mate" sourceVersion="2.6.1"';

const pad = (n: number): string => String(n).padStart(2, '0');
/** Apple's date format at +00:00 (London in winter) for an epoch ms. */
const date = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00 +0000`;
};
const rec = (type: string, src: string, unit: string, s: number, e: number, value: string): string =>
  `  <Record type="${type}" ${src} unit="${unit}" creationDate="${date(e + 60_000)}" startDate="${date(s)}" endDate="${date(e)}" value="${value}"/>\n`;

let xml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Synthetic (tools/gen/old-export.ts): not a real person's data. -->
<HealthData locale="en_GB">
  <ExportDate value="2016-03-01 09:00:00 +0000"/>
`;
let kg = 84;
for (let t = Date.UTC(2014, 2, 2, 7, 30); t <= Date.UTC(2016, 1, 28, 7, 30); t += 7 * DAY) {
  kg += -0.05 + 0.3 * rng.normal();
  xml += rec('HKQuantityTypeIdentifierBodyMass', SCALE, 'kg', t, t, kg.toFixed(1));
}
for (let day = Date.UTC(2015, 9, 1); day <= Date.UTC(2016, 1, 28); day += DAY) {
  const total = 5000 + Math.round(6000 * rng.next());
  const parts = [0.3, 0.45, 0.25];
  [8, 13, 18].forEach((hour, i) => {
    const s = day + hour * 3_600_000;
    xml += rec('HKQuantityTypeIdentifierStepCount', PHONE, 'count', s, s + 45 * 60_000, String(Math.round(total * parts[i]!)));
  });
}
xml += '</HealthData>\n';
mkdirSync('test/fixtures/synthetic', { recursive: true });
writeFileSync(OUT, xml);
console.log(`${OUT}: ${xml.length} bytes`);
