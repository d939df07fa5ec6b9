/**
 * Doppel's command line: `npm run --silent cli -- <command> [--json] ...`. It calls the same modules
 * the workers call (models/, src/data, src/import) on an in-memory IndexedDB, so the app and the
 * CLI cannot disagree. With --json a command prints exactly one JSON document on stdout; messages go
 * to stderr. Exit 0 on success, 2 when the input cannot be used (contracts.md §2).
 */
import 'fake-indexeddb/auto';
import { DoppelDb } from '../../src/data/db.ts';
import { storeReport } from '../../src/data/report.ts';
import { loadDemo } from '../../src/import/demo.ts';
import { DEMO_SEED } from '../../models/demo/synthetic-person.ts';
import { InternalError, parseArgs, UsageError, type Parsed } from './args.ts';
import { openAsBlob, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importBlob } from '../../src/import/pipeline.ts';
import { ImportError } from '../../src/import/errors.ts';
import { DataError } from '../../src/data/errors.ts';

interface Command {
  summary: string;
  usage: string;
  run(p: Parsed): Promise<unknown>;
}

const COMMANDS: Record<string, Command> = {
  import: {
    summary: 'Import exports, in order, into a fresh in-memory store through the app\'s pipeline; report what was stored.',
    usage: 'import [--json] FILE...',
    async run(p) {
      if (!p.positional.length) throw new UsageError('import needs at least one FILE');
      const db = new DoppelDb(`cli-${process.pid}-${Date.now()}`);
      try {
        const imports = [];
        for (const path of p.positional) {
          let blob: Blob;
          try {
            if (!statSync(path).isFile()) throw new UsageError(`${path}: not a file`);
            blob = await openAsBlob(path);
          } catch (e) {
            if (e instanceof UsageError) throw e;
            const code = (e as NodeJS.ErrnoException).code;
            throw new UsageError(`${path}: cannot be read (${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message})`);
          }
          try {
            const r = await importBlob(db, blob, basename(path));
            imports.push({ file: r.file, format: r.format, added: r.added, duplicates: r.duplicates, rejected: r.rejected, ignored: r.ignored });
          } catch (e) {
            if (e instanceof ImportError || e instanceof DataError) throw new UsageError(`${path}: ${e.message}`);
            throw new InternalError(`${path}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
        return { imports, ...(await storeReport(db)) };
      } finally {
        await db.delete();
      }
    },
  },
  demo: {
    summary: 'Build the synthetic demo person through the import pipeline and report what was stored.',
    usage: 'demo [--json] [--end-day YYYY-MM-DD] [--offset MINUTES] [--seed N]',
    async run(p) {
      const endDay = p.option('end-day') ?? new Date().toISOString().slice(0, 10);
      const offsetMin = Number(p.option('offset') ?? 0);
      const seed = Number(p.option('seed') ?? DEMO_SEED);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(endDay)) throw new UsageError(`--end-day "${endDay}" is not YYYY-MM-DD`);
      if (!Number.isInteger(offsetMin) || Math.abs(offsetMin) > 14 * 60) throw new UsageError(`--offset ${p.option('offset')} is not whole minutes within ±840`);
      if (!Number.isInteger(seed)) throw new UsageError(`--seed ${p.option('seed')} is not an integer`);
      const db = new DoppelDb(`cli-${process.pid}-${Date.now()}`);
      try {
        const row = await loadDemo(db, { endDay, offsetMin, seed });
        const { id: _id, touched: _t, status: _s, startedAt: _a, finishedAt: _f, ...imp } = row;
        return { imports: [{ file: imp.fileName, format: imp.format, added: imp.added, duplicates: imp.duplicates, rejected: imp.rejected, ignored: imp.ignored }], ...(await storeReport(db)) };
      } finally {
        await db.delete();
      }
    },
  },
};

function help(): string {
  const lines = ['Usage: npm run --silent cli -- <command> [options]', '', 'Commands:'];
  for (const c of Object.values(COMMANDS)) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  lines.push('  help', '      Show this text.');
  return lines.join('\n');
}

function printHuman(x: unknown): void {
  console.log(JSON.stringify(x, null, 2));
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help());
    return 0;
  }
  const json = rest.includes('--json');
  const fail = (msg: string): number => {
    console.error(`doppel: ${msg}`);
    if (json) console.log(JSON.stringify({ error: msg }));
    return 2;
  };
  const cmd = COMMANDS[name];
  if (!cmd) return fail(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}, help)`);
  try {
    const out = await cmd.run(parseArgs(rest));
    if (json) console.log(JSON.stringify(out));
    else printHuman(out);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    // A bug, not bad input: still one JSON document and a one-line reason, but exit 1.
    const msg = `internal error: ${e instanceof Error ? e.message : String(e)}`;
    console.error(`doppel: ${msg}`);
    if (e instanceof Error && e.stack) console.error(e.stack);
    if (json) console.log(JSON.stringify({ error: msg }));
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
