/**
 * Accuracy of glucose forecasts, as CGM studies report it: RMSE (mg/dL), MARD (%) and the Clarke
 * error grid. Clarke WL, Cox D, Gonder-Frederick LA, Carter W, Pohl SL. "Evaluating clinical
 * accuracy of systems for self-monitoring of blood glucose." Diabetes Care 1987;10(5):622-628.
 * Zone boundaries as drawn in that paper (mg/dL; x = reference, y = prediction).
 */

export type ClarkeZone = 'A' | 'B' | 'C' | 'D' | 'E';

/** Clarke error grid zone of one prediction `predMgDl` against the reference `refMgDl`. */
export function clarkeZone(refMgDl: number, predMgDl: number): ClarkeZone {
  const x = refMgDl,
    y = predMgDl;
  // A: within 20 % of the reference, or both in the hypoglycaemic range (< 70).
  if ((x <= 70 && y <= 70) || (y <= 1.2 * x && y >= 0.8 * x)) return 'A';
  // E: "erroneous treatment": hypo read as hyper or hyper read as hypo.
  if ((x >= 180 && y <= 70) || (x <= 70 && y >= 180)) return 'E';
  // C: "overcorrection" of acceptable glucose.
  if ((x >= 70 && x <= 290 && y >= x + 110) || (x >= 130 && x <= 180 && y <= (7 / 5) * x - 182)) return 'C';
  // D: "dangerous failure to detect" hypo- or hyperglycaemia.
  if ((x >= 240 && y >= 70 && y <= 180) || (x <= 175 / 3 && y <= 180 && y >= 70) || (x >= 175 / 3 && x <= 70 && y >= (6 / 5) * x))
    return 'D';
  return 'B';
}

export interface ForecastAccuracy {
  n: number;
  rmseMgDl: number;
  /** Mean absolute relative difference, %. */
  mardPercent: number;
  /** Share of predictions in each Clarke zone, %. */
  clarke: Record<ClarkeZone, number>;
}

export function accuracy(refMgDl: ArrayLike<number>, predMgDl: ArrayLike<number>): ForecastAccuracy {
  const n = refMgDl.length;
  if (n === 0 || predMgDl.length !== n) throw new RangeError(`accuracy: ${n} references and ${predMgDl.length} predictions`);
  let se = 0,
    ard = 0;
  const zones: Record<ClarkeZone, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
  for (let i = 0; i < n; i++) {
    const d = predMgDl[i]! - refMgDl[i]!;
    se += d * d;
    ard += Math.abs(d) / refMgDl[i]!;
    zones[clarkeZone(refMgDl[i]!, predMgDl[i]!)]++;
  }
  for (const z of Object.keys(zones) as ClarkeZone[]) zones[z] = (100 * zones[z]) / n;
  return { n, rmseMgDl: Math.sqrt(se / n), mardPercent: (100 * ard) / n, clarke: zones };
}
