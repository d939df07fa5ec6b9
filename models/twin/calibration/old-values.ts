/**
 * Which of the person's values the calibration uses, and how an old one counts. The history is the
 * last five years; of a kind whose newest value is older than that, the newest value is still used
 * (a person whose data stop in 2016 is calibrated to them, not to nothing): it is placed at the
 * start of the five years, and its likelihood is widened by the change that kind of value is
 * expected to undergo over the years between its measurement and that day (a random walk: the
 * variance grows with the years). Older values of a kind with a newer one are not used.
 *
 * Inside the five years nothing is widened: the replay of each member over the history carries a
 * value's age itself (the member's drift and decline act between the value and today), so a history
 * with every value inside the window calibrates exactly as before (tested bit for bit against the
 * members recorded before old values were used).
 */
import { WEIGHT_CHANGE_4Y_P05_P95_KG } from './floor.ts';
import type { Observation, ObservationKind } from './likelihood.ts';

/** Days of history the calibration replays. */
export const HISTORY_WINDOW_DAYS = 5 * 365;

/**
 * Expected within-person change of each kind per √year (a random walk: SD over Δ years is this ×
 * √Δ), on the scale the likelihood scores that kind: kg for weight, relative (log) for the others.
 *
 * Weight: 1.14 kg/√year from the 4-year weight change of 120,877 US adults (Mozaffarian et al., N
 * Engl J Med 2011;364:2392: 5th to 95th percentile −4.1 to 12.4 lb, a width of 7.48 kg = 3.29 SD;
 * SD 2.27 kg over 4 years; floor.ts, docs/models.md). The glycaemic kinds' rates are ASSUMED, not
 * verified against a source (no published SD of the multi-year change of these values in adults
 * without diabetes was found): fasting glucose 3 %/√year, HbA1c and the CGM mean 2 %/√year, fasting
 * insulin 10 %/√year, the OGTT 2-hour glucose 5 %/√year. They act only on values older than five years.
 */
export const CHANGE_PER_SQRT_YEAR: Record<ObservationKind, number> = {
  // the 4-year 5th-95th percentile width over 2 × 1.645 SDs, per √4 years
  weightKg: WEIGHT_CHANGE_4Y_P05_P95_KG / 3.29 / 2,
  fastingGlucoseMgDl: 0.03,
  hba1cPercent: 0.02,
  meanGlucoseMgDl: 0.02,
  fastingInsulinMicroIuMl: 0.1,
  ogtt2hGlucoseMgDl: 0.05,
};

/** Finite, positive and not in the future. */
const valid = (x: Observation): boolean => x.day <= 0 && Number.isFinite(x.value) && x.value > 0;

/**
 * Observations the calibration uses: every valid one from the last five years; and of a kind with
 * none there, its newest, moved to the start of the five years with `agedYears` the years it had
 * been measured before that day.
 */
export function usableObservations(observations: readonly Observation[]): Observation[] {
  const inside = observations.filter((x) => valid(x) && x.day >= -HISTORY_WINDOW_DAYS);
  const kinds = new Set(inside.map((x) => x.kind));
  const newestOld = new Map<ObservationKind, Observation>();
  for (const x of observations) {
    if (!valid(x) || x.day >= -HISTORY_WINDOW_DAYS || kinds.has(x.kind)) continue;
    const had = newestOld.get(x.kind);
    if (!had || x.day > had.day) newestOld.set(x.kind, x);
  }
  const moved = [...newestOld.values()].map((x): Observation => ({
    day: -HISTORY_WINDOW_DAYS,
    kind: x.kind,
    value: x.value,
    agedYears: (-HISTORY_WINDOW_DAYS - x.day) / 365,
  }));
  return [...moved, ...inside];
}

/** Age in days of the newest valid value of each kind (whatever its age). */
export function newestAgeDays(observations: readonly Observation[]): Partial<Record<ObservationKind, number>> {
  const out: Partial<Record<ObservationKind, number>> = {};
  for (const x of observations) if (valid(x)) out[x.kind] = Math.min(out[x.kind] ?? Infinity, -x.day);
  return out;
}

/**
 * A likelihood SD widened by the change of `kind` over `agedYears` (unchanged for a value inside the
 * window). The CGM mean is scored in mg/dL, so its relative change is taken of the value.
 */
export function agedSd(kind: ObservationKind, sd: number, agedYears: number | undefined, value: number): number {
  if (!agedYears) return sd;
  const rate = CHANGE_PER_SQRT_YEAR[kind] * (kind === 'meanGlucoseMgDl' ? value : 1);
  return Math.sqrt(sd * sd + rate * rate * agedYears);
}
