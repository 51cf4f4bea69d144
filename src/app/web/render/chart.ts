import { renderPeriodBars } from './bar-chart.ts';
import { FONT, layoutFrame, strokeAttributes, type Frame } from './chart-frame.ts';
import { escapeXml } from './escape.ts';
import { markerElement } from './marker.ts';
import { seriesStyle, splitAtGaps } from './series.ts';
import type { YearValue } from './series.ts';
import { coord, svgDocument, svgId } from './svg.ts';
import { textWidth } from './text.ts';
import { yearTicks } from './ticks.ts';

export type { YearValue } from './series.ts';
export { renderSparkline } from './sparkline.ts';
export type { SparklineOptions } from './sparkline.ts';

/** One line of a chart: a country or a group. */
export interface ChartSeries {
  key: string;
  label: string;
  points: readonly YearValue[];
  /** Force a dashed (true) or solid (false) line, e.g. to set group aggregates apart from countries. */
  dashed?: boolean;
}

/** What a chart over years shows and how. */
export interface LineChartOptions {
  series: readonly ChartSeries[];
  title: string;
  description: string;
  /** The unit of the values, written above the value axis. */
  yLabel: string;
  /** Formats a value for tooltips ("36.2%"). */
  formatValue: (n: number) => string;
  /** Formats a value-axis tick; defaults to `formatValue`. */
  formatTick?: (n: number) => string;
  /** Width of the coordinate space (default 640). */
  width?: number;
  /** Height of the coordinate space, legend included (default 360); more when a long legend would crowd the plot. */
  height?: number;
  yearFormatter?: (year: number) => string;
  /** Largest step in years still joined by a line (default 1: any missing year breaks it). */
  maxGap?: number;
  /** Keep zero on the value axis of lines when all values share a sign (default true), so sizes are not exaggerated; bars always start at zero. */
  zeroBaseline?: boolean;
  /** Prefix of the ids inside the SVG; defaults to one derived from the title. */
  id?: string;
}

/** Least distance between the centres of two labels of the year axis. */
const YEAR_SPACING = 56;

function polyline(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : i === 1 ? 'L' : ' '}${coord(p.x)} ${coord(p.y)}`).join('');
}

/**
 * Year-axis ticks and a frame that leaves room for their labels: half the widest label on either side of
 * the plot, and ticks far enough apart for the labels not to touch. Labels are measured, the frame laid out,
 * the ticks chosen for the plot's width, and the frame laid out again if a chosen label is wider.
 */
function layoutYears(
  minYear: number,
  maxYear: number,
  formatYear: (year: number) => string,
  frameFor: (overhang: number) => Frame,
): { frame: Frame; ticks: number[] } {
  let widest = Math.max(textWidth(formatYear(minYear), FONT), textWidth(formatYear(maxYear), FONT));
  for (;;) {
    const frame = frameFor(widest / 2);
    const spacing = Math.max(YEAR_SPACING, widest + 16);
    const ticks = yearTicks(minYear, maxYear, Math.max(2, Math.floor((frame.right - frame.left) / spacing)));
    const chosen = Math.max(0, ...ticks.map((t) => textWidth(formatYear(t), FONT)));
    if (chosen <= widest) return { frame, ticks };
    widest = chosen;
  }
}

/**
 * A chart over years as a standalone SVG. Several years: a line per series, broken where years are missing,
 * with per-point tooltips. A single year: a bar per series, since a line through one point is a lone dot.
 * Both have a value axis with round ticks and gridlines, margins fitted to their labels, and a legend.
 * @example renderLineChart({ series: [{ key: 'NER', label: 'Niger', points: [{ year: 2020, value: 17 }, { year: 2021, value: 19 }] }], title: 'Internet use', description: '…', yLabel: '% of population', formatValue: (n) => `${n}%` })
 */
export function renderLineChart(options: LineChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const id = options.id ?? svgId(`${options.title}\n${options.description}`);
  const formatYear = options.yearFormatter ?? ((y: number) => String(y));
  const formatTick = options.formatTick ?? options.formatValue;
  const styles = options.series.map((s, i) => seriesStyle(i, s.dashed));
  const runs = options.series.map((s) => splitAtGaps(s.points, options.maxGap ?? 1));

  const all = runs.flat(2);
  const years = all.map((p) => p.year);
  const minYear = years.length > 0 ? Math.min(...years) : NaN;
  const maxYear = years.length > 0 ? Math.max(...years) : NaN;
  if (minYear === maxYear) return renderPeriodBars(options, { id, width, height, year: minYear, formatYear, styles });

  const vals = all.map((p) => p.value);
  let lo = vals.length > 0 ? Math.min(...vals) : NaN;
  let hi = vals.length > 0 ? Math.max(...vals) : NaN;
  if (options.zeroBaseline ?? true) {
    if (lo >= 0) lo = 0;
    else if (hi <= 0) hi = 0;
  }
  const frameFor = (overhang: number): Frame =>
    layoutFrame({
      width,
      height,
      yLabel: options.yLabel,
      lo,
      hi,
      formatTick,
      legend: options.series.map((s, i) => ({ label: s.label, style: styles[i] ?? seriesStyle(i) })),
      sample: 'line',
      xOverhang: overhang,
    });
  const { frame, ticks } = Number.isFinite(minYear)
    ? layoutYears(minYear, maxYear, formatYear, frameFor)
    : { frame: frameFor(0), ticks: [] as number[] };
  const { left, right, bottom, y } = frame;
  const x = (year: number): number => left + ((year - minYear) / (maxYear - minYear)) * (right - left);

  let body = frame.markup;
  body += `<g font-size="${FONT}" fill="#444">`;
  body += `<path d="M${coord(left)} ${coord(bottom)}H${coord(right)}${ticks.map((t) => `M${coord(x(t))} ${coord(bottom)}v4`).join('')}" stroke="#777" fill="none"/>`;
  body += `<g text-anchor="middle">${ticks
    .map((t) => `<text x="${coord(x(t))}" y="${coord(bottom + 17)}">${escapeXml(formatYear(t))}</text>`)
    .join('')}</g></g>`;

  // Series: lines run by run, then markers carrying the per-point tooltips.
  const radius = Number.isFinite(minYear) && maxYear - minYear > 30 ? 2 : 2.5;
  options.series.forEach((s, i) => {
    const style = styles[i] ?? seriesStyle(i);
    const seriesRuns = runs[i] ?? [];
    const lines = seriesRuns
      .filter((run) => run.length > 1)
      .map((run) => polyline(run.map((p) => ({ x: x(p.year), y: y(p.value) }))))
      .join('');
    const marks = seriesRuns
      .flat()
      .map((p) => {
        const tip = `${s.label}, ${formatYear(p.year)}: ${options.formatValue(p.value)}`;
        return markerElement(style.marker, x(p.year), y(p.value), radius, `<title>${escapeXml(tip)}</title>`);
      })
      .join('');
    body += `<g data-series="${escapeXml(s.key)}">`;
    if (lines) body += `<path d="${lines}" fill="none" stroke-width="2" stroke-linejoin="round" ${strokeAttributes(style)}/>`;
    body += `<g fill="${style.color}">${marks}</g></g>`;
  });

  return svgDocument({ id, width, height: frame.height, title: options.title, description: options.description }, body);
}
