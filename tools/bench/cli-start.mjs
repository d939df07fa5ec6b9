#!/usr/bin/env node
// `npm run bench:cli [-- RUNS]`: wall time of `cli help` (start-up and nothing else), median of RUNS
// (default 10) runs of each way to start it (`--before OLD.mjs`: an earlier commit's bundle beside them). "cold" deletes the bundle before every run, so the
// run includes esbuild rebuilding it (a fresh clone, or the first run after editing a source).
// CPU time (user + sys, the process and its children, from GNU time when /usr/bin/time exists) is
// shown beside wall time: on a busy machine it moves much less. Prints a markdown table.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { DEFAULT_OUTFILE, ensureCli } from '../build/cli.mjs';

// `-- RUNS --before OLD.mjs` adds a bundle built from an earlier commit, run side by side.
const argv = process.argv.slice(2);
const beforeAt = argv.indexOf('--before');
const before = beforeAt >= 0 ? argv.splice(beforeAt, 2)[1] : undefined;
const runs = Number(argv[0] ?? 10);
const node = process.execPath;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const dropBundle = () => rmSync(DEFAULT_OUTFILE.replace(/\.mjs$/, '') + '.inputs.json', { force: true });

// npm's own start-up, for scale: `npm run` of a package whose script is `node -e 0`.
const noopPackage = mkdtempSync(join(os.tmpdir(), 'doppel-npm-noop-'));
writeFileSync(join(noopPackage, 'package.json'), JSON.stringify({ name: 'noop', version: '1.0.0', scripts: { noop: 'node -e 0' } }));

const cases = [
  { name: 'npm run --silent cli -- help (bundle up to date)', cmd: npm, args: ['run', '--silent', 'cli', '--', 'help'] },
  {
    name: 'npm run --silent cli -- help (cold: bundle rebuilt first)',
    cmd: npm,
    args: ['run', '--silent', 'cli', '--', 'help'],
    before: dropBundle,
  },
  { name: 'node tools/cli/launch.mjs help (what the npm script runs)', cmd: node, args: ['tools/cli/launch.mjs', 'help'] },
  { name: 'node dist-cli/doppel.mjs help (the bundle alone)', cmd: node, args: ['dist-cli/doppel.mjs', 'help'] },
  ...(before ? [{ name: `node ${before} help (an earlier bundle)`, cmd: node, args: [before, 'help'] }] : []),
  { name: 'node -e 0 (Node itself, for scale)', cmd: node, args: ['-e', '0'] },
  {
    name: 'npm run --silent noop, whose script is node -e 0 (npm itself, for scale)',
    cmd: npm,
    args: ['run', '--silent', 'noop'],
    cwd: noopPackage,
  },
  { name: 'node --import tsx tools/cli/main.ts help (before: tsx)', cmd: node, args: ['--import', 'tsx', 'tools/cli/main.ts', 'help'] },
];

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const timeOut = join(mkdtempSync(join(os.tmpdir(), 'doppel-cli-start-')), 'time');

/** Runs a command; returns its wall ms, CPU ms (NaN without GNU time) and result. */
function timed(cmd, args, cwd) {
  const [c, a] = gnuTime ? [gnuTime, ['-f', '%U %S', '-o', timeOut, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const r = spawnSync(c, a, { encoding: 'utf8', cwd });
  const wall = performance.now() - t0;
  const cpu = gnuTime ? readFileSync(timeOut, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN];
  return { wall, cpu: (cpu[0] + cpu[1]) * 1000, r };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

await ensureCli();
const rows = [];
for (const c of cases) {
  const ms = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    c.before?.();
    const { wall, cpu: cpuMs, r } = timed(c.cmd, c.args, c.cwd);
    ms.push(wall);
    cpu.push(cpuMs);
    if (r.status !== 0 || (c.args.includes('help') && !r.stdout.includes('Usage:'))) {
      console.error(`${c.name}: exit ${r.status}\n${r.stderr}`);
      process.exit(1);
    }
  }
  rows.push(
    `| ${c.name} | ${runs} | ${median(ms).toFixed(0)} | ${Math.min(...ms).toFixed(0)} | ${Math.max(...ms).toFixed(0)} | ${median(cpu).toFixed(0)} |`,
  );
}
await ensureCli();
console.log(
  `Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load average ${os.loadavg()[0].toFixed(2)}, ${new Date().toISOString()}\n`,
);
console.log(
  ['| `cli help`, started as | runs | median ms | min ms | max ms | median CPU ms |', '|---|---|---|---|---|---|', ...rows].join('\n'),
);
