import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/data/settings.ts';
import { agoText, dayRange, fieldLabel, valueText } from '../../../src/ui/profile/words.ts';

describe('profile fields and values in the person’s words', () => {
  it('names fields as the form does, answers by their question', () => {
    expect(fieldLabel('birthDate')).toBe('Date of birth');
    expect(fieldLabel('heightCm')).toBe('Height');
    expect(fieldLabel('answers.physicallyActive')).toBe('I am physically active for at least 150 minutes a week');
    expect(fieldLabel('medications')).toBe('Medications you take');
  });

  it('says values in words and the user’s units, never stored codes', () => {
    expect(valueText('sex', 'female', DEFAULT_SETTINGS)).toBe('Female');
    expect(valueText('heightCm', 172.9, DEFAULT_SETTINGS)).toBe('173 cm');
    expect(valueText('medications', 'insulin', DEFAULT_SETTINGS)).toBe('Insulin');
    expect(valueText('conditions', 'prediabetes', DEFAULT_SETTINGS)).toBe('Prediabetes (impaired glucose)');
    expect(valueText('smoking', 'ex', DEFAULT_SETTINGS)).toBe('Used to smoke');
    expect(valueText('answers.physicallyActive', false, DEFAULT_SETTINGS)).toBe('No');
    expect(valueText('birthDate', '1972-06-12', DEFAULT_SETTINGS)).toMatch(/1972/);
  });

  it('gives a window as one range of days and its age in plain time', () => {
    const r = dayRange('2021-06-03', '2021-06-09');
    expect(r).toMatch(/3/);
    expect(r).toMatch(/9/);
    expect(r).toMatch(/2021/);
    expect(dayRange('2021-06-03', '2021-06-03')).not.toMatch(/[–-]/);
    expect(agoText(1)).toMatch(/yesterday|1 day ago/);
    expect(agoText(5 * 365)).toBe(new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-5, 'year'));
  });
});
