import { useId } from 'react';
import type { Settings } from '../../data/settings.ts';
import { t, tn } from '../i18n/index.ts';
import { weightChange } from '../format.ts';
import { LIMITS, type Plan } from '../whatif/plans.ts';

const LB_PER_KG = 2.2046226218;
const SMOKING = ['unchanged', 'non', 'light', 'moderate', 'heavy'] as const satisfies readonly Plan['smoking'][];

/**
 * The controls of one what-if plan: body weight or intake, activity, metformin, smoking. A slider's
 * change says it is one of many (`moving`: a quick answer first, the full one when it rests).
 */
export function PlanEditor({
  plan,
  onChange,
  settings,
}: {
  plan: Plan;
  onChange: (p: Plan, moving?: boolean) => void;
  settings: Settings;
}) {
  const id = useId();
  const lb = settings.weightUnit === 'lb';
  const w = LIMITS.weightChangeKg;
  const wScale = lb ? LB_PER_KG : 1;
  const wStep = lb ? 1 : w.step;
  const wValue = Math.round((plan.weightChangeKg * wScale) / wStep) * wStep;
  const signed = (v: number, unit: string): string =>
    `${v > 0 ? '+' : v < 0 ? '−' : ''}${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(Math.abs(v))} ${unit}`;
  const set = (patch: Partial<Plan>): void => onChange({ ...plan, ...patch });
  const slide = (patch: Partial<Plan>): void => onChange({ ...plan, ...patch }, true);
  /** The slider's range under it, in the user's units (read with the slider: aria-describedby). */
  const ends = (key: string, min: string, max: string) => (
    <span className="range-ends small muted">
      <span aria-hidden="true">{min}</span>
      <span className="visually-hidden" id={`${id}-${key}-ends`}>
        {t('whatif.rangeEnds', { min, max })}
      </span>
      <span aria-hidden="true">{max}</span>
    </span>
  );

  return (
    <div className="plan-editor">
      <fieldset className="mode">
        <legend>{t('whatif.bodyWeight')}</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={plan.mode === 'weight'} onChange={() => set({ mode: 'weight' })} />{' '}
          {t('whatif.mode.weight')}
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={plan.mode === 'intake'} onChange={() => set({ mode: 'intake' })} />{' '}
          {t('whatif.mode.intake')}
        </label>
      </fieldset>
      {plan.mode === 'weight' ? (
        <div className="slider">
          <label htmlFor={`${id}-w`}>{t('whatif.weightChange')}</label>
          <output htmlFor={`${id}-w`} data-testid="weight-output">
            {`${weightChange(plan.weightChangeKg, settings).text} ${weightChange(plan.weightChangeKg, settings).unit}`}
          </output>
          <input
            id={`${id}-w`}
            type="range"
            min={Math.round(w.min * wScale)}
            max={Math.round(w.max * wScale)}
            step={wStep}
            value={wValue}
            aria-valuetext={signed(wValue, t(lb ? 'whatif.unit.pounds' : 'whatif.unit.kilograms'))}
            aria-describedby={`${id}-w-ends`}
            onChange={(e) => slide({ weightChangeKg: Number(e.target.value) / wScale })}
          />
          {ends('w', signed(Math.round(w.min * wScale), lb ? 'lb' : 'kg'), signed(Math.round(w.max * wScale), lb ? 'lb' : 'kg'))}
        </div>
      ) : (
        <div className="slider">
          <label htmlFor={`${id}-e`}>{t('whatif.intakeChange')}</label>
          <output htmlFor={`${id}-e`}>{signed(plan.energyIntakeChangeKcalPerDay, t('whatif.unit.kcalPerDay'))}</output>
          <input
            id={`${id}-e`}
            type="range"
            {...LIMITS.energyIntakeChangeKcalPerDay}
            value={plan.energyIntakeChangeKcalPerDay}
            aria-valuetext={signed(plan.energyIntakeChangeKcalPerDay, t('whatif.unit.kcalPerDayLong'))}
            aria-describedby={`${id}-e-ends`}
            onChange={(e) => slide({ energyIntakeChangeKcalPerDay: Number(e.target.value) })}
          />
          {ends(
            'e',
            signed(LIMITS.energyIntakeChangeKcalPerDay.min, t('whatif.unit.kcalPerDay')),
            signed(LIMITS.energyIntakeChangeKcalPerDay.max, t('whatif.unit.kcalPerDay')),
          )}
        </div>
      )}
      <div className="slider">
        <label htmlFor={`${id}-a`}>{t('whatif.activity')}</label>
        <output htmlFor={`${id}-a`} data-testid="activity-output">
          {tn('whatif.activityValue', plan.activityMinutesPerWeek)}
        </output>
        <input
          id={`${id}-a`}
          type="range"
          {...LIMITS.activityMinutesPerWeek}
          value={plan.activityMinutesPerWeek}
          aria-valuetext={tn('whatif.activityText', plan.activityMinutesPerWeek)}
          aria-describedby={`${id}-a-ends`}
          onChange={(e) => slide({ activityMinutesPerWeek: Number(e.target.value) })}
        />
        {ends(
          'a',
          tn('whatif.activityValue', LIMITS.activityMinutesPerWeek.min),
          tn('whatif.activityValue', LIMITS.activityMinutesPerWeek.max),
        )}
      </div>
      <div className="row">
        <label className="check">
          <input type="checkbox" checked={plan.metformin} onChange={(e) => set({ metformin: e.target.checked })} /> {t('whatif.metformin')}
        </label>
        <label className="select">
          {t('whatif.smoking')}{' '}
          <select value={plan.smoking} onChange={(e) => set({ smoking: e.target.value as Plan['smoking'] })}>
            {SMOKING.map((v) => (
              <option key={v} value={v}>
                {t(`whatif.smoking.${v}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
