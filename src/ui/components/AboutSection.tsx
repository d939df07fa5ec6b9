import { MODEL_CARDS } from '../model-cards.ts';

/** About Doppel: what it is and is not, its licence, and a card per model. */
export function AboutSection() {
  return (
    <section aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      <p><strong>Doppel is not a medical device.</strong> It estimates, with uncertainty, from published models and your own data. It does not diagnose, and it does not replace a clinician.</p>
      <p>Everything stays on this device: there is no account and no server, and nothing is uploaded. Doppel is free software under the GNU Affero General Public License, version 3 or later.</p>
      <p className="muted small">Version {__APP_VERSION__}</p>
      <h3 id="cards-title">Model cards</h3>
      <div className="grid cards" aria-labelledby="cards-title">
        {MODEL_CARDS.map((m) => (
          <article key={m.name} className="card model-card">
            <h4>{m.name}</h4>
            <p>{m.does}</p>
            <dl>
              <dt>Source</dt><dd>{m.source}</dd>
              <dt>Built on</dt><dd>{m.population}</dd>
              <dt>Limits</dt><dd>{m.limits}</dd>
            </dl>
          </article>
        ))}
      </div>
    </section>
  );
}
