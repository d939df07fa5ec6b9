/**
 * Schema v5's repair of "travel doubles": before v5, a file without UTC offsets (LibreView, Dexcom
 * Clarity, a CSV) was placed in the importing device's zone of the moment, so the same file imported
 * again after the device changed zone stored every reading a second time, shifted by the difference
 * of the two zones (issue 15: 12,409 CGM readings became 24,731). This finds such copies and keeps
 * the earlier import's, and names the zone each source's first import used, so that imports from now
 * on place that source's wall-clock times the same way (docs/import-formats.md "Time").
 *
 * Two samples are one reading placed twice when all of this holds, and only then:
 * - same metric, same source, same value, same duration, both flagged "offset assumed";
 * - the same wall-clock start (start + its offset), but different instants: the offsets differ;
 * - held by two different imports of formats that write wall-clock times (a Nightscout `date` is an
 *   instant: two of its readings with one wall-clock time are two readings);
 * - no import holds two samples of the group: one import maps one wall-clock time to one instant,
 *   so a group with two samples of one import is left alone.
 * The later import's copy goes, and that import becomes a shadow of the kept sample (so undoing
 * either import still leaves the reading while the other holds it). Carbohydrate and insulin records
 * of those sources are repaired by the same rule. Pure functions over rows; the upgrade in db.ts
 * reads and writes them.
 */
import { FLAG_OFFSET_ASSUMED } from '../../models/samples.ts';
import { localDay, MINUTE_MS } from '../../models/util/time.ts';
import { zoneMatching } from '../../models/util/zone.ts';
import { allocColumns, copyColumns, type ChunkColumns } from './chunk-merge.ts';
import type { DoseRow } from './rows.ts';

/** Formats whose times without an offset are wall-clock times (before v5, placed in the device's zone). */
export const WALL_CLOCK_FORMATS: ReadonlySet<string> = new Set([
  'libreview-csv',
  'dexcom-clarity-csv',
  'generic-csv',
  'withings-csv',
  'fitbit-json',
  'garmin-csv',
  'google-fit-csv',
  'samsung-health-csv',
  'fhir-r4',
  'apple-health-xml',
]);

/** One sample of a chunk that may be a travel copy. */
interface Candidate {
  chunk: ChunkColumns;
  index: number;
  owner: number;
}

/** What the repair did to a set of chunks: samples to drop, shadows to add, days to recompute. */
export interface ChunkRepair {
  drop: Map<ChunkColumns, Set<number>>;
  shadows: Map<ChunkColumns, [index: number, importId: number][]>;
  /** Local days whose daily rows change. */
  days: Set<string>;
  /** Copies removed per import (its `added` falls and its `duplicates` rise by this). */
  removedByImport: Map<number, number>;
}

export function emptyRepair(): ChunkRepair {
  return { drop: new Map(), shadows: new Map(), days: new Set(), removedByImport: new Map() };
}

const shadowsOf = (c: ChunkColumns, i: number): number[] => {
  const out: number[] = [];
  const of = c.shadowOf ?? [];
  for (let s = 0; s < of.length; s++) if (of[s] === i) out.push(c.shadowImport![s]!);
  return out;
};

/**
 * Finds the travel copies among the samples of some chunks of ONE metric (a copy is within 26 hours
 * of its original, so the caller passes a month with its neighbours). `wallClock(importId)` says
 * whether an import's format writes wall-clock times. Adds to `repair`; changes no chunk.
 */
export function findTravelCopies(chunks: readonly ChunkColumns[], wallClock: (importId: number) => boolean, repair: ChunkRepair): void {
  const groups = new Map<string, Candidate[]>();
  for (const c of chunks) {
    const dropped = repair.drop.get(c);
    for (let i = 0; i < c.n; i++) {
      if (!(c.flags[i]! & FLAG_OFFSET_ASSUMED) || dropped?.has(i) || !wallClock(c.importId[i]!)) continue;
      const wall = c.start[i]! + c.offsetMin[i]! * MINUTE_MS;
      const key = `${c.source[i]}|${wall}|${c.end[i]! - c.start[i]!}|${c.value[i]}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push({ chunk: c, index: i, owner: c.importId[i]! });
    }
  }
  for (const g of groups.values()) {
    if (g.length < 2 || new Set(g.map((x) => x.owner)).size < g.length) continue;
    if (new Set(g.map((x) => x.chunk.start[x.index])).size < g.length) continue;
    g.sort((a, b) => a.owner - b.owner);
    const kept = g[0]!;
    for (const copy of g.slice(1)) {
      const drop = repair.drop.get(copy.chunk) ?? new Set<number>();
      repair.drop.set(copy.chunk, drop.add(copy.index));
      const sh = repair.shadows.get(kept.chunk) ?? [];
      for (const imp of [copy.owner, ...shadowsOf(copy.chunk, copy.index)]) if (imp !== kept.owner) sh.push([kept.index, imp]);
      repair.shadows.set(kept.chunk, sh);
      repair.days.add(localDay(copy.chunk.start[copy.index]!, copy.chunk.offsetMin[copy.index]!));
      repair.removedByImport.set(copy.owner, (repair.removedByImport.get(copy.owner) ?? 0) + 1);
    }
  }
}

/** A chunk with the repair applied: its dropped samples gone, shadows added and following their samples. */
export function applyRepair(c: ChunkColumns, repair: ChunkRepair): ChunkColumns {
  const drop = repair.drop.get(c) ?? new Set<number>();
  const added = repair.shadows.get(c) ?? [];
  const out = allocColumns(c.n - drop.size);
  const newIndex = new Int32Array(c.n).fill(-1);
  let n = 0;
  for (let i = 0; i < c.n; i++) {
    if (drop.has(i)) continue;
    copyColumns(out, c, i, i + 1, n);
    newIndex[i] = n++;
  }
  const pairs = new Set<string>();
  const of: number[] = [];
  const imp: number[] = [];
  const oldOf = c.shadowOf ?? [];
  const all: [number, number][] = [...Array.from(oldOf, (x, s): [number, number] => [x, c.shadowImport![s]!]), ...added];
  for (const [i, importId] of all) {
    const j = newIndex[i]!;
    const key = `${j}|${importId}`;
    if (j < 0 || pairs.has(key) || out.importId[j] === importId) continue;
    pairs.add(key);
    of.push(j);
    imp.push(importId);
  }
  out.shadowOf = Uint32Array.from(of);
  out.shadowImport = Uint32Array.from(imp);
  out.t0 = n ? out.start[0]! : 0;
  out.t1 = n ? out.start[n - 1]! : 0;
  return out;
}

/**
 * The dose rows after the same repair: records of one kind, source and amount at one wall-clock time
 * but different instants, held by disjoint wall-clock imports of `sources`, become the earliest one,
 * held by all of them. Returns the rows to put and the keys to delete.
 */
export function repairDoses(
  rows: readonly DoseRow[],
  sources: ReadonlySet<number>,
  wallClock: (importId: number) => boolean,
): { put: DoseRow[]; del: string[] } {
  const groups = new Map<string, DoseRow[]>();
  for (const r of rows) {
    if (!sources.has(r.source) || !r.importIds.every(wallClock)) continue;
    const key = `${r.kind}|${r.source}|${r.amount}|${r.t + r.offsetMin * MINUTE_MS}`;
    const g = groups.get(key) ?? [];
    groups.set(key, [...g, r]);
  }
  const put: DoseRow[] = [];
  const del: string[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    g.sort((a, b) => Math.min(...a.importIds) - Math.min(...b.importIds));
    const ids = g.flatMap((r) => r.importIds);
    if (new Set(ids).size < ids.length) continue;
    put.push({ ...g[0]!, importIds: ids });
    for (const r of g.slice(1)) del.push(r.key);
  }
  return { put, del };
}

/** Transitions kept per source as probes (a decade of two a year, with room). */
const MAX_CHANGES = 64;

/**
 * Instants and stored offsets of one import's samples of a source, to name the zone it used: the
 * first and last instant of each offset, and the samples on both sides of every change of offset
 * (where zones with the same offsets but other transition dates differ). Fed in time order.
 */
export class ZoneProbes {
  private readonly bySource = new Map<
    number,
    { importId: number; offsets: Map<number, [number, number]>; last?: [number, number]; changes: [number, number][] }
  >();

  add(source: number, importId: number, ms: number, offsetMin: number): void {
    let p = this.bySource.get(source);
    if (!p || importId < p.importId) this.bySource.set(source, (p = { importId, offsets: new Map(), changes: [] }));
    if (importId !== p.importId) return;
    const r = p.offsets.get(offsetMin);
    if (!r) p.offsets.set(offsetMin, [ms, ms]);
    else {
      r[0] = Math.min(r[0], ms);
      r[1] = Math.max(r[1], ms);
    }
    if (p.last && p.last[1] !== offsetMin && p.changes.length < MAX_CHANGES) p.changes.push(p.last, [ms, offsetMin]);
    p.last = [ms, offsetMin];
  }

  sources(): number[] {
    return [...this.bySource.keys()];
  }

  /** The zone the source's first import placed its samples in, among `candidates`; undefined if none fits. */
  zoneOf(source: number, candidates: readonly string[]): string | undefined {
    const p = this.bySource.get(source);
    if (!p) return undefined;
    const probes = [...p.offsets].flatMap(([offsetMin, [a, b]]) => [
      { ms: a, offsetMin },
      { ms: b, offsetMin },
    ]);
    for (const [ms, offsetMin] of p.changes) probes.push({ ms, offsetMin });
    return zoneMatching(probes, candidates);
  }
}
