import type { RestsOn } from '../../../models/twin/certainty.ts';
import { t } from '../i18n/index.ts';

/**
 * What the twin's forecast rests on, in plain words (the engine gives a code and its numbers,
 * models/twin/certainty.ts): the person's own recent data, old data, or typical values for someone like them.
 */
export function restsText(r: RestsOn): string {
  return 'years' in r ? t(`twin.rests.${r.code}`, { years: r.years }) : t(`twin.rests.${r.code}`);
}
