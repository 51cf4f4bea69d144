import { escapeXml } from './escape.ts';
import type { ColorScale } from './scale.ts';
import { svgDocument, svgId } from './svg.ts';
import { textWidth } from './text.ts';
import { buildWorldGeometry } from './world-geometry.ts';
import type { CountryShape, WorldGeometryOptions } from './world-geometry.ts';

/** What one rendering of the world map shows. */
export interface WorldMapRenderOptions {
  /** Indicator values by ISO3 code; countries without an entry are drawn as "no data". */
  values: ReadonlyMap<string, number>;
  scale: ColorScale;
  /** Formats a value for tooltips ("36.2%"). */
  formatValue: (n: number) => string;
  title: string;
  description: string;
  /** Country names by ISO3 code, in the reader's language, for tooltips. */
  labels: ReadonlyMap<string, string>;
  /** Legend and tooltip text for countries without a value, in the reader's language. */
  noDataLabel: string;
  /** Link target of a country's shape, so a click opens its page without JavaScript. */
  linkHref?: (iso3: string) => string;
  /** Countries to outline (the country of the page, or the members of a group). */
  highlight?: ReadonlySet<string>;
  /** Heading of the legend, typically the indicator's unit. */
  legendTitle?: string;
  /** Prefix of the ids inside the SVG; defaults to one derived from the title. */
  id?: string;
}

/** A world map projected once, rendered many times. */
export interface WorldMap {
  /** Width of the SVG's coordinate space. */
  readonly width: number;
  /** Height of the map without its legend. */
  readonly mapHeight: number;
  /** Mapped countries that appear nowhere on the map (see `WorldGeometry.unplaced`). */
  readonly unplaced: readonly string[];
  /** The map as a standalone SVG string. */
  render(options: WorldMapRenderOptions): string;
}


const BORDER = 'stroke="#8c8c8c" stroke-width=".4" stroke-linejoin="round"';
const MARKER_BORDER = 'stroke="#444" stroke-width=".8"';
const HIGHLIGHT = 'stroke="#000" stroke-width="1.4"';
const MARKER_RADIUS = 3;
const LEGEND_FONT = 14;
const LEGEND_ROW = 22;
const SWATCH_W = 20;
const SWATCH_H = 12;
const EDGE = 8;

function noDataPattern(id: string): string {
  // A hatch rather than a flat grey, so "no data" cannot be mistaken for a low value, on screen or in print.
  return (
    `<pattern id="${id}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="5" height="5" fill="#f2f2f2"/><path d="M0 0V5" stroke="#b5b5b5" stroke-width="1.6"/></pattern>`
  );
}

function legend(options: WorldMapRenderOptions, top: number, width: number, noDataFill: string): { svg: string; height: number } {
  const items: { fill: string; label: string }[] = [];
  if (options.values.size > 0) {
    options.scale.labels.forEach((label, i) => items.push({ fill: options.scale.colors[i] ?? '#000', label }));
  }
  items.push({ fill: noDataFill, label: options.noDataLabel });

  let svg = '';
  let y = top;
  if (options.legendTitle) {
    svg += `<text x="${EDGE}" y="${y + LEGEND_FONT}" font-weight="bold">${escapeXml(options.legendTitle)}</text>`;
    y += LEGEND_ROW;
  }
  let x = EDGE;
  for (const item of items) {
    const w = SWATCH_W + 6 + textWidth(item.label, LEGEND_FONT) + 16;
    if (x > EDGE && x + w > width - EDGE) {
      x = EDGE;
      y += LEGEND_ROW;
    }
    svg +=
      `<rect x="${x}" y="${y + 3}" width="${SWATCH_W}" height="${SWATCH_H}" fill="${item.fill}" stroke="#8c8c8c" stroke-width=".5"/>` +
      `<text x="${x + SWATCH_W + 6}" y="${y + LEGEND_FONT}">${escapeXml(item.label)}</text>`;
    x += w;
  }
  const height = y + LEGEND_ROW - top;
  return { svg: `<g font-size="${LEGEND_FONT}" fill="#222">${svg}</g>`, height };
}

function shapeMarkup(shape: CountryShape, fill: string, tooltip: string, highlighted: boolean, href: string | undefined): string {
  const title = `<title>${escapeXml(tooltip)}</title>`;
  const iso = escapeXml(shape.iso3);
  const outline = highlighted ? ` ${HIGHLIGHT}` : '';
  const el =
    shape.kind === 'path'
      ? `<path d="${shape.d}" fill="${fill}" data-iso3="${iso}"${outline}>${title}</path>`
      : `<circle cx="${shape.x}" cy="${shape.y}" r="${highlighted ? MARKER_RADIUS + 1 : MARKER_RADIUS}" fill="${fill}" data-iso3="${iso}"${outline}>${title}</circle>`;
  return href === undefined ? el : `<a href="${escapeXml(href)}">${el}</a>`;
}

/**
 * Loads and projects the world once for the countries of `m49ToIso3` (M49 code → ISO3), returning a
 * renderer of choropleth SVGs. Reads the atlas files synchronously: create it at start-up.
 * @example const map = createWorldMap(new Map([['798', 'TUV']])); map.render({ values: new Map([['TUV', 61]]), scale, formatValue: String, title: 'Internet use', description: '…', labels: new Map([['TUV', 'Tuvalu']]), noDataLabel: 'No data' })
 */
export function createWorldMap(m49ToIso3: ReadonlyMap<string, string>, options: WorldGeometryOptions = {}): WorldMap {
  const geometry = buildWorldGeometry(m49ToIso3, options);
  // Highlighted outlines go after their peers so their thick stroke is not covered by neighbours.
  const render = (o: WorldMapRenderOptions): string => {
    const id = o.id ?? svgId(`${o.title}\n${o.description}`);
    const noData = `url(#${id}-nd)`;
    const highlight = o.highlight ?? new Set<string>();
    const groups = { paths: '', highlightedPaths: '', markers: '', highlightedMarkers: '' };
    for (const shape of geometry.shapes) {
      const value = o.values.get(shape.iso3);
      const has = value !== undefined && Number.isFinite(value);
      const name = o.labels.get(shape.iso3) ?? shape.iso3;
      const tooltip = `${name}: ${has ? o.formatValue(value) : o.noDataLabel}`;
      const lit = highlight.has(shape.iso3);
      const markup = shapeMarkup(shape, has ? o.scale.colorOf(value) : noData, tooltip, lit, o.linkHref?.(shape.iso3));
      if (shape.kind === 'path') groups[lit ? 'highlightedPaths' : 'paths'] += markup;
      else groups[lit ? 'highlightedMarkers' : 'markers'] += markup;
    }
    const key = legend(o, geometry.height + 4, geometry.width, noData);
    const body =
      `<defs>${noDataPattern(`${id}-nd`)}</defs>` +
      `<g ${BORDER}>` +
      (geometry.background ? `<path d="${geometry.background}" fill="${noData}"/>` : '') +
      `${groups.paths}${groups.highlightedPaths}</g>` +
      `<g ${MARKER_BORDER}>${groups.markers}${groups.highlightedMarkers}</g>` +
      key.svg;
    return svgDocument(
      { id, width: geometry.width, height: geometry.height + 4 + key.height, title: o.title, description: o.description },
      body,
    );
  };
  return { width: geometry.width, mapHeight: geometry.height, unplaced: geometry.unplaced, render };
}

/** The extremes and coverage of mapped values, for text alternatives. */
export interface MapSummary {
  highest: { iso3: string; name: string; value: number } | null;
  lowest: { iso3: string; name: string; value: number } | null;
  count: number;
}

/**
 * Highest and lowest country and the number of countries with a finite value; ties go to the first name.
 * @example summarizeMap(new Map([['NER', 3]]), new Map([['NER', 'Niger']])).count // 1
 */
export function summarizeMap(values: ReadonlyMap<string, number>, labels: ReadonlyMap<string, string>): MapSummary {
  const rows = [...values]
    .filter(([, v]) => Number.isFinite(v))
    .map(([iso3, value]) => ({ iso3, name: labels.get(iso3) ?? iso3, value }))
    .sort((a, b) => a.value - b.value || a.name.localeCompare(b.name));
  const lowest = rows[0] ?? null;
  const max = rows[rows.length - 1]?.value;
  const highest = rows.find((r) => r.value === max) ?? null;
  return { highest, lowest, count: rows.length };
}

/** Turns a summary into a sentence; pass one per language. */
export type MapSummaryPhrase = (summary: MapSummary, formatValue: (n: number) => string) => string;

/** The English sentence: "Highest: Iceland (99%), lowest: Niger (3%); 180 countries with data." */
export const ENGLISH_MAP_SUMMARY: MapSummaryPhrase = (s, fmt) => {
  if (!s.highest || !s.lowest) return 'No country has data.';
  const countries = s.count === 1 ? '1 country with data' : `${s.count} countries with data`;
  return `Highest: ${s.highest.name} (${fmt(s.highest.value)}), lowest: ${s.lowest.name} (${fmt(s.lowest.value)}); ${countries}.`;
};

/**
 * A plain-text alternative to the map, for screen readers, text browsers and the page under the figure.
 * @example describeMap(values, names, (n) => `${n}%`) // 'Highest: Iceland (99%), lowest: Niger (3%); 2 countries with data.'
 */
export function describeMap(
  values: ReadonlyMap<string, number>,
  labels: ReadonlyMap<string, string>,
  formatValue: (n: number) => string,
  phrase: MapSummaryPhrase = ENGLISH_MAP_SUMMARY,
): string {
  return phrase(summarizeMap(values, labels), formatValue);
}
