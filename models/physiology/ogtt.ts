/**
 * An oral glucose tolerance test on the Dalla Man–Rizza–Cobelli 2007 model (IEEE Trans Biomed Eng
 * 54:1740–1749), from a given fasting state: the `ogtt` command's input checks and run (docs/cli.md).
 * The paper's equations (PAPER_VARIANT), its normal or T2D parameter set or overrides on the normal set,
 * and the published meal absorption parameters (the OGTT-specific set could not be read; docs/models.md).
 */
import { unknownField } from '../util/fields.ts';
import { snippet } from '../util/text.ts';
import { basalHepaticExtraction, dallaManSubject, type DallaManSubject } from './dallaman-basal.ts';
import {
  DALLA_MAN_NORMAL,
  DALLA_MAN_PARAMETER_NAMES,
  DALLA_MAN_T2D,
  PAPER_VARIANT,
  type DallaManParameters,
} from './dallaman-parameters.ts';
import { DallaManEnsemble, simulateEnsemble } from './dallaman.ts';

export interface OgttInput {
  fastingGlucoseMgDl: number;
  fastingInsulinPmolL: number;
  bodyWeightKg: number;
  /** Glucose drunk, g; default 75. */
  doseG?: number;
  /** 'normal' (default), 't2d', or overrides on the normal set keyed by the paper's symbols. */
  parameters?: 'normal' | 't2d' | Partial<DallaManParameters>;
}

export interface OgttResult {
  minutes: number[];
  glucoseMgDl: number[];
  insulinPmolL: number[];
}

export const OGTT_MINUTES = 120;
const FIELDS = ['fastingGlucoseMgDl', 'fastingInsulinPmolL', 'bodyWeightKg', 'doseG', 'parameters'] as const;
/** Ranges the input must fall in: fasting values people have, doses tests use. */
const RANGES: Record<(typeof FIELDS)[number] & string, [number, number] | undefined> = {
  fastingGlucoseMgDl: [50, 300],
  fastingInsulinPmolL: [5, 600],
  bodyWeightKg: [30, 250],
  doseG: [0, 100],
  parameters: undefined,
};
/** Published values the model derives from the fasting state instead (dallaman-basal.ts). */
const DERIVED = ['kp1', 'HEb'];
const FRACTIONS = ['f', 'b', 'd', 'm6'];
const POSITIVE = ['VG', 'VI', 'k2', 'm1', 'gamma', 'Km0', 'kabs', 'kgri', 'kmax', 'alpha', 'ki', 'p2U'];

function invalidParameters(x: unknown): string | undefined {
  if (x === 'normal' || x === 't2d') return undefined;
  if (!x || typeof x !== 'object' || Array.isArray(x))
    return 'input.parameters must be "normal", "t2d" or an object of overrides on the normal set';
  const o = x as Record<string, unknown>;
  const derived = Object.keys(o).find((k) => DERIVED.includes(k));
  if (derived) return `input.parameters.${derived} follows from the fasting state and cannot be set`;
  const unknown = unknownField(o, 'input.parameters', 'model parameter', DALLA_MAN_PARAMETER_NAMES);
  if (unknown) return unknown;
  for (const [k, v] of Object.entries(o)) {
    const where = `input.parameters.${snippet(k, 60)}`;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return `${where} must be a non-negative number`;
    if (POSITIVE.includes(k) && v === 0) return `${where} must be greater than 0`;
    if (FRACTIONS.includes(k) && !(v > 0 && v <= 1 && (k === 'f' || v < 1))) return `${where} must be a fraction above 0 and below 1`;
  }
  return undefined;
}

/** Why `x` is not a usable `ogtt` input (naming the field), or undefined. */
export function invalidOgttInput(x: unknown): string | undefined {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return 'input is not an object';
  const o = x as Record<string, unknown>;
  const unknown = unknownField(o, 'input', 'tolerance-test', FIELDS);
  if (unknown) return unknown;
  for (const k of FIELDS) {
    const range = RANGES[k];
    if (!range) continue;
    const v = o[k];
    if (v === undefined && k === 'doseG') continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < range[0] || v > range[1])
      return `input.${k} must be a number from ${range[0]} to ${range[1]}`;
  }
  const bad = o.parameters === undefined ? undefined : invalidParameters(o.parameters);
  if (bad) return bad;
  const subject = ogttSubject(x as OgttInput);
  const he = basalHepaticExtraction(subject);
  if (!(he > 0 && he < 1))
    return `input: this fasting insulin gives a basal hepatic insulin extraction of ${he.toPrecision(3)}, outside 0-1; the model cannot hold it`;
  const minute = extractionLeavesRange(subject);
  if (minute !== undefined)
    return `input: with this fasting insulin, body weight and dose the model's hepatic insulin extraction (m6 - m5·S) falls below 0 at minute ${minute}; the model does not hold there`;
  return undefined;
}

/**
 * The first minute at which hepatic extraction HE = m6 − m5·S leaves (0, 1), if it does: the paper does
 * not bound it, and a negative extraction is outside the model's domain. It happens only at the edge of
 * the input's ranges (fasting insulin near 600 pmol/L in a light body; docs/equations.md §10.1).
 */
function extractionLeavesRange(s: DallaManSubject): number | undefined {
  const e = new DallaManEnsemble([s]);
  const { m5, m6, gamma } = s.p;
  for (let step = 1; step <= 2 * OGTT_MINUTES; step++) {
    e.step(0.5);
    const he = m6 - m5 * gamma * e.state[10]!; // state 10 is Ipo; S = γ·Ipo
    if (!(he > 0 && he < 1)) return Math.ceil(step / 2);
  }
  return undefined;
}

export function ogttParameters(p: OgttInput['parameters']): DallaManParameters {
  if (p === undefined || p === 'normal') return { ...DALLA_MAN_NORMAL };
  if (p === 't2d') return { ...DALLA_MAN_T2D };
  return { ...DALLA_MAN_NORMAL, ...p };
}

export function ogttSubject(input: OgttInput): DallaManSubject {
  return dallaManSubject(
    ogttParameters(input.parameters),
    {
      fastingGlucoseMgDl: input.fastingGlucoseMgDl,
      fastingInsulinPmolL: input.fastingInsulinPmolL,
      bodyWeightKg: input.bodyWeightKg,
      doseG: input.doseG ?? 75,
    },
    PAPER_VARIANT,
  );
}

/**
 * Glucose and insulin each minute of a 120-minute test, to 4 decimals. Minute 0 is the fasting state the
 * input gives, as given (the model starts there; Gp/VG would only add a rounding error in the last bit).
 */
export function runOgtt(input: OgttInput): OgttResult {
  const curves = simulateEnsemble([ogttSubject(input)], OGTT_MINUTES);
  const round = (v: number): number => Math.round(v * 1e4) / 1e4;
  const glucoseMgDl = Array.from(curves.glucoseMgDl, round);
  const insulinPmolL = Array.from(curves.insulinPmolL, round);
  glucoseMgDl[0] = input.fastingGlucoseMgDl;
  insulinPmolL[0] = input.fastingInsulinPmolL;
  return { minutes: Array.from({ length: curves.points }, (_, m) => m), glucoseMgDl, insulinPmolL };
}
