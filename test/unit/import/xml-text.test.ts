import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attr, rawAttr, tagEnd } from '../../../src/import/xml-text.ts';
import { readSamples } from '../../../src/data/samples.ts';
import { useFreshDbs } from '../data/helpers.ts';
import { importText } from './helpers.ts';

/** Attribute values may be in double or single quotes (XML 1.0 AttValue), holding `>` and the other quote. */
const db = useFreshDbs();

describe('tagEnd', () => {
  it.each([
    ['<a x="1">rest', 9],
    ["<a x='1'>rest", 9],
    ["<a x='1>2'>rest", 11],
    ['<a x="1>2">rest', 11],
    [`<a x='say "hi"' y="2">rest`, 22],
    [`<a x="it's" y='>'>rest`, 18],
    [`<a x="it's">rest`, 12],
    ['<a x="1"/>rest', 10],
    ["<a x='unclosed>rest", -1],
    ['<a x="1"', -1],
  ])('%j ends at %i', (buf, end) => {
    expect(tagEnd(buf, 0)).toBe(end);
  });

  it('finds the end of any tag written with either quote, whatever the values hold', () => {
    const value = fc.string({ maxLength: 12 }).map((s) => s.replace(/[<&]/g, ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.boolean()), { maxLength: 5 }), (attrs) => {
        const tag = `<R${attrs
          .map(([v, single], i) => {
            const q = v.includes('"') || (single && !v.includes("'")) ? "'" : '"';
            return q === "'" && v.includes("'") ? ` a${i}="${v.replace(/"/g, '&quot;')}"` : ` a${i}=${q}${v}${q}`;
          })
          .join('')}/>`;
        expect(tagEnd(`${tag}<next x=">"/>`, 0)).toBe(tag.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('rawAttr and attr', () => {
  it.each([
    ['<R type="a" value="1"/>', 'value', '1'],
    ["<R type='a' value='1'/>", 'value', '1'],
    [`<R note='say "hi"' value="2"/>`, 'note', 'say "hi"'],
    [`<R note="it's" value='2'/>`, 'note', "it's"],
    ['<R value = "3" />', 'value', '3'],
    ["<R\tvalue\n=\n'4'/>", 'value', '4'],
    // the name inside another attribute's value is not the attribute
    [`<R note=' value="9"' value="5"/>`, 'value', '5'],
    [`<R note=" value='9'" value='6'/>`, 'value', '6'],
    ['<R sourceValue="7" value="8"/>', 'value', '8'],
    ['<R note="x"/>', 'value', undefined],
    ['<R value="unclosed/>', 'value', undefined],
  ])('%j: %s = %j', (tag, name, value) => {
    expect(rawAttr(tag, name)).toBe(value);
  });

  it('decodes entities after the quote is found', () => {
    expect(attr(`<R note='a &apos;b&apos; &gt; c' />`, 'note')).toBe("a 'b' > c");
  });
});

describe('Apple Health XML with single-quoted attributes', () => {
  it('reads records whose values hold ">" or the other quote, and keeps the line numbers', async () => {
    const d = db();
    const r = await importText(
      d,
      [
        "<?xml version='1.0' encoding='UTF-8'?>",
        "<HealthData locale='en_US'>",
        ` <Me HKCharacteristicTypeIdentifierBiologicalSex='HKBiologicalSexFemale' HKCharacteristicTypeIdentifierDateOfBirth='1980-02-03'/>`,
        ` <Record type='HKQuantityTypeIdentifierBodyMass' sourceName='Ann "the scale" > 2' unit='kg' startDate='2024-01-09 08:00:00 +0100' endDate='2024-01-09 08:00:00 +0100' value='70.5'/>`,
        ` <Record type="HKQuantityTypeIdentifierBodyMass" sourceName="Ann's > scale" unit="kg" startDate="2024-01-10 08:00:00 +0100" endDate="2024-01-10 08:00:00 +0100" value="70.1"/>`,
        ` <Record type='HKQuantityTypeIdentifierHeartRate' sourceName='W' unit='count/min' startDate='2024-01-10 09:00:00 +0100' endDate='2024-01-10 09:00:00 +0100' value='x>y'/>`,
        '</HealthData>',
      ].join('\n'),
      'export.xml',
    );
    expect(r.rejected).toEqual([{ where: 'line 6', reason: 'heart_rate: value "x>y" is not a number' }]);
    expect([...(await readSamples(d, 'body_weight')).value]).toEqual([70.5, 70.1]);
    expect((await d.sources.toArray()).map((s) => s.name).sort()).toEqual(['Ann "the scale" > 2', "Ann's > scale"]);
    expect(r.added).toBe(2);
    expect((await d.profile.get('self'))?.sex).toBe('female');
  });
});

describe('Apple Health XML: a DOCTYPE whose quoted literal holds "[" and ">"', () => {
  it('is skipped whole, in either quote', async () => {
    for (const q of ['"', "'"]) {
      const d = db();
      const r = await importText(
        d,
        `<?xml version="1.0"?>\n<!DOCTYPE HealthData SYSTEM ${q}health[1>data.dtd${q}>\n<HealthData locale="en_US">\n <Record type="HKQuantityTypeIdentifierBodyMass" sourceName="S" unit="kg" startDate="2024-01-09 08:00:00 +0100" endDate="2024-01-09 08:00:00 +0100" value="70"/>\n</HealthData>\n`,
        'export.xml',
      );
      expect(r).toMatchObject({ added: 1, rejected: [] });
    }
  });
});
