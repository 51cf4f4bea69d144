import type { LineChartOptions } from './chart.ts';
import { FONT, layoutFrame, LINE, strokeAttributes } from './chart-frame.ts';
import { escapeXml } from './escape.ts';
import { seriesStyle, splitAtGaps, type SeriesStyle } from './series.ts';
import { coord, svgDocument } from './svg.ts';
import { textWidth } from './text.ts';

/** What the chart over years has settled before finding that its data cover one period. */
export interface PeriodBarsSetting {
  id: string;
  width: number;
  height: number;
  year: number;
  formatYear: (year: number) => string;
  styles: readonly SeriesStyle[];
}

/** Widest a bar is drawn, however few the series. */
const MAX_BAR = 96;

/**
 * Data of a single period as bars from zero, one per series with a value, each with its value written at
 * its end when the value fits the bar's slot, and a tooltip; the period is written under the axis.
 * @example renderPeriodBars(options, { id: 'c', width: 640, height: 360, year: 2022, formatYear: String, styles: [seriesStyle(0)] })
 */
export function renderPeriodBars(options: LineChartOptions, setting: PeriodBarsSetting): string {
  const { width, year } = setting;
  const bars = options.series.flatMap((s, i) => {
    const point = splitAtGaps(s.points)
      .flat()
      .find((p) => p.year === year);
    return point ? [{ series: s, style: setting.styles[i] ?? seriesStyle(i), value: point.value }] : [];
  });
  const values = bars.map((b) => b.value);
  const frame = layoutFrame({
    width,
    height: setting.height,
    yLabel: options.yLabel,
    lo: Math.min(0, ...values),
    hi: Math.max(0, ...values),
    formatTick: options.formatTick ?? options.formatValue,
    legend: options.series.map((s, i) => ({ label: s.label, style: setting.styles[i] ?? seriesStyle(i) })),
    sample: 'swatch',
    // Room for the values written beyond the ends of the bars.
    headroom: values.some((v) => v > 0) ? LINE : 0,
    footroom: values.some((v) => v < 0) ? LINE : 0,
  });
  const { left, right, bottom, y } = frame;
  const zero = y(0);
  const slot = (right - left) / Math.max(1, bars.length);
  const barWidth = Math.min(slot * 0.6, MAX_BAR);

  let body = frame.markup;
  bars.forEach((bar, i) => {
    const cx = left + slot * (i + 0.5);
    const end = y(bar.value);
    const text = options.formatValue(bar.value);
    const tip = `${bar.series.label}, ${setting.formatYear(year)}: ${text}`;
    const outline = bar.style.dash ? ` fill-opacity=".35" stroke-width="1.5" ${strokeAttributes(bar.style)}` : '';
    body +=
      `<g data-series="${escapeXml(bar.series.key)}">` +
      `<rect x="${coord(cx - barWidth / 2)}" y="${coord(Math.min(end, zero))}" width="${coord(barWidth)}" height="${coord(Math.abs(end - zero))}" fill="${bar.style.color}"${outline}>` +
      `<title>${escapeXml(tip)}</title></rect>`;
    if (textWidth(text, FONT) <= slot - 4) {
      const baseline = bar.value < 0 ? end + 4 + FONT : end - 5;
      body += `<text x="${coord(cx)}" y="${coord(baseline)}" font-size="${FONT}" fill="#222" text-anchor="middle">${escapeXml(text)}</text>`;
    }
    body += '</g>';
  });
  const below = bottom + (values.some((v) => v < 0) ? LINE : 0);
  body +=
    `<path d="M${coord(left)} ${coord(zero)}H${coord(right)}" stroke="#777" fill="none"/>` +
    `<text x="${coord((left + right) / 2)}" y="${coord(below + 17)}" font-size="${FONT}" fill="#444" text-anchor="middle">${escapeXml(setting.formatYear(year))}</text>`;

  return svgDocument({ id: setting.id, width, height: frame.height, title: options.title, description: options.description }, body);
}
