import type { CommandInfo } from '../command.ts';

/**
 * Every command's usage and help, and how to load it. `help` reads only this file: a command's
 * module (and the models and store it needs) is loaded when it runs, so `cli help` starts fast.
 */
export const COMMANDS: Record<string, CommandInfo> = {
  import: {
    summary: "Import exports, in order, into a fresh in-memory store through the app's pipeline; report what was stored.",
    usage: 'import [--json] FILE... [--save-backup OUT.doppel --passphrase-file P]',
    help: `FILE may be any supported export (Apple Health .zip or .xml, FHIR R4 Bundle or NDJSON, Dexcom
Clarity CSV, LibreView CSV, Nightscout JSON, Fitbit JSON, Google Fit CSV, Withings, Garmin,
Samsung Health, Doppel's CSV, or a zip of them); the format is detected from the content.
--save-backup OUT.doppel writes, after the imports, the app's encrypted backup of the whole store
(the file Settings' "Back up" makes) under the passphrase on the first line of file P (at least 10
characters). Exit 2 when a file cannot be used at all, with the reason.`,
    load: () => import('./import.ts').then((m) => m.run),
  },
  restore: {
    summary: 'Open an encrypted backup into a fresh in-memory store, then import any FILEs; report as import does.',
    usage: 'restore [--json] BACKUP.doppel --passphrase-file P [FILE...]',
    help: `BACKUP.doppel is a backup made by the app or by import --save-backup; P holds its passphrase on its
first line. The report lists the backup's imports, then those of the FILEs, and what the store holds,
exactly as import does: restoring a backup of A and then importing B reports what importing A and B
reports. Exit 2, with the reason, for a wrong passphrase, a changed or cut file, a newer backup, a
share file (a clinician's copy: it opens read-only in the app and restores nothing) or any other file.`,
    load: () => import('./restore.ts').then((m) => m.run),
  },
  risk: {
    summary: 'Every validated risk equation the profile has the inputs for (percent).',
    usage: 'risk [--json] PROFILE.json',
    help: `PROFILE.json holds one profile or an array of profiles (docs/cli.md): units in the names
(age, heightCm, weightKg, waistCm, bmi, fastingGlucoseMgDl, hba1cPercent, totalCholesterolMgDl,
hdlMgDl, triglyceridesMgDl, systolicBpMmHg, diastolicBpMmHg, egfr, ...), unknown inputs omitted.
Prints QDiabetes-2018 A/B/C, FINDRISC, the ADA risk test, Framingham Offspring, the Pooled Cohort
Equations and PREVENT; a score with missing or out-of-range inputs is null, with the reason in
"warnings". Exit 2 when the file cannot be used (not JSON, an invalid profile, or a field that is not
a profile field, named with its path).`,
    load: () => import('./risk.ts').then((m) => m.run),
  },
  simulate: {
    summary: "The twin's forecast for one person under a scenario: yearly p05-p95 bands and the T2D probability.",
    usage: 'simulate [--json] PROFILE.json [--scenario SCENARIO.json] [--years N] [--members M] [--seed S] [--deterministic]',
    help: `PROFILE.json is a risk profile (sex, age, heightCm, weightKg or bmi needed; fastingGlucoseMgDl,
hba1cPercent, fastingInsulinMicroIuMl and physicalActivityLevel used where given). SCENARIO.json:
energyIntakeChangeKcalPerDay | weightChangeKg, physicalActivityLevel, activityMinutesPerWeek,
metformin, smoking, startDay (docs/cli.md). Defaults: 10 years, 1000 members, seed 1.
--deterministic runs one member at typical values and adds daily.weightKg (the published Hall model's
own trajectory). Exit 2 when an input cannot be used, a field it does not know included (named).`,
    load: () => import('./simulate.ts').then((m) => m.run),
  },
  cohort: {
    summary: "An in-silico trial: a virtual cohort from the trial's published baseline, every arm on the same people.",
    usage: 'cohort [--json] TRIAL.json',
    help: `TRIAL.json: {name, n, seed, years, population: {ageMean, ageSd, femaleFraction, bmiMean, bmiSd,
fastingGlucoseMgDlMean, fastingGlucoseMgDlSd, hba1cPercentMean, hba1cPercentSd}, arms: {name: scenario}}.
Optional "diagnosis": {fastingGlucoseMgDl, hba1cPercent (or null), visitsPerYear (1 or 2)} runs the trial
under its own criteria (default: fasting glucose >= 126 mg/dL or HbA1c >= 6.5 %, twice a year).
An arm's weightChangeKg is its members' mean change, reached at one year and then held.
Output per arm: cumulativeIncidence[k] = fraction diagnosed with type 2 diabetes by the end of year
k+1, and meanWeightChangeKg[k] at the end of year k+1. Any other field is an error naming it (exit 2);
the later trial fields (population.entry, twoHourGlucoseMgDl*, diagnosis.confirmation, arms' phases)
are not supported yet.`,
    load: () => import('./cohort.ts').then((m) => m.run),
  },
  ogtt: {
    summary: 'A 75 g oral glucose tolerance test from a fasting state: glucose and insulin each minute for 2 hours.',
    usage: 'ogtt [--json] INPUT.json',
    help: `INPUT.json: {fastingGlucoseMgDl (50-300), fastingInsulinPmolL (5-600), bodyWeightKg (30-250),
doseG (0-100, default 75), parameters: "normal" (default) | "t2d" | {overrides on the normal set, keyed
by the paper's symbols: Vmx, kp3, beta, K, ...}}. The Dalla Man, Rizza & Cobelli meal model (IEEE Trans
Biomed Eng 2007;54:1740-1749), its fasting state pinned exactly to the input's glucose and insulin.
Absorption uses the paper's published meal parameters (an OGTT-specific set exists but could not be
sourced), so the curve is a mixed meal's shape with the glucose dose. Output: {minutes: [0..120],
glucoseMgDl, insulinPmolL}, one value a minute. Any other field is an error naming it (exit 2).`,
    load: () => import('./ogtt.ts').then((m) => m.run),
  },
  validate: {
    summary: 'Run every published reference case: expected, got, tolerance, pass. Exit 1 if any fails.',
    usage: 'validate [--json]',
    load: () => import('./validate.ts').then((m) => m.run),
  },
  demo: {
    summary: 'Build the synthetic demo person through the import pipeline and report what was stored.',
    usage: 'demo [--json] [--end-day YYYY-MM-DD] [--offset MINUTES] [--seed N]',
    load: () => import('./demo.ts').then((m) => m.run),
  },
};
