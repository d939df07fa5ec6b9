import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { GENERIC_CSV_TEMPLATE } from '../../import/formats/generic-csv.ts';
import type { FileOutcome, FileReport } from '../../import/pipeline.ts';
import { useSettings } from '../../data/hooks.ts';
import type { ProfileFieldOutcome } from '../../data/rows.ts';
import { DEFAULT_SETTINGS } from '../../data/settings.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { filesFromDrop, importFiles, screenFiles, type FileProgress, type RefusedFile } from '../actions/import.ts';
import { formatBytes, formatDay } from '../format.ts';
import { ProfileConflicts } from '../profile/ProfileConflicts.tsx';
import { fieldLabel, valueText } from '../profile/words.ts';
import { SourcePriority } from '../components/SourcePriority.tsx';
import { ImportHistory } from '../components/ImportHistory.tsx';
import { isShareFile } from '../../inbox/inbox.ts';
import { openDoppelFile } from '../actions/pending-share.ts';
import { t, tn } from '../i18n/index.ts';
import { strong, tx } from '../i18n/rich.ts';
import { errorText, errorInfoText } from '../error-text.ts';
import { arrivalLines, cancelledText, formatName } from '../import-words.ts';
import type { MessageKey } from '../i18n/index.ts';

const ACCEPT = '.zip,.xml,.json,.ndjson,.csv,application/zip,text/xml,application/json,text/csv';

/** Where each export is found: the format named, and the steps in its app (i18n import.howto.*). */
const HOWTO: [format: string, how: MessageKey][] = [
  ['apple-health-zip', 'import.howto.apple-health'],
  ['health-connect-zip', 'import.howto.health-connect'],
  ['fhir-r4', 'import.howto.fhir-r4'],
  ['ccda-xdm-zip', 'import.howto.ccda'],
  ['dexcom-clarity-csv', 'import.howto.dexcom-clarity-csv'],
  ['libreview-csv', 'import.howto.libreview-csv'],
  ['nightscout-json', 'import.howto.nightscout-json'],
  ['fitbit-json', 'import.howto.fitbit-json'],
  ['google-fit-csv', 'import.howto.google-fit-csv'],
  ['withings-csv', 'import.howto.withings-csv'],
  ['garmin-csv', 'import.howto.garmin-csv'],
  ['samsung-health-csv', 'import.howto.samsung-health-csv'],
  ['generic-csv', 'import.howto.generic-csv'],
];
/** What to get instead of a PDF or a picture: a FHIR record or Doppel's CSV. */
const INSTEAD = HOWTO.filter(([f]) => f === 'fhir-r4' || f === 'generic-csv');

type Outcome = Exclude<FileOutcome, { cancelled: true }>;
const isReport = (o: FileOutcome): o is FileReport => 'importId' in o;

/** Import: pick or drop exports, watch progress, cancel, read the result, undo past imports. */
export function ImportPage() {
  const [progress, setProgress] = useState<FileProgress>();
  const [busy, setBusy] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [results, setResults] = useState<Outcome[]>();
  const [refused, setRefused] = useState<RefusedFile[]>();
  const [cancelled, setCancelled] = useState<string>();
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  const template = useMemo(() => URL.createObjectURL(new Blob([GENERIC_CSV_TEMPLATE], { type: 'text/csv' })), []);
  useEffect(() => () => URL.revokeObjectURL(template), [template]);

  const run = async (all: File[]): Promise<void> => {
    // A patient's share file dropped or picked here is not an export: it opens the review screen (a backup, the restore screen).
    const files: File[] = [];
    let share: File | undefined;
    for (const f of all) {
      if (await isShareFile(f)) share ??= f;
      else files.push(f);
    }
    if (share) {
      await openDoppelFile(share);
      return;
    }
    if (!files.length) return;
    setBusy(true);
    setError(undefined);
    setResults(undefined);
    setRefused(undefined);
    setCancelled(undefined);
    abort.current = new AbortController();
    try {
      // PDFs and pictures are set aside from their first bytes: the import worker never sees them.
      const screened = await screenFiles(files);
      if (screened.refused.length) setRefused(screened.refused);
      if (!screened.files.length) return;
      const out = await importFiles(screened.files, setProgress, abort.current.signal);
      setResults(out.filter((o): o is Outcome => !('cancelled' in o)));
      const stop = out.find((o) => 'cancelled' in o);
      if (stop) setCancelled(cancelledText(stop.file, screened.files.length - out.length));
    } catch (e) {
      if (!isAbortError(e)) setError(errorText(e));
    } finally {
      setBusy(false);
      setStopping(false);
      setProgress(undefined);
    }
  };
  const stop = (): void => {
    setStopping(true);
    abort.current?.abort();
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
      <details className="howto" data-testid="import-howto">
        <summary>{t('import.howto.title')}</summary>
        <HowTo items={HOWTO} />
      </details>

      {busy && (
        <div className="card" aria-live="polite">
          <p>
            <strong>{stopping ? t('import.stopping') : progress ? progress.file : t('import.starting')}</strong>
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
          <button type="button" className="btn" disabled={stopping} onClick={stop}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {t('import.error', { error })}
        </p>
      )}
      {cancelled && (
        <p className="card" role="status" data-testid="import-cancelled">
          {cancelled}
        </p>
      )}
      {refused && <RefusedFiles refused={refused} />}
      {results && <ImportResults results={results} />}
      <ProfileConflicts ws="main" />

      <h2>{t('import.history')}</h2>
      <ImportHistory ws="main" />
      <SourcePriority ws="main" />
    </section>
  );
}

/** The steps to get each export from its app. */
function HowTo({ items }: { items: [format: string, how: MessageKey][] }) {
  return (
    <ul className="small">
      {items.map(([format, how]) => (
        <li key={how}>{tx('import.howto.item', { b: strong, name: formatName(format), how: t(how) })}</li>
      ))}
    </ul>
  );
}

/** PDFs and pictures set aside before reading: what to get instead. */
function RefusedFiles({ refused }: { refused: RefusedFile[] }) {
  return (
    <div className="results" role="status">
      {refused.map((r, i) => (
        <article className="card failed" key={`${r.file}|${i}`} data-testid="import-refused">
          <h3 className="name">{r.file}</h3>
          <p>{t(r.kind === 'pdf' ? 'import.refused.pdf' : 'import.refused.image')}</p>
          <HowTo items={INSTEAD} />
          <p>
            {t('import.refused.enter')} <a href="#/entry">{t('import.refused.enterLink')}</a>
          </p>
        </article>
      ))}
    </div>
  );
}

function ImportResults({ results }: { results: Outcome[] }) {
  return (
    <div className="results" role="status">
      {results.map((r, i) =>
        !isReport(r) ? (
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
                format: formatName(r.format),
              })}
            </p>
            <Arrivals report={r} />
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
      {results.some(isReport) && (
        <div className="card next-step" data-testid="import-next">
          <p>{t('import.seeTwin.intro')}</p>
          <a className="btn primary" href="#/">
            {t('import.seeTwin')}
          </a>
        </div>
      )}
    </div>
  );
}

/** The readings a file added, per metric, with their days (the days the timeline shows them on). */
function Arrivals({ report }: { report: FileReport }) {
  const lines = arrivalLines(report.arrived);
  if (!lines.length) return report.added === 0 && report.duplicates > 0 ? <p className="small">{t('import.arrived.none')}</p> : null;
  return (
    <div className="small">
      <p>{t('import.arrived.title')}</p>
      <ul data-testid="import-arrived">
        {lines.map((l) => (
          <li key={l.metric} data-metric={l.metric} data-count={l.count} data-first={l.first} data-last={l.last}>
            {l.text}
          </li>
        ))}
      </ul>
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
      {outcome.some((o) => o.status === 'pending' || o.status === 'confirm') && (
        <button type="button" className="btn small" onClick={showConflicts}>
          {t('import.profile.choose')}
        </button>
      )}
    </div>
  );
}

/** Brings the choices between the profile and the records (ProfileConflicts, below the results) into view. */
function showConflicts(): void {
  const title = document.getElementById('conflicts-title');
  title?.scrollIntoView({ block: 'start' });
  title?.focus();
}
