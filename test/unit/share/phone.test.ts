import { describe, expect, it } from 'vitest';
import { shareFileName, nameSlug } from '../../../src/share/file-name.ts';
import { generateCode } from '../../../src/share/format.ts';
import { codeFromQr } from '../../../src/share/qr.ts';
import { addMonths, rangeFor, shortcutOf } from '../../../src/share/ranges.ts';

describe('share file name: whose twin and the day, nothing else', () => {
  it('carries the name and the day, or the day alone', () => {
    expect(shareFileName('Alex B.', '2026-12-03')).toBe('doppel-twin-alex-b-2026-12-03.doppel');
    expect(shareFileName(undefined, '2026-12-03')).toBe('doppel-twin-2026-12-03.doppel');
    expect(shareFileName('   ', '2026-12-03')).toBe('doppel-twin-2026-12-03.doppel');
    expect(shareFileName('?!… 🙂', '2026-12-03')).toBe('doppel-twin-2026-12-03.doppel');
  });

  it('keeps letters of any script, drops accents, and leaves nothing a file system or a path could trip on', () => {
    expect(nameSlug('José Ñúñez')).toBe('jose-nunez');
    expect(nameSlug('王芳')).toBe('王芳');
    expect(nameSlug('김민준')).toBe('김민준');
    expect(nameSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(nameSlug('A "quoted" name: with\\slashes/and\ttabs')).toBe('a-quoted-name-with-slashes-and-tabs');
    const long = nameSlug('Maximiliana Wilhelmina Theodora von Hohenzollern-Sigmaringen');
    expect([...long].length).toBeLessThanOrEqual(40);
    expect(long).not.toMatch(/-$/);
    for (const name of ['Ann', 'José', 'a/b\\c:d*e?f"g<h>i|j'])
      expect(shareFileName(name, '2026-12-03')).toMatch(/^[^/\\:*?"<>|\s]+\.doppel$/);
  });
});

describe('quick ranges → days', () => {
  it('counts calendar months back from today, held to the end of a shorter month', () => {
    expect(addMonths('2026-12-03', -3)).toBe('2026-09-03');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2024-05-31', -3)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2026-01-15', -3)).toBe('2025-10-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(() => addMonths('3 March', -3)).toThrow(RangeError);
  });

  it('last 3 months, last year, everything', () => {
    expect(rangeFor('months3', '2026-12-03')).toEqual({ fromDay: '2026-09-03', toDay: '2026-12-03' });
    expect(rangeFor('year', '2026-12-03')).toEqual({ fromDay: '2025-12-03', toDay: '2026-12-03' });
    expect(rangeFor('all', '2026-12-03', { firstDay: '2010-11-29', lastDay: '2021-12-14' })).toEqual({
      fromDay: '2010-11-29',
      toDay: '2026-12-03',
    });
    // Data dated after today (a clock set wrong) is still inside "everything"; no data at all is today alone.
    expect(rangeFor('all', '2026-12-03', { firstDay: '2020-01-01', lastDay: '2027-01-02' }).toDay).toBe('2027-01-02');
    expect(rangeFor('all', '2026-12-03')).toEqual({ fromDay: '2026-12-03', toDay: '2026-12-03' });
  });

  it('knows which shortcut a range is, if any', () => {
    const span = { firstDay: '2010-11-29', lastDay: '2021-12-14' };
    expect(shortcutOf({ fromDay: '2026-09-03', toDay: '2026-12-03' }, '2026-12-03', span)).toBe('months3');
    expect(shortcutOf({ fromDay: '2010-11-29', toDay: '2026-12-03' }, '2026-12-03', span)).toBe('all');
    expect(shortcutOf({ fromDay: '2026-09-04', toDay: '2026-12-03' }, '2026-12-03', span)).toBeUndefined();
    // Without data "everything" is never shown as chosen (it would be today alone).
    expect(shortcutOf({ fromDay: '2026-12-03', toDay: '2026-12-03' }, '2026-12-03')).toBeUndefined();
  });
});

describe('QR code → share code', () => {
  it('reads the code the share screen shows as a QR code, whatever the spacing and case', () => {
    for (let i = 0; i < 20; i++) {
      const code = generateCode();
      expect(codeFromQr(code)).toBe(code);
      expect(codeFromQr(`  ${code.toLowerCase()}\n`)).toBe(code);
      expect(codeFromQr(code.replace(/-/g, ' '))).toBe(code);
      expect(codeFromQr(code.replace(/-/g, ''))).toBe(code);
    }
    // I, L and O are read as 1, 1 and 0, as when the code is typed.
    expect(codeFromQr('ABCD-EFGH-JKMN-PQRS-TVWX-YZ0I-2345-6789')).toBe('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
  });

  it('takes nothing else for a code', () => {
    for (const raw of [
      '',
      'https://example.org/?code=ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
      'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345',
      'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-ABCD',
      'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-678U',
      'WIFI:S:home;T:WPA;P:secret;;',
      'A'.repeat(500),
    ])
      expect(codeFromQr(raw), raw).toBeUndefined();
  });
});
