/**
 * The risk report's notes in plain words and the user's units: the models give each note as data (a
 * code, the score it concerns and values in canonical units; models/risk/report.ts `RiskNote`, the
 * scores' `ScoreWhy`), and this words them from the message catalog. The report's English
 * `warnings` are the CLI's and never reach the screen.
 */
import type { MetricId } from '../../../models/metrics.ts';
import type { RangeInput, ScoreWhy } from '../../../models/risk/common.ts';
import type { AssumedValue, RiskNote } from '../../../models/risk/report.ts';
import { display, withUnit, type UnitSettings } from '../format.ts';
import { t } from '../i18n/index.ts';
import { inputLabel } from './inputs.ts';

const nf = (digits: number): Intl.NumberFormat => new Intl.NumberFormat(undefined, { maximumFractionDigits: digits });

/** The metric a range input is stored as (its value and range are converted to the user's units), if it has one. */
const METRIC: Partial<Record<RangeInput, MetricId>> = {
  fastingGlucose: 'blood_glucose',
  hba1c: 'hba1c',
  totalCholesterol: 'total_cholesterol',
  hdl: 'hdl_cholesterol',
  systolicBp: 'systolic_bp',
};

/** The profile field a range input is, for its name (risk.in.*). */
const FIELD: Record<Exclude<RangeInput, 'horizon'>, string> = {
  age: 'age',
  townsend: 'townsend',
  fastingGlucose: 'fastingGlucoseMgDl',
  hba1c: 'hba1cPercent',
  totalCholesterol: 'totalCholesterolMgDl',
  hdl: 'hdlMgDl',
  systolicBp: 'systolicBpMmHg',
  egfr: 'egfr',
  bmi: 'bmi',
};

const inputName = (input: RangeInput): string => (input === 'horizon' ? t('risk.why.horizon') : inputLabel(FIELD[input]));

/** A range input's value (with its unit where it has one). */
function rangeValue(input: RangeInput, v: number, s: UnitSettings, unit = true): string {
  const metric = METRIC[input];
  if (metric) return unit ? withUnit(metric, v, s) : display(metric, v, s).text;
  if (input === 'age' || input === 'horizon') return unit ? t('risk.in.years', { n: nf(0).format(v) }) : nf(0).format(v);
  if (input === 'bmi') return unit ? `${nf(1).format(v)} kg/m²` : nf(1).format(v);
  return nf(1).format(v);
}

const list = (inputs: readonly string[]): string => inputs.map(inputLabel).join(t('common.listSeparator'));

/** Why a score cannot be computed, in plain words (a clause: "age 24 is outside …"). */
export function scoreWhyText(why: ScoreWhy, s: UnitSettings): string {
  switch (why.kind) {
    case 'outside':
      return t('risk.why.outside', {
        input: inputName(why.input),
        value: rangeValue(why.input, why.value, s),
        min: rangeValue(why.input, why.min, s, false),
        max: rangeValue(why.input, why.max, s),
      });
    case 'needs':
      return t('risk.why.needs', { inputs: list(why.inputs) });
    case 'notANumber':
      return t('risk.why.notANumber');
    case 'notPositive':
      return t('risk.why.notPositive', { inputs: list(why.inputs) });
    case 'womenOnly':
      return t('risk.why.womenOnly');
    case 'diabetesRange':
      return t('risk.why.diabetesRange', { input: inputName(why.input), value: rangeValue(why.input, why.value, s) });
    case 'hasDiabetes':
      return t('risk.why.hasDiabetes');
    case 'hasCvd':
      return t('risk.why.hasCvd');
    case 'heightWeight':
      return t('risk.why.heightWeight', {
        height: withUnit('height', why.heightCm, s),
        weight: withUnit('body_weight', why.weightKg, s),
        heightMin: display('height', 140, s).text,
        heightMax: withUnit('height', 210, s),
        weightMin: display('body_weight', 40, s).text,
        weightMax: withUnit('body_weight', 180, s),
      });
  }
}

const AS: Record<AssumedValue, 'risk.note.as.whiteOrNotStated' | 'risk.note.as.nonSmoker' | 'risk.note.as.zero' | 'risk.note.as.no'> = {
  whiteOrNotStated: 'risk.note.as.whiteOrNotStated',
  nonSmoker: 'risk.note.as.nonSmoker',
  zero: 'risk.note.as.zero',
  no: 'risk.note.as.no',
};

/** One note of the risk report in plain words and the user's units. */
export function riskNoteText(note: RiskNote, s: UnitSettings): string {
  switch (note.code) {
    case 'notComputed':
      return t('risk.note.notComputed', { why: scoreWhyText(note.why, s) });
    case 'assumed':
      return t('risk.note.assumed', {
        list: note.inputs
          .map(({ input, as }) => t('risk.note.assumedItem', { input: inputLabel(input), value: t(AS[as]) }))
          .join(t('risk.note.assumedSeparator')),
      });
    case 'bmiClamped':
      return t('risk.note.bmiClamped', { bmi: nf(1).format(note.bmi), usedAs: nf(1).format(note.usedAs) });
    case 'lowGlucose':
      return t('risk.note.lowGlucose', { value: withUnit('blood_glucose', note.belowMgDl, s) });
  }
}

/**
 * The notes that concern one score card, in plain words: the card's own (`key`, e.g. "prevent
 * base10y cvd") and its family's ("prevent"), as the report names them. For the risk page's cards,
 * in place of warningsFor + noteText on the English warnings.
 */
export function scoreNoteTexts(key: string, notes: readonly RiskNote[], s: UnitSettings): string[] {
  const family = key.split(' ')[0]!;
  return notes.filter((n) => n.score === key || n.score === family).map((n) => riskNoteText(n, s));
}
