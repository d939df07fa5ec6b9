/**
 * The profile form's choices and, for each field, why it matters (shown under the field): stored
 * values with the catalog key of their text (src/ui/i18n/en/welcome.ts).
 */
import type { MessageKey } from '../i18n/index.ts';

export const WHY = {
  name: 'profile.why.name',
  birthDate: 'profile.why.birthDate',
  sex: 'profile.why.sex',
  heightCm: 'profile.why.heightCm',
  ethnicity: 'profile.why.ethnicity',
  familyHistoryDiabetes: 'profile.why.familyHistoryDiabetes',
  smoking: 'profile.why.smoking',
  conditions: 'profile.why.conditions',
  medications: 'profile.why.medications',
  answers: 'profile.why.answers',
} as const satisfies Record<string, MessageKey>;

export const ETHNICITIES: [string, MessageKey][] = [
  ['not_stated', 'profile.ethnicity.not_stated'],
  ['white', 'profile.ethnicity.white'],
  ['indian', 'profile.ethnicity.indian'],
  ['pakistani', 'profile.ethnicity.pakistani'],
  ['bangladeshi', 'profile.ethnicity.bangladeshi'],
  ['other_asian', 'profile.ethnicity.other_asian'],
  ['chinese', 'profile.ethnicity.chinese'],
  ['black_caribbean', 'profile.ethnicity.black_caribbean'],
  ['black_african', 'profile.ethnicity.black_african'],
  ['african_american', 'profile.ethnicity.african_american'],
  ['hispanic', 'profile.ethnicity.hispanic'],
  ['other', 'profile.ethnicity.other'],
];

export const SMOKING: [string, MessageKey][] = [
  ['non', 'profile.smoking.non'],
  ['ex', 'profile.smoking.ex'],
  ['light', 'profile.smoking.light'],
  ['moderate', 'profile.smoking.moderate'],
  ['heavy', 'profile.smoking.heavy'],
];

export const FAMILY: [string, MessageKey][] = [
  ['none', 'profile.family.none'],
  ['second_degree', 'profile.family.second_degree'],
  ['first_degree', 'profile.family.first_degree'],
];

export const CONDITIONS: [string, MessageKey][] = [
  ['prediabetes', 'profile.condition.prediabetes'],
  ['diabetes', 'profile.condition.diabetes'],
  ['type1_diabetes', 'profile.condition.type1_diabetes'],
  ['hypertension', 'profile.condition.hypertension'],
  ['cvd', 'profile.condition.cvd'],
  ['gestational_diabetes', 'profile.condition.gestational_diabetes'],
  ['pcos', 'profile.condition.pcos'],
];

export const MEDICATIONS: [string, MessageKey][] = [
  ['metformin', 'profile.medication.metformin'],
  ['statin', 'profile.medication.statin'],
  ['antihypertensive', 'profile.medication.antihypertensive'],
  ['insulin', 'profile.medication.insulin'],
];

export const ANSWERS: [string, MessageKey][] = [
  ['physicallyActive', 'profile.question.physicallyActive'],
  ['physicallyActiveDaily', 'profile.question.physicallyActiveDaily'],
  ['dailyFruitVegetables', 'profile.question.dailyFruitVegetables'],
  ['highGlucoseHistory', 'profile.question.highGlucoseHistory'],
];
