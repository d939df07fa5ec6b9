/**
 * What the twin's forecast rests on, for the app to say in plain words: the person's own recent
 * measurements, old ones, or typical values for someone like them. A code with its numbers; the app
 * words it from its message catalog (`twin.rests.<code>`).
 *
 * Two groups count: the weight, and the lab results the glucose forecast is fitted to (fasting
 * glucose, HbA1c, CGM mean glucose, fasting insulin, OGTT). A group is fresh when its newest value is
 * inside the calibration's five-year history, old when it is older (then only that newest value is
 * used, and it counts for less the older it is: calibration/old-values.ts), or missing.
 */
import { HISTORY_WINDOW_DAYS } from './calibration/old-values.ts';
import type { ObservationKind } from './calibration/likelihood.ts';

export type RestsOn =
  /** Weight and lab results inside the last five years. */
  | { code: 'fresh' }
  /** No weight and no lab result at all. */
  | { code: 'typical' }
  /** Every group with values has only old ones (`years`: the newest value's age, whole years). */
  | { code: 'old'; years: number }
  /** Recent weights; the lab results are old. */
  | { code: 'oldLabs'; years: number }
  /** Recent lab results; the weight is old. */
  | { code: 'oldWeight'; years: number }
  /** Recent weights and no lab result. */
  | { code: 'noLabs' };

export type RestsCode = RestsOn['code'];

const LAB_KINDS: ObservationKind[] = [
  'fastingGlucoseMgDl',
  'hba1cPercent',
  'meanGlucoseMgDl',
  'fastingInsulinMicroIuMl',
  'ogtt2hGlucoseMgDl',
];

/** The age in days of the newest value of a group, or undefined when it has none. */
const newestOf = (ages: Partial<Record<ObservationKind, number>>, kinds: ObservationKind[]): number | undefined => {
  const xs = kinds.map((k) => ages[k]).filter((x): x is number => x !== undefined);
  return xs.length ? Math.min(...xs) : undefined;
};

/** What the forecast rests on, from the age in days of the newest value of each kind (calibrate's `newestAgeDays`). */
export function restsOn(newestAgeDays: Partial<Record<ObservationKind, number>>): RestsOn {
  const weight = newestOf(newestAgeDays, ['weightKg']);
  const labs = newestOf(newestAgeDays, LAB_KINDS);
  const old = (days: number | undefined): boolean => days !== undefined && days > HISTORY_WINDOW_DAYS;
  const years = (days: number): number => Math.floor(days / 365);
  if (weight === undefined && labs === undefined) return { code: 'typical' };
  if ((weight === undefined || old(weight)) && (labs === undefined || old(labs)))
    return { code: 'old', years: years(Math.min(weight ?? Infinity, labs ?? Infinity)) };
  if (old(labs)) return { code: 'oldLabs', years: years(labs!) };
  if (old(weight)) return { code: 'oldWeight', years: years(weight!) };
  if (labs === undefined && weight !== undefined) return { code: 'noLabs' };
  return { code: 'fresh' };
}

/** Whether the forecast rests mostly on typical values rather than the person's own. */
export const restsMostlyOnTypical = (r: RestsOn): boolean => r.code === 'old' || r.code === 'typical';
