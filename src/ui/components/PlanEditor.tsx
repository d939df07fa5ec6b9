import { useId } from 'react';
import type { Settings } from '../../data/settings.ts';
import { LIMITS, type Plan } from '../whatif/plans.ts';

const LB_PER_KG = 2.2046226218;
const SMOKING: [Plan['smoking'], string][] = [
  ['unchanged', 'As today'], ['non', 'Not smoking (stopped)'], ['light', 'Light (1–9 a day)'], ['moderate', 'Moderate (10–19 a day)'], ['heavy', 'Heavy (20+ a day)'],
];

/** The controls of one what-if plan: body weight or intake, activity, metformin, smoking. */
export function PlanEditor({ plan, onChange, settings }: { plan: Plan; onChange: (p: Plan) => void; settings: Settings }) {
  const id = useId();
  const lb = settings.weightUnit === 'lb';
  const w = LIMITS.weightChangeKg;
  const wScale = lb ? LB_PER_KG : 1;
  const wStep = lb ? 1 : w.step;
  const wValue = Math.round((plan.weightChangeKg * wScale) / wStep) * wStep;
  const signed = (v: number, unit: string): string => `${v > 0 ? '+' : v < 0 ? '−' : ''}${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(Math.abs(v))} ${unit}`;
  const set = (patch: Partial<Plan>): void => onChange({ ...plan, ...patch });

  return (
    <div className="plan-editor">
      <fieldset className="mode">
        <legend>Body weight</legend>
        <label><input type="radio" name={`${id}-mode`} checked={plan.mode === 'weight'} onChange={() => set({ mode: 'weight' })} /> Set a weight change</label>
        <label><input type="radio" name={`${id}-mode`} checked={plan.mode === 'intake'} onChange={() => set({ mode: 'intake' })} /> Set a daily energy change</label>
      </fieldset>
      {plan.mode === 'weight' ? (
        <div className="slider">
          <label htmlFor={`${id}-w`}>Weight change in one year, then kept</label>
          <output htmlFor={`${id}-w`} data-testid="weight-output">{signed(wValue, lb ? 'lb' : 'kg')}</output>
          <input id={`${id}-w`} type="range" min={Math.round(w.min * wScale)} max={Math.round(w.max * wScale)} step={wStep} value={wValue}
            aria-valuetext={signed(wValue, lb ? 'pounds' : 'kilograms')}
            onChange={(e) => set({ weightChangeKg: Number(e.target.value) / wScale })} />
        </div>
      ) : (
        <div className="slider">
          <label htmlFor={`${id}-e`}>Energy intake change, every day</label>
          <output htmlFor={`${id}-e`}>{signed(plan.energyIntakeChangeKcalPerDay, 'kcal/day')}</output>
          <input id={`${id}-e`} type="range" {...LIMITS.energyIntakeChangeKcalPerDay} value={plan.energyIntakeChangeKcalPerDay}
            aria-valuetext={signed(plan.energyIntakeChangeKcalPerDay, 'kilocalories a day')}
            onChange={(e) => set({ energyIntakeChangeKcalPerDay: Number(e.target.value) })} />
        </div>
      )}
      <div className="slider">
        <label htmlFor={`${id}-a`}>Moderate activity added (brisk walking or similar)</label>
        <output htmlFor={`${id}-a`} data-testid="activity-output">{plan.activityMinutesPerWeek} min/week</output>
        <input id={`${id}-a`} type="range" {...LIMITS.activityMinutesPerWeek} value={plan.activityMinutesPerWeek}
          aria-valuetext={`${plan.activityMinutesPerWeek} minutes a week`}
          onChange={(e) => set({ activityMinutesPerWeek: Number(e.target.value) })} />
      </div>
      <div className="row">
        <label className="check"><input type="checkbox" checked={plan.metformin} onChange={(e) => set({ metformin: e.target.checked })} /> Metformin</label>
        <label className="select">Smoking{' '}
          <select value={plan.smoking} onChange={(e) => set({ smoking: e.target.value as Plan['smoking'] })}>
            {SMOKING.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
          </select>
        </label>
      </div>
    </div>
  );
}
