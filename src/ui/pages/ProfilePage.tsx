import { Fragment, useState, type FormEvent } from 'react';
import { useProfile, useSettings } from '../../data/hooks.ts';
import type { Settings } from '../../data/settings.ts';
import { CM_PER_INCH, feetInches, typedFeetInches } from '../../../models/units.ts';
import { FORM_FIELDS, NAME_MAX_CHARS, saveProfileForm, type ProfilePatch } from '../../data/profile.ts';
import type { ProfileRow } from '../../data/rows.ts';
import { workspaceDb, type Workspace } from '../../data/workspace.ts';
import { twinWorker } from '../../workers/index.ts';
import { formatDay, formatFeetInches } from '../format.ts';
import { t } from '../i18n/index.ts';
import { ActivitySuggestion } from '../profile/ActivitySuggestion.tsx';
import { ANSWERS, CONDITIONS, ETHNICITIES, FAMILY, MEDICATIONS, SMOKING, WHY } from '../profile/fields.ts';
import { ProfileConflicts } from '../profile/ProfileConflicts.tsx';
import { errorText } from '../error-text.ts';

type Answers = NonNullable<ProfileRow['answers']>;

/** The person's profile: every field optional, each with why it matters. Saving re-calibrates the twin. */
export function ProfilePage({ ws }: { ws: Workspace }) {
  const stored = useProfile(ws);
  const settings = useSettings(ws);
  if (stored === undefined || !settings)
    return (
      <p className="muted" aria-busy="true">
        {t('profile.opening')}
      </p>
    );
  if (ws === 'review')
    return (
      <div className="profile">
        <h1>{t('profile.title')}</h1>
        <p>{t('review.readOnly')}</p>
        <p>
          <a href="#/summary">{t('review.profileInSummary')}</a>
        </p>
      </div>
    );
  return <ProfileForm ws={ws} initial={stored} heightUnit={settings.heightUnit} />;
}

/** Height bounds of the form, cm (the profile's own validation). */
const HEIGHT_MIN_CM = 40;
const HEIGHT_MAX_CM = 272;

/** Feet and inches as typed (models/units.ts typedFeetInches), in cm. */
function parseFeetInches(feet: string, inches: string): number | undefined | 'invalid' {
  const total = typedFeetInches(feet, inches);
  if (total === undefined) return undefined;
  return Number.isNaN(total) ? 'invalid' : total * CM_PER_INCH;
}

/** A stored height as the feet and inches the form shows. */
function ftInOf(heightCm: number | undefined): { feet: string; inches: string } {
  if (heightCm === undefined) return { feet: '', inches: '' };
  const f = feetInches(heightCm);
  return { feet: String(f.feet), inches: String(f.inches) };
}

function ProfileForm({ ws, initial, heightUnit }: { ws: Workspace; initial: ProfileRow | null; heightUnit: Settings['heightUnit'] }) {
  // The person's edits, for the fields they touched; the other fields show what is stored now (an
  // import or a choice on a conflict while the form is open), and only touched fields are saved.
  const [edits, setEdits] = useState<ProfilePatch>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [saving, setSaving] = useState(false);
  const form: ProfilePatch = formOf(initial);
  for (const k of touched) (form as Record<string, unknown>)[k] = (edits as Record<string, unknown>)[k];
  // Feet and inches as typed (ft/in setting), once the person touched the height; before that the
  // stored height. The height is stored in cm, exactly, and only if touched.
  const [ftInTyped, setFtIn] = useState<{ feet: string; inches: string }>();
  const ftIn = touched.has('heightCm') && ftInTyped ? ftInTyped : ftInOf(form.heightCm);
  const prov = initial?.provenance ?? {};
  /** Where an imported value came from, under its field. */
  const from = (k: string) => {
    const o = prov[k];
    if (o?.by !== 'import' || touched.has(k) || !o.source) return null;
    return (
      <p className="small muted" data-testid={`from-${k}`}>
        {o.observedAt
          ? t('profile.from.importDated', { source: o.source, date: formatDay(o.observedAt) })
          : t('profile.from.import', { source: o.source })}
      </p>
    );
  };
  const touch = (...keys: string[]): void => setTouched((t0) => new Set([...t0, ...keys]));
  const set = (patch: ProfilePatch): void => {
    touch(...Object.keys(patch));
    setEdits((e) => ({ ...e, ...patch }));
  };
  const toggle = (key: 'conditions' | 'medications', value: string, on: boolean): void => {
    const list = new Set(form[key] ?? []);
    if (on) list.add(value);
    else list.delete(value);
    set({ [key]: list.size ? [...list] : undefined });
  };
  const answer = (k: string, v: boolean | undefined): void => {
    const a: Record<string, unknown> = { ...(form.answers ?? {}) };
    if (v === undefined) delete a[k];
    else a[k] = v;
    set({ answers: Object.keys(a).length ? (a as Answers) : undefined });
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setSaving(true);
    setStatus(undefined);
    const imperial = heightUnit === 'ft/in';
    const typed = imperial && touched.has('heightCm') ? parseFeetInches(ftIn.feet, ftIn.inches) : form.heightCm;
    const heightError =
      typed === 'invalid'
        ? t('profile.error.feetInches')
        : typed !== undefined && !(typed >= HEIGHT_MIN_CM && typed <= HEIGHT_MAX_CM)
          ? t('profile.error.height', {
              min: imperial ? formatFeetInches(HEIGHT_MIN_CM) : t('units.value', { value: HEIGHT_MIN_CM, unit: 'cm' }),
              max: imperial ? formatFeetInches(HEIGHT_MAX_CM) : t('units.value', { value: HEIGHT_MAX_CM, unit: 'cm' }),
            })
          : undefined;
    if (heightError) {
      setStatus({ ok: false, text: heightError });
      setSaving(false);
      return;
    }
    try {
      await saveProfileForm(
        workspaceDb(ws),
        { ...form, name: form.name?.trim() || undefined, heightCm: typed as number | undefined },
        FORM_FIELDS.filter((k) => touched.has(k)),
      );
      // Saved: the form shows what is stored again (and a later choice on a conflict shows in it).
      setTouched(new Set());
      setEdits({});
      setFtIn(undefined);
      // The twin's calibration and risk scores read the profile: a new snapshot at once.
      await twinWorker.run((a) => a.refreshSnapshot(ws));
      setStatus({ ok: true, text: t('profile.saved') });
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    } finally {
      setSaving(false);
    }
  };

  const hint = (k: keyof typeof WHY): { 'aria-describedby': string } => ({ 'aria-describedby': `why-${k}` });
  const why = (k: keyof typeof WHY) => (
    <p id={`why-${k}`} className="why small muted">
      {t(WHY[k])}
    </p>
  );
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form className="profile" onSubmit={(e) => void submit(e)} aria-labelledby="profile-title" noValidate>
      <h1 id="profile-title">{t('profile.title')}</h1>
      <p className="muted">{t('profile.intro')}</p>
      <ProfileConflicts ws={ws} />
      <div className="field">
        <label htmlFor="name">{t('profile.name')}</label>
        <input
          id="name"
          type="text"
          autoComplete="name"
          maxLength={NAME_MAX_CHARS}
          value={form.name ?? ''}
          onChange={(e) => set({ name: e.target.value || undefined })}
          {...hint('name')}
        />
        {why('name')}
      </div>
      <div className="field">
        <label htmlFor="birthDate">{t('profile.birthDate')}</label>
        <input
          id="birthDate"
          type="date"
          min="1900-01-01"
          max={today}
          value={form.birthDate ?? ''}
          onChange={(e) => set({ birthDate: e.target.value || undefined })}
          {...hint('birthDate')}
        />
        {why('birthDate')}
        {from('birthDate')}
      </div>
      <fieldset className="field" {...hint('sex')}>
        <legend>{t('profile.sex')}</legend>
        {(['female', 'male', undefined] as const).map((v) => (
          <label key={v ?? 'none'} className="inline">
            <input type="radio" name="sex" checked={form.sex === v} onChange={() => set({ sex: v })} />{' '}
            {v === 'female' ? t('profile.sex.female') : v === 'male' ? t('profile.sex.male') : t('profile.sex.none')}
          </label>
        ))}
        {why('sex')}
        {from('sex')}
      </fieldset>
      {heightUnit === 'ft/in' ? (
        <fieldset className="field" {...hint('heightCm')}>
          <legend>{t('profile.heightLegend')}</legend>
          <div className="row">
            {(['feet', 'inches'] as const).map((part) => (
              <label key={part} className="inline">
                <input
                  id={part === 'feet' ? 'heightCm' : 'heightIn'}
                  type="number"
                  inputMode={part === 'feet' ? 'numeric' : 'decimal'}
                  min={0}
                  max={part === 'feet' ? 8 : 11.9}
                  step={part === 'feet' ? 1 : 0.1}
                  size={4}
                  value={ftIn[part]}
                  onChange={(e) => {
                    touch('heightCm');
                    setFtIn({ ...ftIn, [part]: e.target.value });
                  }}
                />{' '}
                {t(part === 'feet' ? 'profile.heightFeet' : 'profile.heightInches')}
              </label>
            ))}
          </div>
          {why('heightCm')}
          {from('heightCm')}
        </fieldset>
      ) : (
        <div className="field">
          <label htmlFor="heightCm">{t('profile.height')}</label>
          <input
            id="heightCm"
            type="number"
            inputMode="decimal"
            min={HEIGHT_MIN_CM}
            max={HEIGHT_MAX_CM}
            step="0.5"
            value={form.heightCm ?? ''}
            onChange={(e) => set({ heightCm: e.target.value === '' ? undefined : Number(e.target.value) })}
            {...hint('heightCm')}
          />
          {why('heightCm')}
          {from('heightCm')}
        </div>
      )}
      {(
        [
          ['ethnicity', 'profile.ethnicity', ETHNICITIES],
          ['familyHistoryDiabetes', 'profile.family', FAMILY],
          ['smoking', 'profile.smoking', SMOKING],
        ] as const
      ).map(([k, label, options]) => (
        <div className="field" key={k}>
          <label htmlFor={k}>{t(label)}</label>
          <select
            id={k}
            value={(form[k] as string | undefined) ?? ''}
            onChange={(e) => set({ [k]: e.target.value || undefined })}
            {...hint(k)}
          >
            <option value="">{t('profile.notGiven')}</option>
            {options.map(([v, text]) => (
              <option key={v} value={v}>
                {t(text)}
              </option>
            ))}
          </select>
          {why(k)}
          {from(k)}
        </div>
      ))}
      {(
        [
          ['conditions', 'profile.conditions', CONDITIONS],
          ['medications', 'profile.medications', MEDICATIONS],
        ] as const
      ).map(([k, label, options]) => (
        <fieldset className="field" key={k} {...hint(k)}>
          <legend>{t(label)}</legend>
          {options.map(([v, text]) => (
            <label key={v} className="check">
              <input type="checkbox" checked={form[k]?.includes(v) ?? false} onChange={(e) => toggle(k, v, e.target.checked)} /> {t(text)}
              {prov[`${k}:${v}`]?.by === 'import' && !touched.has(k) && (
                <span className="small muted"> {t('profile.from.item', { source: prov[`${k}:${v}`]!.source ?? '' })}</span>
              )}
            </label>
          ))}
          {why(k)}
        </fieldset>
      ))}
      <fieldset className="field" {...hint('answers')}>
        <legend>{t('profile.questions')}</legend>
        {ANSWERS.map(([k, key]) => {
          const q = t(key);
          const v = (form.answers as Record<string, boolean | undefined> | undefined)?.[k];
          return (
            <Fragment key={k}>
              <div className="question" role="radiogroup" aria-label={q}>
                <span>{q}</span>
                {(
                  [
                    [true, 'profile.answer.yes'],
                    [false, 'profile.answer.no'],
                    [undefined, 'profile.answer.unsure'],
                  ] as const
                ).map(([val, text]) => (
                  <label key={text} className="inline">
                    <input type="radio" name={k} checked={v === val} onChange={() => answer(k, val)} /> {t(text)}
                  </label>
                ))}
              </div>
              {(k === 'physicallyActive' || k === 'physicallyActiveDaily') && (
                <ActivitySuggestion ws={ws} question={k} label={q} answer={v} onUse={(val) => answer(k, val)} />
              )}
            </Fragment>
          );
        })}
        {why('answers')}
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn primary" disabled={saving} aria-busy={saving}>
          {saving ? t('profile.saving') : t('profile.save')}
        </button>
        <a className="btn" href="#/">
          {t('profile.back')}
        </a>
      </div>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? '' : 'error'}>
          {status.text}
        </p>
      )}
    </form>
  );
}

/** The form's fields of a stored profile (not its bookkeeping: provenance, imported values, conflicts). */
function formOf(row: ProfileRow | null): ProfilePatch {
  const out: Record<string, unknown> = {};
  for (const k of FORM_FIELDS) if (row?.[k] !== undefined) out[k] = row[k];
  return out as ProfilePatch;
}
