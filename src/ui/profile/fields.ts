/** The profile form's choices and, for each field, why it matters (shown under the field). */
export const WHY = {
  birthDate: 'Age is the strongest driver of diabetes and heart risk, and it sets your body\'s energy use.',
  sex: 'Risk equations and the body-weight model differ between women and men.',
  heightCm: 'With your weight it gives your BMI and your energy expenditure.',
  ethnicity: 'Type 2 diabetes risk differs markedly between ethnic groups at the same weight (QDiabetes).',
  familyHistoryDiabetes: 'A parent or sibling with diabetes raises your own risk in several scores.',
  smoking: 'Smoking raises diabetes and heart risk; the what-if explorer can show stopping.',
  conditions: 'Some conditions change which scores apply, or how much risk they show.',
  medications: 'Treatments such as statins or blood-pressure drugs are inputs to the heart scores.',
  answers: 'A few questions no export can answer complete the FINDRISC and ADA questionnaires.',
} as const;

export const ETHNICITIES: [string, string][] = [
  ['not_stated', 'Prefer not to say'], ['white', 'White'], ['indian', 'Indian'], ['pakistani', 'Pakistani'], ['bangladeshi', 'Bangladeshi'],
  ['other_asian', 'Other Asian'], ['chinese', 'Chinese'], ['black_caribbean', 'Black Caribbean'], ['black_african', 'Black African'],
  ['african_american', 'African American'], ['hispanic', 'Hispanic or Latino'], ['other', 'Other'],
];

export const SMOKING: [string, string][] = [['non', 'Never smoked'], ['ex', 'Used to smoke'], ['light', 'Light (1–9 a day)'], ['moderate', 'Moderate (10–19 a day)'], ['heavy', 'Heavy (20 or more a day)']];

export const FAMILY: [string, string][] = [['none', 'No'], ['second_degree', 'Grandparent, aunt, uncle or cousin'], ['first_degree', 'Parent, brother, sister or child']];

export const CONDITIONS: [string, string][] = [
  ['prediabetes', 'Prediabetes (impaired glucose)'], ['diabetes', 'Type 2 diabetes'], ['type1_diabetes', 'Type 1 diabetes'], ['hypertension', 'High blood pressure'],
  ['cvd', 'Heart disease or stroke'], ['gestational_diabetes', 'Diabetes in pregnancy (women)'], ['pcos', 'Polycystic ovary syndrome (women)'],
];

export const MEDICATIONS: [string, string][] = [['metformin', 'Metformin'], ['statin', 'A statin'], ['antihypertensive', 'Blood-pressure medication'], ['insulin', 'Insulin']];

export const ANSWERS: [string, string][] = [
  ['physicallyActive', 'I am physically active for at least 150 minutes a week'],
  ['physicallyActiveDaily', 'I am active for at least 30 minutes every day'],
  ['dailyFruitVegetables', 'I eat vegetables, fruit or berries every day'],
  ['highGlucoseHistory', 'A test has ever found my blood glucose high'],
];
