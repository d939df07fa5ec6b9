/**
 * Calibration stage 5, a floor on the spread of the forecast weight. A person's own weights pin down
 * the energy balance they have had: ten years of daily weights at one value leave every member with
 * almost no drift, and the ten-year weight range read "96 to 96 kg". But people's weight keeps
 * changing with habits the twin does not model, so the forecast's weight range is never narrower
 * than the change published cohorts show over the same years.
 *
 * Source: Mozaffarian et al., "Changes in diet and lifestyle and long-term weight gain in women and
 * men", N Engl J Med 2011;364:2392-2404: 120,877 US adults of three cohorts (Nurses' Health Study,
 * NHS II, Health Professionals Follow-up Study), free of chronic disease and not obese at baseline,
 * weights reported every 4 years: within each 4-year period the 5th to 95th percentile of weight
 * change was −4.1 to 12.4 lb, a width of 16.5 lb = 7.48 kg. Over other spans the width is taken to
 * grow as a random walk, 7.48 kg × √(years / 4) (3.74 kg at 1 year, 11.8 kg at 10): ASSUMED. Other
 * cohorts report wider spreads (docs/models.md), so this is a floor, not an estimate: the narrowest
 * published spread, in people selected for being healthy and not obese.
 *
 * Where the newest weight is `a` years old, the weight today is itself unknown by a's worth of
 * change, so the floor at h years ahead is the width over a + h years. The members share one body
 * (today's weight), so the spread is made through their energy-balance drift: where the posterior's
 * drifts are too alike, each member's drift gets c·zᵢ more (zᵢ from the stream ('calibration.floor',
 * i), centred so the mean drift is unchanged), with the smallest c at which the Hall model's weight
 * at the members' 5th and 95th percentile drift lies at least the floor apart at every whole year up
 * to FLOOR_HORIZON_YEARS. Where the drifts already spread that far, the members are untouched.
 */
import { hallWeightTrajectory, type HallPerson } from '../../physiology/hall-adult.ts';
import type { Streams } from '../../util/random.ts';
import type { Member } from '../members.ts';
import { quantile } from '../percentiles.ts';

/** Published 4-year weight change, 5th to 95th percentile (Mozaffarian 2011): −4.1 to 12.4 lb, in kg. */
export const WEIGHT_CHANGE_4Y_P05_P95_KG = (12.4 - -4.1) * 0.45359237;

/** The floor on the 5th-95th percentile width of weight change over `years` (random walk from the 4-year width). */
export function weightChangeWidthKg(years: number): number {
  return WEIGHT_CHANGE_4Y_P05_P95_KG * Math.sqrt(Math.max(0, years) / 4);
}

/** The years ahead the floor holds at: the longest forecast the app shows. */
export const FLOOR_HORIZON_YEARS = 10;

export interface Floored {
  members: Member[];
  /** The spread added to the members' drift, kcal/d (c: 0 where the posterior already spread enough). */
  addedDriftSdKcalPerDay: number;
}

const DAYS = 365;
const FLOOR_MARGIN = 1.005;

/** Weight change at each whole year 1..H under a constant intake change `d` from today. */
function changes(body: HallPerson, d: number): number[] {
  const w = hallWeightTrajectory(body, d, FLOOR_HORIZON_YEARS * DAYS);
  return Array.from({ length: FLOOR_HORIZON_YEARS }, (_, k) => w[(k + 1) * DAYS]! - body.weightKg);
}

/**
 * The members with their drift spread so that the forecast weight's 5th-95th percentile width is at
 * least the published floor at every year ahead, `newestWeightYears` being the age of the newest
 * weight (0 when it is today's or unknown).
 */
export function floorWeightSpread(members: readonly Member[], newestWeightYears: number, streams: Streams): Floored {
  const n = members.length;
  if (n < 2) return { members: [...members], addedDriftSdKcalPerDay: 0 };
  const body = members[0]!.body;
  const drift = Float64Array.from(members, (m) => m.intakeDriftKcalPerDay);
  // 0.5 % above the floor, so that the shared body's interpolated weights (hall-shared-body.ts) never fall a hair short of it.
  const need = Array.from({ length: FLOOR_HORIZON_YEARS }, (_, k) => FLOOR_MARGIN * weightChangeWidthKg(newestWeightYears + k + 1));
  const z = Float64Array.from(members, (_, i) => streams('calibration.floor', i).normal());
  const zMean = z.reduce((a, b) => a + b, 0) / n;
  for (let i = 0; i < n; i++) z[i] = z[i]! - zMean;
  const sorted = new Float64Array(n);
  /** 5th and 95th percentile of the drifts with c·z added. */
  const tails = (c: number): [number, number] => {
    for (let i = 0; i < n; i++) sorted[i] = drift[i]! + c * z[i]!;
    sorted.sort();
    return [quantile(sorted, 0.05), quantile(sorted, 0.95)];
  };
  // Weight change per kcal/d at each year, on each side (the Hall model is nearly linear in the
  // intake change: ±100 kcal/d gives 5.3 / −5.1 kg at 10 years for a 96 kg man); refined at the tails found.
  let up = changes(body, 100).map((x) => x / 100);
  let down = changes(body, -100).map((x) => x / -100);
  const short = ([lo, hi]: [number, number]): boolean =>
    need.some((w, k) => (hi > 0 ? hi * up[k]! : hi * down[k]!) - (lo > 0 ? lo * up[k]! : lo * down[k]!) < w);
  /** Whether the exact weights at the tails with c·z added meet the floor at every year. */
  const meets = ([qLo, qHi]: [number, number]): { ok: boolean; atLo: number[]; atHi: number[] } => {
    const atLo = changes(body, qLo);
    const atHi = changes(body, qHi);
    return { ok: need.every((w, k) => atHi[k]! - atLo[k]! >= w), atLo, atHi };
  };
  if (!short(tails(0)) && meets(tails(0)).ok) return { members: [...members], addedDriftSdKcalPerDay: 0 };
  let c = 0;
  for (let round = 0; round < 4; round++) {
    let lo = 0;
    let hi = 50;
    while (short(tails(hi))) hi *= 2;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (short(tails(mid))) lo = mid;
      else hi = mid;
    }
    c = hi;
    // The exact weights at the tails: done where they meet the floor, else the slopes there and again.
    const [qLo, qHi] = tails(c);
    const exact = meets([qLo, qHi]);
    if (exact.ok) break;
    if (qHi > 0) up = exact.atHi.map((x) => x / qHi);
    if (qLo < 0) down = exact.atLo.map((x) => x / qLo);
  }
  return {
    members: members.map((m, i) => ({ ...m, intakeDriftKcalPerDay: drift[i]! + c * z[i]! })),
    addedDriftSdKcalPerDay: c,
  };
}
