/**
 * A synthetic CGM trace for tests and benchmarks of the glucose forecaster (issue 8): meals with a
 * gamma-shaped response peaking 45-60 min after eating, a dawn rise, slow physiological drift (an
 * AR(1) process), sensor noise, and sensor gaps (warm-up after a sensor change every 10 days,
 * signal loss of 15 min to 2 h about once a day). Deterministic for a seed. Its magnitudes are
 * illustrative (Hall et al., "Glucotypes", PLoS Biol 2018 for the meal shape); evaluation on it is
 * not clinical validation.
 */
import { createRng } from '../../models/util/random.ts';

export interface CgmOptions {
  days: number;
  /** First reading, epoch ms (UTC). */
  startMs: number;
  /** Local offset, minutes east of UTC. */
  offsetMin?: number;
  intervalMin?: number;
  /** Usual fasting level, mg/dL. */
  fastingMgDl?: number;
  seed?: number;
  /** Carbohydrate records of the meals (time and grams), as some exports carry. */
  withCarbs?: boolean;
}

export interface CgmTrace {
  startMs: number[];
  valueMgDl: number[];
  offsetMin: number[];
  carbs: { startMs: number; grams: number }[];
}

export function generateCgm(o: CgmOptions): CgmTrace {
  const rng = createRng(o.seed ?? 1);
  const step = (o.intervalMin ?? 5) * 60_000;
  const off = o.offsetMin ?? 0;
  const fasting = o.fastingMgDl ?? 100;
  const localMs = (t: number): number => t + off * 60_000;
  const dayStart = Math.floor(localMs(o.startMs) / 86_400_000) * 86_400_000 - off * 60_000;
  const meals: { t: number; grams: number }[] = [];
  for (let d = -1; d <= o.days; d++) {
    const at = (h: number): number => dayStart + d * 86_400_000 + h * 3_600_000;
    meals.push({ t: at(7.5 + rng.normal() * 0.5), grams: 40 + rng.normal() * 10 });
    meals.push({ t: at(12.7 + rng.normal() * 0.6), grams: 60 + rng.normal() * 15 });
    meals.push({ t: at(19.2 + rng.normal() * 0.7), grams: 70 + rng.normal() * 20 });
    if (rng.next() < 0.4) meals.push({ t: at(16 + rng.normal()), grams: 20 + rng.normal() * 5 });
  }
  // Gaps: 2 h of warm-up at each sensor change (every 10 days), and one loss of signal a day.
  const gaps: [number, number][] = [];
  for (let d = 0; d < o.days; d++) {
    if (d % 10 === 0 && d > 0) gaps.push([dayStart + d * 86_400_000 + 9 * 3_600_000, dayStart + d * 86_400_000 + 11 * 3_600_000]);
    if (rng.next() < 0.9) {
      const s = dayStart + d * 86_400_000 + rng.next() * 86_400_000;
      gaps.push([s, s + (15 + rng.next() * 105) * 60_000]);
    }
  }
  const out: CgmTrace = { startMs: [], valueMgDl: [], offsetMin: [], carbs: [] };
  const end = o.startMs + o.days * 86_400_000;
  let drift = 0;
  for (let t = o.startMs; t < end; t += step) {
    drift = 0.97 * drift + rng.normal() * 1.5;
    if (gaps.some(([a, b]) => t >= a && t < b)) continue;
    const hour = (((localMs(t) % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000;
    const dawn = 10 * Math.exp(-(((hour - 6) / 1.5) ** 2));
    let meal = 0;
    for (const m of meals) {
      const dt = (t - m.t) / 60_000;
      if (dt <= 0 || dt > 360) continue;
      const x = dt / 50;
      meal += Math.max(0, m.grams) * 0.9 * x * Math.exp(1 - x);
    }
    const v = Math.round(fasting - 8 + dawn + meal + drift + rng.normal() * 3);
    out.startMs.push(t);
    out.valueMgDl.push(Math.min(400, Math.max(40, v)));
    out.offsetMin.push(off);
  }
  if (o.withCarbs)
    out.carbs = meals
      .filter((m) => m.t >= o.startMs && m.t < end)
      .map((m) => ({ startMs: Math.round(m.t), grams: Math.round(Math.max(5, m.grams)) }));
  return out;
}
