/**
 * The demo twin's person: synthetic, seeded and deterministic. Given the same seed, end day and UTC
 * offset it yields the same samples bit for bit. No real person's data is used.
 *
 * Alex is 52, male, 178 cm, slowly gaining weight (about 92 → 95 kg over two years, ±0.8 kg by season) with a prediabetic
 * glucose profile (fasting glucose ~104 → ~112 mg/dL, HbA1c ~5.8 → ~6.1 %): ADA prediabetes ranges
 * (American Diabetes Association, Standards of Care 2024, §2). The CGM trace uses a gamma-shaped meal
 * response peaking 45-60 min after a meal with a slow return, plus a dawn rise: the pattern described
 * for prediabetes by Hall et al., "Glucotypes reveal new patterns of glucose dysregulation",
 * PLoS Biol 2018;16:e2005143. Magnitudes are illustrative, not fitted.
 */
import type { MetricId } from '../metrics.ts';
import { BatchBuilder, FLAG_CENSORED, FLAG_FASTING, type SampleBatch } from '../samples.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../util/time.ts';
import { keyedStreams, type Rng } from '../util/random.ts';

export interface DemoOptions {
  seed?: number;
  /** The last local day of data, YYYY-MM-DD (the app passes today so the twin looks alive). */
  endDay: string;
  /** UTC offset the samples are recorded with, minutes east of UTC. */
  offsetMin: number;
  /** Days of daily data (default 730). */
  days?: number;
  /** Days of 5-minute CGM at the end (default 14). */
  cgmDays?: number;
  /**
   * CGM readings after this instant (epoch ms) are left out: the app passes the time of loading, as
   * a sensor has not read the rest of today yet. The random draws are the same either way.
   */
  untilMs?: number;
}

export interface DemoSource {
  name: string;
  model: string;
}

export interface DemoPerson {
  profile: {
    birthDate: string;
    sex: 'male';
    heightCm: number;
    ethnicity: 'white';
    smoking: 'ex';
    familyHistoryDiabetes: 'first_degree';
  };
  sources: DemoSource[];
  batches: SampleBatch[];
}

export const DEMO_SEED = 20261121;

const SRC = { watch: 0, scale: 1, lab: 2, cgm: 3, cuff: 4 } as const;
const SOURCES: DemoSource[] = [
  { name: "Alex's Apple Watch", model: 'Watch' },
  { name: 'Withings Body+', model: 'WBS05' },
  { name: 'Demo Clinic Laboratory', model: '' },
  { name: 'Dexcom G7', model: 'G7' },
  { name: 'Omron X7', model: 'BP7450' },
];

export function generateDemoPerson(opts: DemoOptions): DemoPerson {
  // One random stream per kind of data (models/util/random.ts), so that a draw added for one never
  // shifts another's values.
  const streams = keyedStreams(opts.seed ?? DEMO_SEED);
  const activity = streams('demo.activity');
  const heart = streams('demo.heart');
  const sleep = streams('demo.sleep');
  const scale = streams('demo.weight');
  const cuff = streams('demo.bloodPressure');
  const labs = streams('demo.labs');
  const days = opts.days ?? 730;
  const cgmDays = opts.cgmDays ?? 14;
  const off = opts.offsetMin;
  const endMidnightUtc = Date.parse(`${opts.endDay}T00:00:00Z`);
  if (Number.isNaN(endMidnightUtc)) throw new RangeError(`endDay "${opts.endDay}" is not YYYY-MM-DD`);
  /** Epoch ms of local time `hours` on day index d (0 = first day). */
  const at = (d: number, hours: number): number => endMidnightUtc - (days - 1 - d) * DAY_MS + hours * HOUR_MS - off * MINUTE_MS;

  const b = new Map<MetricId, BatchBuilder>();
  const push = (m: MetricId, s: number, e: number, v: number, src: number, flags = 0): void => {
    let bb = b.get(m);
    if (!bb) b.set(m, (bb = new BatchBuilder(m, 1024)));
    bb.push(s, e, v, off, src, flags);
  };

  // Slow drifts over the two years, fraction f in [0, 1].
  const weightAt = (f: number, d: number): number => 92 + 3 * f + 0.8 * Math.sin((2 * Math.PI * (d - 330)) / 365);
  const fpgAt = (f: number): number => 104 + 8 * f;
  const a1cAt = (f: number): number => 5.8 + 0.3 * f;

  let stepsAr = 0;
  let rhrAr = 0;
  for (let d = 0; d < days; d++) {
    const f = d / Math.max(1, days - 1);
    const dow = new Date(at(d, 12)).getUTCDay(); // approximate local weekday
    const weekend = dow === 0 || dow === 6;
    const season = Math.cos((2 * Math.PI * (d - 200)) / 365); // more walking in summer
    stepsAr = 0.6 * stepsAr + activity.normal() * 1400;
    const steps = Math.max(600, Math.round(7600 - 1000 * f + 900 * season + (weekend ? -1200 : 300) + stepsAr));
    push('steps', at(d, 0), at(d, 24), steps, SRC.watch);
    const exMin = Math.max(0, Math.round(steps / 450 - 6 + activity.normal() * 6));
    push('exercise_minutes', at(d, 0), at(d, 24), exMin, SRC.watch);

    rhrAr = 0.8 * rhrAr + heart.normal() * 1.3;
    // A cold over the last 4 days: resting heart rate 8 bpm up (the personal baselines flag it).
    const cold = d >= days - 4 ? 8 : 0;
    push('resting_heart_rate', at(d, 6.5), at(d, 6.5), Math.round(64 + 3 * f - 1.5 * season + rhrAr + cold), SRC.watch);

    const bed = 23 + sleep.normal() * 0.6 + (weekend ? 0.7 : 0);
    const asleepMin = Math.round(Math.min(560, Math.max(240, 410 - 15 * f + sleep.normal() * 35 + (weekend ? 30 : 0))));
    // The night that ends on the morning of day d (bed the evening before): the last night ends this
    // morning, never tomorrow (the last evening's night had ended more than a day ahead of a clock just
    // past midnight, and the import's plausibility rule refused the whole demo).
    push('sleep', at(d, bed - 24), at(d, bed - 24) + asleepMin * MINUTE_MS, asleepMin, SRC.watch);

    if (dow === 1 || scale.next() < 0.08) {
      const w = weightAt(f, d) + scale.normal() * 0.35;
      push('body_weight', at(d, 7.1), at(d, 7.1), round(w, 1), SRC.scale);
    }
    if (d % 30 === 3) {
      const t = at(d, 8 + cuff.next());
      push('systolic_bp', t, t, Math.round(128 + 6 * f + cuff.normal() * 5), SRC.cuff);
      push('diastolic_bp', t, t, Math.round(82 + 3 * f + cuff.normal() * 3), SRC.cuff);
    }
    if (d % 91 === 10) {
      const t = at(d, 8.5);
      push('blood_glucose', t, t, Math.round(fpgAt(f) + labs.normal() * 3), SRC.lab, FLAG_FASTING);
      push('hba1c', t, t, round(a1cAt(f) + labs.normal() * 0.05, 1), SRC.lab);
      push('total_cholesterol', t, t, Math.round(212 + labs.normal() * 8), SRC.lab);
      push('hdl_cholesterol', t, t, Math.round(43 + labs.normal() * 2), SRC.lab);
      push('ldl_cholesterol', t, t, Math.round(133 + labs.normal() * 7), SRC.lab);
      push('triglycerides', t, t, Math.round(170 + 15 * f + labs.normal() * 15), SRC.lab);
    }
  }
  const until = opts.untilMs ?? Infinity;
  generateCgm(streams('demo.meals'), streams('demo.cgm'), days - cgmDays, days, at, fpgAt(1), (s, v, flags) => {
    if (s <= until) push('cgm_glucose', s, s, v, SRC.cgm, flags);
  });

  return {
    profile: {
      birthDate: shiftYears(opts.endDay, -52, -97),
      sex: 'male',
      heightCm: 178,
      ethnicity: 'white',
      smoking: 'ex',
      familyHistoryDiabetes: 'first_degree',
    },
    sources: SOURCES,
    batches: [...b.values()].map((x) => x.build()),
  };
}

/** 5-minute CGM over days [d0, d1): basal + dawn rise + meal responses (from `mealRng`) + AR(1) physiology and sensor noise (from `rng`). */
function generateCgm(
  mealRng: Rng,
  rng: Rng,
  d0: number,
  d1: number,
  at: (d: number, h: number) => number,
  fastingMgDl: number,
  emit: (startMs: number, mgDl: number, flags: number) => void,
): void {
  interface Meal {
    t: number;
    peakMgDl: number;
  }
  const meals: Meal[] = [];
  for (let d = d0 - 1; d < d1; d++) {
    const r = mealRng;
    const late = r.next() < 0.25;
    meals.push({ t: at(d, 7.4 + r.normal() * 0.4), peakMgDl: 45 + r.normal() * 10 });
    meals.push({ t: at(d, 12.6 + r.normal() * 0.5), peakMgDl: 60 + r.normal() * 15 });
    meals.push({ t: at(d, (late ? 20.8 : 19) + r.normal() * 0.4), peakMgDl: (late ? 85 : 70) + r.normal() * 15 });
    if (r.next() < 0.4) meals.push({ t: at(d, 16 + r.normal()), peakMgDl: 25 + r.normal() * 6 });
  }
  const tauMin = 50; // minutes to peak: slower than the ~30-45 min of normoglycaemia
  let ar = 0;
  const t0 = at(d0, 0) + 2 * MINUTE_MS;
  const t1 = at(d1, 0);
  for (let t = t0; t < t1; t += 5 * MINUTE_MS) {
    const hourOfDay = ((((t - at(0, 0)) / HOUR_MS) % 24) + 24) % 24;
    const dawn = 9 * Math.exp(-(((hourOfDay - 6) / 1.6) ** 2));
    let meal = 0;
    for (const m of meals) {
      const dtMin = (t - m.t) / MINUTE_MS;
      if (dtMin <= 0 || dtMin > 360) continue;
      const x = dtMin / tauMin;
      meal += Math.max(0, m.peakMgDl) * x * Math.exp(1 - x);
    }
    ar = 0.9 * ar + rng.normal() * 2.2;
    let v = Math.round(fastingMgDl - 6 + dawn + meal + ar + rng.normal() * 2.5);
    let flags = 0;
    if (v < 40) {
      v = 40;
      flags = FLAG_CENSORED;
    }
    if (v > 400) {
      v = 400;
      flags = FLAG_CENSORED;
    }
    emit(t, v, flags);
  }
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

function shiftYears(day: string, years: number, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return new Date(d.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}
