import type { ForecastResult } from '../../../workers/twin.worker.ts';

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : `${v.toFixed(v < 10 ? 1 : 0)} %`);

/**
 * What stands behind the forecast: the published scores beside the twin, how the twin was
 * calibrated and anchored, and every warning. Shown under the fan charts.
 */
export function TwinNotes({ result, names, ms }: { result: ForecastResult; names: string[]; ms?: number }) {
  const c = result.calibration;
  return (
    <details className="card notes" open>
      <summary>How sure is this?</summary>
      <table className="cross">
        <caption className="small muted">10-year probability of new type 2 diabetes: the twin beside QDiabetes-2018 (a published score); 10-year cardiovascular risk (PREVENT) where your profile allows.</caption>
        <thead><tr><th scope="col">Scenario</th><th scope="col">Twin</th><th scope="col">QDiabetes</th><th scope="col">CVD (PREVENT)</th></tr></thead>
        <tbody>
          {names.map((n, i) => {
            const x = result.crossChecks[i];
            const cvd = result.cvd[i];
            return (
              <tr key={i}>
                <th scope="row">{n}</th>
                <td>{x && 'model' in x ? pct(x.twin10yPercent) : '–'}</td>
                <td>{x && 'model' in x ? `${pct(x.scenario10yPercent)}${x.agree === false ? ' (disagrees)' : ''}` : <span className="small">{x && 'unavailable' in x ? 'not available' : '–'}</span>}</td>
                <td>{pct(cvd?.prevent10yCvdPercent.scenario)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul className="small">
        {c && (
          <li data-testid="calibration">
            Calibrated to {c.observationsUsed} of your measurements over {Math.round(c.historyDays / 30.4)} months
            {c.rmse.weightKg !== undefined ? ` (weight fit within ${c.rmse.weightKg.toFixed(1)} kg)` : ''}
            {c.reused ? '; reused from the last forecast' : ''}.
          </li>
        )}
        {result.progression && (
          <li>Your glucose's drift over time is set so that, with no change, the twin agrees with {result.progression.source} ({pct(result.progression.target10yPercent)}; twin {pct(result.progression.twin10yPercent)}).</li>
        )}
        {result.warnings.map((w, i) => <li key={i} className="warn">{w}</li>)}
        {ms !== undefined && <li className="muted">Computed on this device in {Math.round(ms)} ms.</li>}
        <li className="muted">A forecast, not a diagnosis: Doppel is not a medical device. Models and their sources: docs/models.md.</li>
      </ul>
    </details>
  );
}
