import type { Parsed } from './args.ts';

/** What a command returns: the JSON document to print, or one with its exit status (withStatus). */
export type CommandResult = unknown;

/** A command as `help` sees it; its module is loaded only to run it (commands/index.ts). */
export interface CommandInfo {
  summary: string;
  usage: string;
  /** Longer help for `<command> --help`. */
  help?: string;
  load(): Promise<(p: Parsed) => Promise<CommandResult>>;
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
