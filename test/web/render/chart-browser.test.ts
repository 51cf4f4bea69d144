/**
 * The text estimate checked against a browser: the boundary charts drawn by Debian's headless Chromium,
 * every `<text>` measured with getBBox(), which must lie inside the SVG's viewBox and be no wider than
 * the estimate the layout used. A screenshot of the charts lands in test-results/ for review.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../../src/app/web/render/text.ts';
import { launchChromium, SHOTS } from '../../support/browser.ts';
import { boundaryCases } from './chart-cases.ts';

interface Measured {
  text: string;
  fontSize: number;
  box: { x: number; y: number; width: number; height: number };
  viewBox: { x: number; y: number; width: number; height: number };
}

/** Runs in the page (the project compiles without the DOM's types): each figure's texts, measured. */
const MEASURE = `(() => {
  const out = {};
  for (const figure of document.querySelectorAll('figure')) {
    const svg = figure.querySelector('svg');
    const vb = svg.viewBox.baseVal;
    out[figure.dataset.case] = [...svg.querySelectorAll('text')].map((t) => {
      const b = t.getBBox();
      return {
        text: t.textContent,
        fontSize: parseFloat(getComputedStyle(t).fontSize),
        box: { x: b.x, y: b.y, width: b.width, height: b.height },
        viewBox: { x: vb.x, y: vb.y, width: vb.width, height: vb.height },
      };
    });
  }
  return out;
})()`;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('charts in Chromium', () => {
  it('keep every text inside the viewBox, and the estimate is never narrower than the drawn text', async () => {
    const cases = boundaryCases();
    const page = await browser.newPage({ viewport: { width: 700, height: 800 } });
    const html = Object.entries(cases)
      .map(([name, svg]) => `<figure data-case="${name}" style="margin:8px;width:${/viewBox="0 0 (\d+)/.exec(svg)?.[1]}px">${svg}</figure>`)
      .join('');
    await page.setContent(`<!doctype html><html lang="en"><body style="margin:0">${html}</body></html>`);
    const measured = (await page.evaluate(MEASURE)) as Record<string, Measured[]>;
    await page.screenshot({ path: join(SHOTS, 'chart-boundaries.png'), fullPage: true });
    await page.close();

    expect(Object.keys(measured)).toEqual(Object.keys(cases));
    for (const [name, texts] of Object.entries(measured)) {
      expect(texts.length, name).toBeGreaterThan(0);
      for (const t of texts) {
        const where = `${name}: "${t.text}" ${JSON.stringify(t.box)}`;
        expect(t.box.x, where).toBeGreaterThanOrEqual(t.viewBox.x);
        expect(t.box.y, where).toBeGreaterThanOrEqual(t.viewBox.y);
        expect(t.box.x + t.box.width, where).toBeLessThanOrEqual(t.viewBox.x + t.viewBox.width);
        expect(t.box.y + t.box.height, where).toBeLessThanOrEqual(t.viewBox.y + t.viewBox.height);
        expect(t.box.width, where).toBeLessThanOrEqual(textWidth(t.text, t.fontSize));
      }
    }
  });
});
