import { escapeXml } from './escape.ts';
import { markerElement } from './marker.ts';
import type { SeriesStyle } from './series.ts';
import { coord } from './svg.ts';
import { textWidth, wrapText } from './text.ts';
import { niceAxis, type NiceAxis } from './ticks.ts';

/** Font size of every label of a chart. */
export const FONT = 12;
/** Least distance between any label and the edge of the SVG. */
export const EDGE = 4;
/** Distance between lines of a wrapped label. */
export const LINE = 15;
/** Baseline of the value axis's unit, the first text from the top. */
const UNIT_BASELINE = 14;
/** Between the value labels and the plot. */
const TICK_GAP = 6;
/** Height of a one-line legend entry. */
const LEGEND_ROW = 18;
/** Room under the plot for the labels of the horizontal axis. */
const X_LABELS = 26;
/** Below this the plot cannot be read: the chart grows taller instead. */
const MIN_PLOT = 80;
/** Least distance between two value labels, so they never overlap. */
const TICK_SPACING = 22;

/** How a legend entry shows its series: a line with a marker, or a filled square. */
export type LegendSample = 'line' | 'swatch';

/** What the frame of a chart holds: the value axis, its unit, the legend, and room for the other labels. */
export interface FrameOptions {
  width: number;
  height: number;
  /** The unit of the values, written above the value axis. */
  yLabel: string;
  /** The values the axis must span. */
  lo: number;
  hi: number;
  formatTick: (n: number) => string;
  legend: readonly { label: string; style: SeriesStyle }[];
  sample: LegendSample;
  /** Room the horizontal axis's labels need on either side of the plot, beyond its ends. */
  xOverhang?: number;
  /** Extra room between the unit and the plot, and between the plot and its horizontal labels. */
  headroom?: number;
  footroom?: number;
}

interface LegendItem {
  lines: string[];
  style: SeriesStyle;
  x: number;
  y: number;
}

/** A chart's layout: the plot box in SVG units and the value scale. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  y: (value: number) => number;
  axis: NiceAxis;
  /** Markup of the unit, gridlines, value labels and legend. */
  markup: string;
}

function sampleWidth(sample: LegendSample): number {
  return sample === 'line' ? 28 : 12;
}

function layoutLegend(o: FrameOptions, left: number): { items: LegendItem[]; height: number } {
  const sample = sampleWidth(o.sample);
  const textRoom = Math.max(FONT, o.width - EDGE - left - sample - 6);
  const items: LegendItem[] = [];
  let x = left;
  let y = 0;
  let rowHeight = 0;
  for (const entry of o.legend) {
    const lines = wrapText(entry.label, FONT, textRoom);
    const w = sample + 6 + Math.max(...lines.map((l) => textWidth(l, FONT)));
    if (x > left && x + w > o.width - EDGE) {
      x = left;
      y += rowHeight;
      rowHeight = 0;
    }
    items.push({ lines, style: entry.style, x, y });
    rowHeight = Math.max(rowHeight, LEGEND_ROW + (lines.length - 1) * LINE);
    x += w + 16;
  }
  return { items, height: y + rowHeight };
}

/** A series' stroke colour and dashes as SVG attributes. */
export function strokeAttributes(style: SeriesStyle): string {
  return `stroke="${style.color}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}`;
}

function legendMarkup(items: readonly LegendItem[], top: number, sample: LegendSample): string {
  let out = `<g font-size="${FONT}" fill="#222">`;
  const w = sampleWidth(sample);
  for (const item of items) {
    const cy = top + item.y + LEGEND_ROW / 2;
    out +=
      sample === 'line'
        ? `<path d="M${item.x} ${coord(cy)}h${w}" fill="none" stroke-width="2" ${strokeAttributes(item.style)}/>` +
          `<g fill="${item.style.color}">${markerElement(item.style.marker, item.x + w / 2, cy, 3, '')}</g>`
        : `<rect x="${item.x}" y="${coord(cy - w / 2)}" width="${w}" height="${w}" fill="${item.style.color}"${item.style.dash ? ` fill-opacity=".35" stroke-width="1.5" ${strokeAttributes(item.style)}` : ''}/>`;
    item.lines.forEach((line, i) => {
      out += `<text x="${item.x + w + 6}" y="${coord(cy + 4 + i * LINE)}">${escapeXml(line)}</text>`;
    });
  }
  return `${out}</g>`;
}

/**
 * Lays out a chart from what its labels measure: the value labels' widest sets the left margin, the
 * unit and the legend wrap to the width, the chart grows taller when the plot would get too small, and
 * a short plot gets fewer value labels.
 */
export function layoutFrame(o: FrameOptions): Frame {
  for (let count = 5; ; count--) {
    const frame = layoutWith(o, niceAxis(o.lo, o.hi, count));
    const { ticks } = frame.axis;
    if (count <= 2 || (frame.bottom - frame.top) / Math.max(1, ticks.length - 1) >= TICK_SPACING) return frame;
  }
}

function layoutWith(o: FrameOptions, axis: NiceAxis): Frame {
  const tickLabels = axis.ticks.map((t) => o.formatTick(t));
  const overhang = o.xOverhang ?? 0;
  const unitLines = wrapText(o.yLabel, FONT, o.width - 2 * EDGE);
  const widest = Math.max(0, ...tickLabels.map((l) => textWidth(l, FONT)));
  const left = Math.max(EDGE + widest + TICK_GAP, EDGE + overhang, 28);
  const right = o.width - Math.max(12, EDGE + overhang);
  const top = UNIT_BASELINE + (unitLines.length - 1) * LINE + 12 + (o.headroom ?? 0);
  const legend = layoutLegend(o, left);
  const below = X_LABELS + (o.footroom ?? 0);
  const height = Math.max(o.height, top + MIN_PLOT + below + legend.height + 4);
  const legendTop = height - legend.height - 4;
  const bottom = legendTop - below;
  const y = (value: number): number => bottom - ((value - axis.min) / (axis.max - axis.min)) * (bottom - top);

  let markup = `<g font-size="${FONT}" fill="#444">`;
  unitLines.forEach((line, i) => {
    markup += `<text x="${EDGE}" y="${UNIT_BASELINE + i * LINE}">${escapeXml(line)}</text>`;
  });
  // Gridlines in one path, the zero line darker when the axis crosses it, labels right-aligned against the plot.
  markup += `<path d="${axis.ticks.map((t) => `M${coord(left)} ${coord(y(t))}H${coord(right)}`).join('')}" stroke="#e3e3e3" fill="none"/>`;
  if (axis.min < 0 && axis.max > 0) markup += `<path d="M${coord(left)} ${coord(y(0))}H${coord(right)}" stroke="#777" fill="none"/>`;
  markup += `<g text-anchor="end">${axis.ticks
    .map((t, i) => `<text x="${coord(left - TICK_GAP)}" y="${coord(y(t) + 4)}">${escapeXml(tickLabels[i] ?? '')}</text>`)
    .join('')}</g></g>`;
  markup += legendMarkup(legend.items, legendTop, o.sample);
  return { width: o.width, height, left, right, top, bottom, y, axis, markup };
}
