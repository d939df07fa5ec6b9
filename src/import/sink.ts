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
import { runtimeZone, zonedWallToEpoch, zoneOffsetMin } from '../../models/util/zone.ts';
import type { SourceKind } from '../data/rows.ts';

/**
 * Where records without a UTC offset are placed (docs/import-formats.md "Time"): in the zone a
 * source's first such import assumed (remembered with the source), else in the importing device's.
 */
export interface WallZones {
  /** IANA zone of the importing device. */
  device: string;
  /** Remembered zone by source key (`name|model`, as `SourceRow.key`). */
  bySource?: ReadonlyMap<string, string>;
}

/**
 * `offsetMin` for a record whose instant the file gives (epoch ms, Nightscout's `date`) but not its
 * UTC offset: the sink stores the device's offset at that instant, flagged, and moves nothing.
 */
export const INSTANT_NO_OFFSET = -32767;

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
    private readonly zones: WallZones = { device: runtimeZone() },
  ) {}

  /** The zone offset-less records of a source are placed in (its remembered one, else the device's). */
  private zoneOf(source: number): string {
    const s = this.sources[source]!;
    return s.wallZone ?? this.zones.bySource?.get(`${s.name}|${s.model ?? ''}`) ?? this.zones.device;
  }

  /** Remembers with the source the zone an accepted offset-less record of it was placed in. */
  private assumed(source: number, zone: string): void {
    this.sources[source]!.wallZone ??= zone;
  }

  /** Index of a source (device or app), created on first use; `kind` where the export says it (a device type). */
  source(name: string, model = '', kind?: SourceKind): number {
    name = printable(name.slice(0, MAX_NAME));
    model = printable(model.slice(0, MAX_NAME));
    const key = `${name}|${model}`;
    let i = this.sourceIndex.get(key);
    if (i === undefined) {
      if (this.sources.length >= MAX_SOURCES) return TOO_MANY_SOURCES;
      i = this.sources.length;
      this.sources.push({ name, ...(model ? { model } : {}), ...(kind ? { kind } : {}) });
      this.sourceIndex.set(key, i);
    }
    return i;
  }

  /**
   * Adds a sample in canonical units; returns the reason it was rejected, or undefined. The caller
   * passes the location only on rejection, so the fast path builds no strings. `endMs` is the end the
   * record was written with (its start when it has none): an end before the start is rejected for
   * every metric, and an instant metric then keeps its start only. With `offsetMin` NO_OFFSET,
   * `startMs` and `endMs` are the wall-clock times the file wrote (read as if UTC, `wallMs` of
   * readDateTime): the sink places them in the source's zone (`zoneOf`) and stores that zone's
   * offset, flagged, so the same file gives the same instants wherever and whenever it is imported,
   * and a sample's day never moves when the device later travels (docs/import-formats.md "Time").
   */
  add(metric: MetricId, startMs: number, endMs: number, value: number, offsetMin: number, source: number, flags = 0): string | undefined {
    if (source === TOO_MANY_SOURCES) return `more than ${MAX_SOURCES.toLocaleString('en')} distinct sources in one file`;
    let zone: string | undefined;
    if (offsetMin === NO_OFFSET) {
      zone = this.zoneOf(source);
      startMs = zonedWallToEpoch(zone, startMs);
      endMs = zonedWallToEpoch(zone, endMs);
      offsetMin = zoneOffsetMin(zone, startMs);
      flags |= FLAG_OFFSET_ASSUMED;
    } else if (offsetMin === INSTANT_NO_OFFSET) {
      offsetMin = Number.isFinite(startMs) ? zoneOffsetMin(this.zones.device, startMs) : 0;
      flags |= FLAG_OFFSET_ASSUMED;
    }
    const order = endBeforeStart(metric, startMs, endMs);
    if (order) return order;
    if (METRICS[metric].kind === 'instant') endMs = startMs;
    const why = implausible(metric, startMs, endMs, value, this.nowMs);
    if (why) return why;
    if (zone) this.assumed(source, zone);
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
   * `ignored` (docs/metrics.md) and an implausible one is simply not kept. With `offsetMin`
   * NO_OFFSET, `t` is the wall-clock time the file wrote, placed like a sample's (`add`).
   */
  addDose(kind: DoseKind, t: number, amount: number, offsetMin: number, sourceOf: () => number): boolean {
    if (this.doses.length >= MAX_DOSES) return false;
    if (!Number.isFinite(amount) || amount <= 0 || amount > DOSE_MAX[kind]) return false;
    // A wall-clock time is within 14 h of its instant: the exact check follows once it is placed.
    const slack = offsetMin === NO_OFFSET ? 14 * 3_600_000 : 0;
    if (!Number.isFinite(t) || t < Date.UTC(1900, 0, 1) || t - slack > this.nowMs + 86_400_000) return false;
    // The source only once the record is kept: a rejected row must not add a device to the list.
    const source = sourceOf();
    if (source === TOO_MANY_SOURCES) return false;
    if (offsetMin === NO_OFFSET) {
      const zone = this.zoneOf(source);
      t = zonedWallToEpoch(zone, t);
      if (t > this.nowMs + 86_400_000) return false;
      offsetMin = zoneOffsetMin(zone, t);
      this.assumed(source, zone);
    } else if (offsetMin === INSTANT_NO_OFFSET) {
      offsetMin = zoneOffsetMin(this.zones.device, t);
    }
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
