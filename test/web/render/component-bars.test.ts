/**
 * The component bars: well-formed, accessible SVG (its own title and description), a tooltip per component,
 * a bar per value on 0–100 with the value written, the missing reason written in place of a missing bar, the
 * highest as a tick, and a legend that starts a new line rather than pass the right edge.
 */
import { describe, expect, it } from 'vitest';
import { renderComponentBars, type ComponentBarsOptions } from '../../../src/app/web/render/component-bars.ts';
import { xmlProblems } from './xml-check.ts';

const base: ComponentBarsOptions = {
  title: 'Kenya & co: components',
  description: 'Internet use 45 (69.8; 92)',
  valueLabel: 'Kenya',
  referenceLabel: 'Mean of the economies scored',
  maxLabel: 'Highest',
  formatValue: (n) => String(n),
  rows: [
    { label: 'Internet use', value: 45, reference: 69.8, max: 92, title: 'Internet use: Kenya 45; mean 69.8; highest 92' },
    { label: 'Account ownership', value: null, missing: 'missing: no value <in> the years read', reference: 78, max: 94, title: 'Account ownership: Kenya missing' },
  ],
};

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
/** The baseline of the text written exactly `label`. */
const yOfText = (svg: string, label: string) => Number(attr(svg.match(new RegExp(`<text[^>]*>${label}</text>`))?.[0] ?? '', 'y'));

describe('component bars', () => {
  it('is well-formed and accessible, with a tooltip per component', () => {
    const svg = renderComponentBars(base);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="(\w+)-t \1-d"/);
    expect(svg).toContain('<title id="');
    expect(svg).toContain('Kenya &amp; co: components');
    expect(svg).toContain('<g><title>Internet use: Kenya 45; mean 69.8; highest 92</title>');
    expect(svg).toContain('<g><title>Account ownership: Kenya missing</title>');
  });

  it('draws the value and the reference to scale, writes a missing reason in place of the bar, the highest as a tick', () => {
    const svg = renderComponentBars(base);
    const rects = [...svg.matchAll(/<rect [^>]*\/>/g)].map((m) => m[0]).filter((r) => Number(attr(r, 'height')) === 12);
    // Internet: value and reference; account: reference only.
    expect(rects.length).toBe(3);
    const widths = rects.map((r) => Number(attr(r, 'width')));
    expect(widths[1]! / widths[0]!).toBeCloseTo(69.8 / 45, 1);
    expect(svg).toContain('font-style="italic">missing: no value &lt;in&gt; the years read</text>');
    expect([...svg.matchAll(/stroke="#222"/g)].length).toBe(3);
  });

  it('starts a new legend line rather than pass the right edge', () => {
    const one = renderComponentBars(base);
    const long = renderComponentBars({ ...base, valueLabel: 'Least developed countries (LDC), members on 31 December', referenceLabel: 'Mean of every economy scored in the index year' });
    expect(yOfText(long, 'Highest')).toBeGreaterThan(yOfText(one, 'Highest'));
    const height = (svg: string) => Number(/viewBox="0 0 \d+ (\d+)"/.exec(svg)?.[1]);
    expect(height(long)).toBeGreaterThan(height(one));
  });
});
