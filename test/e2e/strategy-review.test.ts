/**
 * A strategy measure kept current in a real browser, with JavaScript turned off: an editor for Fiji opens
 * the strategy's page, proposes that a measure is under implementation and signs out; a curator accepts it;
 * the share under implementation moves on the page. The real HTTP server over the fixture store on the
 * embedded engine, Debian's headless Chromium via playwright-core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { AuthService } from '../../src/app/services/auth.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { createApp } from '../../src/app/web/server.ts';
import { launchChromium, serveOnLoopback, SHOTS } from '../support/browser.ts';
import { seed, TODAY } from '../web/api/fixture.ts';
import { importStrategies } from '../web/api/strategy-measures-fixture.ts';

const PASSWORD = 'a long enough passphrase';

let store: Store;
let folder: string;
let server: { base: string; close: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  store = await openStore({ duckdbPath: ':memory:' });
  await seed(store);
  folder = mkdtempSync(join(tmpdir(), 'observatory-e2e-strategies-'));
  await importStrategies(store, folder);
  const auth = new AuthService(store.registry);
  await auth.createAccount({ email: 'editor@fj.example', name: 'Fiji editor', role: 'editor', countries: ['FJI'], password: PASSWORD }, null, 'test setup');
  await auth.createAccount({ email: 'curator@secretariat.example', name: 'Curator', role: 'curator', countries: [], password: PASSWORD }, null, 'test setup');
  server = await serveOnLoopback(createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }), auth }));
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await store?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.base}/en/login`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const underImplementation = async (page: Page) => (await page.locator('#shares tr', { has: page.getByRole('rowheader', { name: 'Measures', exact: true }) }).locator('td').nth(1).textContent())?.trim();

describe('a strategy measure proposed and accepted, without JavaScript', () => {
  it('moves the share under implementation on the strategy page', async () => {
    const page = await context.newPage();
    await page.goto(`${server.base}/en/strategies/fji-ecom?date=2026-06-30`);
    expect(await underImplementation(page)).toBe('33.3% (1)');

    await signIn(page, 'editor@fj.example');
    // Each visit asks a different address: the browser keeps the public pages it was given for a minute.
    await page.goto(`${server.base}/en/strategies/fji-ecom?date=2026-06-30&country=FJI`);
    await page.locator('#measure-1\\.4').getByRole('link', { name: 'Propose a change for FJI' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/edit/strategies/FJI/fji-ecom/1.4');
    await page.getByRole('combobox').selectOption('under-implementation');
    await page.getByLabel('Date', { exact: true }).fill('2026-05-01');
    await page.getByLabel('Source', { exact: true }).fill('National E-commerce Committee, 3rd meeting');
    await page.getByLabel(/^Why this change/).fill('The curriculum work started in May');
    await page.screenshot({ path: join(SHOTS, 'strategy-measure-proposal-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Send for review' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/edit');
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.goto(`${server.base}/en/strategies/fji-ecom?date=2026-06-29`);
    expect(await underImplementation(page)).toBe('33.3% (1)');

    await signIn(page, 'curator@secretariat.example');
    expect(new URL(page.url()).pathname).toBe('/en/review');
    const proposal = page.locator('article.proposal');
    expect(await proposal.count()).toBe(1);
    expect(await proposal.locator('.compare section').nth(1).textContent()).toContain('2026-05-01: under implementation (National E-commerce Committee, 3rd meeting)');
    await proposal.getByRole('button', { name: /^Accept/ }).click();
    expect(await page.locator('article.proposal').count()).toBe(0);

    await page.goto(`${server.base}/en/strategies/fji-ecom?date=2026-06-28`);
    expect(await underImplementation(page)).toBe('66.7% (2)');
    await page.screenshot({ path: join(SHOTS, 'strategy-after-acceptance.png'), fullPage: true });
    await page.close();
  }, 120_000);
});
