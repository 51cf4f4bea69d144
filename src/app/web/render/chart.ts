import { escapeXml } from './escape.ts';
import { markerElement } from './marker.ts';
import { seriesStyle, splitAtGaps } from './series.ts';
import type { SeriesStyle, YearValue } from './series.ts';
import { coord, svgDocument, svgId, textWidth } from './svg.ts';
import { niceAxis, yearTicks } from './ticks.ts';

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

/** What a line chart shows and how. */
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
  /** Height of the coordinate space, legend included (default 360). */
  height?: number;
  yearFormatter?: (year: number) => string;
  /** Largest step in years still joined by a line (default 1: any missing year breaks it). */
  maxGap?: number;
  /** Keep zero on the value axis when all values share a sign (default true), so sizes are not exaggerated. */
  zeroBaseline?: boolean;
  /** Prefix of the ids inside the SVG; defaults to one derived from the title. */
  id?: string;
}

const FONT = 12;
const LEGEND_ROW = 18;
const SAMPLE = 28;
const TOP = 26;

interface LegendItem {
  label: string;
  style: SeriesStyle;
  x: number;
  y: number;
}

function layoutLegend(series: readonly ChartSeries[], styles: readonly SeriesStyle[], left: number, width: number): { items: LegendItem[]; rows: number } {
  const items: LegendItem[] = [];
  let x = left;
  let row = 0;
  series.forEach((s, i) => {
    const w = SAMPLE + 6 + textWidth(s.label, FONT) + 16;
    if (x > left && x + w > width - 4) {
      x = left;
      row++;
    }
    items.push({ label: s.label, style: styles[i] ?? seriesStyle(i), x, y: row * LEGEND_ROW });
    x += w;
  });
  return { items, rows: series.length > 0 ? row + 1 : 0 };
}

function strokeAttributes(style: SeriesStyle): string {
  return `stroke="${style.color}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}`;
}

function polyline(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : i === 1 ? 'L' : ' '}${coord(p.x)} ${coord(p.y)}`).join('');
}

/**
 * A multi-series line chart over years as a standalone SVG: value axis with round ticks and gridlines,
 * year axis, a line per series broken where years are missing, per-point tooltips and a legend.
 * @example renderLineChart({ series: [{ key: 'NER', label: 'Niger', points: [{ year: 2020, value: 17 }] }], title: 'Internet use', description: '…', yLabel: '% of population', formatValue: (n) => `${n}%` })
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
  const vals = all.map((p) => p.value);
  const minYear = years.length > 0 ? Math.min(...years) : NaN;
  const maxYear = years.length > 0 ? Math.max(...years) : NaN;
  let lo = vals.length > 0 ? Math.min(...vals) : NaN;
  let hi = vals.length > 0 ? Math.max(...vals) : NaN;
  if (options.zeroBaseline ?? true) {
    if (lo >= 0) lo = 0;
    else if (hi <= 0) hi = 0;
  }
  const axis = niceAxis(lo, hi, 5);
  const tickLabels = axis.ticks.map((t) => formatTick(t));

  const left = Math.max(28, ...tickLabels.map((l) => textWidth(l, FONT))) + 10;
  const lastYearLabel = Number.isFinite(maxYear) ? formatYear(maxYear) : '';
  const right = width - Math.max(12, textWidth(lastYearLabel, FONT) / 2 + 4);
  const legend = layoutLegend(options.series, styles, left, width);
  const legendTop = height - legend.rows * LEGEND_ROW - 4;
  const bottom = legendTop - 26;

  const x = (year: number): number =>
    minYear === maxYear ? (left + right) / 2 : left + ((year - minYear) / (maxYear - minYear)) * (right - left);
  const y = (value: number): number => bottom - ((value - axis.min) / (axis.max - axis.min)) * (bottom - TOP);

  let body = `<g font-size="${FONT}" fill="#444">`;
  body += `<text x="4" y="${TOP - 12}">${escapeXml(options.yLabel)}</text>`;

  // Value axis: gridlines in one path, labels right-aligned against the plot.
  body += `<path d="${axis.ticks.map((t) => `M${left} ${coord(y(t))}H${coord(right)}`).join('')}" stroke="#e3e3e3" fill="none"/>`;
  if (axis.min < 0 && axis.max > 0) body += `<path d="M${left} ${coord(y(0))}H${coord(right)}" stroke="#777" fill="none"/>`;
  body += `<g text-anchor="end">${axis.ticks
    .map((t, i) => `<text x="${left - 6}" y="${coord(y(t) + 4)}">${escapeXml(tickLabels[i] ?? '')}</text>`)
    .join('')}</g>`;

  // Year axis.
  const ticks = Number.isFinite(minYear) ? yearTicks(minYear, maxYear, Math.max(2, Math.floor((right - left) / 56))) : [];
  body += `<path d="M${left} ${coord(bottom)}H${coord(right)}${ticks.map((t) => `M${coord(x(t))} ${coord(bottom)}v4`).join('')}" stroke="#777" fill="none"/>`;
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

  // Legend: a line sample with the series' dash and marker, then its label.
  body += `<g font-size="${FONT}" fill="#222">`;
  for (const item of legend.items) {
    const cy = legendTop + item.y + LEGEND_ROW / 2;
    body +=
      `<path d="M${item.x} ${coord(cy)}h${SAMPLE}" fill="none" stroke-width="2" ${strokeAttributes(item.style)}/>` +
      `<g fill="${item.style.color}">${markerElement(item.style.marker, item.x + SAMPLE / 2, cy, 3, '')}</g>` +
      `<text x="${item.x + SAMPLE + 6}" y="${coord(cy + 4)}">${escapeXml(item.label)}</text>`;
  }
  body += '</g>';

  return svgDocument({ id, width, height, title: options.title, description: options.description }, body);
}
