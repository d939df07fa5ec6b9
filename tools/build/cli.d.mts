export const ROOT: string;
export const ENTRY: string;
export const DEFAULT_OUTFILE: string;
/** Why the bundle at `outfile` must be (re)built, or null when it is up to date. */
export function staleReason(outfile?: string, esbuildVersion?: string): string | null;
/** Bundles the CLI into `outfile`; returns its size in bytes. */
export function buildCli(outfile?: string): Promise<number>;
/** The bundle's path, after rebuilding it when it is missing or stale. */
export function ensureCli(outfile?: string): Promise<string>;
