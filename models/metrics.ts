/**
 * Canonical metrics (docs/metrics.md). Every importer maps what it reads onto these
 * ids and stores values in the canonical unit; display units are a setting and never change storage.
 */

export type MetricKind = 'instant' | 'cumulative' | 'interval';

export interface MetricDef {
  readonly id: MetricId;
  /** Canonical storage unit (UCUM-like). */
  readonly unit: string;
  readonly kind: MetricKind;
  /** Short English label for the UI (translation keys live in src/ui/i18n). */
  readonly label: string;
  /** LOINC codes that map to this metric in FHIR `Observation.code`. */
  readonly loinc: readonly string[];
  /** Apple Health `type` attribute, where Apple has one. */
  readonly appleType?: string;
}

export const METRIC_IDS = [
  'body_weight',
  'height',
  'bmi',
  'waist_circumference',
  'body_fat_percentage',
  'blood_glucose',
  'cgm_glucose',
  'hba1c',
  'systolic_bp',
  'diastolic_bp',
  'heart_rate',
  'resting_heart_rate',
  'hrv_sdnn',
  'steps',
  'active_energy',
  'exercise_minutes',
  'dietary_energy',
  'sleep',
  'total_cholesterol',
  'hdl_cholesterol',
  'ldl_cholesterol',
  'triglycerides',
  'creatinine',
  'egfr',
  'ogtt_2h_glucose',
  'hrv_rmssd',
  'spo2',
  'respiratory_rate',
] as const;

export type MetricId = (typeof METRIC_IDS)[number];

const defs: MetricDef[] = [
  {
    id: 'body_weight',
    unit: 'kg',
    kind: 'instant',
    label: 'Weight',
    loinc: ['29463-7', '3141-9'],
    appleType: 'HKQuantityTypeIdentifierBodyMass',
  },
  { id: 'height', unit: 'cm', kind: 'instant', label: 'Height', loinc: ['8302-2'], appleType: 'HKQuantityTypeIdentifierHeight' },
  { id: 'bmi', unit: 'kg/m2', kind: 'instant', label: 'BMI', loinc: ['39156-5'], appleType: 'HKQuantityTypeIdentifierBodyMassIndex' },
  {
    id: 'waist_circumference',
    unit: 'cm',
    kind: 'instant',
    label: 'Waist',
    loinc: ['8280-0'],
    appleType: 'HKQuantityTypeIdentifierWaistCircumference',
  },
  {
    id: 'body_fat_percentage',
    unit: '%',
    kind: 'instant',
    label: 'Body fat',
    loinc: ['41982-0'],
    appleType: 'HKQuantityTypeIdentifierBodyFatPercentage',
  },
  {
    id: 'blood_glucose',
    unit: 'mg/dL',
    kind: 'instant',
    label: 'Blood glucose',
    loinc: ['2339-0', '2345-7', '41653-7', '15074-8', '14749-6', '1558-6'],
    appleType: 'HKQuantityTypeIdentifierBloodGlucose',
  },
  { id: 'cgm_glucose', unit: 'mg/dL', kind: 'instant', label: 'CGM glucose', loinc: ['99504-3'] },
  { id: 'hba1c', unit: '%', kind: 'instant', label: 'HbA1c', loinc: ['4548-4', '17856-6', '59261-8'] },
  {
    id: 'systolic_bp',
    unit: 'mm[Hg]',
    kind: 'instant',
    label: 'Systolic BP',
    loinc: ['8480-6'],
    appleType: 'HKQuantityTypeIdentifierBloodPressureSystolic',
  },
  {
    id: 'diastolic_bp',
    unit: 'mm[Hg]',
    kind: 'instant',
    label: 'Diastolic BP',
    loinc: ['8462-4'],
    appleType: 'HKQuantityTypeIdentifierBloodPressureDiastolic',
  },
  {
    id: 'heart_rate',
    unit: '/min',
    kind: 'instant',
    label: 'Heart rate',
    loinc: ['8867-4'],
    appleType: 'HKQuantityTypeIdentifierHeartRate',
  },
  {
    id: 'resting_heart_rate',
    unit: '/min',
    kind: 'instant',
    label: 'Resting heart rate',
    loinc: ['40443-4'],
    appleType: 'HKQuantityTypeIdentifierRestingHeartRate',
  },
  {
    id: 'hrv_sdnn',
    unit: 'ms',
    kind: 'instant',
    label: 'HRV (SDNN)',
    loinc: ['80404-7'],
    appleType: 'HKQuantityTypeIdentifierHeartRateVariabilitySDNN',
  },
  { id: 'steps', unit: '{steps}', kind: 'cumulative', label: 'Steps', loinc: ['55423-8'], appleType: 'HKQuantityTypeIdentifierStepCount' },
  {
    id: 'active_energy',
    unit: 'kcal',
    kind: 'cumulative',
    label: 'Active energy',
    loinc: ['41981-2'],
    appleType: 'HKQuantityTypeIdentifierActiveEnergyBurned',
  },
  {
    id: 'exercise_minutes',
    unit: 'min',
    kind: 'cumulative',
    label: 'Exercise',
    loinc: ['55411-3'],
    appleType: 'HKQuantityTypeIdentifierAppleExerciseTime',
  },
  {
    id: 'dietary_energy',
    unit: 'kcal',
    kind: 'cumulative',
    label: 'Energy intake',
    loinc: ['9052-2'],
    appleType: 'HKQuantityTypeIdentifierDietaryEnergyConsumed',
  },
  { id: 'sleep', unit: 'min', kind: 'interval', label: 'Sleep', loinc: ['93832-4'], appleType: 'HKCategoryTypeIdentifierSleepAnalysis' },
  { id: 'total_cholesterol', unit: 'mg/dL', kind: 'instant', label: 'Total cholesterol', loinc: ['2093-3'] },
  { id: 'hdl_cholesterol', unit: 'mg/dL', kind: 'instant', label: 'HDL cholesterol', loinc: ['2085-9'] },
  { id: 'ldl_cholesterol', unit: 'mg/dL', kind: 'instant', label: 'LDL cholesterol', loinc: ['18262-6', '13457-7', '2089-1'] },
  { id: 'triglycerides', unit: 'mg/dL', kind: 'instant', label: 'Triglycerides', loinc: ['2571-8'] },
  { id: 'creatinine', unit: 'mg/dL', kind: 'instant', label: 'Creatinine', loinc: ['2160-0', '38483-4'] },
  { id: 'egfr', unit: 'mL/min/{1.73_m2}', kind: 'instant', label: 'eGFR', loinc: ['33914-3', '62238-1', '98979-8', '48642-3', '48643-1'] },
  // Plasma glucose 2 h after a 75 g oral glucose load (WHO 2006 diagnostic test).
  { id: 'ogtt_2h_glucose', unit: 'mg/dL', kind: 'instant', label: '2-hour glucose (OGTT)', loinc: ['20438-8', '1518-0'] },
  // RMSSD (Health Connect, Oura, WHOOP, Garmin): a different statistic from SDNN, never mixed with it.
  { id: 'hrv_rmssd', unit: 'ms', kind: 'instant', label: 'HRV (RMSSD)', loinc: [] },
  {
    id: 'spo2',
    unit: '%',
    kind: 'instant',
    label: 'Blood oxygen',
    loinc: ['59408-5', '2708-6'],
    appleType: 'HKQuantityTypeIdentifierOxygenSaturation',
  },
  {
    id: 'respiratory_rate',
    unit: '/min',
    kind: 'instant',
    label: 'Breathing rate',
    loinc: ['9279-1'],
    appleType: 'HKQuantityTypeIdentifierRespiratoryRate',
  },
];

export const METRICS: Readonly<Record<MetricId, MetricDef>> = Object.fromEntries(defs.map((d) => [d.id, d])) as Record<MetricId, MetricDef>;

export function isMetricId(x: string): x is MetricId {
  return (METRIC_IDS as readonly string[]).includes(x);
}
