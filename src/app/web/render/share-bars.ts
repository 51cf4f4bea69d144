import { escapeXml } from './escape.ts';
import { coord, svgDocument, svgId } from './svg.ts';
import { textWidth } from './text.ts';

/** One bar: its label and the two shares in percent (completed, then under implementation), null when nothing is counted. */
export interface ShareBar {
  label: string;
  completed: number | null;
  underImplementation: number | null;
}

export interface ShareBarsOptions {
  title: string;
  description: string;
  bars: readonly ShareBar[];
  /** The legend's words for the two parts, and for a bar with nothing counted. */
  completedLabel: string;
  underImplementationLabel: string;
  noneLabel: string;
  formatPct: (pct: number) => string;
}

const FONT = 12;
const ROW = 26;
const BAR = 16;
const WIDTH = 640;
const COMPLETED = '#1b7837';
const UNDER = '#a6dba0';

/**
 * Horizontal stacked bars from 0 to 100%: per row, the share completed then the share under implementation,
 * with the two figures written after the bar; a row with nothing counted says so instead of drawing 0.
 * @example renderShareBars({ title: 'T', description: 'D', bars: [{ label: 'Payments', completed: 50, underImplementation: 25 }], … })
 */
export function renderShareBars(o: ShareBarsOptions): string {
  const id = svgId(o.title);
  const labelWidth = Math.ceil(Math.max(60, ...o.bars.map((b) => textWidth(b.label, FONT)))) + 12;
  const plot = 300;
  const top = 28;
  const height = top + o.bars.length * ROW + 8;
  const parts: string[] = [];
  // Legend.
  parts.push(`<rect x="${labelWidth}" y="6" width="12" height="12" fill="${COMPLETED}"/>`);
  parts.push(`<text x="${labelWidth + 16}" y="16" font-size="${FONT}">${escapeXml(o.completedLabel)}</text>`);
  const second = labelWidth + 28 + textWidth(o.completedLabel, FONT);
  parts.push(`<rect x="${coord(second)}" y="6" width="12" height="12" fill="${UNDER}"/>`);
  parts.push(`<text x="${coord(second + 16)}" y="16" font-size="${FONT}">${escapeXml(o.underImplementationLabel)}</text>`);
  o.bars.forEach((b, i) => {
    const y = top + i * ROW;
    parts.push(`<text x="${labelWidth - 8}" y="${y + BAR - 4}" font-size="${FONT}" text-anchor="end">${escapeXml(b.label)}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${y}" width="${plot}" height="${BAR}" fill="none" stroke="#bbb"/>`);
    if (b.completed === null || b.underImplementation === null) {
      parts.push(`<text x="${labelWidth + 6}" y="${y + BAR - 4}" font-size="${FONT}" fill="#555">${escapeXml(o.noneLabel)}</text>`);
      return;
    }
    const c = (plot * b.completed) / 100;
    const u = (plot * b.underImplementation) / 100;
    parts.push(`<rect x="${labelWidth}" y="${y}" width="${coord(c)}" height="${BAR}" fill="${COMPLETED}"><title>${escapeXml(`${o.completedLabel}: ${o.formatPct(b.completed)}`)}</title></rect>`);
    parts.push(`<rect x="${coord(labelWidth + c)}" y="${y}" width="${coord(u)}" height="${BAR}" fill="${UNDER}"><title>${escapeXml(`${o.underImplementationLabel}: ${o.formatPct(b.underImplementation)}`)}</title></rect>`);
    parts.push(`<text x="${labelWidth + plot + 8}" y="${y + BAR - 4}" font-size="${FONT}">${escapeXml(`${o.formatPct(b.completed)} + ${o.formatPct(b.underImplementation)}`)}</text>`);
  });
  return svgDocument({ id, width: Math.max(WIDTH, labelWidth + plot + 120), height, title: o.title, description: o.description }, parts.join(''));
}
