import { clearMarker } from '../actions/device-marker.ts';
import { t, tn } from '../i18n/index.ts';

/**
 * Shown instead of the welcome screen when this device held the person's twin (device-marker.ts)
 * and its database is now empty although the person did not remove it: the browser deleted it.
 * Says what happened and how to get the data back; "Start afresh" forgets the note.
 */
export function DataLostPage({ imports }: { imports: number }) {
  return (
    <section className="welcome" aria-labelledby="lost-title">
      <h1 id="lost-title">{t('welcome.lost.title')}</h1>
      <p className="lead" role="alert">
        {tn('welcome.lost.what', imports)}
      </p>
      <p>{t('welcome.lost.why')}</p>
      <p>{t('welcome.lost.restore')}</p>
      <div className="actions">
        <a className="btn primary big" href="#/backup?restore">
          {t('welcome.lost.restoreBackup')}
        </a>{' '}
        <a className="btn big" href="#/import">
          {t('welcome.lost.import')}
        </a>{' '}
        <button type="button" className="btn big" onClick={clearMarker}>
          {t('welcome.lost.startAfresh')}
        </button>
      </div>
    </section>
  );
}
