import { describe, expect, it } from 'vitest';
import { monthYear, previewWords } from '../../../src/ui/share-words.ts';

describe('share preview wording', () => {
  it('says how many measurements and from which month to which', () => {
    expect(previewWords({ count: 4702, firstDay: '2010-11-29', lastDay: '2021-12-14' }, 'en-US')).toEqual({
      text: 'The file will hold 4,702 measurements, Nov 2010 – Dec 2021.',
      empty: false,
    });
    expect(previewWords({ count: 1, firstDay: '2018-03-19', lastDay: '2018-03-19' }, 'en-US').text).toBe(
      'The file will hold 1 measurement, Mar 2018.',
    );
    expect(previewWords({ count: 12, firstDay: '2018-03-01', lastDay: '2018-03-31' }, 'en-US').text).toBe(
      'The file will hold 12 measurements, Mar 2018.',
    );
  });

  it('warns when the file would hold nothing, and says when it is still counting', () => {
    expect(previewWords({ count: 0, spanFirstDay: '2018-03-19', spanLastDay: '2021-02-17' }, 'en-US')).toEqual({
      text: 'There are no measurements between these dates: the file would hold none.',
      empty: true,
    });
    expect(previewWords(undefined)).toEqual({ text: 'Counting what the file will hold…', empty: false });
  });

  it('a month is the month of the calendar day, whatever the time zone (1 December is December)', () => {
    expect(monthYear('2021-12-01', 'en-US')).toBe('Dec 2021');
    expect(monthYear('2010-11-30', 'en-US')).toBe('Nov 2010');
    expect(monthYear('2021-12-01', 'de-DE')).toBe('Dez. 2021');
  });
});
