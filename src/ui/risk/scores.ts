/** The risk report as cards: one per computed score, with what it predicts and its model card. */
import type { Explanation } from '../../../models/risk/common.ts';
import type { RiskReport } from '../../../models/risk/report.ts';
import { t, tn } from '../i18n/index.ts';
import { formatPercent } from '../format.ts';
import type { ModelCardId } from '../model-cards.ts';

export interface ScoreCard {
  /** The report's name for the score (as its warnings and drivers name it). */
  key: string;
  title: string;
  value: string;
  /** What the number is: outcome and horizon. */
  meaning: string;
  /** The model card the score belongs to, if any. */
  card?: ModelCardId;
  drivers: Explanation[];
}

const pct = formatPercent;

export function scoreCards(r: RiskReport, drivers: Record<string, Explanation[]>): ScoreCard[] {
  const out: ScoreCard[] = [];
  const add = (key: string, c: Omit<ScoreCard, 'key' | 'drivers'>): void => {
    out.push({ key, ...c, drivers: drivers[key] ?? [] });
  };
  // The twin starts from one QDiabetes-2018 model: with fasting glucose where there is one, else with
  // HbA1c, else without blood tests (models/twin/cross-check.ts qdiabetesTenYear). That one comes
  // first and says so; the others say they are the same score from other inputs.
  const q = r.qdiabetes2018;
  const anchor: 'A' | 'B' | 'C' = q.B !== null ? 'B' : q.C !== null ? 'C' : 'A';
  for (const m of [anchor, ...(['C', 'B', 'A'] as const).filter((x) => x !== anchor)]) {
    const v = q[m];
    if (v !== null)
      add(`qdiabetes2018 ${m}`, {
        title: t(`risk.qdiabetes.${m}`),
        value: pct(v),
        meaning: t(m === anchor ? 'risk.qdiabetes.meaning' : 'risk.qdiabetes.meaning.other'),
        card: 'qdiabetes',
      });
  }
  if (r.findrisc) {
    const meaning = t('risk.findrisc.meaning', { band: t(`risk.findrisc.band.${r.findrisc.band}`), percent: r.findrisc.risk10yPercent });
    add('findrisc', { title: t('risk.findrisc'), value: tn('risk.points', r.findrisc.points), meaning, card: 'findrisc' });
  }
  if (r.ada)
    add('ada', {
      title: t('risk.ada'),
      value: tn('risk.points', r.ada.points),
      meaning: r.ada.highRisk ? t('risk.ada.high') : t('risk.ada.low'),
      card: 'ada',
    });
  if (r.framinghamOffspring)
    add('framinghamOffspring', {
      title: t('risk.framingham'),
      value: pct(r.framinghamOffspring.risk8yPercent),
      meaning: t('risk.framingham.meaning'),
    });
  const p10 = r.prevent.base10y;
  if (p10?.cvd != null)
    add('prevent base10y cvd', { title: t('risk.prevent10'), value: pct(p10.cvd), meaning: t('risk.prevent10.meaning'), card: 'prevent' });
  const p30 = r.prevent.base30y;
  if (p30?.cvd != null)
    add('prevent base30y cvd', { title: t('risk.prevent30'), value: pct(p30.cvd), meaning: t('risk.prevent30.meaning'), card: 'prevent' });
  if (r.pce) add('pce', { title: t('risk.pce'), value: pct(r.pce.ascvd10yPercent), meaning: t('risk.pce.meaning'), card: 'pce' });
  return out;
}

/** Warnings that concern one score (the report prefixes each with the score's name). */
export function warningsFor(key: string, warnings: string[]): string[] {
  const family = key.split(' ')[0]!;
  return warnings.filter((w) => w.startsWith(`${key}:`) || w.startsWith(`${family}:`)).map((w) => w.slice(w.indexOf(':') + 1).trim());
}
