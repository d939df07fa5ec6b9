/**
 * Population priors and intervention effects of the twin, each with its source and its role:
 * "published" values are taken as printed; "calibrated" values were fitted, and the numbers they
 * were fitted to are never used to validate them (docs/validation.md).
 */
import { WHIG_IIV, WHIG_TYPICAL } from '../physiology/whig.ts';

export interface Priors {
  fpgWithinPersonCv: number;
  hba1cWithinPersonCv: number;
  homaIrMedianAtBmi22: number;
  homaIrLogSlopePerBmi: number;
  homaIrLogSd: number;
  fsiAssayLogSd: number;
  betaMin: number;
  betaMax: number;
  ppgMin: number;
  rbMeanPerYear: number;
  rbSdPerYear: number;
  scaleEfsMedian: number;
  scaleEfsLogSd: number;
  interventionLogSd: number;
  intakeDriftSdKcalPerDay: number;
  adherenceLogSd: number;
  twoHourWithinPersonCv: number;
  postLoadAssayFactor: number;
  postLoadAbsorptionFactor: number;
  peripheralLogSd: number;
  peripheralCoupling: number;
}

/** The log SD of a log-normal variable with the given coefficient of variation. */
export function logSdForCv(cv: number): number {
  return Math.sqrt(Math.log(1 + cv * cv));
}

export const PRIORS: Priors = {
  /** Within-person CV of one fasting glucose reading (biological + analytical): 5.6 % (published, PMC6276677; Carlsen 2011 ≈ 5 %). */
  fpgWithinPersonCv: 0.056,
  /** Within-person CV of HbA1c: 1.2 % (published, Carlsen et al., Clin Chem Lab Med 2011). */
  hba1cWithinPersonCv: 0.012,
  /**
   * HOMA-IR prior where no fasting insulin was measured: median 1.35 at BMI 22, rising 8.8 %/BMI unit
   * (fitted to the NHANES medians by BMI class, normal 1.1–1.6, overweight 1.9–2.2, obese 3.2–3.9;
   * Martinez et al., J Diabetes Res 2017); log SD 0.5 within a BMI class (ASSUMED).
   */
  homaIrMedianAtBmi22: 1.35,
  homaIrLogSlopePerBmi: 0.088,
  homaIrLogSd: 0.5,
  /** Within-person log SD of a measured fasting insulin: CV 28.8 % (published, PMC6276677). */
  fsiAssayLogSd: 0.28,
  /** β-cell function bounds on the logit scale (fraction of normal). */
  betaMin: 0.05,
  betaMax: 0.97,
  ppgMin: 0.005,
  /**
   * β-cell decline, logit units per year: mean CALIBRATED (docs/validation.md C3, 2026-12-03) to the
   * DPP placebo arm, 28.9 % at 3 years, under DPP's own ascertainment (yearly OGTT with the 2-hour
   * criterion, fasting glucose every 6 months, confirmed; entry on one noisy OGTT), tools/gen/
   * calibrate-twin.ts, seed 7, n 20000. It fell from 0.195 (v1: fasting glucose and HbA1c only)
   * to 0.0096: under DPP's real criteria the 2-hour test's noise, the regression of people selected
   * on one test, and the spread of decline between people (SD below, WHIG's) carry the arm's
   * incidence. WHIG's diabetic-population value is 0.209.
   */
  rbMeanPerYear: 0.0096,
  rbSdPerYear: Math.sqrt(WHIG_IIV.rb),
  /** Median weight → insulin-sensitivity slope, fraction of baseline per kg (WHIG typical 0.0514). */
  scaleEfsMedian: WHIG_TYPICAL.scaleEfs,
  /** Between-person log SD of the weight → insulin-sensitivity slope (WHIG IIV √0.3757). */
  scaleEfsLogSd: Math.sqrt(WHIG_IIV.scaleEfsLog),
  /** Between-person log SD of the insulin-sensitivity response to an intervention (ASSUMED; published responses span 10–85 %). */
  interventionLogSd: 0.3,
  /**
   * Between-person SD of a lasting energy-balance drift, kcal/d: CALIBRATED so that the Hall model's
   * 1- and 2-year weight-change SDs match a trial control arm (DPS control: 3.7 and 4.4 kg; Tuomilehto 2001).
   */
  intakeDriftSdKcalPerDay: 110,
  /**
   * Log SD of the achieved fraction of a planned intake change (log-normal, mean 1, capped at 4):
   * from the DPS weight-change SDs at one year (Tuomilehto 2001: intervention 4.2 ± 5.1 kg, control
   * 0.8 ± 3.7 kg), the spread the plan adds is √(5.1² − 3.7²) = 3.5 kg on a planned 3.4 kg, CV 1.03.
   */
  adherenceLogSd: logSdForCv(Math.sqrt(5.1 ** 2 - 3.7 ** 2) / (4.2 - 0.8)),
  /**
   * Within-person CV of one 2-hour OGTT glucose (biological + analytical, venous plasma): 16.7 %
   * (NHANES III repeat tests, Selvin et al., Arch Intern Med 2007;167:1545; capillary 13.8 % in
   * ADDITION, Rasmussen et al., Diabetes Res Clin Pract 2008;80:146).
   */
  twoHourWithinPersonCv: 0.167,
  /**
   * The post-load mapping (post-load.ts), CALIBRATED together (docs/validation.md C1,
   * tools/gen/calibrate-postload.ts, 2026-12-03) to the San Antonio Heart Study's 2-hour glucose in
   * people with normal glucose tolerance by fasting band (Abdul-Ghani et al., Diabetes Care
   * 2010;33:557, Table 3): 92.4 / 101.7 / 108.3 mg/dL against 93.1 / 101.3 / 108.3, SD 21.0 against
   * 20.3. The post-load model's insulin per HOMA insulin: Ib = 6·a·FSI pmol/L.
   */
  postLoadAssayFactor: 0.518,
  /** Factor on the post-load model's gut rates (the meal set's; C1). */
  postLoadAbsorptionFactor: 1.326,
  /** Between-person log SD of peripheral insulin sensitivity around what the hepatic implies (post-load.ts peripheralRatio; C1). */
  peripheralLogSd: 0.666,
  /** How closely peripheral insulin sensitivity follows the hepatic across people, exponent ρ (C1: nearly not at all). */
  peripheralCoupling: 0.008,
};

export interface Effects {
  metforminIsGain: number;
  activityIsGainPer150Min: number;
  moderateActivityMets: number;
  /** Share of metformin's gain that also reaches peripheral insulin sensitivity (0: hepatic only). */
  metforminPeripheralShare: number;
  /** Share of activity's gain that also reaches hepatic insulin sensitivity (0: peripheral only). */
  activityHepaticShare: number;
}

export const EFFECTS: Effects = {
  /**
   * Metformin's own gain in hepatic insulin sensitivity, beside the weight it takes off (which a
   * scenario states): CALIBRATED (docs/validation.md C2; tools/gen/calibrate-twin.ts) so that
   * metformin with the DPP metformin arm's −2.1 kg lowers fasting glucose at one year by −4.5 %
   * against placebo, the pooled effect of 31 trials in people without diabetes (Salpeter et al., Am
   * J Med 2008;121:149-157; 95 % CI −6.0 to −3.0 %). Clamp studies report more (+20 %, Lehtovirta
   * et al., Diabet Med 2001), but the twin's fasting glucose is what the diagnosis sees, so the
   * fasting-glucose effect is the one matched. Refitted 2026-12-03 on the v2 structure (0.0641 before).
   */
  metforminIsGain: 0.066,
  /**
   * Insulin-sensitivity gain with ~150 min/week of aerobic training, independent of weight loss: +10 %
   * (published; Boulé et al., Diabetes Care 2005;28:108–114, HERITAGE). Smaller trials report more
   * (STRRIDE, Houmard 2004: +40 % at ~115 min/week); the conservative value is used, scaled linearly
   * with minutes and capped at 300 min/week.
   */
  activityIsGainPer150Min: 0.1,
  /** METs of the added moderate activity: walking at about 3 mph (moderate = 3.0-5.9 METs; Ainsworth et al., Med Sci Sports Exerc 2011 Compendium). */
  moderateActivityMets: 3.5,
  /**
   * Where the interventions act (docs/validation.md, twin v2 declaration): ASSUMED from mechanism,
   * not fitted. Metformin lowers hepatic glucose output (Hundal et al., Diabetes 2000;49:2063);
   * aerobic training raises insulin-stimulated glucose disposal in muscle (the clamp studies behind
   * Boulé 2005). The 25 % and 50 % crossovers are run once as a sensitivity analysis.
   */
  metforminPeripheralShare: 0,
  activityHepaticShare: 0,
};
