/**
 * What an import did, in the person's words: the format by its plain name, the readings that arrived
 * per metric with their days, what an undo removed and a redo put back, a stopped import. Pure:
 * everything comes from the message catalog and the import's own record (src/data/rows.ts).
 */
import { METRIC_IDS, METRICS, type MetricId } from '../../models/metrics.ts';
import type { ImportRow, MetricArrival, UndoneImport } from '../data/rows.ts';
import { entryText } from './entry/entry-words.ts';
import { formatDate, formatDay, type UnitSettings } from './format.ts';
import { en } from './i18n/en.ts';
import { t, tn, type MessageKey } from './i18n/index.ts';

/** A format id (src/import/detect.ts, or `doppel-demo`) by its plain name: "Apple Health export". */
export function formatName(id: string): string {
  const key = `import.format.${id}`;
  return t(key in en ? (key as MessageKey) : 'import.format.other');
}

/** A metric as a noun inside a sentence ("weight", "step"). */
export function metricNoun(metric: MetricId): string {
  return t(`import.noun.${metric}` as MessageKey);
}

/** "a, b and c" (the catalog's separator and its "and"). */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return t('import.and', { items: items.slice(0, -1).join(t('common.listSeparator')), last: items[items.length - 1]! });
}

/** One metric's arrival, as a line and as data (for the list's markup). */
export interface ArrivalLine {
  metric: MetricId;
  count: number;
  first: string;
  last: string;
  text: string;
}

/** A range of local days as the timeline writes it ("Mar 3, 2019 – Nov 14, 2021"; one day alone). */
export function daysText(first: string, last: string): string {
  return first === last ? formatDay(first) : t('import.arrived.range', { from: formatDay(first), to: formatDay(last) });
}

/**
 * The readings an import added, one line per metric, most readings first (then in the metric list's
 * order): "Weight: 312 readings, Mar 3, 2019 – Nov 14, 2021".
 */
export function arrivalLines(arrived: Partial<Record<MetricId, MetricArrival>> | undefined): ArrivalLine[] {
  const lines: ArrivalLine[] = [];
  for (const metric of METRIC_IDS) {
    const a = arrived?.[metric];
    if (!a || a.count <= 0) continue;
    lines.push({
      metric,
      count: a.count,
      first: a.first,
      last: a.last,
      text: tn('import.arrived.metric', a.count, {
        metric: METRICS[metric].label,
        count: a.count.toLocaleString(),
        range: daysText(a.first, a.last),
      }),
    });
  }
  return lines.sort((x, y) => y.count - x.count);
}

/** Metrics named one by one in what an undo removed; beyond them the rest is one count. */
const NAMED_METRICS = 3;

/**
 * The parts of what an undo took away: readings per metric (most first; past three metrics, the
 * others as one count), records, profile values.
 */
function removedParts(u: Pick<UndoneImport, 'removed' | 'dosesRemoved' | 'profileChanged'>): string[] {
  const byMetric = METRIC_IDS.map((m) => [m, u.removed[m] ?? 0] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const named = byMetric.length > NAMED_METRICS + 1 ? byMetric.slice(0, NAMED_METRICS) : byMetric;
  const parts = named.map(([m, n]) => tn('import.undone.readings', n, { count: n.toLocaleString(), noun: metricNoun(m) }));
  const others = byMetric.slice(named.length).reduce((s, [, n]) => s + n, 0);
  if (others > 0) parts.push(tn('import.undone.otherReadings', others, { count: others.toLocaleString() }));
  if (u.dosesRemoved > 0) parts.push(tn('import.undone.doses', u.dosesRemoved, { count: u.dosesRemoved.toLocaleString() }));
  if (u.profileChanged.length > 0) parts.push(tn('import.undone.profile', u.profileChanged.length));
  return parts;
}

type UndoneRow = Pick<ImportRow, 'fileName' | 'format' | 'startedAt' | 'entry' | 'replaces'> & {
  undone: Pick<UndoneImport, 'removed' | 'dosesRemoved' | 'profileChanged'>;
};

/**
 * What an undo removed: "Removed 312 weight readings and 2 values it set in your profile from the
 * Apple Health export of Dec 3, 2024 (export.zip)." Readings other imports also hold stay, and are
 * not counted; when nothing left, it says so.
 */
export function undoneText(row: UndoneRow, units?: UnitSettings): string {
  if (row.entry && units) return entryStepText(row, units, 'undone');
  const parts = removedParts(row.undone);
  const vars = { format: formatName(row.format), date: formatDate(row.startedAt), file: row.fileName };
  return parts.length ? t('import.undone', { ...vars, what: listText(parts) }) : t('import.undone.nothing', vars);
}

/** What a redo put back: the same parts as the undo it reverses. */
export function redoneText(row: UndoneRow, units?: UnitSettings): string {
  if (row.entry && units) return entryStepText(row, units, 'redone');
  const parts = removedParts(row.undone);
  const vars = { format: formatName(row.format), date: formatDate(row.startedAt), file: row.fileName };
  return parts.length ? t('import.redone', { ...vars, what: listText(parts) }) : t('import.redone.nothing', vars);
}

/** An undo or redo of a measurement entered by hand, by its value: "Taken back: Weight 82.4 kg (entered by you on …)". */
function entryStepText(row: UndoneRow, units: UnitSettings, step: 'undone' | 'redone'): string {
  const vars = { what: entryText(row.entry!, units), date: formatDate(row.startedAt) };
  const changed = row.replaces !== undefined;
  if (step === 'undone') return t(changed ? 'entry.step.undoneChange' : 'entry.step.undone', vars);
  return t(changed ? 'entry.step.redoneChange' : 'entry.step.redone', vars);
}

/** A stopped import: nothing of the file being read was kept; files after it were not read. */
export function cancelledText(file: string, notRead: number): string {
  const stopped = t('import.cancelled', { file });
  return notRead > 0 ? `${stopped} ${tn('import.cancelled.notRead', notRead)}` : stopped;
}

/** An import as its history line names it: its file, or for a measurement entered by hand, what it was ("Entered by you: Weight"). */
export function historyName(row: Pick<ImportRow, 'fileName' | 'entry' | 'replaces'>, units?: UnitSettings): string {
  if (!row.entry) return row.fileName;
  const what = units ? entryText(row.entry, units) : t(`entry.kind.${row.entry.kind}`);
  return t(row.replaces === undefined ? 'entry.historyName' : 'entry.historyName.changed', { what });
}
