/** Timing samples, their summary, and the plain-text tables the report is printed with. */
import { formatTable } from '../src/app/cli/table.ts';

export interface Summary {
  /** Number of timed runs (warm-up runs excluded). */
  n: number;
  median: number;
  min: number;
  max: number;
  /** Every sample, in run order, so the JSON keeps what the summary was computed from. */
  samples: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  return { n: samples.length, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples: [...samples] };
}

/** The value below which `p` percent of the samples fall (nearest rank). */
export function percentile(sortedAscending: ArrayLike<number>, p: number): number {
  if (sortedAscending.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(sortedAscending.length, Math.max(1, rank)) - 1] as number;
}

/**
 * Times `fn` `runs` times after `warmup` untimed runs, in milliseconds. The warm-up keeps JIT compilation and
 * first-touch effects out of the median; they show in the max when they leak through.
 */
export async function measure(fn: () => Promise<unknown> | unknown, runs: number, warmup = 1): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/**
 * Like `measure`, for work of a few microseconds: each sample is the mean of `inner` back-to-back calls, so the
 * timer's resolution and call overhead do not dominate.
 */
export function measureSync(fn: () => unknown, runs: number, inner: number, warmup = 3): Summary {
  for (let i = 0; i < warmup * inner; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    for (let j = 0; j < inner; j++) fn();
    samples.push((performance.now() - start) / inner);
  }
  return summarize(samples);
}

/** A number of milliseconds with precision that suits its size: 0.0123, 3.45, 12.3, 1,234. */
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value < 0.1) return value.toFixed(4);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString('en');
}

export function ms(value: number | null | undefined): string {
  const n = num(value);
  return n === '—' ? n : `${n} ms`;
}

export function seconds(valueMs: number): string {
  return Number.isFinite(valueMs) ? `${(valueMs / 1000).toFixed(2)} s` : '—';
}

export function int(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—';
}

export function bytes(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value < 1000) return `${value} B`;
  if (value < 1e6) return `${(value / 1000).toFixed(1)} KB`;
  return `${(value / 1e6).toFixed(1)} MB`;
}

export function mib(value: number): string {
  return Number.isFinite(value) ? `${(value / 1024 / 1024).toFixed(0)} MiB` : '—';
}

/** "3.2×" for a ratio; "—" when it cannot be computed. */
export function ratio(value: number, reference: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(reference) || reference === 0) return '—';
  const r = value / reference;
  return `${r < 10 ? r.toFixed(2) : r < 100 ? r.toFixed(1) : Math.round(r).toLocaleString('en')}×`;
}

/** "median (min–max)", in milliseconds without the unit (tables name it in the header). */
export function spread(s: Summary): string {
  return `${num(s.median)} (${num(s.min)}–${num(s.max)})`;
}

/** A figure with an optional short unit and an optional parenthesis: "4.30 s", "0.22×", "9.58 (8.76–13.3)", "—". */
const FIGURE = /^(?:[-−]?[\d,.]+(?:e[-+]?\d+)?(?: ?[A-Za-z×%/]{1,5})?(?: \([^)]*\))?|—)$/;

/**
 * An aligned plain-text table (the CLI's, drawn with a box rule). Columns whose cells are all figures, with or
 * without a unit, are right-aligned, so they line up on their last digit.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return formatTable(header, rows, { isNumber: (cell) => FIGURE.test(cell), rule: '─' });
}
