/**
 * The notes the twin attaches to a forecast, as data: a code and its values in canonical units
 * (mg/dL, %), for the app to word from its message catalog in the person's language and units. The
 * same notes in English (`warnings`) are the CLI's.
 */
import type { ScoreWhy } from '../risk/common.ts';

export type TwinNote =
  /** No fasting glucose or HbA1c: the population defaults were used. */
  | { code: 'defaults'; glucoseMgDl: number; hba1cPercent: number }
  /** No fasting glucose: inferred from the HbA1c. */
  | { code: 'glucoseInferred'; glucoseMgDl: number }
  /** No HbA1c: inferred from the fasting glucose. */
  | { code: 'hba1cInferred'; hba1cPercent: number }
  /** Diabetes, or values in its range: the twin is built for prevention. */
  | { code: 'diabetesRange' }
  /** QDiabetes-2018 cannot score the person (`why`), so the population's progression is used. */
  | { code: 'anchorUnavailable'; model: string; why: ScoreWhy }
  /** Even at its slowest progression the twin's 10-year probability of new diabetes is above the published score's. */
  | { code: 'anchorAbove'; source: string; twinPercent: number; targetPercent: number }
  /** Even at its fastest progression the twin's 10-year probability is below the published score's. */
  | { code: 'anchorBelow'; source: string; twinPercent: number; targetPercent: number };
