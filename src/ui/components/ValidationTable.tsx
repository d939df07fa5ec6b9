import { VALIDATION_SUMMARY, type CheckRow, type CheckUnit, type ValidationSummary } from '../../twin/validation-summary.ts';
import { t, tn, type MessageKey } from '../i18n/index.ts';
import { TableScroll } from './TableScroll.tsx';
import { GLUCOSE_MG_DL_PER_MMOL_L as MG_DL_PER_MMOL_L } from '../../../models/units.ts';

const VALUE_KEY: Record<CheckUnit, MessageKey> = {
  '%': 'checks.value.percent',
  'mmol/L': 'checks.value.mmolL',
  'mg/dL': 'checks.value.mgDl',
  ratio: 'checks.value.ratio',
};

/**
 * A number with its unit, at the decimals given, in the user's locale; a glucose in the user's own
 * glucose unit (1 mmol/L = 18.016 mg/dL; a published mg/dL value shown in mmol/L gets two decimals
 * more than whole, a published mmol/L value in mg/dL none).
 */
function valueText(x: number, decimals: number, unit: CheckUnit, glucoseUnit: GlucoseUnit): string {
  let shown = unit;
  let v = x;
  let d = decimals;
  if (unit === 'mg/dL' && glucoseUnit === 'mmol/L') [shown, v, d] = ['mmol/L', x / MG_DL_PER_MMOL_L, Math.max(1, decimals + 1)];
  else if (unit === 'mmol/L' && glucoseUnit === 'mg/dL') [shown, v, d] = ['mg/dL', x * MG_DL_PER_MMOL_L, Math.max(0, decimals - 2)];
  const value = new Intl.NumberFormat(undefined, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
  return t(VALUE_KEY[shown], { value });
}

type GlucoseUnit = 'mg/dL' | 'mmol/L';

function resultText(r: CheckRow): string {
  if (r.role === 'fitted') return t(r.reproduced ? 'checks.result.fitted' : 'checks.result.fittedMissed');
  if (r.role === 'keptAside') return t(r.reproduced ? 'checks.result.keptAside.reproduced' : 'checks.result.keptAside.missed');
  return t(r.reproduced ? 'checks.result.reproduced' : 'checks.result.missed');
}

function dateText(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/**
 * "What the twin was checked against": each published trial number beside the twin's, whether the
 * twin reproduced it, and over how many years (src/twin/validation-summary.ts, from the generated
 * trial results; the browser never reruns the trials). `collapsed` shows it as a closed <details>
 * (the what-if page); otherwise as a section with a heading (Settings → About).
 */
export function ValidationTable({
  summary = VALIDATION_SUMMARY,
  collapsed = false,
  glucoseUnit = 'mg/dL',
}: {
  summary?: ValidationSummary;
  collapsed?: boolean;
  /** The person's glucose unit (Settings): glucose rows are shown in it. */
  glucoseUnit?: GlucoseUnit;
}) {
  const body = (
    <>
      <p className="small">{t('checks.intro')}</p>
      <p className="small">
        {summary.validatedHorizonYears > 0 ? tn('checks.validated', summary.validatedHorizonYears) : t('checks.validated.none')}
      </p>
      <TableScroll label={t('checks.title')}>
        <table className="checks" data-testid="validation-table">
          <thead>
            <tr>
              <th scope="col">{t('checks.col.what')}</th>
              <th scope="col">{t('checks.col.published')}</th>
              <th scope="col">{t('checks.col.twin')}</th>
              <th scope="col">{t('checks.col.result')}</th>
              <th scope="col">{t('checks.col.horizon')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((r) => (
              <tr key={r.id} data-check={r.id} className={r.reproduced ? 'reproduced' : 'missed'}>
                <th scope="row">{t(r.labelKey)}</th>
                <td data-value="published">{valueText(r.published, r.publishedDecimals, r.unit, glucoseUnit)}</td>
                <td data-value="twin">{valueText(r.twin, r.twinDecimals, r.unit, glucoseUnit)}</td>
                <td>{resultText(r)}</td>
                <td>{tn('checks.years', r.horizonYears)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted small">{t('checks.measured', { date: dateText(summary.measured) })}</p>
    </>
  );
  return collapsed ? (
    <details className="card validation-checks">
      <summary>{t('checks.title')}</summary>
      {body}
    </details>
  ) : (
    <section className="validation-checks" aria-labelledby="checks-title">
      <h3 id="checks-title">{t('checks.title')}</h3>
      {body}
    </section>
  );
}
