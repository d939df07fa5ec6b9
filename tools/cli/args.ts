import { printable } from '../../models/util/text.ts';

/**
 * The CLI's input could not be used: exit 2 with this message. It may quote the input (a JSON
 * parser's excerpt of a file that is no JSON), so it is kept printable and short.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(message: string) {
    const p = printable(message);
    super(p.length > 500 ? `${p.slice(0, 499)}…` : p);
  }
}

/** Something went wrong that is not the input's fault: exit 1. */
export class InternalError extends Error {
  override name = 'InternalError';
}

export interface Parsed {
  positional: string[];
  flags: Set<string>;
  option(name: string): string | undefined;
}

const VALUE_OPTIONS = new Set(['end-day', 'offset', 'seed', 'scenario', 'years', 'members', 'save-backup', 'passphrase-file']);

/** `--name value` for options that take a value, `--flag` otherwise, the rest positional. */
export function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (VALUE_OPTIONS.has(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, v);
    } else flags.add(name);
  }
  return { positional, flags, option: (n) => options.get(n) };
}
