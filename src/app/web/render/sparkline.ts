import { escapeXml } from './escape.ts';
import { splitAtGaps } from './series.ts';
import type { YearValue } from './series.ts';
import { coord, svgDocument, svgId } from './svg.ts';

/** How a sparkline is drawn and described. */
export interface SparklineOptions {
  /** Names the series for assistive technology and as the hover tooltip ("Internet use, Niger"). */
  title: string;
  /** Defaults to the first and last observations ("2000: 0.2% → 2022: 17%"). */
  description?: string;
  formatValue?: (n: number) => string;
  /** Default 120. */
  width?: number;
  /** Default 30. */
  height?: number;
  /** Default '#0072b2', the first series colour of line charts. */
  color?: string;
  /** Largest step in years still joined by a line (default 1). */
  maxGap?: number;
  /** Prefix of the ids inside the SVG; defaults to one derived from the title and points. */
  id?: string;
}

const PAD = 3;

/**
 * A small inline line (about 120×30) without axes, broken at missing years, with a dot on the latest value;
 * a single observation is the dot alone.
 * @example renderSparkline([{ year: 2020, value: 1 }, { year: 2021, value: 2 }], { title: 'Internet use, Niger' })
 */
export function renderSparkline(points: readonly YearValue[], options: SparklineOptions): string {
  const width = options.width ?? 120;
  const height = options.height ?? 30;
  const color = options.color ?? '#0072b2';
  const fmt = options.formatValue ?? ((n: number) => String(n));
  const runs = splitAtGaps(points, options.maxGap ?? 1);
  const all = runs.flat();
  const first = all[0];
  const last = all[all.length - 1];
  const description =
    options.description ??
    (first && last ? (first === last ? `${first.year}: ${fmt(first.value)}` : `${first.year}: ${fmt(first.value)} → ${last.year}: ${fmt(last.value)}`) : '');
  const id = options.id ?? svgId(`${options.title}\n${description}`);

  let body = '';
  if (first && last) {
    const values = all.map((p) => p.value);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const x = (year: number): number =>
      first.year === last.year ? width / 2 : PAD + ((year - first.year) / (last.year - first.year)) * (width - 2 * PAD);
    const y = (v: number): number => (hi === lo ? height / 2 : height - PAD - ((v - lo) / (hi - lo)) * (height - 2 * PAD));
    const d = runs
      .map((run) =>
        run.length === 1
          ? // A lone year between gaps would otherwise vanish: draw it as a dash of zero length with round caps.
            `M${coord(x(run[0]?.year ?? 0))} ${coord(y(run[0]?.value ?? 0))}h0`
          : run.map((p, i) => `${i === 0 ? 'M' : 'L'}${coord(x(p.year))} ${coord(y(p.value))}`).join(''),
      )
      .join('');
    // A single observation is its dot alone: a line needs two.
    body =
      (all.length > 1 ? `<path d="${d}" fill="none" stroke="${escapeXml(color)}" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>` : '') +
      `<circle cx="${coord(x(last.year))}" cy="${coord(y(last.value))}" r="2" fill="${escapeXml(color)}"/>`;
  }
  return svgDocument(
    { id, width, height, title: options.title, description, attributes: `width="${width}" height="${height}"` },
    body,
  );
}
