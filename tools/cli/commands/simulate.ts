import { invalidProfile, type RiskProfile } from '../../../models/risk/profile.ts';
import { personFromProfile } from '../../../models/twin/person-from-profile.ts';
import { anchorProgression, anchorReport } from '../../../models/twin/anchor.ts';
import { qdiabetesCrossCheck } from '../../../models/twin/cross-check.ts';
import { cvdUnderScenario } from '../../../models/twin/cvd-scenario.ts';
import { invalidScenario, scenarioOutOfRange, type Scenario } from '../../../models/twin/scenario.ts';
import { simulate as runSimulation } from '../../../models/twin/simulate.ts';
import { UsageError } from '../args.ts';
import type { CommandResult } from '../command.ts';
import type { Parsed } from '../args.ts';
import { intOption, readJson } from '../read-json.ts';

/** `simulate` (usage and help: ./index.ts). */
export async function run(p: Parsed): Promise<CommandResult> {
  const [path, ...extra] = p.positional;
  if (!path || extra.length) throw new UsageError('simulate needs exactly one PROFILE.json');
  const profile = readJson(path);
  const why = invalidProfile(profile);
  if (why) throw new UsageError(`${path}: ${why}`);
  const scenarioPath = p.option('scenario');
  let scenario: Scenario = {};
  if (scenarioPath) {
    const s = readJson(scenarioPath);
    const bad = invalidScenario(s);
    if (bad) throw new UsageError(`${scenarioPath}: ${bad}`);
    scenario = s as Scenario;
  }
  const person = personFromProfile(profile as RiskProfile);
  if (!person.ok) throw new UsageError(`${path}: ${person.reason}`);
  const outside = scenarioOutOfRange(person.person, scenario);
  if (outside) throw new UsageError(`${scenarioPath}: ${outside}`);
  // The person's progression prior, anchored to their own QDiabetes-2018 10-year risk.
  const anchor = anchorProgression(person.person, profile as RiskProfile);
  const result = runSimulation(person.person, scenario, {
    priors: anchor.priors,
    years: intOption(p.option('years'), 'years', 1, 50, 10),
    members: intOption(p.option('members'), 'members', 1, 100_000, 1000),
    seed: intOption(p.option('seed'), 'seed', 0, 2 ** 32 - 1, 1),
    deterministic: p.flags.has('deterministic'),
  });
  const weightAt1y = result.weightKg.p50[Math.min(1, result.years.length - 1)];
  const report = anchorReport(anchor);
  const warnings = [...person.warnings, ...report.warnings];
  if (
    scenario.weightChangeKg !== undefined &&
    weightAt1y !== undefined &&
    Math.abs(weightAt1y - person.person.weightKg - scenario.weightChangeKg) > 0.5
  ) {
    warnings.push(
      `weightChangeKg ${scenario.weightChangeKg}: the model reaches ${(weightAt1y - person.person.weightKg).toFixed(1)} kg at one year (median); intake cuts beyond 40 % are outside its domain`,
    );
  }
  return {
    ...result,
    ...(report.progression ? { progressionPrior: report.progression } : {}),
    qdiabetesCrossCheck: qdiabetesCrossCheck(profile as RiskProfile, scenario, result),
    cvd: cvdUnderScenario(profile as RiskProfile, scenario, weightAt1y),
    warnings,
  };
}
