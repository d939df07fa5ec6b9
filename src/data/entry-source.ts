/**
 * How a measurement entered by hand is marked in the store (src/data/entries.ts): its import's format
 * and file name, and its source, whose name is the provenance every screen and export reads.
 * Dependency-free, so that the risk profile, the exports and the screens can tell entries apart.
 */
import type { SourceInput } from './sources.ts';

export const ENTRY_FORMAT = 'doppel-entry';
/** The source of every entry: how its provenance reads in the data ("entered by you"). */
export const ENTRY_SOURCE: SourceInput = { name: 'entered by you' };
/** Its key in the sources table (sources.ts: `${name}|${model}`). */
export const ENTRY_SOURCE_KEY = `${ENTRY_SOURCE.name}|`;
/** The import's file name: the history and the visit summary list entries under it. */
export const ENTRY_FILE_NAME = 'Entered by you';

/**
 * How FHIR exports mark a value entered by hand, beside Observation.performer = the Patient (FHIR R4
 * allows a Patient as performer: patient-reported): a tag in words (src/data/export.ts, src/share/fhir-ips.ts).
 */
export const ENTERED_TAG = { system: 'urn:doppel', code: 'entered-by-you', display: 'entered by the person' } as const;
