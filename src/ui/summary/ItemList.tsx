import { t } from '../i18n/index.ts';
import type { ListItem } from './parts.ts';

/** Problems or medications, each with where it came from. */
export function ItemList({ id, title, items, testId }: { id: string; title: string; items: ListItem[]; testId: string }) {
  return (
    <div>
      <h2 id={id}>{title}</h2>
      {items.length ? (
        <ul data-testid={testId}>
          {items.map((i) => (
            <li key={i.value} data-item={i.value} data-unconfirmed={i.unconfirmed ? 'true' : undefined}>
              {i.label} <span className="small muted">({i.from})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="small" data-testid={testId}>
          {t('summary.noItems')}
        </p>
      )}
    </div>
  );
}
