import { FONT, LINE } from './chart-frame.ts';
import { escapeXml } from './escape.ts';
import { SERIES_COLORS } from './series.ts';
import { coord, svgDocument, svgId } from './svg.ts';
import { textWidth } from './text.ts';

/** One component: the value drawn (0–100), the reference beside it, the highest as a tick, or why the value is missing. */
export interface ComponentBarRow {
  label: string;
  value: number | null;
  reference: number | null;
  max: number | null;
  /** Written in place of the bar when the value is missing. */
  missing?: string;
  /** The bar's tooltip and accessible name. */
  title: string;
}

export interface ComponentBarsOptions {
  title: string;
  description: string;
  /** The legend's names of the value, the reference and the highest. */
  valueLabel: string;
  referenceLabel: string;
  maxLabel: string;
  rows: readonly ComponentBarRow[];
  formatValue: (n: number) => string;
}

const WIDTH = 640;
const BAR = 12;
const GAP = 3;
const ROW = BAR * 2 + GAP + 14;
/** Room for a value written past the end of a bar. */
const VALUE_ROOM = 44;

/**
 * Horizontal bars on a 0–100 scale, two per component: the value (an economy's normalised score or a
 * group's average) and a reference (the mean of the economies scored), with the highest as a tick; each
 * value written at its bar's end, each component with a tooltip; text, so no script is needed.
 * @example renderComponentBars({ title: 'Kenya', description: '…', valueLabel: 'Kenya', referenceLabel: 'Mean', maxLabel: 'Highest', rows, formatValue: String })
 */
export function renderComponentBars(o: ComponentBarsOptions): string {
  const id = svgId(`${o.title}|${o.description}`);
  const labelWidth = Math.min(200, Math.max(...o.rows.map((r) => textWidth(r.label, FONT)), 60) + 8);
  const left = labelWidth;
  const right = WIDTH - VALUE_ROOM;
  const x = (v: number) => left + ((right - left) * Math.max(0, Math.min(100, v))) / 100;
  const [own, ref] = [SERIES_COLORS[0], SERIES_COLORS[1]];
  // Legend: the value, the reference, the tick of the highest; an entry that would pass the right edge starts a line.
  const entries = [
    { label: o.valueLabel, mark: (lx: number, ly: number) => `<rect x="${coord(lx)}" y="${ly - 12}" width="12" height="10" fill="${own}"/>` },
    { label: o.referenceLabel, mark: (lx: number, ly: number) => `<rect x="${coord(lx)}" y="${ly - 12}" width="12" height="10" fill="${ref}" fill-opacity=".55"/>` },
    { label: o.maxLabel, mark: (lx: number, ly: number) => `<line x1="${coord(lx + 6)}" x2="${coord(lx + 6)}" y1="${ly - 13}" y2="${ly}" stroke="#222" stroke-width="2"/>` },
  ];
  let body = '';
  let lx = left;
  let ly = LINE;
  for (const e of entries) {
    const w = 16 + textWidth(e.label, FONT);
    if (lx > left && lx + w > WIDTH) {
      lx = left;
      ly += LINE;
    }
    body += `${e.mark(lx, ly)}<text x="${coord(lx + 16)}" y="${ly - 3}" font-size="${FONT}">${escapeXml(e.label)}</text>`;
    lx += w + 18;
  }
  const top = ly + LINE;
  const height = top + o.rows.length * ROW + LINE;
  // The scale's ends and middle.
  for (const t of [0, 50, 100]) {
    body += `<line x1="${coord(x(t))}" x2="${coord(x(t))}" y1="${top - 4}" y2="${height - LINE}" stroke="#ccc"/>`;
    body += `<text x="${coord(x(t))}" y="${height - 3}" font-size="${FONT}" text-anchor="middle">${escapeXml(o.formatValue(t))}</text>`;
  }
  o.rows.forEach((r, i) => {
    const y0 = top + i * ROW;
    let g = `<title>${escapeXml(r.title)}</title>`;
    g += `<text x="${coord(left - 6)}" y="${coord(y0 + BAR + 2)}" font-size="${FONT}" text-anchor="end">${escapeXml(r.label)}</text>`;
    if (r.value === null) {
      g += `<text x="${coord(left + 4)}" y="${coord(y0 + BAR - 2)}" font-size="${FONT}" font-style="italic">${escapeXml(r.missing ?? '–')}</text>`;
    } else {
      g += `<rect x="${coord(left)}" y="${coord(y0)}" width="${coord(x(r.value) - left)}" height="${BAR}" fill="${own}"/>`;
      g += `<text x="${coord(x(r.value) + 3)}" y="${coord(y0 + BAR - 2)}" font-size="${FONT}">${escapeXml(o.formatValue(r.value))}</text>`;
    }
    if (r.reference !== null) {
      const y1 = y0 + BAR + GAP;
      g += `<rect x="${coord(left)}" y="${coord(y1)}" width="${coord(x(r.reference) - left)}" height="${BAR}" fill="${ref}" fill-opacity=".55"/>`;
      g += `<text x="${coord(x(r.reference) + 3)}" y="${coord(y1 + BAR - 2)}" font-size="${FONT}">${escapeXml(o.formatValue(r.reference))}</text>`;
    }
    if (r.max !== null) g += `<line x1="${coord(x(r.max))}" x2="${coord(x(r.max))}" y1="${coord(y0 - 2)}" y2="${coord(y0 + 2 * BAR + GAP + 2)}" stroke="#222" stroke-width="2"/>`;
    body += `<g>${g}</g>`;
  });
  return svgDocument({ id, width: WIDTH, height, title: o.title, description: o.description }, body);
}
