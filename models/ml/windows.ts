/**
 * Supervised windows from a CGM series for forecasting: the last `history` readings (mg/dL) and the
 * time of day (sin, cos of the local clock) as inputs; the reading `horizonMin` minutes after the
 * last input as the target. A window is kept only when its readings are evenly spaced (no gap
 * wider than 1.5 intervals) and the target exists within half an interval of its due time.
 */

export interface CgmSeries {
  /** Reading times, epoch ms, ascending. */
  startMs: ArrayLike<number>;
  valueMgDl: ArrayLike<number>;
  /** Local offset of each reading, minutes (for the time-of-day features). */
  offsetMin: ArrayLike<number>;
}

export interface Windows {
  /** n × features, row-major: history readings (oldest first), then sin and cos of the time of day. */
  x: Float32Array;
  y: Float32Array;
  /** Time of each window's last input reading (for splitting by day). */
  tMs: Float64Array;
  /** The last input reading of each window (the persistence forecast). */
  last: Float32Array;
  n: number;
  features: number;
}

export function makeWindows(s: CgmSeries, history: number, horizonMin: number, intervalMin = 5): Windows {
  const len = s.startMs.length;
  const step = intervalMin * 60_000;
  const features = history + 2;
  const horizonSteps = Math.round(horizonMin / intervalMin);
  const xs: number[] = [],
    ys: number[] = [],
    ts: number[] = [],
    lasts: number[] = [];
  let n = 0;
  for (let end = history - 1; end + horizonSteps < len; end++) {
    let even = true;
    for (let k = end - history + 2; k <= end; k++) {
      const gap = s.startMs[k]! - s.startMs[k - 1]!;
      if (gap <= 0 || gap > 1.5 * step) {
        even = false;
        break;
      }
    }
    if (!even) continue;
    // The target: the first reading at or after the due time, if within half an interval of it.
    const due = s.startMs[end]! + horizonMin * 60_000;
    let j = end + horizonSteps;
    while (j < len - 1 && s.startMs[j]! < due) j++;
    while (j > end + 1 && s.startMs[j - 1]! >= due) j--;
    if (Math.abs(s.startMs[j]! - due) > step / 2) continue;
    for (let k = end - history + 1; k <= end; k++) xs.push(s.valueMgDl[k]!);
    const minute = (((s.startMs[end]! / 60_000 + s.offsetMin[end]!) % 1440) + 1440) % 1440;
    xs.push(Math.sin((2 * Math.PI * minute) / 1440), Math.cos((2 * Math.PI * minute) / 1440));
    ys.push(s.valueMgDl[j]!);
    ts.push(s.startMs[end]!);
    lasts.push(s.valueMgDl[end]!);
    n++;
  }
  return { x: Float32Array.from(xs), y: Float32Array.from(ys), tMs: Float64Array.from(ts), last: Float32Array.from(lasts), n, features };
}

/** Splits windows in time: those before `splitMs` for training, the rest (later days) for evaluation. */
export function splitByTime(w: Windows, splitMs: number): [Windows, Windows] {
  const pick = (keep: (i: number) => boolean): Windows => {
    const idx = Array.from({ length: w.n }, (_, i) => i).filter(keep);
    const x = new Float32Array(idx.length * w.features);
    idx.forEach((i, r) => x.set(w.x.subarray(i * w.features, (i + 1) * w.features), r * w.features));
    return {
      x,
      y: Float32Array.from(idx, (i) => w.y[i]!),
      tMs: Float64Array.from(idx, (i) => w.tMs[i]!),
      last: Float32Array.from(idx, (i) => w.last[i]!),
      n: idx.length,
      features: w.features,
    };
  };
  return [pick((i) => w.tMs[i]! < splitMs), pick((i) => w.tMs[i]! >= splitMs)];
}
