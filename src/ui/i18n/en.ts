/**
 * English, the source catalog. Keys are `screen.part`; values may hold `{name}` placeholders and,
 * for messages shown with `tx` (rich.ts), `<tag>…</tag>` markup. A count-dependent message has
 * `.one` and `.other` forms (`tn`). The messages live per screen group in ./en/.
 */
import { checks } from './en/checks.ts';
import { errors } from './en/errors.ts';
import { importing } from './en/import.ts';
import { learning } from './en/learning.ts';
import { risk } from './en/risk.ts';
import { riskInputs } from './en/risk-inputs.ts';
import { share } from './en/share.ts';
import { summary } from './en/summary.ts';
import { settings } from './en/settings.ts';
import { shell } from './en/shell.ts';
import { timeline } from './en/timeline.ts';
import { twin } from './en/twin.ts';
import { headline } from './en/headline.ts';
import { units } from './en/units.ts';
import { profile, welcome } from './en/welcome.ts';
import { profileSync } from './en/profile-sync.ts';
import { whatif } from './en/whatif.ts';
import { tabs } from './en/tabs.ts';
import { entry } from './en/entry.ts';
import { backup } from './en/backup.ts';
import { move } from './en/move.ts';

/** The groups, for checks that no key is defined twice. */
export const EN_GROUPS = {
  shell,
  welcome,
  profile,
  profileSync,
  importing,
  twin,
  headline,
  timeline,
  whatif,
  risk,
  riskInputs,
  settings,
  share,
  summary,
  learning,
  units,
  errors,
  tabs,
  checks,
  entry,
  backup,
  move,
} as const;

export const en = {
  ...shell,
  ...welcome,
  ...profile,
  ...profileSync,
  ...importing,
  ...twin,
  ...headline,
  ...timeline,
  ...whatif,
  ...risk,
  ...riskInputs,
  ...settings,
  ...share,
  ...summary,
  ...learning,
  ...units,
  ...errors,
  ...tabs,
  ...checks,
  ...entry,
  ...backup,
  ...move,
} as const;
