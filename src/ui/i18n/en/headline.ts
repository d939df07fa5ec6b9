/**
 * The one answer to "what is my risk of type 2 diabetes?" (models/twin/headline.ts): named the same
 * way on every screen that shows it (twin, what-if, risk scores, visit summary).
 */
export const headline = {
  'headline.title': 'Your risk of type 2 diabetes in the next 10 years',
  'headline.title.review': "The patient's risk of type 2 diabetes in the next 10 years",
  'headline.value': '{percent}',
  'headline.from':
    'From your twin: it starts from QDiabetes-2018 ({variant}), a published score built on millions of people in England, which gives {anchor}, and is then fitted to your own measurements. The what-if explorer starts from this number.',
  'headline.from.review':
    "From the patient's twin: it starts from QDiabetes-2018 ({variant}), a published score built on millions of people in England, which gives {anchor}, and is then fitted to the patient's own measurements. The what-if explorer starts from this number.",
  'headline.fromNoAnchor': 'From your twin, fitted to your own measurements. The what-if explorer starts from this number.',
  'headline.fromNoAnchor.review':
    "From the patient's twin, fitted to the patient's own measurements. The what-if explorer starts from this number.",
  'headline.variant.A': 'without blood tests',
  'headline.variant.B': 'with your fasting glucose',
  'headline.variant.B.review': "with the patient's fasting glucose",
  'headline.variant.C': 'with your HbA1c',
  'headline.variant.C.review': "with the patient's HbA1c",
  'headline.today':
    'Apart from that: a {percent} chance that your usual glucose is already in the diabetes range today. A blood test would tell.',
  'headline.today.review':
    "Apart from that: a {percent} chance that the patient's usual glucose is already in the diabetes range today. A blood test would tell.",
  'headline.working': 'Working out your risk…',
  'headline.working.review': "Working out the patient's risk…",
  'headline.cannot': 'Your twin cannot give a risk yet: {reason}',
  'headline.cannot.review': "The patient's twin cannot give a risk yet: {reason}",
  'headline.hasDiabetes.title': 'You already have diabetes',
  'headline.hasDiabetes.title.review': 'The patient already has diabetes',
  'headline.hasDiabetes.recorded': 'Your records say you have diabetes.',
  'headline.hasDiabetes.recorded.review': "The patient's records say they have diabetes.",
  'headline.hasDiabetes.hba1c': 'Your latest HbA1c, {value}, is in the diabetes range.',
  'headline.hasDiabetes.hba1c.review': "The patient's latest HbA1c, {value}, is in the diabetes range.",
  'headline.hasDiabetes.fastingGlucose': 'Your latest fasting glucose, {value}, is in the diabetes range.',
  'headline.hasDiabetes.fastingGlucose.review': "The patient's latest fasting glucose, {value}, is in the diabetes range.",
  'headline.hasDiabetes.body':
    "Doppel's diabetes forecast is for preventing type 2 diabetes, so it is not shown for you, nor are forecasts of your glucose and HbA1c. Your weight forecast, blood pressure and heart scores still apply. If no clinician has told you that you have diabetes, ask for a test.",
  'headline.hasDiabetes.body.review':
    "Doppel's diabetes forecast is for preventing type 2 diabetes, so it is not shown for this patient, nor are forecasts of glucose and HbA1c. The weight forecast, blood pressure and heart scores still apply.",
};
