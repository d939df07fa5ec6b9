// Issue 17, section 7 "Honest charts": a window's title, where a zoom centres and when the wheel
// zooms (src/ui/charts/window.ts, with moveWindow of src/ui/timeline/series.ts).
import { describe, expect, it } from 'vitest';
import { dataCentre, lastDays, wheelZoomFactor, type WheelLike } from '../../../src/ui/charts/window.ts';
import { moveWindow } from '../../../src/ui/timeline/series.ts';

const DAY = 86_400_000;
const gb = (ms: number): string => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);

describe('the words for the last days of data', () => {
  const end = Date.UTC(2016, 9, 30, 21, 40);

  it('name the end date when the newest data is old (the report: "last 14 days" showing 2016)', () => {
    expect(lastDays(14, end, Date.UTC(2026, 2, 1), gb)).toBe('last 14 days of data, to 30 Oct 2016');
    expect(lastDays(120, end, end + DAY + 1, gb)).toBe('last 120 days of data, to 30 Oct 2016');
    expect(lastDays(1, end, end + 3 * DAY, gb)).toBe('last 1 day of data, to 30 Oct 2016');
  });

  it('say "last 14 days" while the newest data is at most a day old', () => {
    expect(lastDays(14, end, end + 3_600_000, gb)).toBe('last 14 days');
    expect(lastDays(14, end, end + DAY, gb)).toBe('last 14 days');
  });
});

describe('a zoom centres on the data', () => {
  // Readings on days 0-9 and 100-104 of a 365-day window: most of the window is empty.
  const xs = [...Array.from({ length: 10 }, (_, i) => i * DAY), ...Array.from({ length: 5 }, (_, i) => (100 + i) * DAY)];
  const bounds = { min: 0, max: 365 * DAY };

  it('on the middle point of the data in view, not the middle of the window', () => {
    expect(dataCentre(bounds, xs)).toBe(7 * DAY);
    expect(dataCentre({ min: 50 * DAY, max: 200 * DAY }, xs)).toBe(102 * DAY);
  });

  it('on the nearest data where the window holds none, and on the window without any data', () => {
    expect(dataCentre({ min: 20 * DAY, max: 60 * DAY }, xs)).toBe(9 * DAY);
    expect(dataCentre({ min: 60 * DAY, max: 90 * DAY }, xs)).toBe(100 * DAY);
    expect(dataCentre({ min: 0, max: 10 * DAY }, [])).toBe(5 * DAY);
  });

  it('so that zooming in, again and again, keeps data in view', () => {
    let win = bounds;
    for (let i = 0; i < 8; i++) {
      win = moveWindow(win, bounds, { zoom: 0.5, centre: dataCentre(win, xs) });
      const inView = xs.filter((x) => x >= win.min && x <= win.max);
      expect(inView.length, `zoom ${i + 1}: ${win.min / DAY}-${win.max / DAY}`).toBeGreaterThan(0);
      expect(win.min).toBeGreaterThanOrEqual(bounds.min);
      expect(win.max).toBeLessThanOrEqual(bounds.max);
    }
    // Without the centre, the first zoom in lands on the empty middle of the year.
    const plain = moveWindow(bounds, bounds, { zoom: 0.25 });
    expect(xs.filter((x) => x >= plain.min && x <= plain.max)).toEqual([]);
  });
});

describe('the mouse wheel over a chart', () => {
  const wheel = (o: Partial<WheelLike>): WheelLike => ({ ctrlKey: false, metaKey: false, deltaY: 100, deltaMode: 0, ...o });

  it('scrolls the page (no zoom) unless Ctrl or ⌘ is held', () => {
    expect(wheelZoomFactor(wheel({}))).toBeUndefined();
    expect(wheelZoomFactor(wheel({ deltaY: -100 }))).toBeUndefined();
    expect(wheelZoomFactor(wheel({ ctrlKey: true, deltaY: 0 }))).toBeUndefined();
  });

  it('zooms with Ctrl or ⌘: in when turned away from the user, out towards; by the amount turned', () => {
    const zin = wheelZoomFactor(wheel({ ctrlKey: true, deltaY: -100 }))!;
    const zout = wheelZoomFactor(wheel({ metaKey: true, deltaY: 100 }))!;
    expect(zin).toBeLessThan(1);
    expect(zout).toBeGreaterThan(1);
    expect(zin * zout).toBeCloseTo(1, 12);
    // A trackpad pinch (small deltas) zooms a little; lines count as about 33 px; a burst is capped.
    expect(wheelZoomFactor(wheel({ ctrlKey: true, deltaY: 4 }))!).toBeLessThan(1.01);
    expect(wheelZoomFactor(wheel({ ctrlKey: true, deltaY: 3, deltaMode: 1 }))).toBeCloseTo(zout, 1);
    expect(wheelZoomFactor(wheel({ ctrlKey: true, deltaY: 1e5 }))).toBeCloseTo(2 ** (4 / 3), 12);
  });
});
