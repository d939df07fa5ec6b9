import type { Parsed } from './args.ts';

export interface Command {
  summary: string;
  usage: string;
  /** Longer help for `<command> --help`. */
  help?: string;
  /** The JSON document to print, and the exit status (default 0). */
  run(p: Parsed): Promise<unknown | { exitCode: number; out: unknown; human?: string }>;
}

/** A command result with an exit status other than 0 and an optional human-readable rendering. */
export interface WithStatus {
  exitCode: number;
  out: unknown;
  human?: string;
}

export function withStatus(exitCode: number, out: unknown, human?: string): WithStatus {
  return { exitCode, out, human, [STATUS]: true } as WithStatus;
}
export const STATUS = Symbol('status');
export function isWithStatus(x: unknown): x is WithStatus {
  return typeof x === 'object' && x !== null && STATUS in x;
}
