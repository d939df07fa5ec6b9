/**
 * Model cards shown in Settings → About: what each model does, its source, the population it was
 * built on, and its limits. The full account, with every number's role, is docs/models.md.
 */
export interface ModelCard {
  name: string;
  does: string;
  source: string;
  population: string;
  limits: string;
}

export const MODEL_CARDS: readonly ModelCard[] = [
  {
    name: 'QDiabetes-2018 (A, B, C)', does: '10-year risk of type 2 diabetes; B adds fasting glucose, C adds HbA1c.',
    source: 'Hippisley-Cox J, Coupland C. BMJ 2017;359:j5019 (coefficients as published).',
    population: 'Adults 25–84 without diabetes in English general practice (QResearch).', limits: 'BMI clamped to 20–40; validated in the UK only.',
  },
  {
    name: 'FINDRISC', does: 'Points score for 10-year risk of type 2 diabetes.', source: 'Lindström J, Tuomilehto J. Diabetes Care 2003;26:725.',
    population: 'Finnish adults 35–64.', limits: 'A screening score: it sorts people, it does not diagnose.',
  },
  {
    name: 'ADA risk test', does: 'Points score for undiagnosed type 2 diabetes or prediabetes.', source: 'Bang H et al. Ann Intern Med 2009;151:775.',
    population: 'US adults (NHANES).', limits: 'Screening only; ≥ 5 points means "get tested".',
  },
  {
    name: 'AHA PREVENT', does: '10-year and 30-year risk of cardiovascular disease.', source: 'Khan SS et al. Circulation 2024;149:430.',
    population: 'US adults 30–79 without cardiovascular disease.', limits: 'Primary prevention only; not for people with known heart disease.',
  },
  {
    name: 'Pooled Cohort Equations', does: '10-year risk of a first heart attack or stroke.', source: 'Goff DC et al. Circulation 2014;129:S49.',
    population: 'US adults 40–79, White or African American.', limits: 'Over-estimates risk in many modern populations.',
  },
  {
    name: 'CKD-EPI 2021', does: 'Kidney function (eGFR) from creatinine.', source: 'Inker LA et al. N Engl J Med 2021;385:1737.',
    population: 'Adults in research and clinical cohorts.', limits: 'An estimate; muscle mass and diet move creatinine.',
  },
  {
    name: 'Body weight (Hall adult model)', does: 'Daily body weight, fat and lean mass from energy intake and activity.',
    source: 'Hall KD et al. Lancet 2011;378:826 (reference code GPL-3).', population: 'Adults; checked against the published reference trajectory.',
    limits: 'Energy intake is rarely known exactly; the twin calibrates it to your own weights.',
  },
  {
    name: 'Glycaemia (WHIG model)', does: 'Fasting glucose and HbA1c from insulin sensitivity and β-cell function over years.',
    source: 'de Winter W et al. J Pharmacokinet Pharmacodyn 2006;33:313; re-parameterized for people without diabetes (docs/models.md).',
    population: 'Its progression is calibrated to the Diabetes Prevention Program placebo arm and anchored to your QDiabetes-2018 risk.',
    limits: 'Does not model the 2-hour glucose of a glucose tolerance test; validated on trial averages, not on individuals.',
  },
  {
    name: 'The twin (ensemble and calibration)', does: '1000 simulated versions of you, weighted by how well each explains your own measurements.',
    source: 'Doppel (docs/models.md, docs/validation.md).', population: 'You, from the data on this device.',
    limits: 'Uncertainty bands show what the models know; they cannot show what the models leave out.',
  },
];
