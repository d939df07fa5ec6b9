import { useState } from 'react';
import { isAbortError } from '../../rpc/errors.ts';
import { startDemo } from '../actions/demo.ts';
import { useProfile } from '../../data/hooks.ts';
import { t } from '../i18n/index.ts';
import { strong, tx } from '../i18n/rich.ts';
import { errorText } from '../error-text.ts';

export function WelcomePage() {
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<'data' | 'twin'>('data');
  const [error, setError] = useState<string>();
  const profile = useProfile('main');
  const tryDemo = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await startDemo(undefined, setStep);
    } catch (e) {
      if (!isAbortError(e)) setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome.title')}</h1>
      <p className="lead">{tx('welcome.lead', { em: (c) => <em>{c}</em> })}</p>
      <ul className="promise" aria-label={t('welcome.promiseLabel')}>
        <li>{tx('welcome.promise.here', { b: strong })}</li>
        <li>{tx('welcome.promise.noServer', { b: strong })}</li>
        <li>{tx('welcome.promise.remove', { b: strong })}</li>
      </ul>
      <ol className="steps">
        <li>
          <a className="btn big" href="#/profile">
            {profile ? t('welcome.editProfile') : t('welcome.setUpProfile')}
          </a>{' '}
          <span className="muted small">{profile ? t('welcome.profileSaved') : t('welcome.profileHint')}</span>
        </li>
        <li>
          <a className="btn primary big" href="#/import">
            {t('welcome.import')}
          </a>{' '}
          <span className="muted small">
            {t('welcome.orEnter')} <a href="#/entry">{t('welcome.enterByHand')}</a>
          </span>
        </li>
      </ol>
      <div className="actions">
        <button type="button" className="btn big" onClick={() => void tryDemo()} disabled={busy} aria-busy={busy}>
          {busy ? t('welcome.demoBusy') : t('welcome.demo')}
        </button>
      </div>
      {busy && (
        <p role="status" className="demo-progress">
          <progress max={2} value={step === 'data' ? 0 : 1} aria-label={t('welcome.demoBusy')} />{' '}
          {t(step === 'data' ? 'welcome.demoStep.data' : 'welcome.demoStep.twin')}
        </p>
      )}
      <p className="muted small">{t('welcome.demoNote')}</p>
      <p>
        <a href="#/backup?restore">{t('welcome.restore')}</a> · <a href="#/open">{t('welcome.openShared')}</a>
      </p>
      {error && (
        <p className="error" role="alert">
          {t('welcome.demoError', { error })}
        </p>
      )}
    </section>
  );
}
