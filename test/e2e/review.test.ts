/**
 * The review workflow in a real browser, in French, with JavaScript turned off: an editor signs in,
 * proposes a cyberlaw status for its country and signs out; a curator signs in and accepts it; readers
 * then see it. The real HTTP server over the fixture store, Debian's headless Chromium via playwright-core.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../../src/app/services/auth.ts';
import { launchChromium, serveOnLoopback, SHOTS } from '../support/browser.ts';
import { buildObservatoryFixture, type ObservatoryFixture } from '../support/observatory-fixture.ts';

const PASSWORD = 'une phrase de passe assez longue';

let fx: ObservatoryFixture;
let server: { base: string; close: () => Promise<void> };
let base: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  fx = await buildObservatoryFixture();
  const auth = new AuthService(fx.store.registry);
  await auth.createAccount({ email: 'redacteur@ng.example', name: 'Rédactrice Nigéria', role: 'editor', countries: ['NGA'], password: PASSWORD }, null, 'test setup');
  await auth.createAccount({ email: 'curateur@secretariat.example', name: 'Curateur OEACP', role: 'curator', countries: [], password: PASSWORD }, null, 'test setup');
  server = await serveOnLoopback(fx.app);
  base = server.base;
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  context.setDefaultTimeout(10_000);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await fx?.dispose();
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/fr/login`);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function readerStatus(area: string): Promise<{ status: string; laws: { title: string }[] } | undefined> {
  const res = await fetch(`${base}/api/v1/cyberlaw/countries/NGA`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { areas: { area: string; status: string; laws: { title: string }[] }[] };
  return body.areas.find((a) => a.area === area);
}

describe('proposing and accepting a change, in French, without JavaScript', () => {
  it('walks an editor through a proposal and a curator through its acceptance', async () => {
    const page = await context.newPage();
    expect((await readerStatus('data-protection'))?.status).toBe('no-data');

    await signIn(page, 'redacteur@ng.example');
    expect(new URL(page.url()).pathname).toBe('/fr/edit');
    expect(await page.locator('h1').textContent()).toBe('Vos fiches');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('script').count()).toBe(0);

    const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Protection des données et de la vie privée' }) });
    await row.getByRole('link', { name: 'Proposer une modification' }).click();
    expect(new URL(page.url()).pathname).toBe('/fr/edit/cyberlaw/NGA/data-protection');
    await page.getByRole('combobox', { name: /^Statut/ }).selectOption('legislation');
    await page.getByLabel('Statut à la date du').fill('2025-03-01');
    await page.getByLabel(/^Source/).fill('Journal officiel du Nigéria');
    const law = page.getByRole('group', { name: 'Loi 1' });
    await law.getByLabel('Titre').fill('Nigeria Data Protection Act');
    await law.getByLabel('Année').fill('2023');
    await law.getByLabel(/^Lien/).fill('https://example.org/ndpa-2023');
    await page.getByLabel(/^Motif de la modification/).fill('Loi promulguée le 12 juin 2023');
    await page.screenshot({ path: join(SHOTS, 'review-fr-proposal-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Envoyer pour examen' }).click();
    expect(new URL(page.url()).pathname).toBe('/fr/edit');
    expect(await page.getByRole('status').textContent()).toContain('Votre proposition a été envoyée pour examen.');
    expect(await page.locator('table.proposals').textContent()).toContain('en attente d’examen');

    // Until a curator accepts it, readers see the entry as it was.
    expect((await readerStatus('data-protection'))?.status).toBe('no-data');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    expect(new URL(page.url()).pathname).toBe('/fr/');
    expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    expect((await context.cookies()).some((c) => c.name === 'obs_session')).toBe(false);

    await signIn(page, 'curateur@secretariat.example');
    expect(new URL(page.url()).pathname).toBe('/fr/review');
    expect(await page.locator('h1').textContent()).toBe('Propositions à examiner');
    const proposal = page.locator('article.proposal');
    expect(await proposal.count()).toBe(1);
    expect(await proposal.locator('blockquote').textContent()).toBe('Loi promulguée le 12 juin 2023');
    expect(await proposal.locator('.compare section').nth(0).textContent()).toContain('Pas encore de fiche');
    expect(await proposal.locator('.compare section').nth(1).textContent()).toContain('Nigeria Data Protection Act');
    await page.screenshot({ path: join(SHOTS, 'review-fr-queue.png'), fullPage: true });
    await proposal.getByRole('button', { name: 'Accepter et publier' }).click();
    expect(new URL(page.url()).pathname).toBe('/fr/review');
    expect(await page.getByRole('status').textContent()).toContain('Acceptée et publiée.');
    expect(await page.locator('article.proposal').count()).toBe(0);

    expect(await readerStatus('data-protection')).toMatchObject({ status: 'legislation', laws: [{ title: 'Nigeria Data Protection Act' }] });
    await page.close();
  }, 120_000);
});
