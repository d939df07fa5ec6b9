import { localDay } from '../util/time.ts';

/**
 * Average sleep per night over the last `nights` nights, in hours. A night belongs to the local day
 * the person woke up (the day of its end), as sleep trackers report it, so a bedtime after midnight
 * does not put two nights on one day. Nights without any sleep sample are left out (no tracker worn),
 * not counted as zero. Input: sleep samples (start, end in epoch ms; minutes asleep; UTC offsets).
 */
export function sleepHoursPerNight(
  s: { start: ArrayLike<number>; end: ArrayLike<number>; value: ArrayLike<number>; offsetMin: ArrayLike<number> },
  nights = 28,
): number | undefined {
  const byWakeDay = new Map<string, number>();
  for (let i = 0; i < s.start.length; i++) {
    const day = localDay(s.end[i]!, s.offsetMin[i]!);
    byWakeDay.set(day, (byWakeDay.get(day) ?? 0) + s.value[i]!);
  }
  const days = [...byWakeDay.keys()].sort().slice(-nights);
  if (!days.length) return undefined;
  return days.reduce((sum, d) => sum + byWakeDay.get(d)!, 0) / days.length / 60;
}
