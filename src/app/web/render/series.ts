/** One observation of a time series. */
export interface YearValue {
  year: number;
  value: number;
}

/**
 * Splits a series into runs of observations no more than `maxGap` years apart, so a line is never drawn
 * across years without data; points are sorted, non-finite values dropped, and a repeated year keeps its last value.
 * @example splitAtGaps([{ year: 2000, value: 1 }, { year: 2001, value: 2 }, { year: 2003, value: 3 }]).length // 2
 */
export function splitAtGaps(points: readonly YearValue[], maxGap = 1): YearValue[][] {
  const byYear = new Map<number, YearValue>();
  for (const p of points) if (Number.isFinite(p.year) && Number.isFinite(p.value)) byYear.set(p.year, p);
  const sorted = [...byYear.values()].sort((a, b) => a.year - b.year);
  const runs: YearValue[][] = [];
  let run: YearValue[] = [];
  for (const p of sorted) {
    const prev = run[run.length - 1];
    if (prev !== undefined && p.year - prev.year > maxGap) {
      runs.push(run);
      run = [];
    }
    run.push(p);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Colours of the Okabe–Ito palette that stay distinct under the common colour-vision deficiencies; its
 * yellow is left out because it vanishes on white paper.
 */
export const SERIES_COLORS: readonly string[] = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];

/** Dash patterns, solid first, so lines stay apart when printed in greyscale. */
export const DASH_PATTERNS: readonly string[] = ['', '7 3', '2 3', '10 3 2 3', '10 3 2 3 2 3'];

/** Point marker shapes, a second cue besides colour and dash. */
export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle';
const SHAPES: readonly MarkerShape[] = ['circle', 'square', 'diamond', 'triangle'];

/** How one series is drawn. */
export interface SeriesStyle {
  color: string;
  dash: string;
  marker: MarkerShape;
}

/**
 * The style of the i-th series: colour, dash and marker cycle independently, so the first 7 series all
 * differ in colour and the first 5 in dash too. `dashed` forces a dashed (true) or solid (false) line.
 * @example seriesStyle(1) // { color: '#d55e00', dash: '7 3', marker: 'square' }
 */
export function seriesStyle(index: number, dashed?: boolean): SeriesStyle {
  const n = DASH_PATTERNS.length;
  const dash =
    dashed === false ? '' : dashed === true ? (DASH_PATTERNS[1 + (index % (n - 1))] ?? '') : (DASH_PATTERNS[index % n] ?? '');
  return {
    color: SERIES_COLORS[index % SERIES_COLORS.length] ?? '#000000',
    dash,
    marker: SHAPES[index % SHAPES.length] ?? 'circle',
  };
}
