import { describe, expect, it } from 'vitest';
import { isKnownZone, zonedWallToEpoch, zoneMatching, zoneOffsetMin } from '../../../models/util/zone.ts';

const H = 3_600_000;

describe('zone offsets (Intl, not the runtime zone)', () => {
  it('reads fixed and daylight-saving offsets', () => {
    expect(zoneOffsetMin('Asia/Tokyo', Date.UTC(2024, 0, 1))).toBe(540);
    expect(zoneOffsetMin('Asia/Kathmandu', Date.UTC(2024, 0, 1))).toBe(345);
    expect(zoneOffsetMin('Europe/London', Date.UTC(2024, 0, 15))).toBe(0);
    expect(zoneOffsetMin('Europe/London', Date.UTC(2024, 6, 15))).toBe(60);
    expect(zoneOffsetMin('America/St_Johns', Date.UTC(2024, 6, 15))).toBe(-150);
  });

  it('is exact on the day of a transition (the day cache never smears it)', () => {
    // Europe/London goes to +01:00 at 2024-03-31 01:00 UTC.
    expect(zoneOffsetMin('Europe/London', Date.UTC(2024, 2, 31, 0, 59))).toBe(0);
    expect(zoneOffsetMin('Europe/London', Date.UTC(2024, 2, 31, 1, 0))).toBe(60);
    expect(zoneOffsetMin('Europe/London', Date.UTC(2024, 2, 31, 0, 30))).toBe(0);
  });

  it('places wall-clock times, a repeated hour at its first occurrence and a skipped one later', () => {
    expect(zonedWallToEpoch('Asia/Tokyo', Date.UTC(2019, 11, 5, 16, 25))).toBe(Date.UTC(2019, 11, 5, 7, 25));
    // New York 2024-03-10 02:30 does not exist (02:00 → 03:00): read with -05:00, it is 03:30 EDT.
    expect(zonedWallToEpoch('America/New_York', Date.UTC(2024, 2, 10, 2, 30))).toBe(Date.UTC(2024, 2, 10, 7, 30));
    // New York 2024-11-03 01:30 happens twice: the first, in EDT (-04:00).
    expect(zonedWallToEpoch('America/New_York', Date.UTC(2024, 10, 3, 1, 30))).toBe(Date.UTC(2024, 10, 3, 5, 30));
    expect(zonedWallToEpoch('America/New_York', Date.UTC(2024, 10, 3, 3, 0))).toBe(Date.UTC(2024, 10, 3, 8, 0));
  });

  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'])('matches the Date constructor in %s', (zone) => {
    const was = process.env.TZ;
    process.env.TZ = zone; // the runtime's own zone, for Date to compare with
    try {
      for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2024, 0, 1); t += 3 * H + 15 * 60_000) {
        const d = new Date(t);
        const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()).getTime();
        expect(zonedWallToEpoch(zone, t)).toBe(local);
        expect(zoneOffsetMin(zone, t)).toBe(-new Date(t).getTimezoneOffset());
      }
    } finally {
      if (was === undefined) delete process.env.TZ;
      else process.env.TZ = was;
    }
  });

  it('names the zone stored offsets came from, and none when no candidate fits', () => {
    const probes = [
      { ms: Date.UTC(2024, 0, 10), offsetMin: 0 },
      { ms: Date.UTC(2024, 6, 10), offsetMin: 60 },
    ];
    expect(zoneMatching(probes, ['Europe/Lisbon', 'Asia/Tokyo', 'Europe/London'])).toBe('Europe/Lisbon');
    // Not the first candidate: the zone with these offsets on these dates in the most surrounding years.
    const tokyo = [{ ms: Date.UTC(2019, 11, 5), offsetMin: 540 }];
    expect(zoneMatching(tokyo, ['UTC', 'Asia/Chita', 'Asia/Tokyo'])).toBe('Asia/Tokyo');
    expect(zoneMatching(probes, ['Asia/Tokyo', 'UTC'])).toBeUndefined();
    expect(zoneMatching(probes, ['Not/AZone', 'Europe/London'])).toBe('Europe/London');
    expect(isKnownZone('Not/AZone')).toBe(false);
  });
});
