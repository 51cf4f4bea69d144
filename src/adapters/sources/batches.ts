/** How many records a parser yields at a time unless told otherwise: enough to make one insert worthwhile. */
const DEFAULT_BATCH_SIZE = 5000;

/** Options every format parser takes. */
export interface BatchOptions {
  /** The most records in one yielded batch (5,000 by default). */
  batchSize?: number;
}

/**
 * Gathers a parser's records into batches of at most `batchSize`, so that storage inserts many rows
 * at a time while a large file is never held whole.
 * @example const batches = new Batcher<Row>(options); … const full = batches.push(row); if (full) yield full; … const rest = batches.rest(); if (rest) yield rest;
 */
export class Batcher<T> {
  private batch: T[] = [];
  private readonly size: number;
  private pushed = 0;

  constructor(options: BatchOptions) {
    const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`batchSize must be a positive integer, not ${size}`);
    this.size = size;
  }

  /** Records pushed so far, yielded or not. */
  get count(): number {
    return this.pushed;
  }

  /** Adds a record; returns the batch to yield when it is full, null otherwise. */
  push(item: T): T[] | null {
    this.pushed++;
    this.batch.push(item);
    if (this.batch.length < this.size) return null;
    const full = this.batch;
    this.batch = [];
    return full;
  }

  /** The last, partial batch to yield at the end of the file, or null when nothing is left. */
  rest(): T[] | null {
    if (this.batch.length === 0) return null;
    const rest = this.batch;
    this.batch = [];
    return rest;
  }
}

/**
 * Hands each batch of a parser to `onBatch` (awaited, so storage can apply back-pressure) and returns
 * the parser's summary, which a `for await` loop would drop.
 * @example const meta = await forEachBatch(readWorldBankWide(chunks, file), (b) => store.insert(b));
 */
export async function forEachBatch<T, R>(
  source: AsyncGenerator<T[], R>,
  onBatch: (batch: T[]) => void | Promise<void>,
): Promise<R> {
  for (;;) {
    const step = await source.next();
    if (step.done) return step.value;
    await onBatch(step.value);
  }
}

/**
 * All records of a parser in one array, with its summary: for small files and tests.
 * @example const { records, summary } = await collect(readM49(chunks, file));
 */
export async function collect<T, R>(source: AsyncGenerator<T[], R>): Promise<{ records: T[]; summary: R }> {
  const records: T[] = [];
  const summary = await forEachBatch(source, (batch) => {
    for (const r of batch) records.push(r);
  });
  return { records, summary };
}
