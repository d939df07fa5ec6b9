import { useState, type FormEvent } from 'react';
import { METRICS, type MetricId } from '../../../models/metrics.ts';
import { useMetricSummaries, useSavedScenarios } from '../../data/hooks.ts';
import type { Workspace } from '../../data/workspace.ts';
import { generateCode, MIN_PASSPHRASE_CHARS, type Secret } from '../../share/format.ts';
import { importWorker } from '../../workers/index.ts';
import { QrCode } from '../components/QrCode.tsx';
import { saveFile } from '../actions/download.ts';
import { t } from '../i18n/index.ts';
import { errorText } from '../error-text.ts';

type Protection = 'code' | 'passphrase' | 'plain';
/** A local calendar day (the dates the patient sees), not a UTC one. */
const isoDay = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The patient picks what to share and how it is protected; the file is made in the import worker and saved by the browser. */
export function SharePage({ ws }: { ws: Workspace }) {
  const summaries = useMetricSummaries(ws);
  const saved = useSavedScenarios(ws);
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState(() => isoDay(Date.now() - 365 * 86_400_000));
  const [to, setTo] = useState(() => isoDay(Date.now()));
  const [excluded, setExcluded] = useState<ReadonlySet<MetricId>>(new Set());
  const [plans, setPlans] = useState<ReadonlySet<number> | undefined>();
  const [protection, setProtection] = useState<Protection>('code');
  const [pass, setPass] = useState(['', '']);
  const [plainOk, setPlainOk] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; code?: string; ok: boolean }>();

  const metrics = (summaries ?? []).map((s) => s.metric);
  const chosenPlans = plans ?? new Set((saved ?? []).map((s) => s.id!));
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (protection === 'passphrase' && pass[0] !== pass[1]) {
      setResult({ ok: false, text: t('share.mismatch') });
      return;
    }
    setBusy(true);
    setResult(undefined);
    const code = protection === 'code' ? generateCode() : undefined;
    const secret: Secret = code ? { code } : protection === 'passphrase' ? { passphrase: pass[0]! } : { plain: true };
    try {
      const r = await importWorker.run((a) =>
        a.createShare(
          ws,
          { fromDay: from, toDay: to, metrics: metrics.filter((m) => !excluded.has(m)), scenarioIds: [...chosenPlans] },
          label,
          secret,
        ),
      );
      const file = `doppel-share-${to}.doppel`;
      saveFile(new Blob([r.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), file);
      const count = new Intl.NumberFormat().format(r.samples);
      setResult({
        ok: true,
        text: protection === 'plain' ? t('share.madePlain', { file, count }) : t('share.made', { file, count, ms: Math.round(r.makeMs) }),
        ...(code ? { code } : {}),
      });
    } catch (err) {
      setResult({ ok: false, text: t('share.failed', { error: errorText(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const ready =
    label.trim() !== '' &&
    (protection !== 'plain' || plainOk) &&
    (protection !== 'passphrase' || [...pass[0]!].length >= MIN_PASSPHRASE_CHARS);
  return (
    <form className="profile share" onSubmit={(e) => void submit(e)} aria-labelledby="share-title">
      <h1 id="share-title">{t('share.title')}</h1>
      <p className="muted">{t('share.intro')}</p>
      <div className="field">
        <label htmlFor="share-label">{t('share.label')}</label>
        <input id="share-label" value={label} maxLength={80} onChange={(e) => setLabel(e.target.value)} required />
      </div>
      <div className="field row">
        <label>
          {t('share.from')} <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('share.to')} <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
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
        <button type="submit" className="btn primary" disabled={busy || !ready} aria-busy={busy}>
          {busy ? t('share.making') : t('share.make')}
        </button>
      </div>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? '' : 'error'}>
          {result.text}
        </p>
      )}
      {result?.code && (
        <div className="card share-code">
          <p>{t('share.codeIs')}</p>
          <p className="code" data-testid="share-code">
            {result.code}
          </p>
          <QrCode text={result.code} label={t('share.qrLabel', { code: result.code })} />
        </div>
      )}
    </form>
  );
}
