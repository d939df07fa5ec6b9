/**
 * The notes the models attach to a forecast or a score, in the user's words and units. The twin gives
 * them as data (models/twin/notes.ts: a code and values in canonical units), worded here by
 * `twinNoteText` from the message catalog; the risk report's are worded by src/ui/risk/notes.ts.
 * `noteText` words the models' older English notes (a string): the twin's known ones from the
 * catalog, and in any other each value written as "<quantity> <number> <unit>" (and a range
 * "outside A-B" after it) converted; the screens use the notes as data.
 */
import type { MetricId } from '../../models/metrics.ts';
import type { CannotSimulate } from '../../models/twin/person-from-profile.ts';
import type { TwinNote } from '../../models/twin/notes.ts';
import { scoreWhyText } from './risk/notes.ts';
import { display, formatPercent, withUnit, type UnitSettings } from './format.ts';
import { t } from './i18n/index.ts';

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;

/** Whole notes of the twin's person model (models/twin/person-from-profile.ts), word for word. */
const KNOWN: [RegExp, (m: RegExpMatchArray, s: UnitSettings) => string][] = [
  [
    new RegExp(`^no fasting glucose or HbA1c: population defaults ${NUMBER} mg/dL and ${NUMBER} % used; the forecast is not personal$`),
    (m, s) => t('note.defaults', { glucose: withUnit('blood_glucose', Number(m[1]), s), hba1c: withUnit('hba1c', Number(m[2]), s) }),
  ],
  [
    new RegExp(`^no fasting glucose: ${NUMBER} mg/dL inferred from HbA1c$`),
    (m, s) => t('note.glucoseInferred', { glucose: withUnit('blood_glucose', Number(m[1]), s) }),
  ],
  [
    new RegExp(`^no HbA1c: ${NUMBER} % inferred from fasting glucose$`),
    (m, s) => t('note.hba1cInferred', { hba1c: withUnit('hba1c', Number(m[1]), s) }),
  ],
  [/^the profile already has diabetes or values in its range: /, () => t('note.diabetesRange')],
];

/** Quantities as the models name them, with the metric and the unit they write. */
const QUANTITIES: [string, MetricId, string][] = [
  ['fasting glucose|glucose', 'blood_glucose', 'mg/dL'],
  ['HbA1c', 'hba1c', '%'],
  ['non-HDL cholesterol|total cholesterol|HDL', 'total_cholesterol', 'mg/dL'],
  ['triglycerides', 'triglycerides', 'mg/dL'],
  ['height', 'height', 'cm'],
  ['weight', 'body_weight', 'kg'],
];
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/%]/g, '\\$&');
const PATTERNS = QUANTITIES.map(
  ([names, metric, unit]) =>
    [new RegExp(`\\b(${names}) ${NUMBER} ${escape(unit)}(?: outside ${NUMBER}-${NUMBER}(?: ${escape(unit)})?)?`, 'g'), metric] as const,
);

/** A percent as every risk score on screen is written (formatPercent), so "5.5%" here is the risk page's "5.5%". */
const pct = formatPercent;

/**
 * A QDiabetes-2018 model as the headline and the risk page name it ("QDiabetes-2018 (with your HbA1c)"),
 * not by its letter ("QDiabetes-2018 C"), which no screen explains. Any other name is kept.
 */
export function scoreName(model: string): string {
  const m = /^QDiabetes-2018 ([ABC])$/.exec(model);
  return m ? `QDiabetes-2018 (${t(`headline.variant.${m[1] as 'A' | 'B' | 'C'}`)})` : model;
}

/** One of the twin's notes (a forecast's `notes`) in plain words and the user's units. */
export function twinNoteText(note: TwinNote, s: UnitSettings): string {
  switch (note.code) {
    case 'defaults':
      return t('note.defaults', {
        glucose: withUnit('blood_glucose', note.glucoseMgDl, s),
        hba1c: withUnit('hba1c', note.hba1cPercent, s),
      });
    case 'glucoseInferred':
      return t('note.glucoseInferred', { glucose: withUnit('blood_glucose', note.glucoseMgDl, s) });
    case 'hba1cInferred':
      return t('note.hba1cInferred', { hba1c: withUnit('hba1c', note.hba1cPercent, s) });
    case 'diabetesRange':
      return t('note.diabetesRange');
    case 'anchorUnavailable':
      return t('note.anchorUnavailable', { model: scoreName(note.model), why: scoreWhyText(note.why, s) });
    case 'anchorAbove':
    case 'anchorBelow':
      return t(note.code === 'anchorAbove' ? 'note.anchorAbove' : 'note.anchorBelow', {
        source: scoreName(note.source),
        twin: pct(note.twinPercent),
        target: pct(note.targetPercent),
      });
  }
}

/** One English note of a model in the user's units. */
export function noteText(note: string, s: UnitSettings): string {
  for (const [re, word] of KNOWN) {
    const m = note.match(re);
    if (m) return word(m, s);
  }
  let out = note;
  for (const [re, metric] of PATTERNS)
    out = out.replace(re, (_all, name: string, v: string, lo?: string, hi?: string) => {
      const value = `${name} ${withUnit(metric, Number(v), s)}`;
      return lo === undefined
        ? value
        : t('note.outside', { value, lo: display(metric, Number(lo), s).text, hi: withUnit(metric, Number(hi), s) });
    });
  return out;
}

/**
 * Why the twin cannot forecast, in plain words and the user's units (the engine's structured
 * reason, models/twin/person-from-profile.ts); a clinician reviewing a shared twin reads the
 * `.review` wording (i18n/index.ts).
 */
export function cannotSimulateText(why: CannotSimulate, s: UnitSettings): string {
  if (why.kind === 'missing') return t(`whatif.cannot.${why.field}`);
  const range = (metric: MetricId | undefined, v: number): string => (metric ? display(metric, v, s).text : String(Math.round(v)));
  const metric = why.field === 'fastingGlucose' ? 'blood_glucose' : undefined;
  // Not a number at all: only a hand-written CLI profile can say that; the app stores numbers.
  if (why.value === null) return t('whatif.cannot.unknown');
  const value = why.field === 'bmi' ? why.value.toFixed(1) : metric ? withUnit(metric, why.value, s) : String(Math.round(why.value));
  const hi = metric ? withUnit(metric, why.max, s) : String(why.max);
  return t(`whatif.cannot.outside.${why.field}`, { value, min: range(metric, why.min), max: hi });
}
