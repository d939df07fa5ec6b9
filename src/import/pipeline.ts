import type { SampleBatch } from '../../models/samples.ts';
import type { DoppelDb } from '../data/db.ts';
import { commitImport } from '../data/imports.ts';
import { validateProfile, type ProfilePatch } from '../data/profile.ts';
import type { ImportRow, ProfileFieldOutcome } from '../data/rows.ts';
import type { ProfileMeta } from '../data/profile-merge.ts';
import { holdLock, LOCK } from '../data/locks.ts';
import { beginStagedImport, discardStagedImport, finishStagedImport, stageBatches } from '../data/staging.ts';
import { blobChunks, checkAbort, type ReadContext } from './bytes.ts';
import { detectFormat, SNIFF_BYTES, type FormatId } from './detect.ts';
import { ImportError } from './errors.ts';
import { parseAppleHealthXml } from './formats/apple-health-xml.ts';
import { parseGenericCsv } from './formats/generic-csv.ts';
import { parseFhirR4 } from './formats/fhir-r4.ts';
import { parseDexcomClarityCsv } from './formats/dexcom-clarity-csv.ts';
import { parseLibreviewCsv } from './formats/libreview-csv.ts';
import { parseNightscoutJson } from './formats/nightscout-json.ts';
import { parseFitbitJson } from './formats/fitbit-json.ts';
import { parseGarminCsv } from './formats/garmin-csv.ts';
import { parseWithingsCsv } from './formats/withings-csv.ts';
import { parseGoogleFitCsv } from './formats/google-fit-csv.ts';
import { parseSamsungHealthCsv } from './formats/samsung-health-csv.ts';
import { parseCcdaXml } from './formats/ccda-xml.ts';
import { parseHealthConnectDb } from './formats/health-connect.ts';
import { parseZip, type EntryParser } from './formats/zip.ts';
import { ImportSink, type WallZones } from './sink.ts';
import { isKnownZone, runtimeZone } from '../../models/util/zone.ts';
import type { ErrorInfo } from '../rpc/result.ts';

export interface ImportProgress {
  file: string;
  format?: FormatId;
  bytesDone: number;
  bytesTotal: number;
  /** Records accepted so far. */
  records: number;
  /** Bytes per second since the start of this file. */
  rate: number;
  /** Seconds left at the current rate, or undefined before there is a rate. */
  etaS?: number;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Clock for the "more than a day in the future" rule. */
  nowMs?: number;
  /** Samples buffered before they are staged in IndexedDB (memory bound). */
  spillAt?: number;
  /** IANA zone of the importing device (default: the runtime's); see `WallZones`. */
  timeZone?: string;
}

/** What one file's import did, in the CLI report's shape plus the import's id. */
export interface FileReport {
  file: string;
  format: FormatId;
  importId: number;
  added: number;
  duplicates: number;
  rejected: ImportRow['rejected'];
  ignored: ImportRow['ignored'];
  /** Carbohydrate and insulin records added (the glucose forecaster's inputs; not in the CLI report). */
  doses?: number;
  /** What the file says about the person and what became of each value in the profile (not in the CLI report). */
  profile?: ProfileFieldOutcome[];
  /** The readings added per metric: how many, first and last local day (not in the CLI report). */
  arrived?: ImportRow['arrived'];
}

/**
 * One file of a batch: its report; why it could not be used (the same ErrorInfo as a failed Result:
 * src/rpc/result.ts); or that the person cancelled while it was read. In the last two cases nothing
 * of it is stored.
 */
export type FileOutcome = FileReport | { file: string; error: ErrorInfo } | { file: string; cancelled: true };

/** A streaming parser; it may name the format more precisely than detection could (a zip's content). */
type Parser = (bytes: AsyncIterable<Uint8Array>, sink: ImportSink, ctx: ReadContext & { fileName?: string }) => Promise<FormatId | void>;

/** Formats a zip entry may hold (no zips inside zips). */
const ENTRY_PARSERS: Partial<Record<FormatId, EntryParser>> = {
  'apple-health-xml': parseAppleHealthXml,
  'generic-csv': parseGenericCsv,
  'fhir-r4': parseFhirR4,
  'dexcom-clarity-csv': parseDexcomClarityCsv,
  'libreview-csv': parseLibreviewCsv,
  'nightscout-json': parseNightscoutJson,
  'fitbit-json': parseFitbitJson,
  'garmin-csv': parseGarminCsv,
  'withings-csv': parseWithingsCsv,
  'google-fit-csv': parseGoogleFitCsv,
  'samsung-health-csv': parseSamsungHealthCsv,
  'ccda-xml': parseCcdaXml,
  'health-connect-db': parseHealthConnectDb,
};

const PARSERS: Partial<Record<FormatId, Parser>> = {
  ...ENTRY_PARSERS,
  zip: (bytes, sink, ctx) => parseZip(bytes, sink, ctx, ENTRY_PARSERS),
};

/**
 * Imports one file through the one pipeline the app (import worker) and the CLI share: detect the
 * format from content, stream-parse into the sink, and store atomically. A small file lands in one
 * transaction; a large one is staged and lands in one final transaction. On any error or cancel
 * nothing of the file is stored.
 */
export async function importBlob(db: DoppelDb, blob: Blob, fileName: string, opts: ImportOptions = {}): Promise<FileReport> {
  const nowMs = opts.nowMs ?? Date.now();
  checkAbort(opts.signal);
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  let format = detectFormat(head, fileName);
  const parse = PARSERS[format];
  if (!parse) throw new ImportError('UNKNOWN_FORMAT', `${format} files are recognized but cannot be imported yet`);

  let stagedId: number | undefined;
  let duplicatesInFile = 0;
  // Held from before the pending row exists until the import ends: while held, no recovery touches it.
  let unlock: (() => Promise<void>) | undefined;
  const spill = async (batches: SampleBatch[]): Promise<void> => {
    if (stagedId === undefined) {
      const lock = LOCK.importRun(crypto.randomUUID());
      unlock = await holdLock(lock);
      stagedId = await beginStagedImport(db, { fileName, format, bytes: blob.size, lock });
    }
    duplicatesInFile += await stageBatches(db, stagedId, batches, sink.sources.length);
  };
  const sink = new ImportSink(nowMs, spill, opts.spillAt, await wallZones(db, opts.timeZone));
  const t0 = performance.now();
  let lastReport = 0;
  const onBytes = (n: number): void => {
    const t = performance.now();
    if (t - lastReport < 100 && n < blob.size) return;
    lastReport = t;
    const rate = n / Math.max(1e-3, (t - t0) / 1000);
    opts.onProgress?.({
      file: fileName,
      format,
      bytesDone: n,
      bytesTotal: blob.size,
      records: sink.accepted,
      rate,
      etaS: rate > 0 ? (blob.size - n) / rate : undefined,
    });
  };

  try {
    format = (await parse(blobChunks(blob, { signal: opts.signal, onBytes }), sink, { signal: opts.signal, fileName })) || format;
    await sink.drain();
    checkAbort(opts.signal);
    const profile = cleanProfile(sink);
    const profileMeta = profileMetaFor(sink, profile);
    if (
      sink.accepted === 0 &&
      sink.doses.length === 0 &&
      sink.rejectedCount === 0 &&
      Object.keys(sink.ignored).length === 0 &&
      Object.keys(profile).length === 0 &&
      Object.keys(profileMeta.indirect ?? {}).length === 0
    ) {
      throw new ImportError('NO_DATA', `No health records found in this ${format} file`);
    }
    let row: ImportRow;
    if (stagedId === undefined) {
      row = await commitImport(db, {
        fileName,
        format,
        bytes: blob.size,
        sources: sink.sources,
        batches: sink.take(),
        rejected: sink.rejectedReport(),
        ignored: sink.ignored,
        profile,
        profileMeta,
        doses: sink.doses,
      });
    } else {
      sink.flush();
      await sink.drain();
      checkAbort(opts.signal);
      row = await finishStagedImport(db, stagedId, {
        format,
        sources: sink.sources,
        rejected: sink.rejectedReport(),
        ignored: sink.ignored,
        duplicatesInFile,
        profile,
        profileMeta,
        doses: sink.doses,
      });
    }
    opts.onProgress?.({
      file: fileName,
      format,
      bytesDone: blob.size,
      bytesTotal: blob.size,
      records: sink.accepted,
      rate: blob.size / Math.max(1e-3, (performance.now() - t0) / 1000),
      etaS: 0,
    });
    return {
      file: fileName,
      format,
      importId: row.id!,
      added: row.added,
      duplicates: row.duplicates,
      rejected: row.rejected,
      ignored: row.ignored,
      ...(row.doses ? { doses: row.doses } : {}),
      ...(row.profile ? { profile: row.profile } : {}),
      ...(row.arrived ? { arrived: row.arrived } : {}),
    };
  } catch (e) {
    // Let a spill in flight finish first, so that no staged write lands after the clean-up.
    await sink.drain().catch(() => undefined);
    if (stagedId !== undefined) await discardStagedImport(db, stagedId).catch(() => undefined);
    throw e;
  } finally {
    void unlock?.();
  }
}

/** The device's zone and the zones remembered with the sources (a zone this runtime lacks is skipped). */
async function wallZones(db: DoppelDb, timeZone?: string): Promise<WallZones> {
  const device = timeZone && isKnownZone(timeZone) ? timeZone : runtimeZone();
  const bySource = new Map<string, string>();
  for (const s of await db.sources.toArray()) if (s.wallZone && isKnownZone(s.wallZone)) bySource.set(s.key, s.wallZone);
  return { device, bySource };
}

/** The profile fields the export gave that pass validation; a bad one is reported, not stored. */
function cleanProfile(sink: ImportSink): ProfilePatch {
  const out: ProfilePatch = {};
  for (const [k, v] of Object.entries(sink.profile) as [keyof ProfilePatch, never][]) {
    try {
      validateProfile({ [k]: v });
      out[k] = v;
    } catch (e) {
      sink.reject('profile', (e as Error).message);
    }
  }
  return out;
}

/** The dates of the profile values kept (a rejected height has none) and the indirect list items. */
function profileMetaFor(sink: ImportSink, profile: ProfilePatch): ProfileMeta {
  const observedAt = Object.fromEntries(Object.entries(sink.profileMeta.observedAt).filter(([k]) => k in profile));
  const indirect = Object.fromEntries(Object.entries(sink.profileMeta.indirect).filter(([, v]) => v?.length));
  return { observedAt, indirect };
}
