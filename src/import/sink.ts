import type { MetricId } from '../../models/metrics.ts';
import { METRICS } from '../../models/metrics.ts';
import { printable } from '../../models/util/text.ts';
import { cleanMessage } from './errors.ts';
import { endBeforeStart, implausible } from '../../models/plausibility.ts';
import { BatchBuilder, FLAG_OFFSET_ASSUMED, NO_OFFSET, type SampleBatch } from '../../models/samples.ts';
import type { RejectedRecord } from '../data/rows.ts';
import type { SourceInput } from '../data/sources.ts';
import type { ProfilePatch } from '../data/profile.ts';
import type { ListField, ProfileMeta } from '../data/profile-merge.ts';
import { localDay } from '../../models/util/time.ts';
import type { DoseInput } from '../data/doses.ts';
import type { DoseKind } from '../data/rows.ts';

/** At most this many rejected records are kept with their reasons; the rest are counted. */
export const MAX_REJECTED_LISTED = 1000;
/** Distinct sources one file may name (real exports have a few dozen); more is hostile. */
export const MAX_SOURCES = 10_000;
/** Distinct ignored type names listed; the rest are counted under one key. */
export const MAX_IGNORED_KEYS = 1000;
/** Longest source name or ignored type name kept (characters). */
export const MAX_NAME = 200;
const TOO_MANY_SOURCES = -1;
/** Carbohydrate and insulin records kept from one file; more is hostile (a year of 5 a day is ~2,000). */
export const MAX_DOSES = 200_000;
/** Largest plausible single record: grams of carbohydrate, units of rapid-acting insulin. */
const DOSE_MAX: Record<DoseKind, number> = { carbs: 500, insulin: 100 };

/**
 * Where parsers put what they read. It checks plausibility (docs/metrics.md), keeps the reasons for
 * rejected records with their locations, counts ignored types by their own name, numbers the
 * sources, and hands batches to storage whenever `spillAt` samples are buffered, so memory stays
 * bounded whatever the file size.
 */
export class ImportSink {
  readonly rejected: RejectedRecord[] = [];
  rejectedCount = 0;
  readonly ignored: Record<string, number> = {};
  readonly sources: SourceInput[] = [];
  profile: ProfilePatch = {};
  /** When dated profile values were measured, and list items read from indirect sources (claims). */
  readonly profileMeta: Required<ProfileMeta> = { observedAt: {}, indirect: {} };
  /** Accepted samples so far (before duplicates are merged). */
  accepted = 0;
  /** Carbohydrate and insulin records (not canonical metrics: kept for the glucose forecaster only). */
  readonly doses: DoseInput[] = [];
  private readonly sourceIndex = new Map<string, number>();
  private builders = new Map<MetricId, BatchBuilder>();
  private buffered = 0;
  private pendingSpill: Promise<void> = Promise.resolve();
  private heightAt = -Infinity;
  private ignoredKeys = 0;

  constructor(
    private readonly nowMs: number,
    private readonly spill?: (batches: SampleBatch[]) => Promise<void>,
    private readonly spillAt = 400_000,
  ) {}

  /** Index of a source (device or app), created on first use. */
  source(name: string, model = ''): number {
    name = printable(name.slice(0, MAX_NAME));
    model = printable(model.slice(0, MAX_NAME));
    const key = `${name}|${model}`;
    let i = this.sourceIndex.get(key);
    if (i === undefined) {
      if (this.sources.length >= MAX_SOURCES) return TOO_MANY_SOURCES;
      i = this.sources.length;
      this.sources.push(model ? { name, model } : { name });
      this.sourceIndex.set(key, i);
    }
    return i;
  }

  /**
   * Adds a sample in canonical units; returns the reason it was rejected, or undefined. The caller
   * passes the location only on rejection, so the fast path builds no strings. `endMs` is the end the
   * record was written with (its start when it has none): an end before the start is rejected for
   * every metric, and an instant metric then keeps its start only. A sample without a UTC offset
   * gets the importing device's offset at that instant now (docs/metrics.md "Time"), so its day never
   * moves when the device later travels to another zone.
   */
  add(metric: MetricId, startMs: number, endMs: number, value: number, offsetMin: number, source: number, flags = 0): string | undefined {
    if (source === TOO_MANY_SOURCES) return `more than ${MAX_SOURCES.toLocaleString('en')} distinct sources in one file`;
    const order = endBeforeStart(metric, startMs, endMs);
    if (order) return order;
    if (METRICS[metric].kind === 'instant') endMs = startMs;
    const why = implausible(metric, startMs, endMs, value, this.nowMs);
    if (why) return why;
    if (offsetMin === NO_OFFSET) {
      offsetMin = -new Date(startMs).getTimezoneOffset();
      flags |= FLAG_OFFSET_ASSUMED;
    }
    let b = this.builders.get(metric);
    if (!b) this.builders.set(metric, (b = new BatchBuilder(metric, 4096)));
    b.push(startMs, endMs, value, offsetMin, source, flags);
    this.accepted++;
    if (metric === 'height' && startMs >= this.heightAt) {
      this.heightAt = startMs;
      this.profile.heightCm = Math.round(value * 10) / 10;
      this.profileMeta.observedAt.heightCm = localDay(startMs, offsetMin);
    }
    if (++this.buffered >= this.spillAt && this.spill) this.flush();
    return undefined;
  }

  /**
   * Keeps a carbohydrate (g) or rapid-acting insulin (U) record if it is plausible; returns whether
   * it was kept. These are not canonical metrics, so the caller still counts the row under
   * `ignored` (docs/metrics.md) and an implausible one is simply not kept.
   */
  addDose(kind: DoseKind, t: number, amount: number, offsetMin: number, sourceOf: () => number): boolean {
    if (this.doses.length >= MAX_DOSES) return false;
    if (!Number.isFinite(amount) || amount <= 0 || amount > DOSE_MAX[kind]) return false;
    if (!Number.isFinite(t) || t < Date.UTC(1900, 0, 1) || t > this.nowMs + 86_400_000) return false;
    // The source only once the record is kept: a rejected row must not add a device to the list.
    const source = sourceOf();
    if (source === TOO_MANY_SOURCES) return false;
    if (offsetMin === NO_OFFSET) offsetMin = -new Date(t).getTimezoneOffset();
    this.doses.push({ kind, t, amount, offsetMin, source });
    return true;
  }

  /**
   * A condition or medication read from an indirect source (an insurance claim): kept with the
   * import, never ticked in the profile before the person confirms it.
   */
  addIndirect(list: ListField, flag: string): void {
    const items = (this.profileMeta.indirect[list] ??= []);
    if (!items.includes(flag)) items.push(flag);
  }

  /** A rejected record: its location and reason, kept printable and short whatever the file held. */
  reject(where: string, reason: string): void {
    this.rejectedCount++;
    if (this.rejected.length < MAX_REJECTED_LISTED)
      this.rejected.push({ where: cleanMessage(where, 200), reason: cleanMessage(reason, 300) });
  }

  /** Counts a record of a type Doppel does not read, under its own name (printable, cut at MAX_NAME). */
  ignore(type: string, n = 1): void {
    let key = printable(type.slice(0, MAX_NAME)) || '(unnamed type)';
    if (!(key in this.ignored) && this.ignoredKeys >= MAX_IGNORED_KEYS) key = '(other types)';
    else if (!(key in this.ignored)) this.ignoredKeys++;
    this.ignored[key] = (this.ignored[key] ?? 0) + n;
  }

  /** Buffered batches, emptying the buffer. */
  take(): SampleBatch[] {
    const out = [...this.builders.values()].map((b) => b.build()).filter((b) => b.start.length > 0);
    this.builders = new Map();
    this.buffered = 0;
    return out;
  }

  /** Starts handing the buffer to storage; `drain` waits for it. Parsers call `drain` at safe points. */
  flush(): void {
    if (!this.spill) return;
    const batches = this.take();
    const spill = this.spill;
    this.pendingSpill = this.pendingSpill.then(() => spill(batches));
  }

  /** Waits for storage to take every handed-over batch (back-pressure for parsers). */
  drain(): Promise<void> {
    return this.pendingSpill;
  }

  /** Rejected records as the report lists them: the first MAX_REJECTED_LISTED, then a count. */
  rejectedReport(): RejectedRecord[] {
    const more = this.rejectedCount - this.rejected.length;
    return more > 0 ? [...this.rejected, { where: '…', reason: `${more} more records rejected` }] : [...this.rejected];
  }
}
