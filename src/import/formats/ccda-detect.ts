/**
 * Recognising C-CDA without reading it (detect.ts, zip.ts): a `ClinicalDocument` root (any prefix)
 * in the HL7 V3 namespace, and the parts of an IHE XDM package (IHE ITI TF-1 §16, "XDM": the
 * documents in `IHE_XDM/SUBSETnn/`, with `METADATA.XML` there and `INDEX.HTM`, `README.TXT` at the top).
 */
export function isClinicalDocument(head: string): boolean {
  const root = /<(?:[\w.-]+:)?ClinicalDocument[\s>]/.exec(head);
  return !!root && /urn:hl7-org:v3/.test(head.slice(root.index, root.index + 4096));
}

/** A document inside an XDM package's `IHE_XDM/SUBSETnn/` folder. */
export const inXdmSubset = (name: string): boolean => /(^|\/)IHE_XDM\/[^/]+\/[^/]+$/i.test(name);

/** The parts of an XDM package that describe it (no health data): skipped, not counted as errors. */
export function xdmPackageFile(name: string): string | undefined {
  const base = name.split('/').pop() ?? name;
  if (/^(INDEX\.HTM|README\.TXT)$/.test(name)) return 'XDM package index (INDEX.HTM, README.TXT)';
  if (inXdmSubset(name) && /^METADATA\.XML$/i.test(base)) return 'XDM package metadata (METADATA.XML)';
  if (inXdmSubset(name) && /\.xsl$/i.test(base)) return 'XDM stylesheet';
  return undefined;
}
