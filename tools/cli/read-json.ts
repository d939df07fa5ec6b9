import { readFileSync } from 'node:fs';
import { UsageError } from './args.ts';

/** Reads a UTF-8 text file; an unreadable one is a usage error naming the path. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)})`);
  }
}

/** Reads and parses a JSON file; an unreadable or invalid file is a usage error naming the path. */
export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

/** A whole-number option within [lo, hi], or the default. */
export function intOption(value: string | undefined, name: string, lo: number, hi: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < lo || n > hi)
    throw new UsageError(`--${name} must be a whole number from ${lo} to ${hi} (got "${value}")`);
  return n;
}
