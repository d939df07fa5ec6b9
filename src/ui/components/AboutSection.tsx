import { t } from '../i18n/index.ts';
import { strong, tx } from '../i18n/rich.ts';
import { modelCards } from '../model-cards.ts';
import { ValidationTable } from './ValidationTable.tsx';

/** About Doppel: what it is and is not, its licence, and a card per model. */
export function AboutSection({ glucoseUnit }: { glucoseUnit?: 'mg/dL' | 'mmol/L' } = {}) {
  return (
    <section aria-labelledby="about-title">
      <h2 id="about-title">{t('about.title')}</h2>
      <p>{tx('about.notDevice', { b: strong })}</p>
      <p>{t('about.licence')}</p>
      <p className="muted small">{t('about.version', { version: __APP_VERSION__ })}</p>
      <h3 id="cards-title">{t('about.cards')}</h3>
      <div className="grid cards" aria-labelledby="cards-title">
        {modelCards().map((m) => (
          <article key={m.id} className="card model-card">
            <h4>{m.name}</h4>
            <p>{m.does}</p>
            <dl>
              <dt>{t('about.source')}</dt>
              <dd>{m.source}</dd>
              <dt>{t('about.builtOn')}</dt>
              <dd>{m.population}</dd>
              <dt>{t('about.limits')}</dt>
              <dd>{m.limits}</dd>
            </dl>
          </article>
        ))}
      </div>
      {/* Beside the twin's card (the last): how far to trust it. */}
      <ValidationTable glucoseUnit={glucoseUnit} />
    </section>
  );
}
