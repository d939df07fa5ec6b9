/** Risk page: the names of the risk equations' inputs. */
export const riskInputs = {
  'risk.in.sex': 'Sex', 'risk.in.age': 'Age', 'risk.in.heightCm': 'Height', 'risk.in.weightKg': 'Weight', 'risk.in.waistCm': 'Waist',
  'risk.in.bmi': 'BMI', 'risk.in.ethnicity': 'Ethnic group', 'risk.in.smoking': 'Smoking', 'risk.in.townsend': 'Townsend deprivation score',
  'risk.in.fastingGlucoseMgDl': 'Fasting glucose', 'risk.in.hba1cPercent': 'HbA1c', 'risk.in.totalCholesterolMgDl': 'Total cholesterol',
  'risk.in.hdlMgDl': 'HDL cholesterol', 'risk.in.triglyceridesMgDl': 'Triglycerides', 'risk.in.systolicBpMmHg': 'Systolic blood pressure',
  'risk.in.diastolicBpMmHg': 'Diastolic blood pressure', 'risk.in.egfr': 'Kidney function (eGFR)', 'risk.in.physicalActivityLevel': 'Physical activity level',
  'risk.in.familyHistoryDiabetes': 'Family members with diabetes', 'risk.in.diabetes': 'Diabetes', 'risk.in.cvd': 'Heart disease or stroke',
  'risk.in.treatedHypertension': 'Treated high blood pressure', 'risk.in.bpMedication': 'Blood-pressure medication', 'risk.in.statin': 'Statin',
  'risk.in.corticosteroids': 'Corticosteroids', 'risk.in.atypicalAntipsychotic': 'Atypical antipsychotic', 'risk.in.learningDisability': 'Learning disability',
  'risk.in.schizophreniaOrBipolar': 'Schizophrenia or bipolar disorder', 'risk.in.gestationalDiabetes': 'Diabetes in pregnancy', 'risk.in.pcos': 'Polycystic ovary syndrome',
  'risk.in.highGlucoseHistory': 'High glucose found before', 'risk.in.physicallyActiveDaily': 'Active 30 minutes every day',
  'risk.in.dailyFruitVegetables': 'Vegetables or fruit every day', 'risk.in.physicallyActive': 'Active 150 minutes a week', 'risk.in.hypertension': 'High blood pressure',
  'risk.in.yes': 'Yes', 'risk.in.no': 'No', 'risk.in.years': '{n} years',
} as const;
