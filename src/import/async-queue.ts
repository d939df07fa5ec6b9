/**
 * A bounded single-consumer queue that turns push-style producers (fflate's unzip callbacks) into an
 * async iterable for the streaming parsers. `push` never blocks (callbacks cannot wait); producers
 * call `waitForRoom` between pushes for back-pressure.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private done = false;
  private error: unknown;
  private wake: (() => void) | undefined;
  private room: (() => void) | undefined;
  private size = 0;
  /** The consumer stopped reading (finished early or failed): later pushes are dropped. */
  private gone = false;

  constructor(
    private readonly highWater: number,
    private readonly sizeOf: (t: T) => number = () => 1,
  ) {}

  push(item: T): void {
    if (this.gone) return;
    this.items.push(item);
    this.size += this.sizeOf(item);
    this.wake?.();
  }

  end(): void {
    this.done = true;
    this.wake?.();
  }

  fail(e: unknown): void {
    this.error = e;
    this.done = true;
    this.wake?.();
  }

  get ended(): boolean {
    return this.done;
  }

  /** Resolves when the queue holds less than its high-water mark. */
  waitForRoom(): Promise<void> {
    if (this.size < this.highWater || this.done || this.gone) return Promise.resolve();
    return new Promise((r) => (this.room = r));
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    try {
      for (;;) {
        if (this.items.length) {
          const item = this.items.shift()!;
          this.size -= this.sizeOf(item);
          if (this.size < this.highWater) this.releaseRoom();
          yield item;
          continue;
        }
        if (this.error !== undefined) throw this.error;
        if (this.done) return;
        await new Promise<void>((r) => (this.wake = r));
        this.wake = undefined;
      }
    } finally {
      // The consumer is gone (finished or failed): a waiting producer must not wait forever.
      this.gone = true;
      this.done = true;
      this.items = [];
      this.size = 0;
      this.releaseRoom();
    }
  }

  private releaseRoom(): void {
    const r = this.room;
    this.room = undefined;
    r?.();
  }
}
