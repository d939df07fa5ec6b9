/**
 * Doppel's command line: `npm run --silent cli -- <command> [--json] ...`. It calls the same modules
 * the workers call (models/, src/data, src/import) on an in-memory IndexedDB, so the app and the
 * CLI cannot disagree. With --json a command prints exactly one JSON document on stdout; messages go
 * to stderr. Exit 0 on success, 2 when the input cannot be used (docs/cli.md), 1 on a bug or a
 * failed validation.
 */
import { parseArgs, UsageError } from './args.ts';
import { isWithStatus } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { exitWhenFlushed } from './output.ts';

function help(): string {
  const lines = ['Usage: npm run --silent cli -- <command> [options]', '', 'Commands:'];
  for (const c of Object.values(COMMANDS)) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  lines.push('  help', '      Show this text. `<command> --help` shows more about one command.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help());
    return 0;
  }
  const json = rest.includes('--json');
  // docs/cli.md: an unusable input gets a one-line reason on stderr and {"error"} on stdout.
  const fail = (msg: string): number => {
    console.error(`doppel: ${msg}`);
    console.log(JSON.stringify({ error: msg }));
    return 2;
  };
  const cmd = COMMANDS[name];
  if (!cmd) return fail(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}, help)`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage: npm run --silent cli -- ${cmd.usage}\n\n${cmd.summary}${cmd.help ? `\n\n${cmd.help}` : ''}`);
    return 0;
  }
  try {
    const run = await cmd.load();
    const result = await run(parseArgs(rest));
    const [out, code, human] = isWithStatus(result) ? [result.out, result.exitCode, result.human] : [result, 0, undefined];
    if (json) console.log(JSON.stringify(out));
    else console.log(human ?? JSON.stringify(out, null, 2));
    return code;
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    // A bug, not bad input: still one JSON document and a one-line reason, but exit 1.
    const msg = `internal error: ${e instanceof Error ? e.message : String(e)}`;
    console.error(`doppel: ${msg}`);
    if (e instanceof Error && e.stack) console.error(e.stack);
    console.log(JSON.stringify({ error: msg }));
    return 1;
  }
}

// Never process.exit() directly: output still on its way down a pipe would be lost (output.ts).
main(process.argv.slice(2)).then(exitWhenFlushed, (e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return exitWhenFlushed(1);
});
