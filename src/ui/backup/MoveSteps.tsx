import { t } from '../i18n/index.ts';

/** The new device's side of a move, in order: what the old device does, then this one. Open when the person came to restore. */
export function MoveInSteps({ open }: { open: boolean }) {
  return (
    <details className="move-steps" open={open} data-testid="move-in">
      <summary>{t('move.in.title')}</summary>
      <ol>
        <li>{t('move.in.old')}</li>
        <li>{t('move.in.send')}</li>
        <li>{t('move.in.pick')}</li>
        <li>{t('move.in.code')}</li>
      </ol>
    </details>
  );
}

/** What to do on the new device, once the old one has made the file: the receiving steps from the sender's side. */
export function MoveThereSteps() {
  return (
    <section className="move-steps" aria-labelledby="move-there-title" data-testid="move-there">
      <h2 id="move-there-title">{t('move.there.title')}</h2>
      <ol>
        <li>{t('move.there.send')}</li>
        <li>{t('move.there.open', { address: `${location.origin}${location.pathname}` })}</li>
        <li>{t('move.there.restore')}</li>
        <li>{t('move.there.pick')}</li>
        <li>{t('move.there.code')}</li>
      </ol>
      <p className="muted">{t('move.keep')}</p>
    </section>
  );
}
