/** Peak memory of the Chromium renderers a benchmark started, read from Linux's /proc. */
import { readdirSync, readFileSync } from 'node:fs';

/** Peak resident MB (VmHWM) of the Chromium renderer processes started by this process. */
export function rendererPeakMb(): number {
  const parent = new Map<string, string>();
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      parent.set(p, readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]!);
    } catch {
      /* gone */
    }
  }
  const mine = (p: string): boolean => {
    for (let q: string | undefined = p; q && q !== '0'; q = parent.get(q)) if (q === String(process.pid)) return true;
    return false;
  };
  let peak = 0;
  for (const p of parent.keys()) {
    try {
      if (!mine(p) || !readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      /* gone */
    }
  }
  return peak;
}
