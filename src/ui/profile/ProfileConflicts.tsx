import { useState } from 'react';
import { useProfile, useSettings } from '../../data/hooks.ts';
import { chooseProfileValue } from '../../data/profile.ts';
import { isListField, type ProfileChoice } from '../../data/profile-merge.ts';
import type { ProfileConflict } from '../../data/rows.ts';
import { DEFAULT_SETTINGS } from '../../data/settings.ts';
import { workspaceDb, type Workspace } from '../../data/workspace.ts';
import { twinWorker } from '../../workers/index.ts';
import { formatDay } from '../format.ts';
import { t } from '../i18n/index.ts';
import { fieldLabel, valueText } from './words.ts';
import { errorText } from '../error-text.ts';

/**
 * What the person's records say that their profile does not use yet: each field with the
 * profile's value and the records' values, and the person's choice (keep mine, use the record's,
 * add, leave out). Nothing changes until they choose. Shown on the profile and after an import.
 */
export function ProfileConflicts({ ws }: { ws: Workspace }) {
  const profile = useProfile(ws);
  const settings = useSettings(ws) ?? DEFAULT_SETTINGS;
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const conflicts = profile?.pendingConflicts ?? [];
  if (!conflicts.length && !status) return null;
  const v = (field: string, value: ProfileConflict['value']): string => valueText(field, value, settings);

  const decide = async (choice: ProfileChoice, done: string): Promise<void> => {
    setBusy(true);
    setStatus(undefined);
    try {
      await chooseProfileValue(workspaceDb(ws), choice);
      setStatus({ ok: true, text: done });
      // The twin's calibration and risk scores read the profile.
      await twinWorker.run((a) => a.refreshSnapshot(ws));
    } catch (e) {
      setStatus({ ok: false, text: t('conflicts.failed', { error: errorText(e) }) });
    } finally {
      setBusy(false);
    }
  };

  // Single-valued fields: one group per field, however many records differ; list items one by one.
  const fields = [...new Set(conflicts.filter((c) => !isListField(c.field)).map((c) => c.field))];
  const items = conflicts.filter((c) => isListField(c.field));
  return (
    <section className="card conflicts" aria-labelledby="conflicts-title" data-testid="profile-conflicts">
      <h2 id="conflicts-title" tabIndex={-1}>
        {t('conflicts.title')}
      </h2>
      {conflicts.length > 0 && <p>{t('conflicts.intro')}</p>}
      {fields.map((field) => {
        const cs = conflicts.filter((c) => c.field === field);
        const mine = cs[0]!.current!;
        const label = fieldLabel(field);
        const id = `conflict-${field.replace(/\W/g, '-')}`;
        return (
          <div key={field} role="group" aria-labelledby={id} className="conflict" data-field={field}>
            <h3 id={id}>{t('conflicts.fieldTitle', { field: label })}</h3>
            {cs.map((c) => (
              <p key={String(c.value)}>
                {c.currentBy === 'import'
                  ? t('conflicts.disagree', { source: c.source, record: v(field, c.value), mine: v(field, mine) })
                  : c.observedAt
                    ? t('conflicts.differsDated', {
                        source: c.source,
                        record: v(field, c.value),
                        date: formatDay(c.observedAt),
                        mine: v(field, mine),
                      })
                    : t('conflicts.differs', { source: c.source, record: v(field, c.value), mine: v(field, mine) })}
              </p>
            ))}
            <div className="actions">
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() =>
                  void decide({ field, value: cs[0]!.value, use: 'mine' }, t('conflicts.kept', { field: label, value: v(field, mine) }))
                }
              >
                {t('conflicts.keepMine', { value: v(field, mine) })}
              </button>
              {cs.map((c) => (
                <button
                  key={String(c.value)}
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() =>
                    void decide({ field, value: c.value, use: 'record' }, t('conflicts.used', { field: label, value: v(field, c.value) }))
                  }
                >
                  {t('conflicts.useRecord', { value: v(field, c.value) })}
                </button>
              ))}
            </div>
          </div>
        );
      })}
      {items.map((c) => {
        const item = v(c.field, c.value);
        const id = `conflict-${c.field}-${String(c.value).replace(/\W/g, '-')}`;
        return (
          <div key={`${c.field}:${String(c.value)}`} role="group" aria-labelledby={id} className="conflict" data-field={c.field}>
            <h3 id={id}>
              {fieldLabel(c.field)}: {item}
            </h3>
            <p>{c.indirect ? t('conflicts.claim', { source: c.source, item }) : t('conflicts.listAdd', { source: c.source, item })}</p>
            <div className="actions">
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => void decide({ field: c.field, value: c.value, use: 'record' }, t('conflicts.added', { item }))}
              >
                {c.indirect ? t('conflicts.claimYes') : t('conflicts.add')}
              </button>
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => void decide({ field: c.field, value: c.value, use: 'mine' }, t('conflicts.leftOut', { item }))}
              >
                {c.indirect ? t('conflicts.claimNo') : t('conflicts.leaveOut')}
              </button>
            </div>
          </div>
        );
      })}
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? '' : 'error'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
