import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import {
  checkEntry,
  ENTRY_KINDS,
  FIELD_METRIC,
  KIND_FIELDS,
  type EntryCheck,
  type EntryKind,
  type FieldId,
  type StoredEntry,
} from '../../../models/entry/measurement-entry.ts';
import { ENTRY_FORMAT } from '../../data/entry-source.ts';
import { useSettings } from '../../data/hooks.ts';
import type { ImportRow } from '../../data/rows.ts';
import { unitSettings } from '../../data/settings.ts';
import { workspaceDb } from '../../data/workspace.ts';
import { editEntry, saveEntry } from '../actions/entry.ts';
import { undoImport } from '../actions/import.ts';
import { EntryField } from '../entry/EntryField.tsx';
import { FeetInchesField, type FeetInches } from '../entry/FeetInchesField.tsx';
import { feetInches } from '../../../models/units.ts';
import { entryText, fieldLabel, fieldUnitLabel, kindLabel, typedValue } from '../entry/entry-words.ts';
import { errorText } from '../error-text.ts';
import { useRouteParam } from '../hooks/useRoute.ts';
import { t } from '../i18n/index.ts';

/** The time a save is checked at (events only). */
const clock = (): number => Date.now();

type Errors = Extract<EntryCheck, { ok: false }>['errors'];

/** A local date and time as `<input type="datetime-local">` writes it ("2026-05-10T07:30"). */
function localInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

interface Form {
  kind: EntryKind;
  values: Partial<Record<FieldId, string>>;
  /** A height typed as feet and inches (the ft/in setting). */
  feetInches: FeetInches;
  when: string;
  fasting: boolean;
}

/**
 * Add a measurement (or change one: `#/entry?edit=<import id>`): the kind, its values in the person's
 * units, the date and time (now unless changed), fasting for glucose. Checked here with the import
 * rules before anything is sent; a refused value says why beside its field and nothing is stored.
 * After saving: what was saved, a link to the timeline, and Undo.
 */
export function EntryPage() {
  const settings = useSettings('main');
  const kindParam = useRouteParam('kind');
  const editParam = Number(useRouteParam('edit'));
  const editing = Number.isInteger(editParam) && editParam > 0 ? editParam : undefined;
  const row = useLiveQuery(async () => (editing ? ((await workspaceDb('main').imports.get(editing)) ?? null) : null), [editing]);
  const start = (kind: EntryKind): Form => ({
    kind,
    values: {},
    feetInches: { feet: '', inches: '' },
    when: localInput(Date.now()),
    fasting: kind === 'glucose',
  });
  const initialKind = (ENTRY_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as EntryKind) : 'weight';
  const [form, setForm] = useState<Form>(() => start(initialKind));
  const [loaded, setLoaded] = useState<number>();
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string>();
  const [done, setDone] = useState<{ row: ImportRow; text: string; edited: boolean }>();
  const [taken, setTaken] = useState<string>();
  if (!settings || (editing && row === undefined))
    return (
      <p className="muted" aria-busy="true">
        {t('app.opening')}
      </p>
    );
  const units = unitSettings(settings);
  const entry: StoredEntry | undefined = row?.format === ENTRY_FORMAT && row.status === 'committed' ? row.entry : undefined;
  if (entry && loaded !== row!.id) {
    // A change starts from the entry as stored, in today's unit settings.
    const values: Form['values'] = {};
    for (const [f, v] of Object.entries(entry.values) as [FieldId, number][]) values[f] = typedValue(f, v, units);
    const ftIn = entry.values.height === undefined ? undefined : feetInches(entry.values.height);
    setForm({
      kind: entry.kind,
      values,
      feetInches: ftIn ? { feet: String(ftIn.feet), inches: String(ftIn.inches) } : { feet: '', inches: '' },
      when: localInput(entry.atMs),
      fasting: entry.fasting === true,
    });
    setLoaded(row!.id);
  }
  const { fields, all } = KIND_FIELDS[form.kind];
  const set = (patch: Partial<Form>): void => setForm((f) => ({ ...f, ...patch }));

  const onSave = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    setFailed(undefined);
    setTaken(undefined);
    const atMs = new Date(form.when).getTime();
    const draft = {
      kind: form.kind,
      values: Object.fromEntries(fields.map((f) => [f, form.values[f] ?? ''])),
      heightFeetInches: form.feetInches,
      atMs,
      offsetMin: Number.isFinite(atMs) ? -new Date(atMs).getTimezoneOffset() : 0,
      ...(form.kind === 'glucose' ? { fasting: form.fasting } : {}),
    };
    const check = checkEntry(draft, units, clock());
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = entry ? await editEntry(row!.id!, draft, units) : await saveEntry(draft, units);
      setDone({ row: saved, text: entryText(check.entry, units), edited: !!entry });
      if (!entry) setForm(start(form.kind));
    } catch (err) {
      setFailed(t('entry.failed', { error: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };
  const onUndo = async (): Promise<void> => {
    if (!done) return;
    setBusy(true);
    try {
      await undoImport(done.row.id!);
      setTaken(t('entry.taken', { what: done.text }));
      setDone(undefined);
    } catch (err) {
      setFailed(t('entry.failed', { error: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  const firstMetric = done ? FIELD_METRIC[Object.keys(done.row.entry?.values ?? {})[0] as FieldId] : undefined;
  return (
    <div className="entry">
      <h1>{t(entry ? 'entry.editTitle' : 'entry.title')}</h1>
      <p className="muted">{t('entry.intro')}</p>
      {done && (
        <div className="card" role="status" data-testid="entry-saved">
          <p>{t(done.edited ? 'entry.changed' : 'entry.saved', { what: done.text })}</p>
          <p className="actions">
            {firstMetric && (
              <a className="btn" href={`#/timeline?metric=${firstMetric}`}>
                {t('entry.seeTimeline')}
              </a>
            )}
            <button type="button" className="btn" disabled={busy} onClick={() => void onUndo()}>
              {t('entry.undo')}
            </button>
          </p>
        </div>
      )}
      {taken && (
        <p className="card" role="status" data-testid="entry-taken">
          {taken}
        </p>
      )}
      <form onSubmit={(e) => void onSave(e)} noValidate>
        <div className="field">
          <label htmlFor="entry-kind">{t('entry.kind')}</label>
          <select
            id="entry-kind"
            value={form.kind}
            disabled={!!entry}
            onChange={(e) => {
              setErrors({});
              setForm({ ...start(e.target.value as EntryKind), when: form.when });
            }}
          >
            {ENTRY_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        {!all && <p className="small muted">{t('entry.someFields')}</p>}
        {fields.map((f, i) =>
          f === 'height' && units.heightUnit === 'ft/in' ? (
            <FeetInchesField
              key={`${form.kind}-${f}`}
              id={`entry-${f}`}
              legend={fieldLabel(f)}
              value={form.feetInches}
              error={errors[f]}
              autoFocus={i === 0 && !entry}
              onChange={(v) => set({ feetInches: v })}
            />
          ) : (
            <EntryField
              key={`${form.kind}-${f}`}
              id={`entry-${f}`}
              label={fieldLabel(f)}
              unit={fieldUnitLabel(f, units)}
              value={form.values[f] ?? ''}
              error={errors[f]}
              autoFocus={i === 0 && !entry}
              onChange={(v) => set({ values: { ...form.values, [f]: v } })}
            />
          ),
        )}
        {form.kind === 'glucose' && (
          <label className="check">
            <input type="checkbox" checked={form.fasting} onChange={(e) => set({ fasting: e.target.checked })} /> {t('entry.fasting')}
          </label>
        )}
        <div className="field">
          <label htmlFor="entry-when">{t('entry.when')}</label>
          <input
            id="entry-when"
            type="datetime-local"
            value={form.when}
            aria-invalid={errors.when ? true : undefined}
            aria-describedby={errors.when ? 'entry-when-error' : undefined}
            onChange={(e) => set({ when: e.target.value })}
          />
          {errors.when && (
            <p id="entry-when-error" className="error small" data-testid="entry-when-error">
              {t(`entry.error.${errors.when.code}`)}
            </p>
          )}
        </div>
        {Object.keys(errors).length > 0 && (
          <p className="error" role="alert">
            {t('entry.notSaved')}
          </p>
        )}
        {failed && (
          <p className="error" role="alert">
            {failed}
          </p>
        )}
        <p className="actions">
          <button type="submit" className="btn primary big" disabled={busy}>
            {busy ? t('entry.saving') : t('entry.save')}
          </button>
        </p>
      </form>
    </div>
  );
}
