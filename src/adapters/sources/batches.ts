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
