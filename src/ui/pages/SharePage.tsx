import { useEffect, useState, type FormEvent } from 'react';
import { METRICS, type MetricId } from '../../../models/metrics.ts';
import { useMetricSummaries, useProfile, useSavedScenarios } from '../../data/hooks.ts';
import type { Workspace } from '../../data/workspace.ts';
import { shareFileName } from '../../share/file-name.ts';
import { generateCode, MIN_PASSPHRASE_CHARS, type Secret } from '../../share/format.ts';
import type { SharePreview } from '../../share/preview.ts';
import { RANGE_SHORTCUTS, rangeFor, shortcutOf } from '../../share/ranges.ts';
import { importWorker, readWorker } from '../../workers/index.ts';
import { MadeFileResult, useMadeFile, type MadeFile } from '../components/MadeFile.tsx';
import { t } from '../i18n/index.ts';
import { errorText } from '../error-text.ts';
import { previewWords } from '../share-words.ts';

type Protection = 'code' | 'passphrase' | 'plain';
/** A local calendar day (the dates the patient sees), not a UTC one. */
const isoDay = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The profile's name, where the profile has one (an optional field another part of the app may
 * set): read defensively, as this screen's own types do not promise it.
 */
const profileName = (p: unknown): string | undefined => {
  const name = typeof p === 'object' && p !== null ? (p as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 80) : undefined;
};

interface Made extends MadeFile {
  ms: number;
  plain: boolean;
}

/**
 * The patient picks what to share and how it is protected, seeing what the file will hold; the file
 * is made in the import worker, then goes to the phone's share sheet where there is one, else is
 * saved by the browser.
 */
export function SharePage({ ws }: { ws: Workspace }) {
  const summaries = useMetricSummaries(ws);
  const saved = useSavedScenarios(ws);
  const profile = useProfile(ws);
  const [today] = useState(() => isoDay(Date.now()));
  // Until the patient types one, the name shown to the clinician is the profile's (if it has one).
  const [typedLabel, setLabel] = useState<string>();
  const label = typedLabel ?? profileName(profile) ?? '';
  const [from, setFrom] = useState(() => rangeFor('year', today).fromDay);
  const [to, setTo] = useState(today);
  const [excluded, setExcluded] = useState<ReadonlySet<MetricId>>(new Set());
  const [plans, setPlans] = useState<ReadonlySet<number> | undefined>();
  const [protection, setProtection] = useState<Protection>('code');
  const [pass, setPass] = useState(['', '']);
  const [plainOk, setPlainOk] = useState(false);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ key: string; p?: SharePreview; error?: string }>();
  const [askEmpty, setAskEmpty] = useState(false);
  const delivery = useMadeFile<Made>('share', (m) => t(m.plain ? 'share.sentPlain' : 'share.sent', { file: m.file.name, count: m.count }));
  const { setResult } = delivery;

  const metrics = (summaries ?? []).map((s) => s.metric);
  const chosen = metrics.filter((m) => !excluded.has(m));
  const chosenPlans = plans ?? new Set((saved ?? []).map((s) => s.id!));

  // What the file will hold, counted in the read worker from the daily rows (never the samples here).
  const previewKey = summaries ? `${from}|${to}|${chosen.join(',')}` : undefined;
  useEffect(() => {
    if (previewKey === undefined) return;
    let live = true;
    readWorker
      .run((a) => a.sharePreview(ws, { fromDay: from, toDay: to, metrics: chosen }))
      .then(
        (p) => live && setPreview({ key: previewKey, p }),
        (e: unknown) => live && setPreview({ key: previewKey, error: errorText(e) }),
      );
    return () => {
      live = false;
    };
  }, [ws, previewKey]); // eslint-disable-line react-hooks/exhaustive-deps -- the key holds from, to and the metrics
  const current = preview?.key === previewKey ? preview : undefined;
  const words = current?.error ? { text: t('share.preview.failed', { error: current.error }), empty: false } : previewWords(current?.p);
  const span = current?.p ?? preview?.p;
  const spanDays = span?.spanFirstDay ? { firstDay: span.spanFirstDay, lastDay: span.spanLastDay } : undefined;
  const chosenShortcut = shortcutOf({ fromDay: from, toDay: to }, today, spanDays);

  const submit = async (e: Pick<FormEvent, 'preventDefault'>, emptyOk = false): Promise<void> => {
    e.preventDefault();
    if (protection === 'passphrase' && pass[0] !== pass[1]) {
      setResult({ ok: false, text: t('share.mismatch') });
      return;
    }
    // A range with nothing in it: asked first, so that an empty file is never made by mistake.
    if (!emptyOk && current?.p?.count === 0) {
      setAskEmpty(true);
      return;
    }
    setAskEmpty(false);
    setBusy(true);
    delivery.restart();
    const code = protection === 'code' ? generateCode() : undefined;
    const secret: Secret = code ? { code } : protection === 'passphrase' ? { passphrase: pass[0]! } : { plain: true };
    try {
      const r = await importWorker.run((a) =>
        a.createShare(ws, { fromDay: from, toDay: to, metrics: chosen, scenarioIds: [...chosenPlans] }, label, secret),
      );
      // Whose twin and the day it was made: never a value from the twin (file-name.ts).
      const file = new File([r.bytes as Uint8Array<ArrayBuffer>], shareFileName(label, isoDay(Date.now())), {
        type: 'application/octet-stream',
      });
      const m: Made = { file, count: new Intl.NumberFormat().format(r.samples), ms: Math.round(r.makeMs), plain: protection === 'plain' };
      delivery.deliver(
        m,
        m.plain
          ? t('share.madePlain', { file: file.name, count: m.count })
          : t('share.made', { file: file.name, count: m.count, ms: m.ms }),
        code,
      );
    } catch (err) {
      setResult({ ok: false, text: t('share.failed', { error: errorText(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const ready =
    // Counted first, so that a range with nothing in it is always asked about before a file is made.
    current !== undefined &&
    label.trim() !== '' &&
    (protection !== 'plain' || plainOk) &&
    (protection !== 'passphrase' || [...pass[0]!].length >= MIN_PASSPHRASE_CHARS);
  return (
    <form className="profile share" onSubmit={(e) => void submit(e)} aria-labelledby="share-title">
      <h1 id="share-title">{t('share.title')}</h1>
      <p className="muted">{t('share.intro')}</p>
      <div className="field">
        <label htmlFor="share-label">{t('share.label')}</label>
        <input
          id="share-label"
          value={label}
          maxLength={80}
          onChange={(e) => setLabel(e.target.value)}
          // Read-only for the moment the profile is read, so that its name never lands in the middle of typing.
          readOnly={profile === undefined}
          required
        />
      </div>
      <div role="radiogroup" aria-label={t('share.quick')} className="segmented share-quick">
        {RANGE_SHORTCUTS.map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={chosenShortcut === s}
            disabled={s === 'all' && !spanDays}
            onClick={() => {
              const r = rangeFor(s, today, spanDays);
              setFrom(r.fromDay);
              setTo(r.toDay);
              setAskEmpty(false);
            }}
          >
            {t(`share.quick.${s}`)}
          </button>
        ))}
      </div>
      <div className="field row">
        <label>
          {t('share.from')}{' '}
          <input
            type="date"
            value={from}
            max={to}
            onChange={(e) => {
              setFrom(e.target.value);
              setAskEmpty(false);
            }}
          />
        </label>
        <label>
          {t('share.to')}{' '}
          <input
            type="date"
            value={to}
            min={from}
            onChange={(e) => {
              setTo(e.target.value);
              setAskEmpty(false);
            }}
          />
        </label>
      </div>
      <p className={`share-preview${words.empty ? ' warn' : ''}`} data-testid="share-preview" aria-live="polite">
        {words.text}
      </p>
      <fieldset className="field">
        <legend>{t('share.metrics')}</legend>
        {metrics.map((m) => (
          <label key={m} className="check">
            <input
              type="checkbox"
              checked={!excluded.has(m)}
              onChange={(e) =>
                setExcluded((x) => {
                  const n = new Set(x);
                  if (e.target.checked) n.delete(m);
                  else n.add(m);
                  return n;
                })
              }
            />{' '}
            {METRICS[m].label}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('share.scenarios')}</legend>
        {(saved ?? []).length === 0 ? (
          <p className="muted small">{t('share.noScenarios')}</p>
        ) : (
          saved!.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={chosenPlans.has(s.id!)}
                onChange={(e) => {
                  const n = new Set(chosenPlans);
                  if (e.target.checked) n.add(s.id!);
                  else n.delete(s.id!);
                  setPlans(n);
                }}
              />{' '}
              {s.name}
            </label>
          ))
        )}
      </fieldset>
      <fieldset className="field">
        <legend>{t('share.protection')}</legend>
        {(['code', 'passphrase', 'plain'] as const).map((p) => (
          <label key={p} className="check">
            <input type="radio" name="protection" checked={protection === p} onChange={() => setProtection(p)} /> {t(`share.protect.${p}`)}
          </label>
        ))}
        {protection === 'passphrase' && (
          <>
            <label className="stack">
              {t('share.passphrase')}{' '}
              <input type="password" autoComplete="new-password" value={pass[0]} onChange={(e) => setPass([e.target.value, pass[1]!])} />
            </label>
            <label className="stack">
              {t('share.passphrase2')}{' '}
              <input type="password" autoComplete="new-password" value={pass[1]} onChange={(e) => setPass([pass[0]!, e.target.value])} />
            </label>
          </>
        )}
        {protection === 'plain' && (
          <label className="check warn">
            <input type="checkbox" checked={plainOk} onChange={(e) => setPlainOk(e.target.checked)} /> {t('share.plainWarning')}
          </label>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn primary" disabled={busy || !ready || askEmpty} aria-busy={busy}>
          {busy ? t('share.making') : t('share.make')}
        </button>
      </div>
      {askEmpty && (
        <div role="alertdialog" aria-labelledby="share-empty-text" data-testid="share-empty">
          <p id="share-empty-text" className="warn">
            {t('share.empty.ask')}
          </p>
          <div className="actions">
            <button type="button" className="btn" onClick={(e) => void submit(e, true)}>
              {t('share.empty.make')}
            </button>
            <button type="button" className="btn primary" onClick={() => setAskEmpty(false)} autoFocus>
              {t('share.empty.change')}
            </button>
          </div>
        </div>
      )}
      <MadeFileResult state={delivery} />
    </form>
  );
}
