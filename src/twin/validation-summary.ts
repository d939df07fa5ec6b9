/**
 * How far to trust the twin, for the screen: its trial rows (docs/validation.md "Twin v2"), computed
 * by tools/gen/validation-results.ts into models/validation/trial-results.generated.json (the trials
 * take about 30 s, so the browser never runs them), turned into what the table shows. The engine
 * words nothing: each row carries a message key for the UI (texts in src/ui/i18n/en/checks.ts).
 */
import generated from '../../models/validation/trial-results.generated.json' with { type: 'json' };

export type TrialKind = 'calibration' | 'validation' | 'held-out';

/** One row of the generated file (tools/gen/validation-results.ts `TrialResultRow`). */
export interface TrialResultRow {
  id: string;
  kind: TrialKind;
  expected: number;
  got: number;
  tolerance: number;
  pass: boolean;
  z: number | null;
  horizonYears: number;
}

export interface TrialResultsFile {
  measured: string;
  rows: TrialResultRow[];
}

/** The unit a number was published in: a percentage, a glucose concentration, or a ratio without unit. */
export type CheckUnit = '%' | 'mmol/L' | 'mg/dL' | 'ratio';

/** What the twin's part in a row was: fitted to it, checked against it, or kept aside until it was frozen. */
export type CheckRole = 'fitted' | 'checked' | 'keptAside';

export type CheckId =
  | 'dppPlacebo'
  | 'dppMetformin'
  | 'dppLifestyle'
  | 'dppHba1cMetformin'
  | 'dppHba1cLifestyle'
  | 'dppTriggersTwoHour'
  | 'dppTriggersConfirmed'
  | 'dppBaselineTwoHour'
  | 'dpsControl'
  | 'dpsIntervention'
  | 'dpsBaselineTwoHourMean'
  | 'dpsBaselineTwoHourSd'
  | 'lifestyleTwoHourChange'
  | 'dpposLifestyle'
  | 'dpposMetformin'
  | 'nhsDppHba1c';

/** The catalog key of a row's words: the UI's `t()` accepts only catalog keys, so a missing one fails type-checking. */
export type CheckLabelKey = `checks.row.${CheckId}`;

interface RowMeta {
  check: CheckId;
  unit: CheckUnit;
  /** Whether the row is about how many people got diabetes (a share or a ratio of new cases). */
  incidence: boolean;
}

/** Each trial row the file may hold (models/validation/trial-cases.ts ids). */
export const ROW_META: Readonly<Record<string, RowMeta>> = {
  'dpp-placebo-3y-cumulative-incidence-percent': { check: 'dppPlacebo', unit: '%', incidence: true },
  'dpp-metformin-3y-cumulative-incidence-percent': { check: 'dppMetformin', unit: '%', incidence: true },
  'dpp-lifestyle-3y-cumulative-incidence-percent': { check: 'dppLifestyle', unit: '%', incidence: true },
  'dpp-hba1c-defined-metformin-hazard-ratio': { check: 'dppHba1cMetformin', unit: 'ratio', incidence: true },
  'dpp-hba1c-defined-lifestyle-hazard-ratio': { check: 'dppHba1cLifestyle', unit: 'ratio', incidence: true },
  'dpp-ogtt-triggers-on-2h-percent': { check: 'dppTriggersTwoHour', unit: '%', incidence: false },
  'dpp-ogtt-triggers-confirmed-percent': { check: 'dppTriggersConfirmed', unit: '%', incidence: false },
  'dpp-baseline-2h-glucose-mean-mg-dl': { check: 'dppBaselineTwoHour', unit: 'mg/dL', incidence: false },
  'dps-control-4y-cumulative-incidence-percent': { check: 'dpsControl', unit: '%', incidence: true },
  'dps-intervention-4y-cumulative-incidence-percent': { check: 'dpsIntervention', unit: '%', incidence: true },
  'dps-baseline-2h-glucose-mean-mmol-l': { check: 'dpsBaselineTwoHourMean', unit: 'mmol/L', incidence: false },
  'dps-baseline-2h-glucose-sd-mmol-l': { check: 'dpsBaselineTwoHourSd', unit: 'mmol/L', incidence: false },
  'lifestyle-2h-glucose-change-year-1-mmol-l': { check: 'lifestyleTwoHourChange', unit: 'mmol/L', incidence: false },
  'dppos-lifestyle-10y-incidence-reduction-percent': { check: 'dpposLifestyle', unit: '%', incidence: true },
  'dppos-metformin-10y-incidence-reduction-percent': { check: 'dpposMetformin', unit: '%', incidence: true },
  'nhs-dpp-hba1c-change-at-minus-2.3-kg-percent': { check: 'nhsDppHba1c', unit: '%', incidence: false },
};

export interface CheckRow {
  id: string;
  labelKey: CheckLabelKey;
  role: CheckRole;
  /** The published number and the twin's, in `unit`, each with the decimals to show. */
  published: number;
  twin: number;
  publishedDecimals: number;
  twinDecimals: number;
  unit: CheckUnit;
  /** Whether the twin's number fell within the row's band around the published one. */
  reproduced: boolean;
  horizonYears: number;
  incidence: boolean;
}

export interface ValidationSummary {
  /** When the rows were computed (yyyy-mm-dd). */
  measured: string;
  rows: CheckRow[];
  /**
   * The longest follow-up, in years, at which the twin reproduced every trial's count of new
   * diabetes that it was not fitted to (kinds validation and held out): one miss at a horizon (DPPOS's
   * lifestyle arm at 10 years, DPS held out at 4) leaves that horizon unvalidated. 0 when none.
   */
  validatedHorizonYears: number;
}

const ROLE: Record<TrialKind, CheckRole> = { calibration: 'fitted', validation: 'checked', 'held-out': 'keptAside' };

/** Decimals of a number as written (28.9 → 1, 0.56 → 2, 47 → 0). */
export function decimalsOf(x: number): number {
  const s = String(x);
  if (/e/i.test(s)) return 0;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** The rows as the UI shows them; rows of an id the table does not know are left out. */
export function summarise(file: TrialResultsFile): ValidationSummary {
  const rows = file.rows.flatMap((r): CheckRow[] => {
    const meta = ROW_META[r.id];
    if (!meta) return [];
    const publishedDecimals = decimalsOf(r.expected);
    return [
      {
        id: r.id,
        labelKey: `checks.row.${meta.check}`,
        role: ROLE[r.kind],
        published: r.expected,
        twin: r.got,
        publishedDecimals,
        // The twin's number at the published precision, with at least one decimal (46.5 beside 47).
        twinDecimals: Math.max(1, publishedDecimals),
        unit: meta.unit,
        reproduced: r.pass,
        horizonYears: r.horizonYears,
        incidence: meta.incidence,
      },
    ];
  });
  const byHorizon = new Map<number, boolean>();
  for (const r of rows) {
    if (!r.incidence || r.role === 'fitted') continue;
    byHorizon.set(r.horizonYears, (byHorizon.get(r.horizonYears) ?? true) && r.reproduced);
  }
  const validated = [...byHorizon].filter(([, ok]) => ok).map(([h]) => h);
  return { measured: file.measured, rows, validatedHorizonYears: validated.length ? Math.max(...validated) : 0 };
}

/** The summary of the committed file. */
export const VALIDATION_SUMMARY: ValidationSummary = summarise(generated as TrialResultsFile);

/** Whether a figure `years` ahead lies beyond what the trials checked. */
export function beyondValidated(years: number, s: ValidationSummary = VALIDATION_SUMMARY): boolean {
  return years > s.validatedHorizonYears;
}
