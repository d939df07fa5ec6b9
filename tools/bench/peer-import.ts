/**
 * `npm run bench:peer -- --peer DIR [--mb 100] [--runs 3] [--python /usr/bin/python3]`: Doppel's
 * `cli import` against healthkit-to-sqlite (dogsheep, Apache-2.0; a Python tool that streams an Apple
 * Health export.xml into SQLite through sqlite-utils), side by side on the same generated export
 * (tools/gen/apple-health.ts, made under .bench-out/ if missing). Wall time and peak RSS of each
 * run, from GNU time (`apt-get install -y time`) when /usr/bin/time exists, else from polling
 * /proc (Linux). Prints a markdown table for docs/benchmarks.md.
 *
 * The peer is not part of this repository: DIR is a checkout of it (or set HEALTHKIT_TO_SQLITE_DIR),
 * and python3 needs sqlite_utils and click (Debian: `apt-get install -y sqlite-utils`). Without them
 * this prints how to get them and exits 0 with no result.
 *
 * Each tool is run as its README says to: `npm run --silent cli -- import --json FILE` (Doppel's
 * report to stdout, kept to count what it stored) and `healthkit-to-sqlite FILE DB --xml --silent`.
 * The peer runs twice: with its database on the disk the export is on (its normal use: sqlite-utils
 * commits every batch of 50 rows, so fsync sets the pace), and on /dev/shm (tmpfs, where a commit
 * costs no disk wait: its own CPU cost). Doppel's CLI keeps its store in memory (fake-indexeddb)
 * and writes nothing to disk.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';

interface Run {
  wallS: number;
  peakRssMb: number;
  cpuS: number;
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const peerDir = arg('peer') ?? process.env.HEALTHKIT_TO_SQLITE_DIR;
const mb = Number(arg('mb') ?? 100);
const runs = Number(arg('runs') ?? 3);
const python = arg('python') ?? process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function howToGetThePeer(why: string): never {
  console.log(`No comparison run: ${why}.

To compare with healthkit-to-sqlite (https://github.com/dogsheep/healthkit-to-sqlite, Apache-2.0):
  1. a checkout of it anywhere, e.g. git clone https://github.com/dogsheep/healthkit-to-sqlite /tmp/healthkit-to-sqlite
  2. its dependency: sudo apt-get install -y sqlite-utils   (or pip install sqlite-utils click)
  3. optional, for peak RSS from GNU time: sudo apt-get install -y time
  4. npm run bench:peer -- --peer /tmp/healthkit-to-sqlite`);
  process.exit(0);
}

if (!peerDir) howToGetThePeer('no checkout of healthkit-to-sqlite given (--peer DIR or HEALTHKIT_TO_SQLITE_DIR)');
if (!existsSync(join(peerDir, 'healthkit_to_sqlite/cli.py'))) howToGetThePeer(`${peerDir} has no healthkit_to_sqlite/cli.py`);
const deps = spawnSync(python, ['-c', 'import sqlite_utils, click'], { encoding: 'utf8' });
if (deps.status !== 0) howToGetThePeer(`${python} cannot import sqlite_utils and click (${(deps.stderr || String(deps.error)).trim()})`);

/** Peak RSS of a process tree by polling /proc every 20 ms (used when GNU time is missing). */
function pollRss(rootPid: number): () => number {
  let peakKb = 0;
  const tree = (pid: number): number[] => {
    let kids: number[] = [];
    try {
      kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      /* gone */
    }
    return [pid, ...kids.flatMap(tree)];
  };
  const id = setInterval(() => {
    for (const pid of tree(rootPid)) {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* gone */
      }
    }
  }, 20);
  return () => (clearInterval(id), peakKb / 1024);
}

/** Runs a command to completion; stdout to `stdoutFile` when given. */
async function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run & { stdout: string }> {
  const timeFile = join(scratch, 'time.txt');
  const [c, a] = GNU_TIME ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const child = spawn(c, a, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const stopPoll = GNU_TIME ? undefined : pollRss(child.pid!);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  const wallS = (performance.now() - t0) / 1000;
  const polled = stopPoll?.();
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${code}`);
  if (!GNU_TIME) return { wallS, peakRssMb: polled!, cpuS: NaN, stdout };
  const [kb, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
  return { wallS, peakRssMb: kb / 1024, cpuS: user + sys, stdout };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

// The export, the same bytes for both tools.
const file = resolve(`.bench-out/export-${mb}mb.xml`);
if (!existsSync(file) || Math.abs(statSync(file).size - mb * 1e6) > mb * 1e4) {
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/gen/apple-health.ts', '--mb', String(mb), '--out', file], { stdio: 'inherit' });
}
const scratch = mkdtempSync(join(resolve('.bench-out'), 'peer-'));
const shm = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/doppel-peer-') : undefined;

/** Rows per table in the peer's database, and their total. */
function peerRows(db: string): number {
  const py = `import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nprint(sum(c.execute(f'select count(*) from [{n}]').fetchone()[0] for (n,) in c.execute("select name from sqlite_master where type='table'")))`;
  return Number(execFileSync(python, ['-c', py, db], { encoding: 'utf8' }).trim());
}

interface Row {
  tool: string;
  runs: Run[];
  stored: string;
}
const rows: Row[] = [];

// Doppel, built once first so no run includes the bundle's rebuild (tools/build/cli.mjs).
execFileSync('npm', ['run', '--silent', 'cli', '--', 'help'], { stdio: 'ignore' });
{
  const rs: Run[] = [];
  let stored = '';
  for (let i = 0; i < runs; i++) {
    const r = await measure('npm', ['run', '--silent', 'cli', '--', 'import', '--json', file]);
    const report = JSON.parse(r.stdout) as { imports: { added: number; duplicates: number }[] };
    stored = `${report.imports[0]!.added.toLocaleString('en')} samples (+ ${report.imports[0]!.duplicates.toLocaleString('en')} duplicates recognised)`;
    rs.push(r);
  }
  rows.push({ tool: 'Doppel `npm run --silent cli -- import --json` (in-memory store)', runs: rs, stored });
}

const peerEnv = { PYTHONPATH: resolve(peerDir) };
const peerArgs = (db: string): string[] => [
  '-c',
  'import sys; from healthkit_to_sqlite.cli import cli; sys.argv[0] = "healthkit-to-sqlite"; cli()',
  file,
  db,
  '--xml',
  '--silent',
];
for (const [where, dir] of [
  ['database on disk', scratch],
  ['database on /dev/shm (tmpfs)', shm],
] as const) {
  if (!dir) continue;
  const rs: Run[] = [];
  let stored = '';
  for (let i = 0; i < runs; i++) {
    const db = join(dir, 'healthkit.db');
    rmSync(db, { force: true });
    rs.push(await measure(python, peerArgs(db), peerEnv));
    stored = `${peerRows(db).toLocaleString('en')} rows`;
    rmSync(db, { force: true });
  }
  rows.push({ tool: `healthkit-to-sqlite \`FILE DB --xml --silent\`, ${where}`, runs: rs, stored });
}
rmSync(scratch, { recursive: true, force: true });
if (shm) rmSync(shm, { recursive: true, force: true });

const ours = median(rows[0]!.runs.map((r) => r.wallS));
const commit = spawnSync('git', ['-C', peerDir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim();
const pyVersion = spawnSync(python, ['-c', 'import sqlite_utils.db, sqlite3, sys; print(sys.version.split()[0], sqlite3.sqlite_version)'], {
  encoding: 'utf8',
}).stdout.trim();
console.log(
  `${(statSync(file).size / 1e6).toFixed(1)} MB export (${file}), ${runs} run(s) each; Node ${process.version}; Python/SQLite ${pyVersion}; peer ${commit || peerDir}; ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${os.loadavg()[0]!.toFixed(2)}; ${new Date().toISOString()}; peak RSS from ${GNU_TIME ? 'GNU time' : '/proc polling'}\n`,
);
console.log(
  [
    '| tool | median wall s (runs) | CPU s (user + sys) | peak RSS MB | stored | Doppel is faster by |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const wall = median(r.runs.map((x) => x.wallS));
      return `| ${r.tool} | ${wall.toFixed(2)} (${r.runs.map((x) => x.wallS.toFixed(1)).join(', ')}) | ${median(r.runs.map((x) => x.cpuS)).toFixed(2)} | ${Math.max(...r.runs.map((x) => x.peakRssMb)).toFixed(0)} | ${r.stored} | ${r === rows[0] ? '' : `${(wall / ours).toFixed(1)}×`} |`;
    }),
  ].join('\n'),
);
