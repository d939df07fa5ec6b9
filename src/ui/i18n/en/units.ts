/** Values with their units, and the models' notes that hold values (in the user's units). */
export const units = {
  'units.value': '{value} {unit}',
  'units.feetInches': '{feet} ft {inches} in',
  'note.defaults': 'No fasting glucose or HbA1c: the population averages {glucose} and {hba1c} were used, so the forecast is not personal',
  'note.glucoseInferred': 'No fasting glucose: {glucose} was inferred from the HbA1c',
  'note.hba1cInferred': 'No HbA1c: {hba1c} was inferred from the fasting glucose',
  'note.diabetesRange':
    'Diabetes, or values in its range: the twin is built for prevention, so its probability of diabetes and its glucose model for people without diabetes do not apply',
  'note.outside': '{value} outside {lo}–{hi}',
} as const;
