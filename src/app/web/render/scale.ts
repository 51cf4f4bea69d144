/**
 * ColorBrewer YlGnBu, light to dark, by number of classes. Colour specifications by Cynthia Brewer
 * (colorbrewer2.org, Apache-2.0); chosen because the scheme stays ordered for the common colour-vision
 * deficiencies and still reads as a ramp when printed in greyscale.
 */
export const YL_GN_BU: Readonly<Record<number, readonly string[]>> = {
  1: ['#41b6c4'],
  2: ['#edf8b1', '#2c7fb8'],
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
  7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
};

/** Most classes a scale may have: beyond seven, readers cannot match a shade to the legend. */
export const MAX_CLASSES = 7;

/** A classed sequential colour scale for choropleths. */
export interface ColorScale {
  /** One colour per class, for the lowest values first (darkest first when reversed). */
  readonly colors: readonly string[];
  /** Class boundaries, ascending: a value below `breaks[i]` (and not below the previous one) is in class i. */
  readonly breaks: readonly number[];
  /** One legend label per class, lowest values first. */
  readonly labels: readonly string[];
  /** True when lower values take the darker colours (indicators where lower is better). */
  readonly reversed: boolean;
  /** Index of the class holding `value`. */
  classOf(value: number): number;
  /** Colour of the class holding `value`. */
  colorOf(value: number): string;
}

/** How to build a scale: quantile classes of `values`, or fixed `breaks`. */
export interface ColorScaleOptions {
  /** The values to be mapped; non-finite ones are ignored. */
  values: Iterable<number>;
  /** Formats a break or an extreme for the legend. */
  format: (n: number) => string;
  /** Number of quantile classes (1–7, default 5); ties may leave fewer. Ignored with `breaks`. */
  classes?: number;
  /** Fixed ascending boundaries instead of quantiles: n breaks make n + 1 classes. */
  breaks?: readonly number[];
  /** Darkest colour for the lowest values. */
  reversed?: boolean;
  /** Round quantile breaks to two significant digits of the data's span, so legends read cleanly (default true). */
  roundBreaks?: boolean;
}

/**
 * Quantile (type 7, as R and d3) of sorted values at probability p.
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/**
 * Boundaries splitting values into `classes` groups of equal count, without duplicates or empty end classes.
 * @example quantileBreaks([1, 2, 3, 4, 5, 6], 3, false) // [2.6666666666666665, 4.333333333333333]
 */
export function quantileBreaks(values: readonly number[], classes: number, roundBreaks = true): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined || min === max) return [];
  const unit = 10 ** (Math.floor(Math.log10(max - min)) - 1);
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    let b = quantileSorted(sorted, i / classes);
    // toPrecision drops the binary noise that the division leaves (0.30000000000000004).
    if (roundBreaks) b = Number((Math.round(b / unit) * unit).toPrecision(12));
    const last = breaks[breaks.length - 1];
    // A break at or below the minimum would leave the first class empty.
    if (b > min && b <= max && (last === undefined || b > last)) breaks.push(b);
  }
  return breaks;
}

function checkBreaks(breaks: readonly number[]): void {
  if (breaks.length + 1 > MAX_CLASSES) {
    throw new RangeError(`at most ${MAX_CLASSES - 1} breaks are allowed, got ${breaks.length}`);
  }
  breaks.forEach((b, i) => {
    if (!Number.isFinite(b)) throw new RangeError(`break ${i} is not a finite number`);
    const prev = breaks[i - 1];
    if (prev !== undefined && b <= prev) throw new RangeError(`breaks must ascend strictly: ${prev} then ${b}`);
  });
}

function rangeLabel(lo: string, hi: string): string {
  return lo === hi ? lo : `${lo} – ${hi}`;
}

/**
 * A sequential colour scale with quantile or fixed breaks.
 * @example createColorScale({ values: [1, 5, 9], classes: 3, format: String }).colorOf(9) // '#2c7fb8'
 */
export function createColorScale(options: ColorScaleOptions): ColorScale {
  const values = [...options.values].filter(Number.isFinite);
  const fixed = options.breaks !== undefined;
  const classes = options.classes ?? 5;
  if (!fixed && (!Number.isInteger(classes) || classes < 1 || classes > MAX_CLASSES)) {
    throw new RangeError(`classes must be an integer from 1 to ${MAX_CLASSES}, got ${classes}`);
  }
  const breaks = options.breaks ? [...options.breaks] : quantileBreaks(values, classes, options.roundBreaks ?? true);
  checkBreaks(breaks);

  const fmt = options.format;
  const n = breaks.length + 1;
  const min = values.length > 0 ? Math.min(...values) : NaN;
  const max = values.length > 0 ? Math.max(...values) : NaN;
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const lo = breaks[i - 1];
    const hi = breaks[i];
    if (fixed) {
      if (lo === undefined && hi === undefined) labels.push(values.length > 0 ? rangeLabel(fmt(min), fmt(max)) : '');
      else if (lo === undefined) labels.push(`< ${fmt(hi as number)}`);
      else if (hi === undefined) labels.push(`≥ ${fmt(lo)}`);
      else labels.push(rangeLabel(fmt(lo), fmt(hi)));
    } else {
      labels.push(values.length > 0 ? rangeLabel(fmt(lo ?? min), fmt(hi ?? max)) : '');
    }
  }

  const palette = YL_GN_BU[n] ?? [];
  const colors = options.reversed ? [...palette].reverse() : [...palette];
  const classOf = (value: number): number => {
    let i = 0;
    while (i < breaks.length && value >= (breaks[i] as number)) i++;
    return i;
  };
  return {
    colors,
    breaks,
    labels,
    reversed: options.reversed ?? false,
    classOf,
    colorOf: (value) => colors[classOf(value)] ?? (colors[0] as string),
  };
}
