import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import committed from '../../../models/validation/trial-results.generated.json' with { type: 'json' };
import { trialValidationCases } from '../../../models/validation/trial-cases.ts';
import {
  beyondValidated,
  decimalsOf,
  ROW_META,
  summarise,
  VALIDATION_SUMMARY,
  type TrialResultRow,
  type TrialResultsFile,
} from '../../../src/twin/validation-summary.ts';
import { ValidationTable } from '../../../src/ui/components/ValidationTable.tsx';
import { en } from '../../../src/ui/i18n/en.ts';
import { beyondCheckedSentence } from '../../../src/ui/whatif/sentence.ts';

const file = committed as TrialResultsFile;
const row = (over: Partial<TrialResultRow> & Pick<TrialResultRow, 'id'>): TrialResultRow => ({
  kind: 'validation',
  expected: 10,
  got: 11,
  tolerance: 3,
  pass: true,
  z: null,
  horizonYears: 3,
  ...over,
});
const fileOf = (...rows: TrialResultRow[]): TrialResultsFile => ({ measured: '2026-12-03', rows });

describe('the validation summary', () => {
  it('knows every trial row validate computes, with words in the catalog', () => {
    for (const c of trialValidationCases()) {
      const meta = ROW_META[c.id];
      expect(meta, c.id).toBeDefined();
      expect(en, c.id).toHaveProperty([`checks.row.${meta!.check}`]);
    }
  });

  it('turns the committed file into one row per trial row, with the published and twin numbers as stored', () => {
    const s = summarise(file);
    expect(s.rows.map((r) => r.id)).toEqual(file.rows.map((r) => r.id));
    s.rows.forEach((r, i) => {
      const f = file.rows[i]!;
      expect(r.published).toBe(f.expected);
      expect(r.twin).toBe(f.got);
      expect(r.reproduced).toBe(f.pass);
      expect(r.horizonYears).toBe(f.horizonYears);
      expect(r.role).toBe({ calibration: 'fitted', validation: 'checked', 'held-out': 'keptAside' }[f.kind]);
    });
    expect(VALIDATION_SUMMARY).toEqual(s);
  });

  it('gives each row its unit and the decimals to show', () => {
    const s = summarise(
      fileOf(
        row({ id: 'dpp-placebo-3y-cumulative-incidence-percent', kind: 'calibration', expected: 28.9, got: 29.3 }),
        row({ id: 'dpp-hba1c-defined-metformin-hazard-ratio', expected: 0.56, got: 0.602 }),
        row({ id: 'dpp-ogtt-triggers-confirmed-percent', expected: 47, got: 46.5 }),
        row({ id: 'dpp-baseline-2h-glucose-mean-mg-dl', expected: 164.6, got: 164.6 }),
        row({ id: 'dps-baseline-2h-glucose-mean-mmol-l', expected: 8.9, got: 9.37, horizonYears: 4 }),
      ),
    );
    expect(s.rows.map((r) => [r.unit, r.publishedDecimals, r.twinDecimals])).toEqual([
      ['%', 1, 1],
      ['ratio', 2, 2],
      ['%', 0, 1],
      ['mg/dL', 1, 1],
      ['mmol/L', 1, 1],
    ]);
    expect(s.rows[0]!.labelKey).toBe('checks.row.dppPlacebo');
    expect(decimalsOf(-0.0804)).toBe(4);
    expect(decimalsOf(3)).toBe(0);
  });

  it('leaves out a row it has no words for', () => {
    expect(summarise(fileOf(row({ id: 'kosaka-4y-cumulative-incidence-percent' }))).rows).toEqual([]);
  });

  it('validates a horizon only where every new-diabetes row it was not fitted to was reproduced', () => {
    const dpp = [
      row({ id: 'dpp-placebo-3y-cumulative-incidence-percent', kind: 'calibration' }),
      row({ id: 'dpp-metformin-3y-cumulative-incidence-percent' }),
    ];
    const dps = (pass: boolean): TrialResultRow =>
      row({ id: 'dps-control-4y-cumulative-incidence-percent', kind: 'held-out', horizonYears: 4, pass });
    const dppos = (lifestyle: boolean): TrialResultRow[] => [
      row({ id: 'dppos-lifestyle-10y-incidence-reduction-percent', horizonYears: 10, pass: lifestyle }),
      row({ id: 'dppos-metformin-10y-incidence-reduction-percent', horizonYears: 10 }),
    ];
    expect(summarise(fileOf(...dpp, dps(true), ...dppos(true))).validatedHorizonYears).toBe(10);
    // One 10-year arm missed: 10 years is not validated, though the other arm was reproduced.
    expect(summarise(fileOf(...dpp, dps(true), ...dppos(false))).validatedHorizonYears).toBe(4);
    expect(summarise(fileOf(...dpp, dps(false), ...dppos(false))).validatedHorizonYears).toBe(3);
    // A row that is not a count of new diabetes (a 10-year glucose change) does not validate 10 years.
    expect(
      summarise(fileOf(...dpp, row({ id: 'lifestyle-2h-glucose-change-year-1-mmol-l', horizonYears: 10 }))).validatedHorizonYears,
    ).toBe(3);
    // The row the twin was fitted to validates nothing.
    expect(summarise(fileOf(dpp[0]!)).validatedHorizonYears).toBe(0);
  });

  it('on the committed results, validates what the trials the twin was not fitted to confirm', () => {
    const s = summarise(file);
    const incidence = s.rows.filter((r) => r.incidence && r.role !== 'fitted');
    for (const r of incidence.filter((r) => r.horizonYears === s.validatedHorizonYears)) expect(r.reproduced, r.id).toBe(true);
    for (const r of incidence.filter((r) => r.horizonYears > s.validatedHorizonYears)) {
      expect(
        incidence.some((q) => q.horizonYears === r.horizonYears && !q.reproduced),
        `${r.horizonYears} years`,
      ).toBe(true);
    }
    expect(beyondValidated(10, s)).toBe(s.validatedHorizonYears < 10);
  });
});

describe('on screen', () => {
  it('says when a figure lies beyond the trials, in plain words', () => {
    expect(beyondCheckedSentence(3, 3)).toBeNull();
    expect(beyondCheckedSentence(10, 3)).toBe(
      'The twin has been checked against trials over up to 3 years; 10 years is beyond that, so read the 10-year figure as an estimate with more doubt.',
    );
    expect(beyondCheckedSentence(10, 0)).toMatch(/10-year figure as an estimate with more doubt/);
  });

  it('lists every row with its numbers and no developer words', () => {
    const html = renderToStaticMarkup(createElement(ValidationTable, { collapsed: true }));
    expect(html).toMatch(/^<details/);
    expect(html).toContain('What the twin was checked against');
    expect(html).toContain('Diabetes Prevention Program, placebo, 3 years: new diabetes');
    expect(html).toContain('Fitted to this');
    for (const r of VALIDATION_SUMMARY.rows) expect(html).toContain(`data-check="${r.id}"`);
    const text = html.replace(/<[^>]*>/g, ' ');
    expect(text).not.toMatch(/z-score|held.out|calibrat|validation|\bz\b/i);
    expect(renderToStaticMarkup(createElement(ValidationTable))).toMatch(/^<section[^>]*><h3/);
  });

  it("shows glucose rows in the person's own glucose unit", () => {
    const cell = (unit: 'mg/dL' | 'mmol/L', id: string, which: 'published' | 'twin'): string => {
      const html = renderToStaticMarkup(createElement(ValidationTable, { glucoseUnit: unit }));
      const row = html.slice(html.indexOf(`data-check="${id}"`));
      const m = row.match(new RegExp(`data-value="${which}">([^<]*)<`));
      return m![1]!;
    };
    // DPP published its baseline in mg/dL, DPS in mmol/L: each reads in the person's unit.
    expect(cell('mg/dL', 'dpp-baseline-2h-glucose-mean-mg-dl', 'published')).toMatch(/^164\.6 mg\/dL$/);
    expect(cell('mmol/L', 'dpp-baseline-2h-glucose-mean-mg-dl', 'published')).toMatch(/^9\.14 mmol\/L$/);
    expect(cell('mmol/L', 'dps-baseline-2h-glucose-mean-mmol-l', 'published')).toMatch(/^8\.9 mmol\/L$/);
    expect(cell('mg/dL', 'dps-baseline-2h-glucose-mean-mmol-l', 'published')).toMatch(/^160 mg\/dL$/);
  });
});
