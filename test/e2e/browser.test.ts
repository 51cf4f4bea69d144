/**
 * The pages in a real browser with JavaScript turned off: the real HTTP server over the fixture store,
 * Debian's headless Chromium driven by playwright-core. Checks what a reader (and a screen reader) gets:
 * the map and chart as labelled images, the source line, a visible map, links on the map, the year form.
 * Screenshots land in test-results/ for review.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveOnLoopback, SHOTS } from '../support/browser.ts';
import { buildObservatoryFixture, type ObservatoryFixture } from '../support/observatory-fixture.ts';
import { MORATORIUM_EXPECTED } from '../support/moratorium-fixture.ts';
import { messages } from '../../src/app/web/i18n/index.ts';

const USERS = 'IT.NET.USER.ZS';
const NAMES = {
  en: { indicator: 'Individuals using the Internet (% of population)', nigeria: 'Nigeria', kenya: 'Kenya', source: 'Source', keyFigures: 'Key figures' },
  fr: { indicator: 'Personnes utilisant Internet (% de la population)', nigeria: 'Nigéria', kenya: 'Kenya', source: 'Source', keyFigures: 'Chiffres clés' },
} as const;

let fx: ObservatoryFixture;
let server: { base: string; close: () => Promise<void> };
let base: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  fx = await buildObservatoryFixture();
  server = await serveOnLoopback(fx.app);
  base = server.base;
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await fx?.dispose();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const res = await page.goto(`${base}${path}`);
  expect(res?.status(), path).toBe(200);
  return page;
}

/** The map, chart and source line as a reader finds them, and the map drawn with a real size. */
async function checkFigures(page: Page, lang: 'en' | 'fr', mapTitle: RegExp): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  expect(await page.locator('script').count()).toBe(0);

  const map = page.locator('figure.map svg[role=img]');
  expect(await map.count()).toBe(1);
  const title = (await map.locator(':scope > title').textContent()) ?? '';
  const desc = (await map.locator(':scope > desc').textContent()) ?? '';
  expect(title).toMatch(mapTitle);
  expect(await map.isVisible()).toBe(true);
  const box = await map.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(300);
  expect(box?.height ?? 0).toBeGreaterThan(100);
  // The accessible name is made of the SVG's own <title> and <desc>, and the caption repeats the description.
  expect(await page.getByRole('img', { name: `${title} ${desc}`, exact: true }).count()).toBe(1);
  expect(desc.length).toBeGreaterThan(20);
  expect(await page.locator('figure.map figcaption').textContent()).toBe(desc);

  const chart = page.locator('figure.chart svg[role=img]');
  expect(await chart.count()).toBe(1);
  expect(await chart.isVisible()).toBe(true);
  expect((await chart.locator(':scope > title').textContent())?.startsWith(NAMES[lang].indicator)).toBe(true);

  const source = page.locator('p.source', { hasText: 'World Bank, World Development Indicators' }).first();
  expect(await source.isVisible()).toBe(true);
  expect(await source.textContent()).toMatch(new RegExp(`^${NAMES[lang].source}s?(?: |\u00a0)?:`));
  expect(await source.locator(`a[href^="/${lang}/sources#v"]`).count()).toBeGreaterThanOrEqual(1);
}

describe('in Chromium without JavaScript', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`${lang}: the country page shows its map, chart and source, and the map leads to other countries`, async () => {
      const page = await open(`/${lang}/countries/NGA`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(NAMES[lang].nigeria);
      expect(await page.getByRole('heading', { level: 2, name: NAMES[lang].keyFigures }).count()).toBe(1);
      await checkFigures(page, lang, new RegExp(`^${literal(NAMES[lang].indicator)}, 20\\d\\d$`));
      await page.screenshot({ path: join(SHOTS, `e2e-${lang}-country-NGA.png`), fullPage: true });

      // Each shape is a link to its country's page.
      const kenya = page.locator(`figure.map svg a[href="/${lang}/countries/KEN"]`);
      expect(await kenya.count()).toBe(1);
      await Promise.all([page.waitForURL(`${base}/${lang}/countries/KEN`), kenya.click()]);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(NAMES[lang].kenya);
      await checkFigures(page, lang, new RegExp(`^${literal(NAMES[lang].indicator)}, 20\\d\\d$`));
      await page.close();
    });

    it(`${lang}: the indicator page's form changes the map's year`, async () => {
      const page = await open(`/${lang}/indicators/${USERS}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(NAMES[lang].indicator);
      const mapTitle = page.locator('figure.map svg[role=img] > title');
      const opening = Number(/(\d{4})$/.exec((await mapTitle.textContent()) ?? '')?.[1]);
      await checkFigures(page, lang, new RegExp(`^${literal(NAMES[lang].indicator)}, ${opening}$`));
      await page.screenshot({ path: join(SHOTS, `e2e-${lang}-indicator-${USERS}.png`), fullPage: true });

      const year = page.locator('select[name=year]');
      const options = (await year.locator('option').allTextContents()).map((t) => t.trim());
      const other = options.map(Number).find((y) => y !== opening && y < opening);
      expect(other, `a year other than ${opening} among ${options.join(', ')}`).toBeDefined();
      await year.selectOption(String(other));
      await Promise.all([page.waitForURL((url) => url.searchParams.get('year') === String(other)), page.locator('form.inline button[type=submit]').click()]);
      expect(new URL(page.url()).pathname).toBe(`/${lang}/indicators/${USERS}`);
      expect(await mapTitle.textContent()).toBe(`${NAMES[lang].indicator}, ${other}`);
      expect(await page.locator('select[name=year] option:checked').getAttribute('value')).toBe(String(other));
      await checkFigures(page, lang, new RegExp(`^${literal(NAMES[lang].indicator)}, ${other}$`));
      await page.screenshot({ path: join(SHOTS, `e2e-${lang}-indicator-${USERS}-${other}.png`), fullPage: true });
      await page.close();
    });

    it(`${lang}: the moratorium page shows its results, chart, source and downloads, and its form changes the tariff measure`, async () => {
      const page = await open(`/${lang}/moratorium`);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(messages(lang).moratorium.title);
      const results = page.locator('table#results');
      expect(await results.isVisible()).toBe(true);
      const revenue2022 = () => results.locator('tbody tr').nth(1).locator('td').first().textContent();
      expect(await revenue2022()).toBe(MORATORIUM_EXPECTED.mfn[2022].toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR'));

      const chart = page.locator('figure#results-chart svg[role=img]');
      expect(await chart.count()).toBe(1);
      expect(await page.locator('figure#design-chart svg[role=img]').count()).toBe(1);
      expect(await chart.isVisible()).toBe(true);
      expect((await chart.boundingBox())?.width ?? 0).toBeGreaterThan(300);
      const source = page.locator('p.source').first();
      expect(await source.isVisible()).toBe(true);
      expect(await source.textContent()).toMatch(new RegExp(`^${NAMES[lang].source}s?(?: |\u00a0)?:`));
      expect(await source.locator(`a[href^="/${lang}/sources#v"]`).count()).toBeGreaterThanOrEqual(1);
      const downloads = page.locator('p.downloads a');
      expect(await downloads.count()).toBe(5);
      expect(await page.locator('p.downloads a[href*="format=xlsx"]').count()).toBe(1);
      await page.screenshot({ path: join(SHOTS, `e2e-${lang}-moratorium.png`), fullPage: true });

      await page.locator('select[name=tariff]').selectOption('bound');
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('tariff') === 'bound'),
        page.locator('form.estimate:not(.design) button[type=submit]').click(),
      ]);
      expect(new URL(page.url()).pathname).toBe(`/${lang}/moratorium`);
      expect(await page.locator('select[name=tariff] option:checked').getAttribute('value')).toBe('bound');
      expect(await revenue2022()).toBe(MORATORIUM_EXPECTED.bound[2022].toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR'));
      expect(await page.locator('p.downloads a[href*="tariff=bound"]').count()).toBe(5);
      await page.close();
    });
  }
});

function literal(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
