import { describe, expect, it } from 'vitest';
import { REMIND_AFTER_MS, shouldRemind } from '../../../src/ui/actions/backup-date.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 12);

describe('the backup reminder', () => {
  it('waits 30 days after the last backup, and only when data arrived since', () => {
    expect(REMIND_AFTER_MS).toBe(30 * DAY);
    const last = NOW - 31 * DAY;
    expect(shouldRemind(NOW, last, NOW - 400 * DAY, last + DAY, true)).toBe(true);
    // Nothing new since the backup: no reminder, however old it is.
    expect(shouldRemind(NOW, last, NOW - 400 * DAY, last - DAY, true)).toBe(false);
    // 29 days: not yet.
    expect(shouldRemind(NOW, NOW - 29 * DAY, NOW - 400 * DAY, NOW - DAY, true)).toBe(false);
  });

  it('never backed up: 30 days after the first data arrived', () => {
    expect(shouldRemind(NOW, undefined, NOW - 29 * DAY, NOW - DAY, true)).toBe(false);
    expect(shouldRemind(NOW, undefined, NOW - 30 * DAY, NOW - 30 * DAY, true)).toBe(true);
  });

  it('turned off, never', () => {
    expect(shouldRemind(NOW, undefined, NOW - 300 * DAY, NOW, false)).toBe(false);
    expect(shouldRemind(NOW, NOW - 90 * DAY, NOW - 300 * DAY, NOW, false)).toBe(false);
  });
});
