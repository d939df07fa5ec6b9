import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { GENERIC_CSV_TEMPLATE } from '../../import/formats/generic-csv.ts';
import type { FileOutcome } from '../../import/pipeline.ts';
import { useSettings } from '../../data/hooks.ts';
import type { ProfileFieldOutcome } from '../../data/rows.ts';
import { DEFAULT_SETTINGS } from '../../data/settings.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { filesFromDrop, importFiles, type FileProgress } from '../actions/import.ts';
import { formatBytes, formatDay } from '../format.ts';
import { ProfileConflicts } from '../profile/ProfileConflicts.tsx';
import { fieldLabel, valueText } from '../profile/words.ts';
import { SourcePriority } from '../components/SourcePriority.tsx';
import { ImportHistory } from '../components/ImportHistory.tsx';
import { isShareFile } from '../../inbox/inbox.ts';
import { setPendingShare } from '../actions/pending-share.ts';
import { t, tn } from '../i18n/index.ts';
import { strong, tx } from '../i18n/rich.ts';
import { errorText, errorInfoText } from '../error-text.ts';

const ACCEPT = '.zip,.xml,.json,.ndjson,.csv,application/zip,text/xml,application/json,text/csv';

/** Import: pick or drop exports, watch progress, cancel, read the result, undo past imports. */
export function ImportPage() {
  const [progress, setProgress] = useState<FileProgress>();
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<FileOutcome[]>();
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  const template = useMemo(() => URL.createObjectURL(new Blob([GENERIC_CSV_TEMPLATE], { type: 'text/csv' })), []);
  useEffect(() => () => URL.revokeObjectURL(template), [template]);

  const run = async (all: File[]): Promise<void> => {
    // A patient's share file dropped or picked here is not an export: it opens the review screen.
    const files: File[] = [];
    let share: File | undefined;
    for (const f of all) {
      if (await isShareFile(f)) share ??= f;
      else files.push(f);
    }
    if (share) {
      setPendingShare(share);
      location.hash = '#/open';
      return;
    }
    if (!files.length) return;
    setBusy(true);
    setError(undefined);
    setResults(undefined);
    abort.current = new AbortController();
    try {
      setResults(await importFiles(files, setProgress, abort.current.signal));
    } catch (e) {
      if (!isAbortError(e)) setError(errorText(e));
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    const items = e.dataTransfer.items;
    void (
      items?.length && typeof items[0]?.webkitGetAsEntry === 'function' ? filesFromDrop(items) : Promise.resolve([...e.dataTransfer.files])
    ).then(run);
  };

  const pct = progress && progress.bytesTotal ? Math.round((100 * progress.bytesDone) / progress.bytesTotal) : 0;
  return (
    <section className="import" aria-labelledby="import-title">
      <h1 id="import-title">{t('import.title')}</h1>
      <p>{tx('import.intro', { zip: <code>export.zip</code>, xml: <code>export.xml</code> })}</p>
      <div
        className={`dropzone${dragging ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="btn primary big">
          {t('import.chooseFiles')}
          <input
            type="file"
            multiple
            accept={ACCEPT}
            className="visually-hidden"
            disabled={busy}
            onChange={(e) => {
              void run([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </label>
        <label className="btn">
          {t('import.chooseFolder')}
          <input
            type="file"
            className="visually-hidden"
            disabled={busy}
            {...{ webkitdirectory: '' }}
            onChange={(e) => {
              void run([...(e.target.files ?? [])].filter((f) => !f.name.startsWith('.')));
              e.target.value = '';
            }}
          />
        </label>
        <span className="muted">{t('import.drop')}</span>
      </div>
      <p className="small">
        {tx('import.template', {
          a: (c) => (
            <a href={template} download="doppel-template.csv">
              {c}
            </a>
          ),
          columns: 'time, metric, value, unit, source',
        })}
      </p>

      {busy && (
        <div className="card" aria-live="polite">
          <p>
            <strong>{progress ? progress.file : t('import.starting')}</strong>
            {progress && progress.fileCount > 1
              ? ` ${t('import.fileOf', { index: progress.fileIndex + 1, total: progress.fileCount })}`
              : ''}
          </p>
          <progress max={100} value={pct} aria-label={t('import.progress')}>
            {pct} %
          </progress>
          {progress && (
            <p className="small muted" data-testid="import-rate">
              {tn('import.rate', progress.records, {
                done: formatBytes(progress.bytesDone),
                total: formatBytes(progress.bytesTotal),
                records: progress.records.toLocaleString(),
                rate: formatBytes(progress.rate),
              })}
              {progress.etaS !== undefined ? ` · ${t('import.eta', { seconds: Math.ceil(progress.etaS) })}` : ''}
            </p>
          )}
          <button type="button" className="btn" onClick={() => abort.current?.abort()}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {t('import.error', { error })}
        </p>
      )}
      {results && <ImportResults results={results} />}
      <ProfileConflicts ws="main" />

      <h2>{t('import.history')}</h2>
      <ImportHistory ws="main" />
      <SourcePriority ws="main" />
    </section>
  );
}

function ImportResults({ results }: { results: FileOutcome[] }) {
  return (
    <div className="results" role="status">
      {results.map((r, i) =>
        'error' in r ? (
          <article className="card failed" key={`e${i}`} data-testid="import-failure">
            <h3 className="name">{r.file}</h3>
            <p className="error">{t('import.notImported', { error: errorInfoText(r.error) })}</p>
          </article>
        ) : (
          <article className="card" key={r.importId} data-testid="import-result">
            <h3 className="name">{r.file}</h3>
            <p>
              {tx('import.result', {
                b: strong,
                added: r.added.toLocaleString(),
                duplicates: r.duplicates.toLocaleString(),
                rejected: r.rejected.length.toLocaleString(),
                format: r.format,
              })}
            </p>
            {(r.doses ?? 0) > 0 && (
              <p className="small" data-testid="import-doses">
                {tn('import.doses', r.doses!)}
              </p>
            )}
            {r.profile && r.profile.length > 0 && <ProfileOutcome outcome={r.profile} />}
            {r.rejected.length > 0 && (
              <details>
                <summary>{t('import.rejected')}</summary>
                <ul className="small">
                  {r.rejected.slice(0, 50).map((x, i) => (
                    <li key={i}>
                      {x.where}: {x.reason}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {Object.keys(r.ignored).length > 0 && (
              <details>
                <summary>{t('import.ignored', { count: Object.keys(r.ignored).length })}</summary>
                <ul className="small">
                  {Object.entries(r.ignored).map(([k, n]) => (
                    <li key={k}>
                      {k}: {n.toLocaleString()}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </article>
        ),
      )}
    </div>
  );
}

/** What the file said about the person, and what became of each value in the profile. */
function ProfileOutcome({ outcome }: { outcome: ProfileFieldOutcome[] }) {
  const settings = useSettings('main') ?? DEFAULT_SETTINGS;
  return (
    <div className="small" data-testid="import-profile">
      <p>{t('import.profile.title')}</p>
      <ul>
        {outcome.map((o) => {
          const value = valueText(o.field, o.value, settings);
          return (
            <li key={`${o.field}|${String(o.value)}`} data-status={o.status}>
              {t('import.profile.line', {
                field: fieldLabel(o.field),
                value: o.observedAt ? t('import.profile.measured', { value, date: formatDay(o.observedAt) }) : value,
                status: t(`import.profile.${o.status}`),
              })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
