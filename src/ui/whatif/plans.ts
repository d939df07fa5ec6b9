/**
 * What-if plans as the explorer edits them, and the engine scenarios they stand for. A plan keeps
 * both the weight and the intake setting so that switching between them loses nothing; only the one
 * in use reaches the scenario (docs/cli.md: not both).
 */
import type { Smoking } from '../../../models/risk/profile.ts';
import type { Scenario } from '../../../models/twin/scenario.ts';
import { t } from '../i18n/index.ts';

export interface Plan {
  name: string;
  /** What the body-weight slider sets: an achieved weight change at one year, or a daily energy change. */
  mode: 'weight' | 'intake';
  /** Achieved at one year, then held, kg (canonical; the slider may show lb). */
  weightChangeKg: number;
  energyIntakeChangeKcalPerDay: number;
  /** Moderate activity added, minutes per week. */
  activityMinutesPerWeek: number;
  metformin: boolean;
  /** Smoking from today; 'unchanged' leaves the profile's status. */
  smoking: Smoking | 'unchanged';
}

/** The baseline; its name is read from the catalog each time, so it follows the current language. */
export const NO_CHANGE: Plan = {
  get name() {
    return t('whatif.noChange');
  },
  mode: 'weight',
  weightChangeKg: 0,
  energyIntakeChangeKcalPerDay: 0,
  activityMinutesPerWeek: 0,
  metformin: false,
  smoking: 'unchanged',
};

/** At most this many plans beside "No change" (the three scenarios side by side). */
export const MAX_PLANS = 3;

/** Slider ranges: what a person can plausibly plan, well inside the engine's limits (scenario.ts). */
export const LIMITS = {
  weightChangeKg: { min: -30, max: 15, step: 0.5 },
  energyIntakeChangeKcalPerDay: { min: -1000, max: 1000, step: 25 },
  activityMinutesPerWeek: { min: 0, max: 420, step: 10 },
} as const;

export function toScenario(p: Plan): Scenario {
  const s: Scenario = {};
  if (p.mode === 'weight' && p.weightChangeKg !== 0) s.weightChangeKg = p.weightChangeKg;
  if (p.mode === 'intake' && p.energyIntakeChangeKcalPerDay !== 0) s.energyIntakeChangeKcalPerDay = p.energyIntakeChangeKcalPerDay;
  if (p.activityMinutesPerWeek > 0) s.activityMinutesPerWeek = p.activityMinutesPerWeek;
  if (p.metformin) s.metformin = true;
  if (p.smoking !== 'unchanged') s.smoking = p.smoking;
  return s;
}

/** A stored scenario back into a plan; fields a plan cannot show are dropped, values clamped to the sliders. */
export function fromScenario(name: string, s: Record<string, unknown>): Plan {
  const num = (v: unknown, lim: { min: number; max: number }): number | undefined =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(lim.max, Math.max(lim.min, v)) : undefined;
  const weight = num(s.weightChangeKg, LIMITS.weightChangeKg);
  const intake = num(s.energyIntakeChangeKcalPerDay, LIMITS.energyIntakeChangeKcalPerDay);
  const smoking = ['non', 'ex', 'light', 'moderate', 'heavy'].includes(s.smoking as string) ? (s.smoking as Smoking) : 'unchanged';
  return {
    name,
    mode: intake !== undefined && weight === undefined ? 'intake' : 'weight',
    weightChangeKg: weight ?? 0,
    energyIntakeChangeKcalPerDay: intake ?? 0,
    activityMinutesPerWeek: num(s.activityMinutesPerWeek, LIMITS.activityMinutesPerWeek) ?? 0,
    metformin: s.metformin === true,
    smoking,
  };
}

export function isNoChange(p: Plan): boolean {
  return Object.keys(toScenario(p)).length === 0;
}
