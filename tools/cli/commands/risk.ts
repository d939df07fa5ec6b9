import { invalidProfile, type RiskProfile } from '../../../models/risk/profile.ts';
import { riskReport } from '../../../models/risk/report.ts';
import { UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { readJson } from '../read-json.ts';

export const risk: Command = {
  summary: 'Every validated risk equation the profile has the inputs for (percent).',
  usage: 'risk [--json] PROFILE.json',
  help: `PROFILE.json holds one profile or an array of profiles (docs/cli.md): units in the names
(age, heightCm, weightKg, waistCm, bmi, fastingGlucoseMgDl, hba1cPercent, totalCholesterolMgDl,
hdlMgDl, triglyceridesMgDl, systolicBpMmHg, diastolicBpMmHg, egfr, ...), unknown inputs omitted.
Prints QDiabetes-2018 A/B/C, FINDRISC, the ADA risk test, Framingham Offspring, the Pooled Cohort
Equations and PREVENT; a score with missing or out-of-range inputs is null, with the reason in
"warnings". Exit 2 when the file cannot be used (not JSON, an invalid profile, or a field that is not
a profile field, named with its path).`,
  async run(p) {
    const [path, ...extra] = p.positional;
    if (!path || extra.length) throw new UsageError('risk needs exactly one PROFILE.json');
    const doc = readJson(path);
    const list = Array.isArray(doc) ? doc : [doc];
    list.forEach((x, i) => {
      const why = invalidProfile(x, Array.isArray(doc) ? `profile[${i}]` : 'profile');
      if (why) throw new UsageError(`${path}: ${why}`);
    });
    const out = (list as RiskProfile[]).map((p) => riskReport(p));
    return Array.isArray(doc) ? out : out[0];
  },
};
