import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/domain/errors.ts';
import { lafferCurve, parseDesignParams, rateRange, revenueMaximisingRate, simulateDuty } from '../../../src/domain/moratorium/design.ts';

// Every expected figure below is worked out by hand from the formulas of design.ts, on a base of 1000 USD.
describe('a duty on electronic transmissions', () => {
  it('raises rate × base and costs consumers exactly that when demand does not respond (ε = 0)', () => {
    expect(simulateDuty(1000, 10, 0)).toEqual({
      ratePct: 10,
      elasticity: 0,
      baseUsd: 1000,
      importsAfterUsd: 1000,
      revenueUsd: 100,
      deadweightLossUsd: 0,
      consumerCostUsd: 100,
    });
  });

  it('with ε = −2 and 10%: imports 1000/1.21, revenue 100/1.21, consumer cost 1000·(1 − 1/1.1), loss 10/1.21', () => {
    const s = simulateDuty(1000, 10, -2);
    expect(s.importsAfterUsd).toBeCloseTo(826.446281, 5);
    expect(s.revenueUsd).toBeCloseTo(82.644628, 5);
    expect(s.consumerCostUsd).toBeCloseTo(90.909091, 5);
    expect(s.deadweightLossUsd).toBeCloseTo(8.264463, 5);
    expect(s.consumerCostUsd).toBeCloseTo(s.revenueUsd + s.deadweightLossUsd, 9);
  });

  it('with ε = −0.5 and 21%: (1.21)^−0.5 = 1/1.1, so imports 909.09, revenue 190.91, cost 1000·0.1/0.5 = 200', () => {
    const s = simulateDuty(1000, 21, -0.5);
    expect(s.importsAfterUsd).toBeCloseTo(909.090909, 5);
    expect(s.revenueUsd).toBeCloseTo(190.909091, 5);
    expect(s.consumerCostUsd).toBeCloseTo(200, 9);
    expect(s.deadweightLossUsd).toBeCloseTo(9.090909, 5);
  });

  it('with ε = −1 and 25%: imports 800, revenue 200, consumer cost 1000·ln 1.25', () => {
    const s = simulateDuty(1000, 25, -1);
    expect(s.importsAfterUsd).toBeCloseTo(800, 9);
    expect(s.revenueUsd).toBeCloseTo(200, 9);
    expect(s.consumerCostUsd).toBeCloseTo(223.143551, 5);
    expect(s.deadweightLossUsd).toBeCloseTo(23.143551, 5);
  });

  it('loses about the Harberger triangle ½·t·(base − imports after) at small rates', () => {
    for (const e of [-0.5, -1, -1.5, -4]) {
      const s = simulateDuty(1000, 1, e);
      const harberger = 0.5 * 0.01 * (s.baseUsd - s.importsAfterUsd);
      expect(Math.abs(s.deadweightLossUsd - harberger) / harberger, `ε = ${e}`).toBeLessThan(0.02);
    }
  });

  it('costs nothing and raises nothing at a zero rate or on a zero base', () => {
    expect(simulateDuty(1000, 0, -2)).toMatchObject({ importsAfterUsd: 1000, revenueUsd: 0, deadweightLossUsd: 0, consumerCostUsd: 0 });
    expect(simulateDuty(0, 20, -2)).toMatchObject({ importsAfterUsd: 0, revenueUsd: 0, deadweightLossUsd: 0, consumerCostUsd: 0 });
  });

  it('refuses a positive elasticity, a negative rate and a negative base', () => {
    expect(() => simulateDuty(1000, 10, 0.5)).toThrow(RangeError);
    expect(() => simulateDuty(1000, -1, -1)).toThrow(RangeError);
    expect(() => simulateDuty(-1, 10, -1)).toThrow(RangeError);
    expect(() => simulateDuty(Number.NaN, 10, -1)).toThrow(RangeError);
  });
});

describe('the revenue-maximising duty', () => {
  it('is 1/(−ε − 1): 100% at ε = −2, 50% at ε = −3, 25% at ε = −5', () => {
    expect(revenueMaximisingRate(-2)).toBeCloseTo(100, 9);
    expect(revenueMaximisingRate(-3)).toBeCloseTo(50, 9);
    expect(revenueMaximisingRate(-5)).toBeCloseTo(25, 9);
  });

  it('does not exist when −1 ≤ ε ≤ 0: revenue keeps rising with the rate', () => {
    for (const e of [0, -0.5, -1]) {
      expect(revenueMaximisingRate(e), `ε = ${e}`).toBeNull();
      const curve = lafferCurve(1000, e, rateRange(0, 500, 50));
      expect(curve.peak).toBeNull();
      const revenues = curve.points.map((p) => p.revenueUsd);
      for (let i = 1; i < revenues.length; i++) expect(revenues[i] as number).toBeGreaterThan(revenues[i - 1] as number);
    }
    // At ε = −1 revenue is B·t/(1 + t): 500 at 100%, 5000/6 at 500%, always below the base.
    expect(simulateDuty(1000, 100, -1).revenueUsd).toBeCloseTo(500, 9);
    expect(simulateDuty(1000, 500, -1).revenueUsd).toBeCloseTo(833.333333, 5);
  });

  it('tops the curve: at ε = −3 the peak is 50%, raising 1000·0.5/1.5³ = 148.15, more than at any other rate', () => {
    const curve = lafferCurve(1000, -3, [80, 0, 20, 40, 60]);
    expect(curve.points.map((p) => p.ratePct)).toEqual([0, 20, 40, 60, 80]);
    expect(curve.peak?.ratePct).toBeCloseTo(50, 9);
    expect(curve.peak?.revenueUsd).toBeCloseTo(148.148148, 5);
    for (const p of curve.points) expect(p.revenueUsd).toBeLessThan(curve.peak?.revenueUsd ?? 0);
    // 20%: 1000·0.2/1.2³ = 115.74; 80%: 1000·0.8/1.8³ = 137.17.
    expect(curve.points[1]?.revenueUsd).toBeCloseTo(115.740741, 5);
    expect(curve.points[4]?.revenueUsd).toBeCloseTo(137.174211, 5);
  });

  it('spaces the rates of a range evenly, both ends included', () => {
    expect(rateRange(0, 20, 5)).toEqual([0, 5, 10, 15, 20]);
    expect(rateRange(0, 0.3, 0.1)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(rateRange(10, 12, 5)).toEqual([10]);
    expect(() => rateRange(0, 10, 0)).toThrow(RangeError);
    expect(() => rateRange(10, 0, 1)).toThrow(RangeError);
  });
});

describe('the parameters of a design as typed', () => {
  it.each([
    [{ rate: '10' }, { ratePct: 10, baseUsd: undefined }],
    [{ rate: ' 12.5 % ', base: '' }, { ratePct: 12.5, baseUsd: undefined }],
    [{ rate: '0', base: '1000000' }, { ratePct: 0, baseUsd: 1_000_000 }],
    [{ rate: '10', base: '1 000 000' }, { ratePct: 10, baseUsd: 1_000_000 }],
    [{ rate: '10', base: '1\u202f000\u202f000' }, { ratePct: 10, baseUsd: 1_000_000 }],
    [{ rate: '10', base: '1,000,000.5' }, { ratePct: 10, baseUsd: 1_000_000.5 }],
    [{ rate: '10', base: '2.5e6' }, { ratePct: 10, baseUsd: 2_500_000 }],
  ])('reads %j', (params, expected) => {
    expect(parseDesignParams(params, 'test')).toEqual(expected);
  });

  it.each([
    [{}, 'rate', 'give rate'],
    [{ rate: '-1' }, 'rate', 'not a duty rate'],
    [{ rate: '1001' }, 'rate', 'from 0 to 1000'],
    [{ rate: 'ten' }, 'rate', 'not a duty rate'],
    [{ rate: '10', base: '-5' }, 'base', 'not an amount'],
    [{ rate: '10', base: '1,00' }, 'base', 'not an amount'],
    [{ rate: '10', base: 'Infinity' }, 'base', 'not an amount'],
  ])('refuses %j, naming %s', (params, field, message) => {
    let error: unknown;
    try {
      parseDesignParams(params, 'test');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location.field).toBe(field);
    expect((error as InputError).reason).toContain(message);
  });
});
