import { openAsBlob } from 'node:fs';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DoppelDb } from '../../../src/data/db.ts';
import { storeReport } from '../../../src/data/report.ts';
import { importBlob, type FileReport, type ImportOptions } from '../../../src/import/pipeline.ts';

let k = 0;
export function newDb(): DoppelDb {
  return new DoppelDb(`import-test-${process.pid}-${k++}`);
}

/** ../shared beside the repository (present on developer machines and in CI). */
export const SHARED = resolve(__dirname, '../../../../shared/fixtures/real');
export const hasShared = existsSync(SHARED);

export const FIXTURES = resolve(__dirname, '../../fixtures');

export async function importFile(db: DoppelDb, path: string, opts: ImportOptions = {}): Promise<FileReport> {
  return importBlob(db, await openAsBlob(path), basename(path), { nowMs: Date.UTC(2026, 10, 21), ...opts });
}

export function importText(
  db: DoppelDb,
  text: string | Uint8Array<ArrayBuffer>,
  name = 'test.txt',
  opts: ImportOptions = {},
): Promise<FileReport> {
  return importBlob(db, new Blob([text]), name, { nowMs: Date.UTC(2026, 10, 21), ...opts });
}

export async function report(db: DoppelDb) {
  return storeReport(db);
}

/** Cuts `text` at the given points (modulo its length): the same text as arbitrary stream chunks. */
export function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let prev = 0;
  for (const p of points) {
    parts.push(text.slice(prev, p));
    prev = p;
  }
  parts.push(text.slice(prev));
  return parts;
}

export async function* fromParts(parts: string[]): AsyncGenerator<string> {
  for (const p of parts) yield p;
}
