import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderLineChart, renderSparkline } from '../../../src/app/web/render/chart.ts';
import type { ChartSeries, LineChartOptions } from '../../../src/app/web/render/chart.ts';
import { seriesStyle, splitAtGaps } from '../../../src/app/web/render/series.ts';
import { niceAxis, yearTicks } from '../../../src/app/web/render/ticks.ts';
import { elements, titleOf, xmlProblems } from './xml-check.ts';

const years = (from: number, to: number, value: (y: number) => number, skip: number[] = []) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)
    .filter((y) => !skip.includes(y))
    .map((year) => ({ year, value: value(year) }));

const SERIES: ChartSeries[] = [
  { key: 'NER', label: 'Niger', points: years(2000, 2022, (y) => (y - 2000) * 0.8, [2010, 2011]) },
  { key: 'BIH', label: 'Bosnia & Herzegovina', points: years(2000, 2022, (y) => (y - 2000) * 3.2) },
  { key: 'CIV', label: 'Côte d’Ivoire', points: years(2005, 2022, (y) => (y - 2000) * 1.9) },
  { key: 'LDC', label: 'Least developed countries', points: years(2000, 2022, (y) => (y - 2000) * 1.5), dashed: true },
  { key: 'EMPTY', label: 'No data <yet>', points: [] },
];

function chart(extra: Partial<LineChartOptions> = {}): string {
  return renderLineChart({
    series: SERIES,
    title: 'Internet use',
    description: 'Individuals using the Internet, 2000–2022',
    yLabel: '% of population',
    formatValue: (n) => `${n.toFixed(1)}%`,
    formatTick: (n) => `${n}%`,
    ...extra,
  });
}

/** The line path of a series (the first path in its group). */
function linePath(svg: string, key: string): string | undefined {
  const group = new RegExp(`<g data-series="${key}">(.*?)</g></g>`).exec(svg)?.[1] ?? '';
  return /<path d="([^"]+)" fill="none"/.exec(group)?.[1];
}

describe('renderLineChart', () => {
  const svg = chart();

  it('is well-formed, labelled and escaped', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="(\S+)-t \1-d"/);
    expect(svg).toContain('<title id="');
    expect(svg).toContain('>Internet use</title><desc');
    expect(svg).toContain('Bosnia &amp; Herzegovina');
    expect(svg).toContain('No data &lt;yet&gt;');
    expect(svg).toContain('Côte d’Ivoire');
  });

  it('breaks a line where a year is missing, and joins it when the gap is allowed', () => {
    expect(linePath(svg, 'NER')?.match(/M/g)).toHaveLength(2);
    expect(linePath(svg, 'BIH')?.match(/M/g)).toHaveLength(1);
    expect(linePath(chart({ maxGap: 3 }), 'NER')?.match(/M/g)).toHaveLength(1);
    // A series with one isolated year has no line, only its marker.
    const lone = chart({ series: [{ key: 'TUV', label: 'Tuvalu', points: [{ year: 2010, value: 5 }, { year: 2015, value: 9 }] }] });
    expect(linePath(lone, 'TUV')).toBeUndefined();
    expect(elements(lone, 'circle')).toHaveLength(2 + 1); // two points and the legend marker
  });

  it('lists every series in the legend, each with its own colour and the dashes it asked for', () => {
    const texts = elements(svg, 'text').map((t) => t.inner);
    for (const s of SERIES) expect(texts).toContain(s.label.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;'));
    const colours = SERIES.map((_, i) => seriesStyle(i, SERIES[i]?.dashed).color);
    expect(new Set(colours).size).toBe(SERIES.length);
    expect(linePath(svg, 'NER')).toBeDefined();
    expect(svg).toMatch(/<g data-series="LDC"><path [^>]*stroke-dasharray="[\d ]+"/);
    expect(svg).toMatch(/<g data-series="NER"><path (?![^>]*stroke-dasharray)[^>]*\/>/);
  });

  it('gives every observation a tooltip with series, year and value', () => {
    const tips = [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    const points = SERIES.reduce((n, s) => n + s.points.length, 0);
    expect(tips).toHaveLength(points);
    expect(tips).toContain('Niger, 2009: 7.2%');
    expect(tips).toContain('Bosnia &amp; Herzegovina, 2022: 70.4%');
    expect(titleOf(chart({ yearFormatter: (y) => `FY${y}` }).split('<g data-series')[1] ?? '')).toBe('Niger, FY2000: 0.0%');
  });

  it('labels the value axis with round numbers from zero', () => {
    const ticks = [...svg.matchAll(/<text x="\d+(?:\.\d)?" y="[\d.]+">(\d+)%<\/text>/g)].map((m) => Number(m[1]));
    // Largest value 70.4: ten-point steps from 0 to 80.
    expect(ticks).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
  });

  it('stays small and fast', () => {
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) chart();
    const ms = (performance.now() - t0) / 100;
    console.log(`line chart: ${SERIES.length} series, ${svg.length} bytes raw, ${gzipSync(svg).length} bytes gzip; rendered in ${ms.toFixed(2)} ms`);
    expect(gzipSync(svg).length).toBeLessThan(10 * 1024);
  });

  it('survives having no data at all', () => {
    const empty = chart({ series: [] });
    expect(xmlProblems(empty)).toEqual([]);
  });
});

describe('renderSparkline', () => {
  const points = years(2000, 2022, (y) => y - 2000, [2005, 2006]);

  it('is a small labelled image broken at missing years', () => {
    const svg = renderSparkline(points, { title: 'Internet use, Bosnia & Herzegovina', formatValue: (n) => `${n}%` });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('width="120" height="30"');
    expect(svg).toContain('viewBox="0 0 120 30"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('>Internet use, Bosnia &amp; Herzegovina</title>');
    expect(svg).toContain('>2000: 0% → 2022: 22%</desc>');
    expect(elements(svg, 'path')[0]?.attrs.d?.match(/M/g)).toHaveLength(2);
  });

  it('renders without points', () => {
    const svg = renderSparkline([], { title: 'Nothing' });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain('<path');
  });
});

describe('axes and gaps', () => {
  it('picks round ticks', () => {
    expect(niceAxis(3, 97, 5)).toEqual({ min: 0, max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceAxis(0, 0.3, 3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceAxis(-12, 7, 4).ticks).toEqual([-15, -10, -5, 0, 5, 10]);
    expect(niceAxis(5, 5).min).toBeLessThan(5);
    expect(yearTicks(2000, 2022, 6)).toEqual([2000, 2005, 2010, 2015, 2020]);
    expect(yearTicks(2019, 2022, 10)).toEqual([2019, 2020, 2021, 2022]);
  });

  it('splits runs at missing years, sorting points and dropping non-finite values', () => {
    const runs = splitAtGaps([
      { year: 2003, value: 3 },
      { year: 2000, value: 0 },
      { year: 2001, value: NaN },
      { year: 2002, value: 2 },
    ]);
    expect(runs.map((r) => r.map((p) => p.year))).toEqual([[2000], [2002, 2003]]);
  });
});
