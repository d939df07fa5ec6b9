/**
 * Body-region status of the twin from the person's latest data. Thresholds and their sources:
 * - Metabolic: HbA1c 5.7-6.4 % or fasting glucose 100-125 mg/dL = prediabetes; ≥ 6.5 % / ≥ 126 mg/dL =
 *   diabetes range (American Diabetes Association, Standards of Care in Diabetes 2024, §2, Table 2.1/2.5).
 *   CGM: glucose management indicator GMI (%) = 3.31 + 0.02392 × mean glucose (mg/dL) (Bergenstal et al.,
 *   Diabetes Care 2018;41:2275); time in range 70-180 mg/dL, target > 70 % (Battelino et al., Diabetes
 *   Care 2019;42:1593).
 * - Cardiovascular: BP < 120/80 normal, 120-129/< 80 elevated, 130-139 or 80-89 stage 1, ≥ 140 or ≥ 90
 *   stage 2 (Whelton et al., 2017 ACC/AHA guideline, Hypertension 2018;71:e13).
 * - Activity: ≥ 150 min/week of moderate activity (WHO guidelines on physical activity, 2020).
 * - Sleep: ≥ 7 h a night for adults (Watson et al., AASM/SRS consensus, Sleep 2015;38:843).
 * - Weight: BMI 25-29.9 overweight, ≥ 30 obesity (WHO).
 */

export type Level = 'good' | 'watch' | 'concern' | 'unknown';

export interface RegionStatus {
  region: 'metabolic' | 'cardiovascular' | 'activity' | 'sleep' | 'weight';
  level: Level;
  /** One plain sentence, numbers included. */
  summary: string;
}

export interface StatusInputs {
  hba1cPercent?: number;
  fastingGlucoseMgDl?: number;
  cgmMeanMgDl?: number;
  cgmTimeInRangePercent?: number;
  systolicBpMmHg?: number;
  diastolicBpMmHg?: number;
  exerciseMinPerWeek?: number;
  stepsPerDay?: number;
  sleepHoursPerNight?: number;
  bmi?: number;
}

/** Glucose management indicator, % (Bergenstal 2018). */
export function gmiPercent(meanGlucoseMgDl: number): number {
  return 3.31 + 0.02392 * meanGlucoseMgDl;
}

/** HbA1c (%) against the ADA ranges: normal, prediabetes (watch), diabetes (concern). */
export function hba1cLevel(percent: number): Level {
  return percent >= 6.5 ? 'concern' : percent >= 5.7 ? 'watch' : 'good';
}

/** Fasting glucose (mg/dL) against the ADA ranges. */
export function fastingGlucoseLevel(mgDl: number): Level {
  return mgDl >= 126 ? 'concern' : mgDl >= 100 ? 'watch' : 'good';
}

export type BpStage = 'stage2' | 'stage1' | 'elevated' | 'normal';
/** Blood pressure category of the 2017 ACC/AHA guideline. */
export function bpStage(systolic: number, diastolic: number): BpStage {
  return systolic >= 140 || diastolic >= 90
    ? 'stage2'
    : systolic >= 130 || diastolic >= 80
      ? 'stage1'
      : systolic >= 120
        ? 'elevated'
        : 'normal';
}

export type BmiBand = 'obesity' | 'overweight' | 'healthy' | 'underweight';
/** WHO BMI band, on the unrounded BMI. */
export function bmiBand(bmi: number): BmiBand {
  return bmi >= 30 ? 'obesity' : bmi >= 25 ? 'overweight' : bmi >= 18.5 ? 'healthy' : 'underweight';
}

export function metabolicStatus(x: StatusInputs): RegionStatus {
  const parts: string[] = [];
  let level = 'unknown' as Level;
  const raise = (l: Level): void => {
    const order: Level[] = ['unknown', 'good', 'watch', 'concern'];
    if (order.indexOf(l) > order.indexOf(level)) level = l;
  };
  if (x.hba1cPercent !== undefined) {
    parts.push(`HbA1c ${x.hba1cPercent.toFixed(1)} %`);
    raise(hba1cLevel(x.hba1cPercent));
  }
  if (x.fastingGlucoseMgDl !== undefined) {
    parts.push(`fasting glucose ${Math.round(x.fastingGlucoseMgDl)} mg/dL`);
    raise(fastingGlucoseLevel(x.fastingGlucoseMgDl));
  }
  if (x.cgmMeanMgDl !== undefined) {
    parts.push(`CGM GMI ${gmiPercent(x.cgmMeanMgDl).toFixed(1)} %`);
    if (x.cgmTimeInRangePercent !== undefined) parts.push(`${Math.round(x.cgmTimeInRangePercent)} % of time in 70-180 mg/dL`);
  }
  const what =
    level === 'concern'
      ? 'in the diabetes range'
      : level === 'watch'
        ? 'in the prediabetes range'
        : level === 'good'
          ? 'in the normal range'
          : 'no glucose data yet';
  return { region: 'metabolic', level, summary: parts.length ? `${cap(parts.join(', '))}: ${what}.` : 'No glucose data yet.' };
}

export function cardiovascularStatus(x: StatusInputs): RegionStatus {
  const s = x.systolicBpMmHg,
    d = x.diastolicBpMmHg;
  if (s === undefined || d === undefined) return { region: 'cardiovascular', level: 'unknown', summary: 'No blood pressure yet.' };
  const stage = (
    {
      stage2: ['stage 2 hypertension', 'concern'],
      stage1: ['stage 1 hypertension', 'watch'],
      elevated: ['elevated', 'watch'],
      normal: ['normal', 'good'],
    } as const
  )[bpStage(s, d)];
  return { region: 'cardiovascular', level: stage[1], summary: `Blood pressure ${Math.round(s)}/${Math.round(d)} mmHg: ${stage[0]}.` };
}

export function activityStatus(x: StatusInputs): RegionStatus {
  if (x.exerciseMinPerWeek === undefined) return { region: 'activity', level: 'unknown', summary: 'No activity data yet.' };
  const m = Math.round(x.exerciseMinPerWeek);
  const steps = x.stepsPerDay === undefined ? '' : ` and ${Math.round(x.stepsPerDay).toLocaleString('en')} steps a day`;
  const level: Level = m >= 150 ? 'good' : m >= 75 ? 'watch' : 'concern';
  return { region: 'activity', level, summary: `${m} active minutes a week${steps} (goal: 150).` };
}

export function sleepStatus(x: StatusInputs): RegionStatus {
  if (x.sleepHoursPerNight === undefined) return { region: 'sleep', level: 'unknown', summary: 'No sleep data yet.' };
  const h = x.sleepHoursPerNight;
  const level: Level = h >= 7 ? 'good' : h >= 6 ? 'watch' : 'concern';
  return { region: 'sleep', level, summary: `${h.toFixed(1)} hours asleep a night (goal: 7 or more).` };
}

export function weightStatus(x: StatusInputs): RegionStatus {
  if (x.bmi === undefined) return { region: 'weight', level: 'unknown', summary: 'No weight and height yet.' };
  const band = bmiBand(x.bmi);
  const level: Level = band === 'obesity' ? 'concern' : band === 'healthy' ? 'good' : 'watch';
  return { region: 'weight', level, summary: `BMI ${x.bmi.toFixed(1)} kg/m²: ${band}.` };
}

export function twinStatus(x: StatusInputs): RegionStatus[] {
  return [metabolicStatus(x), cardiovascularStatus(x), activityStatus(x), sleepStatus(x), weightStatus(x)];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
