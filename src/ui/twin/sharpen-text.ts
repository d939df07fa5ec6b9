import type { Sharpener } from '../../twin/sharpen.ts';
import { t } from '../i18n/index.ts';

/** A sharpener's texts in the user's language: the engine gives message keys, the UI words them. */
export function sharpenText(tip: Sharpener): { what: string; why: string } {
  const missing = (tip.missing ?? []).map((k) => t(`sharpen.profile.${k}`)).join(t('common.listSeparator'));
  return {
    what: t(tip.what.key, { ...tip.what.params, ...(tip.missing ? { missing } : {}) }),
    why: t(tip.why.key, tip.why.params),
  };
}
