/**
 * One moratorium page view reads the duty base once: the estimate, its lines, the group totals, every
 * sensitivity variant, the VAT comparison and the duty design are computed from that one read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildObservatoryFixture, type ObservatoryFixture } from '../../support/observatory-fixture.ts';

let fx: ObservatoryFixture;
beforeAll(async () => {
  fx = await buildObservatoryFixture();
});
afterAll(async () => {
  await fx?.dispose();
});

/** The duty-base scans of one request (each URL is asked once, so no cached answer hides them). */
async function scansOf(url: string): Promise<number> {
  const before = fx.store.dutyBaseScans;
  const res = await fx.app.request(url);
  expect(res.status, url).toBe(200);
  await res.text();
  return fx.store.dutyBaseScans - before;
}

describe('the duty-base scans of the moratorium', () => {
  it.each([
    '/en/moratorium?country=NPL',
    '/fr/moratorium?target=country:NPL&tariff=applied&rollup=weighted&elasticity=-1.5&rate=20',
    '/en/moratorium?target=group:LDC',
    '/en/moratorium?target=group:LDC&design_country=NPL&rate=15',
  ])('one page view, one scan: %s', async (url) => {
    expect(await scansOf(url)).toBe(1);
  });

  it('a duty design on a value the reader gives needs no scan of its own', async () => {
    expect(await scansOf('/en/moratorium?target=country:NPL&rate=25&base=1000000')).toBe(1);
    expect(await scansOf('/api/v1/moratorium/design?country=NPL&rate=10&base=1000000')).toBe(0);
  });

  it('the sensitivity download reads the base once for every variant', async () => {
    expect(await scansOf('/api/v1/moratorium/sensitivity?country=NPL&format=csv')).toBe(1);
  });
});
