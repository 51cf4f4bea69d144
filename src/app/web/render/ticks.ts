/** A value axis rounded outwards to whole steps, with its tick positions. */
export interface NiceAxis {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

// Steps readers can add up in their head: 1, 2 and 5 times a power of ten.
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const factor = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
  return factor * magnitude;
}

// toPrecision drops the binary noise of repeated steps (0.30000000000000004 becomes 0.3).
function clean(n: number): number {
  const r = Number(n.toPrecision(12));
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Extends [min, max] to whole multiples of a 1-2-5 step giving about `count` intervals.
 * @example niceAxis(3, 97, 5) // { min: 0, max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] }
 */
export function niceAxis(min: number, max: number, count = 5): NiceAxis {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 1, step: 1, ticks: [0, 1] };
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    // A flat series still needs an axis: open a band around its single value.
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min, count);
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(clean(i * step));
  return { min: clean(first * step), max: clean(last * step), step, ticks };
}

const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/**
 * Whole years to label on a time axis, every 1, 2, 5, 10 … years, at most `maxTicks` of them.
 * @example yearTicks(2000, 2022, 6) // [2000, 2005, 2010, 2015, 2020]
 */
export function yearTicks(minYear: number, maxYear: number, maxTicks: number): number[] {
  if (!Number.isFinite(minYear) || !Number.isFinite(maxYear) || minYear > maxYear) return [];
  const from = Math.ceil(minYear);
  const to = Math.floor(maxYear);
  const step = YEAR_STEPS.find((s) => Math.floor(to / s) - Math.ceil(from / s) + 1 <= Math.max(1, maxTicks)) ?? 100;
  const ticks: number[] = [];
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) ticks.push(y);
  return ticks;
}
