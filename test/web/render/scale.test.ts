import { describe, expect, it } from 'vitest';
import { createColorScale, quantileBreaks, quantileSorted, YL_GN_BU } from '../../../src/app/web/render/scale.ts';

const oneTo100 = Array.from({ length: 100 }, (_, i) => i + 1);
const fmt = (n: number) => `${n}%`;

describe('createColorScale', () => {
  it('splits values into quantile classes of equal size with rounded breaks', () => {
    const scale = createColorScale({ values: oneTo100, format: fmt });
    expect(scale.breaks).toEqual([21, 41, 60, 80]);
    expect(scale.colors).toEqual(YL_GN_BU[5]);
    const counts = [0, 0, 0, 0, 0];
    for (const v of oneTo100) counts[scale.classOf(v)]! += 1;
    expect(counts).toEqual([20, 20, 19, 20, 21]);
    expect(scale.labels).toEqual(['1% – 21%', '21% – 41%', '41% – 60%', '60% – 80%', '80% – 100%']);
  });

  it('puts a value equal to a break in the upper class', () => {
    const scale = createColorScale({ values: oneTo100, format: fmt });
    expect(scale.classOf(20.99)).toBe(0);
    expect(scale.classOf(21)).toBe(1);
    expect(scale.colorOf(100)).toBe(YL_GN_BU[5]?.[4]);
    expect(scale.colorOf(-5)).toBe(YL_GN_BU[5]?.[0]);
  });

  it('keeps distinct breaks only when many values tie', () => {
    const scale = createColorScale({ values: [0, 0, 0, 0, 0, 0, 0, 1, 2, 3], format: String });
    expect(scale.breaks.length).toBeLessThan(4);
    expect(scale.colors).toHaveLength(scale.breaks.length + 1);
    expect(scale.classOf(0)).toBe(0);
    expect(createColorScale({ values: [7, 7, 7], format: String }).labels).toEqual(['7']);
  });

  it('uses fixed breaks with open-ended labels', () => {
    const scale = createColorScale({ values: [5, 50], breaks: [10, 50], format: fmt });
    expect(scale.colors).toEqual(YL_GN_BU[3]);
    expect(scale.labels).toEqual(['< 10%', '10% – 50%', '≥ 50%']);
    expect(scale.classOf(9)).toBe(0);
    expect(scale.classOf(50)).toBe(2);
  });

  it('reverses the palette for indicators where lower is better, labels staying in value order', () => {
    const scale = createColorScale({ values: oneTo100, format: fmt, reversed: true });
    expect(scale.reversed).toBe(true);
    expect(scale.colors).toEqual([...(YL_GN_BU[5] ?? [])].reverse());
    expect(scale.colorOf(1)).toBe('#253494');
    expect(scale.labels[0]).toBe('1% – 21%');
  });

  it('formats labels with the given formatter and can keep exact quantiles', () => {
    const scale = createColorScale({ values: [0.5, 1.5, 2.5, 3.5], classes: 2, format: (n) => n.toFixed(2), roundBreaks: false });
    expect(scale.breaks).toEqual([2]);
    expect(scale.labels).toEqual(['0.50 – 2.00', '2.00 – 3.50']);
  });

  it('ignores non-finite values and rejects impossible class counts', () => {
    expect(createColorScale({ values: [NaN, Infinity, 1, 2, 3, 4], classes: 2, format: String }).breaks).toEqual([2.5]);
    expect(() => createColorScale({ values: [1], classes: 9, format: String })).toThrow(RangeError);
    expect(() => createColorScale({ values: [1], breaks: [3, 2], format: String })).toThrow(/ascend/);
    expect(() => createColorScale({ values: [1], breaks: [1, 2, 3, 4, 5, 6, 7], format: String })).toThrow(RangeError);
  });

  it('has every palette ordered from light to dark', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    for (let n = 2; n <= 7; n++) {
      const l = (YL_GN_BU[n] ?? []).map(luminance);
      expect(l).toEqual([...l].sort((a, b) => b - a));
    }
  });
});

describe('quantiles', () => {
  it('interpolates like R type 7', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileBreaks([], 5)).toEqual([]);
  });
});
