import { InputError, type InputLocation } from '../../../domain/errors.ts';
import { hs6Of, tariffLineCode } from '../../../domain/moratorium/hs.ts';
import type { BatchOptions } from '../batches.ts';
import type { TradeBatch } from './records.ts';

/**
 * Gathers flows, tariffs, scheme members and links into batches of at most `batchSize` rows in all, so a
 * large schedule is written many rows at a time and never held whole.
 */
export class TradeBatcher {
  private batch: Required<TradeBatch> = empty();
  private size = 0;
  private readonly limit: number;
  readonly counts = { flows: 0, tariffs: 0, schemes: 0, links: 0 };

  constructor(options: BatchOptions) {
    const limit = options.batchSize ?? 5000;
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`batchSize must be a positive integer, not ${limit}`);
    this.limit = limit;
  }

  /** Adds rows of one kind; returns the batch to yield when it is full, null otherwise. */
  push<K extends keyof TradeBatch>(kind: K, ...rows: Required<TradeBatch>[K]): TradeBatch | null {
    for (const row of rows) (this.batch[kind] as unknown[]).push(row);
    this.counts[kind] += rows.length;
    this.size += rows.length;
    if (this.size < this.limit) return null;
    return this.take();
  }

  /** The last, partial batch, or null when nothing is left. */
  rest(): TradeBatch | null {
    return this.size > 0 ? this.take() : null;
  }

  private take(): TradeBatch {
    const full = this.batch;
    this.batch = empty();
    this.size = 0;
    return full;
  }
}

function empty(): Required<TradeBatch> {
  return { flows: [], tariffs: [], schemes: [], links: [] };
}

/**
 * A national or HS line code as published, its digits and its HS6. Stray marks around the code (a "‹"
 * left by a document conversion) are dropped and reported through `repaired`; anything else that is not
 * a code of 6 to 12 digits is an error.
 * @example lineCell('8523.21.90', where) // { line: '85232190', hs6: '852321', repaired: false }
 */
export function lineCell(text: string, where: InputLocation): { line: string; hs6: string; repaired: boolean } {
  const t = text.trim();
  let line = tariffLineCode(t);
  let repaired = false;
  if (line === null) {
    const core = t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    line = core !== t ? tariffLineCode(core) : null;
    repaired = line !== null;
  }
  const hs6 = line === null ? null : hs6Of(line);
  if (line === null || hs6 === null) throw new InputError(`not a tariff line code: ${JSON.stringify(t)}`, where);
  return { line, hs6, repaired };
}

/** An HS6 code as sources write it: six digits, or five when a spreadsheet dropped the leading zero. */
export function hs6Cell(text: string, where: InputLocation): string {
  const t = text.trim();
  if (/^\d{6}$/.test(t)) return t;
  if (/^\d{5}$/.test(t)) return `0${t}`;
  throw new InputError(`not an HS 6-digit code: ${JSON.stringify(t)}`, where);
}

const PERCENT = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/;

/**
 * An ad valorem rate in percent: "25%", "10.0%", "7.25", "Free" (0); an empty cell is null (no rate).
 * Anything else is an error naming the cell.
 * @example rateCell('10.0%', where) // 10
 */
export function rateCell(text: string, where: InputLocation): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^free$/i.test(t)) return 0;
  const m = PERCENT.exec(t);
  if (!m?.[1]) throw new InputError(`not an ad valorem rate: ${JSON.stringify(t)}`, where);
  return Number(m[1]);
}

/** A positive or zero amount; an empty cell is null. */
export function amountCell(text: string, where: InputLocation): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+(?:\.\d+)?$|^\d*\.\d+$/.test(t)) throw new InputError(`not a non-negative number: ${JSON.stringify(t)}`, where);
  return Number(t);
}

/**
 * Every row of a trade parser, by kind, with its summary: for small files and tests.
 * @example const { tariffs, summary } = await collectTrade(readUsHts(chunks, file, { year: 2026 }));
 */
export async function collectTrade<R>(source: AsyncGenerator<TradeBatch, R>): Promise<Required<TradeBatch> & { summary: R }> {
  const all = empty();
  for (;;) {
    const step = await source.next();
    if (step.done) return { ...all, summary: step.value };
    for (const kind of ['flows', 'tariffs', 'schemes', 'links'] as const) {
      for (const row of step.value[kind] ?? []) (all[kind] as unknown[]).push(row);
    }
  }
}
