/**
 * "What the twin was checked against": the published trial numbers the twin was run against
 * (src/twin/validation-summary.ts; docs/validation.md "In the app"). Each row says which trial,
 * which group, over how long and what was counted, in plain words.
 */
export const checks = {
  'checks.title': 'What the twin was checked against',
  'checks.intro':
    'The twin was run on simulated versions of the people in published trials, and its numbers were compared with theirs. A number is reproduced when the twin’s lies within a margin set before the comparison.',
  'checks.measured': 'The twin’s numbers were worked out on {date}; the app shows them and does not rerun the trials.',
  'checks.validated.one': 'The twin reproduced how many people got diabetes in trials lasting up to {count} year.',
  'checks.validated.other': 'The twin reproduced how many people got diabetes in trials lasting up to {count} years.',
  'checks.validated.none': 'The twin has not yet reproduced how many people got diabetes in any trial it was not fitted to.',
  'checks.col.what': 'What was checked',
  'checks.col.published': 'Published',
  'checks.col.twin': 'Twin',
  'checks.col.result': 'Result',
  'checks.col.horizon': 'Over',
  'checks.result.reproduced': 'Reproduced',
  'checks.result.missed': 'Missed',
  'checks.result.fitted': 'Fitted to this',
  'checks.result.fittedMissed': 'Fitted to this, yet missed',
  'checks.result.keptAside.reproduced': 'Reproduced (kept aside until the model was frozen)',
  'checks.result.keptAside.missed': 'Missed (kept aside until the model was frozen)',
  'checks.value.percent': '{value} %',
  'checks.value.mmolL': '{value} mmol/L',
  'checks.value.mgDl': '{value} mg/dL',
  'checks.value.ratio': '{value} times placebo’s rate',
  'checks.years.one': '{count} year',
  'checks.years.other': '{count} years',

  'checks.row.dppPlacebo': 'Diabetes Prevention Program, placebo, 3 years: new diabetes',
  'checks.row.dppMetformin': 'Diabetes Prevention Program, metformin, 3 years: new diabetes',
  'checks.row.dppLifestyle': 'Diabetes Prevention Program, lifestyle programme, 3 years: new diabetes',
  'checks.row.dppHba1cMetformin': 'Diabetes Prevention Program, metformin, 3 years: new diabetes by HbA1c, against placebo',
  'checks.row.dppHba1cLifestyle': 'Diabetes Prevention Program, lifestyle programme, 3 years: new diabetes by HbA1c, against placebo',
  'checks.row.dppTriggersTwoHour':
    'Diabetes Prevention Program, placebo, 3 years: share of first high results found by the 2-hour glucose test',
  'checks.row.dppTriggersConfirmed':
    'Diabetes Prevention Program, placebo, 3 years: share of first high results confirmed by a second test',
  'checks.row.dppBaselineTwoHour': 'Diabetes Prevention Program, at the start: average 2-hour glucose',
  'checks.row.dpsControl': 'Finnish Diabetes Prevention Study, usual care, 4 years: new diabetes',
  'checks.row.dpsIntervention': 'Finnish Diabetes Prevention Study, lifestyle programme, 4 years: new diabetes',
  'checks.row.dpsBaselineTwoHourMean': 'Finnish Diabetes Prevention Study, at the start: average 2-hour glucose',
  'checks.row.dpsBaselineTwoHourSd': 'Finnish Diabetes Prevention Study, at the start: how much 2-hour glucose varies between people',
  'checks.row.lifestyleTwoHourChange': 'Lifestyle programmes (8 trials together), 1 year: change in 2-hour glucose against usual care',
  'checks.row.dpposLifestyle': 'Diabetes Prevention Program and its follow-up, lifestyle programme, 10 years: fewer new cases than placebo',
  'checks.row.dpposMetformin': 'Diabetes Prevention Program and its follow-up, metformin, 10 years: fewer new cases than placebo',
  'checks.row.nhsDppHba1c': 'NHS Diabetes Prevention Programme, 1 year, after losing 2.3 kg: change in HbA1c',
} as const;
