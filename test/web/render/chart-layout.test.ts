/**
 * Charts fit their data: every label's estimated box lies inside the SVG's viewBox, the estimate is not
 * below what the browser's default sans-serif draws, and a single period is drawn as bars, not a lone dot.
 */
import { describe, expect, it } from 'vitest';
import { renderLineChart, renderSparkline } from '../../../src/app/web/render/chart.ts';
import { textBox, textWidth, wrapText } from '../../../src/app/web/render/text.ts';
import { boundaryCases } from './chart-cases.ts';
import { elements, placedTexts, xmlProblems } from './xml-check.ts';

function viewBox(svg: string): { width: number; height: number } {
  const [, , width, height] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number);
  return { width: width ?? NaN, height: height ?? NaN };
}

describe('text estimate', () => {
  it('is at least the width DejaVu Sans draws (the clipped "US$7m" measures 43.4 units at 12)', () => {
    expect(textWidth('US$7m', 12)).toBeGreaterThanOrEqual(43.4);
    // Accents add nothing; narrow no-break spaces count as spaces; unknown scripts count wide.
    expect(textWidth('Bénin', 12)).toBe(textWidth('Benin', 12));
    expect(textWidth('7\u202fM\u202f$US', 12)).toBe(textWidth('7 M $US', 12));
    expect(textWidth('北京', 12)).toBe(24);
  });

  it('wraps at spaces, and inside a word only when the word alone is too wide', () => {
    expect(wrapText('Least developed countries', 12, 100)).toEqual(['Least developed', 'countries']);
    const lines = wrapText('Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch', 12, 80);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(80);
  });
});

describe('chart labels stay inside the viewBox', () => {
  for (const [name, svg] of Object.entries(boundaryCases())) {
    it(name, () => {
      expect(xmlProblems(svg)).toEqual([]);
      const { width, height } = viewBox(svg);
      const texts = placedTexts(svg);
      expect(texts.length).toBeGreaterThan(0);
      for (const t of texts) {
        const box = textBox(t.text, t.x, t.y, t.fontSize, t.anchor);
        const where = `"${t.text}" at ${t.x},${t.y} (${t.anchor}): ${JSON.stringify(box)} in 0 0 ${width} ${height}`;
        expect(box.x0, where).toBeGreaterThanOrEqual(0);
        expect(box.x1, where).toBeLessThanOrEqual(width);
        expect(box.y0, where).toBeGreaterThanOrEqual(0);
        expect(box.y1, where).toBeLessThanOrEqual(height);
      }
    });
  }

  it('moves the plot right for wide value labels instead of clipping them', () => {
    const { 'US$7m on the value axis (the clipped label)': narrow, 'US$7,000,000m': wide } = boundaryCases();
    const plotLeft = (svg: string) => Number(/<path d="M([\d.]+) /.exec(svg)?.[1]);
    expect(plotLeft(wide ?? '')).toBeGreaterThan(plotLeft(narrow ?? '') + 40);
  });
});

describe('a single period', () => {
  const options = {
    title: 'Revenue at stake',
    description: '…',
    yLabel: 'US dollars',
    formatValue: (n: number) => `US$${n / 1e6}m`,
  };

  it('is a bar from zero with its value and tooltip, not a path through one point', () => {
    const svg = renderLineChart({ ...options, series: [{ key: 'NPL', label: 'Nepal', points: [{ year: 2021, value: 7e6 }] }] });
    expect(xmlProblems(svg)).toEqual([]);
    const group = /<g data-series="NPL">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(group).not.toContain('<path');
    expect(group).not.toContain('<circle');
    const [bar] = elements(group, 'rect');
    expect(Number(bar?.attrs.height)).toBeGreaterThan(100);
    expect(bar?.inner).toContain('<title>Nepal, 2021: US$7m</title>');
    expect(group).toContain('>US$7m</text>');
    // The year is written once, under the axis; the value axis starts at zero.
    expect(placedTexts(svg).map((t) => t.text)).toContain('2021');
    expect(placedTexts(svg).map((t) => t.text)).toContain('US$0m');
    // No path anywhere has a single point: gridlines and axes are horizontal segments.
    for (const p of elements(svg, 'path')) expect(p.attrs.d ?? '').toMatch(/^(M[\d.-]+ [\d.-]+H[\d.-]+)+$/);
  });

  it('draws a bar per series, below zero for negative values, and a swatch per series in the legend', () => {
    const svg = renderLineChart({
      ...options,
      series: [
        { key: 'A', label: 'Benin', points: [{ year: 2021, value: -3e6 }] },
        { key: 'B', label: 'Togo', points: [{ year: 2021, value: 5e6 }], dashed: true },
        { key: 'C', label: 'No data', points: [] },
      ],
    });
    const bar = (key: string) => elements(new RegExp(`<g data-series="${key}">(.*?)</g>`).exec(svg)?.[1] ?? '', 'rect')[0];
    const a = bar('A');
    const b = bar('B');
    expect(a && b).toBeTruthy();
    // Benin's bar hangs from the zero line where Togo's stands on it.
    expect(Number(a?.attrs.y)).toBeCloseTo(Number(b?.attrs.y) + Number(b?.attrs.height), 0);
    expect(b?.attrs['stroke-dasharray']).toBeDefined();
    expect(svg).not.toContain('data-series="C"');
    expect(placedTexts(svg).map((t) => t.text)).toEqual(expect.arrayContaining(['Benin', 'Togo', 'No data']));
  });

  it('stays a line chart when the series cover two years between them', () => {
    const svg = renderLineChart({
      ...options,
      series: [
        { key: 'A', label: 'Benin', points: [{ year: 2020, value: 3e6 }] },
        { key: 'B', label: 'Togo', points: [{ year: 2021, value: 5e6 }] },
      ],
    });
    expect(svg).toMatch(/<g data-series="A"><g fill="[^"]+"><circle/);
  });

  it('is a dot alone in a sparkline', () => {
    const svg = renderSparkline([{ year: 2021, value: 5 }], { title: 'Internet use, Tuvalu' });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain('<path');
    expect(elements(svg, 'circle')).toHaveLength(1);
  });
});
