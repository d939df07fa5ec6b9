/**
 * Model cards shown in Settings → About: what each model does, its source, the population it was
 * built on, and its limits (texts in the catalog, src/ui/i18n/en/risk.ts). The full account, with
 * every number's role, is docs/models.md.
 */
import { t } from './i18n/index.ts';

export interface ModelCard {
  id: ModelCardId;
  name: string;
  does: string;
  source: string;
  population: string;
  limits: string;
}

export const MODEL_CARD_IDS = ['qdiabetes', 'findrisc', 'ada', 'prevent', 'pce', 'ckdEpi', 'hall', 'whig', 'twin'] as const;
export type ModelCardId = (typeof MODEL_CARD_IDS)[number];

/** One model card in the current language. */
export function modelCard(id: ModelCardId): ModelCard {
  return {
    id,
    name: t(`model.${id}.name`),
    does: t(`model.${id}.does`),
    source: t(`model.${id}.source`),
    population: t(`model.${id}.population`),
    limits: t(`model.${id}.limits`),
  };
}

/** Every model card, in the order About shows them. */
export function modelCards(): ModelCard[] {
  return MODEL_CARD_IDS.map(modelCard);
}
