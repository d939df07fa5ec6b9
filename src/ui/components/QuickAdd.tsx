import { t } from '../i18n/index.ts';

/** Quick links to enter a measurement by hand, first of all today's weight (one thumb on a phone). */
export function QuickAdd() {
  return (
    <p className="actions quick-add">
      <a className="btn primary" href="#/entry?kind=weight" data-testid="quick-weight">
        {t('entry.quickWeight')}
      </a>
      <a className="btn" href="#/entry">
        {t('entry.add')}
      </a>
    </p>
  );
}
