/**
 * Writes test/fixtures/synthetic/ccda/portal-xdm.zip, an IHE XDM package (IHE ITI TF-1 §16) as a US
 * patient portal's "Download my record" gives it: `README.TXT` and `INDEX.HTM` at the top, the
 * document `IHE_XDM/SUBSET01/DOC0001.XML` (the synthetic test/fixtures/synthetic/ccda/ccd-traps.xml)
 * beside its `METADATA.XML` (an abridged XDS SubmitObjectsRequest) and a stylesheet.
 * `npx tsx tools/gen/ccda-xdm.ts`. Deterministic (fixed entry times).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';

const DIR = 'test/fixtures/synthetic/ccda';
const mtime = new Date(Date.UTC(2024, 5, 10, 12, 0, 0));
const METADATA = `<?xml version="1.0" encoding="UTF-8"?>
<lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
  <rim:RegistryObjectList>
    <rim:ExtrinsicObject id="Document01" mimeType="text/xml" objectType="urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1">
      <rim:Slot name="URI"><rim:ValueList><rim:Value>DOC0001.XML</rim:Value></rim:ValueList></rim:Slot>
    </rim:ExtrinsicObject>
  </rim:RegistryObjectList>
</lcm:SubmitObjectsRequest>
`;
const README =
  'Health record download from Lakeside Clinic (synthetic test package for Doppel).\r\nIHE_XDM/SUBSET01/DOC0001.XML: Continuity of Care Document.\r\n';
const INDEX = '<html><body><h1>Your health record</h1><a href="IHE_XDM/SUBSET01/DOC0001.XML">Summary of care</a></body></html>\r\n';
const XSL = '<?xml version="1.0"?>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>\n';

const zip = zipSync(
  {
    'README.TXT': [strToU8(README), { mtime }],
    'INDEX.HTM': [strToU8(INDEX), { mtime }],
    // Flat paths: no folder entries (their times would be the day the script ran).
    'IHE_XDM/SUBSET01/METADATA.XML': [strToU8(METADATA), { mtime }],
    'IHE_XDM/SUBSET01/CDA.XSL': [strToU8(XSL), { mtime }],
    'IHE_XDM/SUBSET01/DOC0001.XML': [readFileSync(`${DIR}/ccd-traps.xml`), { mtime }],
  },
  { level: 6 },
);
writeFileSync(`${DIR}/portal-xdm.zip`, zip);
console.log(`${DIR}/portal-xdm.zip: ${zip.length} bytes`);
