import { useState } from 'react';
import { useSavedScenarios } from '../../data/hooks.ts';
import { deleteScenario, saveScenario } from '../../data/twin.ts';
import { workspaceDb, type Workspace } from '../../data/workspace.ts';
import { t } from '../i18n/index.ts';
import { fromScenario, toScenario, type Plan } from '../whatif/plans.ts';
import { errorText } from '../error-text.ts';

/** Save the plan in focus; open or delete saved ones. Saved plans live in the workspace's database. */
export function SavedScenarios({ ws, plan, onOpen }: { ws: Workspace; plan: Plan; onOpen: (p: Plan) => void }) {
  const saved = useSavedScenarios(ws);
  const [status, setStatus] = useState<string>();
  const save = async (): Promise<void> => {
    try {
      const existing = saved?.find((s) => s.name === plan.name.trim());
      await saveScenario(workspaceDb(ws), plan.name, { ...toScenario(plan) }, existing?.id);
      setStatus(t('whatif.saved.done', { name: plan.name.trim() }));
    } catch (e) {
      setStatus(errorText(e));
    }
  };
  return (
    <>
      {ws !== 'review' && (
        <button type="button" className="btn" onClick={() => void save()}>
          {t('whatif.saved.save')}
        </button>
      )}
      {saved && saved.length > 0 && (
        <details className="saved">
          <summary>{t('whatif.saved.list', { count: saved.length })}</summary>
          <ul>
            {saved.map((s) => (
              <li key={s.id}>
                <span className="name">{s.name}</span>
                <button type="button" className="btn small" onClick={() => onOpen(fromScenario(s.name, s.scenario))}>
                  {t('whatif.saved.open')}
                </button>
                <button
                  type="button"
                  className="btn small"
                  onClick={() => void deleteScenario(workspaceDb(ws), s.id!)}
                  aria-label={t('whatif.saved.deleteLabel', { name: s.name })}
                >
                  {t('whatif.saved.delete')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {status && (
        <p role="status" className="small">
          {status}
        </p>
      )}
    </>
  );
}
