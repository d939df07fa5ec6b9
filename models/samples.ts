import type { MetricId } from './metrics.ts';

/** Sentinel in `offsetMin` for "the source gave no UTC offset". */
export const NO_OFFSET = -32768;

/** Bit flags per sample. */
export const FLAG_CENSORED = 1; // CGM `Low`/`High` stored at the clamp value
/**
 * The source gave no UTC offset; `offsetMin` is the offset of the zone its wall-clock time was placed
 * in (the source's remembered zone, docs/import-formats.md "Time"), or for an instant without an
 * offset (Nightscout), the importing device's offset at that instant.
 */
export const FLAG_OFFSET_ASSUMED = 2;
/** A glucose value the source marks as fasting (LOINC 1558-6, a fasting lab, a pre-meal reading). */
export const FLAG_FASTING = 4;

/**
 * A columnar batch of samples of one metric, as importers and generators emit them and as the data
 * layer stores them. Column i of every array describes sample i. Typed arrays keep batches compact
 * and let workers transfer them without copying.
 */
export interface SampleBatch {
  metric: MetricId;
  /** Start instant, epoch ms. */
  start: Float64Array;
  /** End instant, epoch ms (equal to start for instant metrics). */
  end: Float64Array;
  /** Value in the metric's canonical unit. */
  value: Float64Array;
  /** UTC offset the sample was recorded with, minutes east of UTC, or NO_OFFSET. */
  offsetMin: Int16Array;
  /** Index into the workspace's source table. */
  source: Uint32Array;
  flags: Uint8Array;
}

export function emptyBatch(metric: MetricId, n: number): SampleBatch {
  return {
    metric,
    start: new Float64Array(n),
    end: new Float64Array(n),
    value: new Float64Array(n),
    offsetMin: new Int16Array(n),
    source: new Uint32Array(n),
    flags: new Uint8Array(n),
  };
}

export function batchLength(b: SampleBatch): number {
  return b.start.length;
}

/** Growable builder so that generators and parsers can append one sample at a time. */
export class BatchBuilder {
  private n = 0;
  private b: SampleBatch;
  constructor(
    readonly metric: MetricId,
    capacity = 1024,
  ) {
    this.b = emptyBatch(metric, capacity);
  }

  get length(): number {
    return this.n;
  }

  push(startMs: number, endMs: number, value: number, offsetMin: number, source: number, flags = 0): void {
    if (this.n === this.b.start.length) this.grow();
    const i = this.n++;
    this.b.start[i] = startMs;
    this.b.end[i] = endMs;
    this.b.value[i] = value;
    this.b.offsetMin[i] = offsetMin;
    this.b.source[i] = source;
    this.b.flags[i] = flags;
  }

  build(): SampleBatch {
    return sliceBatch(this.b, 0, this.n);
  }

  private grow(): void {
    const next = emptyBatch(this.metric, Math.max(16, this.b.start.length * 2));
    copyInto(next, this.b, 0, this.n, 0);
    this.b = next;
  }
}

export function sliceBatch(b: SampleBatch, from: number, to: number): SampleBatch {
  return {
    metric: b.metric,
    start: b.start.slice(from, to),
    end: b.end.slice(from, to),
    value: b.value.slice(from, to),
    offsetMin: b.offsetMin.slice(from, to),
    source: b.source.slice(from, to),
    flags: b.flags.slice(from, to),
  };
}

/** The typed-array columns of a batch, in storage order. */
export const BATCH_COLUMNS = ['start', 'end', 'value', 'offsetMin', 'source', 'flags'] as const;

type NumericArray = Float64Array | Int16Array | Uint16Array | Uint32Array | Uint8Array;

/** Copies rows [from, to) of the named columns of `src` into `dst` at row `at`. */
export function copyRows<K extends string>(
  dst: Record<K, NumericArray>,
  src: Record<K, NumericArray>,
  columns: readonly K[],
  from: number,
  to: number,
  at: number,
): void {
  for (const k of columns) dst[k].set(src[k].subarray(from, to), at);
}

function copyInto(dst: SampleBatch, src: SampleBatch, from: number, to: number, at: number): void {
  copyRows(dst, src, BATCH_COLUMNS, from, to, at);
}

/** The ArrayBuffers of a batch, for Comlink.transfer. */
export function batchBuffers(b: SampleBatch): ArrayBuffer[] {
  return [b.start, b.end, b.value, b.offsetMin, b.source, b.flags].map((a) => a.buffer as ArrayBuffer);
}
