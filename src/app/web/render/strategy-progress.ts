import { escapeXml } from './escape.ts';
import { coord, svgDocument, svgId } from './svg.ts';

/** One date of the chart: the computed shares (percent), null where none is counted. */
export interface ProgressStep {
  date: string;
  underImplementation: number | null;
  completed: number | null;
}

/** A published checkpoint, drawn as a mark. */
export interface ProgressMark {
  date: string;
  underImplementation: number | null;
  completed: number | null;
}

export interface ProgressChartOptions {
  title: string;
  description: string;
  labels: { underImplementation: string; completed: string; published: string };
  width?: number;
  height?: number;
}

const COLORS = { underImplementation: '#0072b2', completed: '#009e73' } as const;
const M = { left: 40, right: 12, top: 12, bottom: 44 };

/** Days since 1970 of a date (YYYY-MM-DD, YYYY-MM or YYYY: its first day). */
function day(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * The shares of measures under implementation and completed over time, as steps (a share holds until the
 * next change), with the published checkpoints as hollow marks of the same colours. Axes: dates (first,
 * last, and each year between) and 0–100%. Pure SVG, no script.
 */
export function renderProgressChart(steps: readonly ProgressStep[], marks: readonly ProgressMark[], options: ProgressChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 240;
  const id = svgId(`${options.title}\n${JSON.stringify(steps)}\n${JSON.stringify(marks)}`);
  const dates = [...steps.map((s) => s.date), ...marks.map((m) => m.date)];
  if (dates.length === 0) return svgDocument({ id, width, height: 40, title: options.title, description: options.description }, '');
  const lo = Math.min(...dates.map(day));
  const hi = Math.max(...dates.map(day));
  const x = (date: string) => (hi === lo ? (M.left + width - M.right) / 2 : M.left + ((day(date) - lo) / (hi - lo)) * (width - M.left - M.right));
  const y = (v: number) => height - M.bottom - (v / 100) * (height - M.top - M.bottom);
  let body = '';
  for (const v of [0, 25, 50, 75, 100]) {
    body += `<line x1="${M.left}" x2="${width - M.right}" y1="${coord(y(v))}" y2="${coord(y(v))}" stroke="#ddd"/>`;
    body += `<text x="${M.left - 4}" y="${coord(y(v) + 4)}" font-size="11" text-anchor="end">${v}%</text>`;
  }
  const first = new Date(lo * 86_400_000).getUTCFullYear();
  const last = new Date(hi * 86_400_000).getUTCFullYear();
  for (let year = first + 1; year <= last; year++) {
    const xx = x(`${year}-01-01`);
    body += `<line x1="${coord(xx)}" x2="${coord(xx)}" y1="${M.top}" y2="${height - M.bottom}" stroke="#eee"/>`;
    body += `<text x="${coord(xx)}" y="${height - M.bottom + 14}" font-size="11" text-anchor="middle">${year}</text>`;
  }
  for (const key of ['underImplementation', 'completed'] as const) {
    let d = '';
    let prev: number | null = null;
    for (const s of steps) {
      const v = s[key];
      if (v === null) {
        prev = null;
        continue;
      }
      d += prev === null ? `M${coord(x(s.date))} ${coord(y(v))}` : `H${coord(x(s.date))}V${coord(y(v))}`;
      prev = v;
    }
    if (d) body += `<path d="${d}" fill="none" stroke="${COLORS[key]}" stroke-width="2"/>`;
    for (const s of steps) if (s[key] !== null) body += `<circle cx="${coord(x(s.date))}" cy="${coord(y(s[key] as number))}" r="2.5" fill="${COLORS[key]}"><title>${escapeXml(`${s.date}: ${options.labels[key]} ${fmt(s[key] as number)}`)}</title></circle>`;
    for (const m of marks) {
      if (m[key] === null) continue;
      body += `<rect x="${coord(x(m.date) - 5)}" y="${coord(y(m[key] as number) - 5)}" width="10" height="10" fill="none" stroke="${COLORS[key]}" stroke-width="2"><title>${escapeXml(`${m.date}: ${options.labels.published}, ${options.labels[key]} ${fmt(m[key] as number)}`)}</title></rect>`;
    }
  }
  const legendY = height - 10;
  body += `<line x1="${M.left}" x2="${M.left + 18}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${COLORS.underImplementation}" stroke-width="2"/><text x="${M.left + 22}" y="${legendY}" font-size="11">${escapeXml(options.labels.underImplementation)}</text>`;
  body += `<line x1="${M.left + 200}" x2="${M.left + 218}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${COLORS.completed}" stroke-width="2"/><text x="${M.left + 222}" y="${legendY}" font-size="11">${escapeXml(options.labels.completed)}</text>`;
  body += `<rect x="${M.left + 360}" y="${legendY - 9}" width="10" height="10" fill="none" stroke="#333" stroke-width="2"/><text x="${M.left + 376}" y="${legendY}" font-size="11">${escapeXml(options.labels.published)}</text>`;
  return svgDocument({ id, width, height, title: options.title, description: options.description }, body);
}

function fmt(v: number): string {
  return `${Math.round(v * 10) / 10}%`;
}
