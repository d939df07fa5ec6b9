import { useState } from 'react';
import { isAbortError } from '../../workers/errors.ts';
import { startDemo } from '../actions/demo.ts';
import { useProfile } from '../../data/hooks.ts';

export function WelcomePage() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const profile = useProfile('main');
  const tryDemo = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await startDemo();
    } catch (e) {
      if (!isAbortError(e)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Your health twin, on your device only</h1>
      <p className="lead">
        Doppel builds a model of you from your own health exports (phone, watch, glucose sensor, patient portal)
        and lets you ask <em>what if</em>: what if I lose 5 kg, or walk 150 minutes a week?
      </p>
      <ul className="promise" aria-label="Privacy promise">
        <li><strong>Stays here.</strong> Your data is stored in this browser on this device, and nowhere else.</li>
        <li><strong>No account, no server.</strong> Nothing is uploaded; Doppel works offline.</li>
        <li><strong>Yours to remove.</strong> Delete it all at any time.</li>
      </ul>
      <ol className="steps">
        <li>
          <a className="btn big" href="#/profile">{profile ? 'Edit your profile' : 'Set up your profile'}</a>{' '}
          <span className="muted small">{profile ? '✓ saved on this device' : 'birth date, sex, height… each optional'}</span>
        </li>
        <li><a className="btn primary big" href="#/import">Import your data</a></li>
      </ol>
      <div className="actions">
        <button type="button" className="btn big" onClick={() => void tryDemo()} disabled={busy} aria-busy={busy}>
          {busy ? 'Building the demo twin…' : 'Try the demo'}
        </button>
      </div>
      <p className="muted small">The demo is a synthetic person, generated on this device. It is kept apart from your own data and one click removes it.</p>
      {error && <p className="error" role="alert">The demo could not be built: {error}</p>}
    </section>
  );
}
