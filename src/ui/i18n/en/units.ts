/** Values with their units, and the models' notes that hold values (in the user's units). */
export const units = {
  'units.value': '{value} {unit}',
  'units.feetInches': '{feet} ft {inches} in',
  /** A probability too small or too large to give as a whole percent: "<1%", ">99%". */
  'units.below': '<{value}',
  'units.above': '>{value}',
  'note.defaults': 'No fasting glucose or HbA1c: the population averages {glucose} and {hba1c} were used, so the forecast is not personal',
  'note.glucoseInferred': 'No fasting glucose: {glucose} was inferred from the HbA1c',
  'note.hba1cInferred': 'No HbA1c: {hba1c} was inferred from the fasting glucose',
  'note.diabetesRange':
    'Diabetes, or values in its range: the twin is built for prevention, so its probability of diabetes and its glucose model for people without diabetes do not apply',
  'note.outside': '{value} outside {lo}–{hi}',
  /** The anchor's notes (models/twin/anchor.ts): {why} is a risk.why.* clause. */
  'note.anchorUnavailable':
    '{model} could not work out your risk, so blood sugar in this forecast rises as it did in a high-risk trial group: {why}',
  'note.anchorUnavailable.review':
    "{model} could not work out the patient's risk, so blood sugar in this forecast rises as it did in a high-risk trial group: {why}",
  'note.anchorAbove':
    "This close to the diabetes thresholds, the twin's spread of weight, and of how weight acts on blood sugar, carries more people over than {source} records: even at its slowest, its 10-year chance of new diabetes is {twin} against {target}",
  'note.anchorBelow': "Even at its fastest, the twin's 10-year chance of new diabetes is {twin} against {target} by {source}",
} as const;
