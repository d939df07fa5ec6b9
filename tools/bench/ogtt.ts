/**
 * `npx tsx tools/bench/ogtt.ts [members] [runs]`: the post-load glucose kernel (models/physiology/dallaman.ts)
 * on an ensemble of different members (fasting glucose 80-180 mg/dL, insulin 30-200 pmol/L, Vmx and
 * β/K × 0.5-1.5), each through one 120-minute 75 g OGTT, RK4 at 0.5 min; median and range of `runs`
 * timed runs after 3 warm-ups, wall clock and the process's CPU time. Default 1000 members, 15 runs. Also the basal solve alone.
 */
import os from 'node:os';
import { dallaManSubject } from '../../models/physiology/dallaman-basal.ts';
import { DALLA_MAN_NORMAL, PAPER_VARIANT } from '../../models/physiology/dallaman-parameters.ts';
import { simulateEnsemble } from '../../models/physiology/dallaman.ts';

const members = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 15);
const spread = (i: number, k: number): number => ((i * 7919 + k * 104729) % 1000) / 1000; // deterministic 0..1

const subjects = (): ReturnType<typeof dallaManSubject>[] =>
  Array.from({ length: members }, (_, i) => {
    const s = 0.5 + spread(i, 3);
    const p = {
      ...DALLA_MAN_NORMAL,
      Vmx: DALLA_MAN_NORMAL.Vmx * (0.5 + spread(i, 2)),
      beta: DALLA_MAN_NORMAL.beta * s,
      K: DALLA_MAN_NORMAL.K * s,
    };
    const fasting = {
      fastingGlucoseMgDl: 80 + 100 * spread(i, 0),
      fastingInsulinPmolL: 30 + 170 * spread(i, 1),
      bodyWeightKg: 80,
      doseG: 75,
    };
    return dallaManSubject(p, fasting, PAPER_VARIANT);
  });

/** Wall-clock and CPU milliseconds of each timed run, each sorted. CPU time counts only this process's own work (a shared machine's waits excluded). */
function time(f: () => void): { wall: number[]; cpu: number[] } {
  for (let w = 0; w < 3; w++) f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const sort = (a: number[]): number[] => a.sort((x, y) => x - y);
  return { wall: sort(wall), cpu: sort(cpu) };
}
const range = (t: number[]): string => `${t[t.length >> 1]!.toFixed(1)} ms (${t[0]!.toFixed(1)}-${t[t.length - 1]!.toFixed(1)})`;
const show = (name: string, t: { wall: number[]; cpu: number[] }): void =>
  console.log(`${name}: wall median ${range(t.wall)}; CPU median ${range(t.cpu)}`);

const subs = subjects();
let g120 = 0;
show(
  `basal solve, ${members} members`,
  time(() => void subjects()),
);
show(
  `OGTT, ${members} members x 120 min, RK4 at 0.5 min`,
  time(() => {
    const c = simulateEnsemble(subs, 120);
    g120 = c.glucoseMgDl[c.points - 1]!;
  }),
);
console.log(
  `(member 0's 2-h glucose ${g120.toFixed(1)} mg/dL; Node ${process.version}, ${os.cpus()[0]?.model ?? '?'} x ${os.cpus().length})`,
);
