/**
 * The sentence of each body-region card, from the snapshot's status inputs, in the user's words and
 * units. The level and every category come from the model (models/twin/status.ts) on the unrounded
 * values; each number is shown so that it agrees with its category (displayInCategory).
 */
import {
  bmiBand,
  bpStage,
  fastingGlucoseLevel,
  gmiPercent,
  hba1cLevel,
  type RegionStatus,
  type StatusInputs,
} from '../../../models/twin/status.ts';
import { display, displayInCategory, withUnit, type UnitSettings } from '../format.ts';
import { t } from '../i18n/index.ts';

const nf = (digits: number): Intl.NumberFormat =>
  new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
const valueIn = (text: string, unit: string): string => (unit ? t('units.value', { value: text, unit }) : text);

function metabolic(level: RegionStatus['level'], x: StatusInputs, s: UnitSettings): string {
  const parts: string[] = [];
  if (x.hba1cPercent !== undefined)
    parts.push(
      t('region.metabolic.hba1c', {
        value: valueIn(displayInCategory('hba1c', x.hba1cPercent, s, hba1cLevel), display('hba1c', 0, s).unit),
      }),
    );
  if (x.fastingGlucoseMgDl !== undefined) {
    const v = displayInCategory('blood_glucose', x.fastingGlucoseMgDl, s, fastingGlucoseLevel);
    parts.push(t('region.metabolic.fasting', { value: valueIn(v, display('blood_glucose', 0, s).unit) }));
  }
  if (x.cgmMeanMgDl !== undefined) {
    parts.push(t('region.metabolic.gmi', { value: withUnit('hba1c', gmiPercent(x.cgmMeanMgDl), s) }));
    if (x.cgmTimeInRangePercent !== undefined)
      parts.push(
        t('region.metabolic.tir', {
          percent: Math.round(x.cgmTimeInRangePercent),
          lo: display('cgm_glucose', 70, s).text,
          hi: withUnit('cgm_glucose', 180, s),
        }),
      );
  }
  if (!parts.length) return t('region.metabolic.none');
  const text = t('region.metabolic', { parts: parts.join(t('common.listSeparator')), what: t(`region.metabolic.level.${level}`) });
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The card's sentence; the model's own (English) sentence where the snapshot has no status inputs. */
export function regionSummary(status: RegionStatus, x: StatusInputs | undefined, s: UnitSettings): string {
  if (!x) return status.summary;
  switch (status.region) {
    case 'metabolic':
      return metabolic(status.level, x, s);
    case 'cardiovascular': {
      const sys = x.systolicBpMmHg,
        dia = x.diastolicBpMmHg;
      if (sys === undefined || dia === undefined) return t('region.cardiovascular.none');
      const stage = bpStage(sys, dia);
      const bp = (v: number, which: 'sys' | 'dia'): string =>
        displayInCategory('systolic_bp', v, s, (c) => (which === 'sys' ? bpStage(c, dia) : bpStage(sys, c)));
      return t('region.cardiovascular', { systolic: bp(sys, 'sys'), diastolic: bp(dia, 'dia'), stage: t(`region.bp.${stage}`) });
    }
    case 'activity': {
      if (x.exerciseMinPerWeek === undefined) return t('region.activity.none');
      const minutes = nf(0).format(Math.round(x.exerciseMinPerWeek));
      return x.stepsPerDay === undefined
        ? t('region.activity', { minutes })
        : t('region.activity.steps', { minutes, steps: nf(0).format(Math.round(x.stepsPerDay)) });
    }
    case 'sleep':
      return x.sleepHoursPerNight === undefined ? t('region.sleep.none') : t('region.sleep', { hours: nf(1).format(x.sleepHoursPerNight) });
    case 'weight':
      return x.bmi === undefined
        ? t('region.weight.none')
        : t('region.weight', { bmi: displayInCategory('bmi', x.bmi, s, bmiBand), band: t(`region.bmi.${bmiBand(x.bmi)}`) });
  }
}
