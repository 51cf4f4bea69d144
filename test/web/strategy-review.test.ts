/**
 * Strategy measures kept current by the countries, on both engines: an editor proposes a status change of a
 * measure of a strategy covering its country, a curator accepts it, the share moves on the page; every step
 * is audited, a stale version gets a 409 with the current history, another country's editor gets a 403 and
 * a bad change names its field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/adapters/storage/store.ts';
import type { Account } from '../../src/domain/accounts.ts';
import { AuthService } from '../../src/app/services/auth.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { createApp } from '../../src/app/web/server.ts';
import { ENGINES } from '../support/engines.ts';
import { seed, TODAY } from './api/fixture.ts';
import { importStrategies } from './api/strategy-measures-fixture.ts';

const PASSWORD = 'a long enough passphrase';

interface Client {
  cookie: string;
  csrf: string;
}

function cookieOf(res: Response, name: string): string | null {
  for (const c of res.headers.getSetCookie()) if (c.startsWith(`${name}=`)) return c;
  return null;
}

async function signIn(app: Hono, email: string): Promise<Client> {
  const page = await app.request('/en/login');
  const login = cookieOf(page, 'obs_login')?.split(';')[0] ?? '';
  const token = /name="login" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await app.request('/en/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: login },
    body: new URLSearchParams({ login: token, email, password: PASSWORD }).toString(),
  });
  const cookie = (cookieOf(res, 'obs_session') ?? '').split(';')[0] ?? '';
  const home = await app.request(res.headers.get('location') ?? '/en/edit', { headers: { cookie } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await home.text())?.[1] ?? '';
  return { cookie, csrf };
}

function api(app: Hono, method: string, path: string, client: Client, body?: unknown): Promise<Response> {
  return Promise.resolve(
    app.request(`/api/v1${path}`, {
      method,
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
}

const change = (iso3: string, key: string, baseVersion: number, payload: Record<string, string>) => ({ kind: 'strategy-measure', iso3, key, baseVersion, why: 'reported by the national committee', payload });

describe.each(ENGINES)('strategy measure proposals on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: Hono;
  let folder: string;
  let fiji: Client;
  let kenya: Client;
  let curator: Client;
  let curatorAccount: Account;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    await seed(store);
    folder = mkdtempSync(join(tmpdir(), 'observatory-measure-review-'));
    await importStrategies(store, folder);
    const obs = new Observatory(store, { today: () => TODAY, versionCheckMs: 0 });
    const auth = new AuthService(store.registry);
    app = createApp({ obs, auth });
    const make = (email: string, role: Account['role'], countries: string[]) => auth.createAccount({ email, name: email, role, countries, password: PASSWORD }, null, 'test setup');
    [, , curatorAccount] = await Promise.all([make('editor@fj.example', 'editor', ['FJI']), make('editor@ke.example', 'editor', ['KEN']), make('curator@example.org', 'curator', [])]);
    fiji = await signIn(app, 'editor@fj.example');
    kenya = await signIn(app, 'editor@ke.example');
    curator = await signIn(app, 'curator@example.org');
  }, 60_000);
  afterAll(async () => {
    await dispose?.();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lets a country editor propose, a curator accept, and moves the share on the page; audited', async () => {
    const before = await (await app.request('/en/strategies/fji-ecom?date=2026-06-30')).text();
    expect(before).toMatch(/Measures<\/th><td class="num">3<\/td><td class="num">33\.3% \(1\)<\/td>/);
    const proposed = await api(app, 'POST', '/proposals', fiji, change('FJI', 'fji-ecom/1.4', 0, { status: 'under implementation', date: '2026-05-01', source: 'Committee, 3rd meeting' }));
    expect(proposed.status).toBe(201);
    const id = ((await proposed.json()) as any).proposal.id;
    // Invisible to readers until accepted.
    expect(await (await app.request('/en/strategies/fji-ecom?date=2026-06-30')).text()).toMatch(/33\.3% \(1\)/);
    const queue = await (await app.request('/en/review', { headers: { cookie: curator.cookie } })).text();
    expect(queue).toContain('Measure fji-ecom/1.4');
    expect(queue).toContain('2026-05-01: under implementation (Committee, 3rd meeting)');
    const accepted = await api(app, 'POST', `/proposals/${id}/accept`, curator, {});
    expect(accepted.status).toBe(200);
    const after = await (await app.request('/en/strategies/fji-ecom?date=2026-06-30')).text();
    expect(after).toMatch(/Measures<\/th><td class="num">3<\/td><td class="num">66\.7% \(2\)<\/td>/);
    expect(after).toContain('2026-05-01: under implementation (Committee, 3rd meeting)');
    const audit = await store.registry.auditLog({ entity: 'strategy-measure' });
    expect(audit[0]).toMatchObject({ actor: curatorAccount.id, action: 'accept', entityId: 'FJI/fji-ecom/1.4', why: 'reported by the national committee' });
    expect((audit[0]?.after as any).history.at(-1)).toEqual({ status: 'under-implementation', date: '2026-05-01', source: 'Committee, 3rd meeting' });
  });

  it('answers a stale version with a 409 carrying the current history', async () => {
    const res = await api(app, 'POST', '/proposals', fiji, change('FJI', 'fji-ecom/1.4', 0, { status: 'completed', date: '2026-06-01', source: 'Committee' }));
    expect(res.status).toBe(409);
    const body: any = await res.json();
    expect(body.error.currentVersion).toBe(1);
    expect(body.error.current.history.map((h: any) => h.status)).toEqual(['not-started', 'under-implementation']);
  });

  it('confines editors to the measures of their country and checks each field', async () => {
    expect((await api(app, 'POST', '/proposals', kenya, change('FJI', 'fji-ecom/1.4', 1, { status: 'completed', date: '2026-06-01', source: 'x' }))).status).toBe(403);
    const notCovered = await api(app, 'POST', '/proposals', kenya, change('KEN', 'fji-ecom/1.4', 0, { status: 'completed', date: '2026-06-01', source: 'x' }));
    expect([notCovered.status, ((await notCovered.json()) as any).error.parameter]).toEqual([400, 'iso3']);
    for (const [payload, field] of [
      [{ status: 'finished', date: '2026-06-01', source: 'x' }, 'status'],
      [{ status: 'completed', date: '2099-01-01', source: 'x' }, 'date'],
      [{ status: 'completed', date: '2026-05-01', source: 'x' }, 'date'],
      [{ status: 'completed', date: '2026-06-01', source: '' }, 'source'],
    ] as const) {
      const res = await api(app, 'POST', '/proposals', fiji, change('FJI', 'fji-ecom/1.4', 1, payload));
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(((await res.json()) as any).error.parameter).toBe(field);
    }
    expect((await api(app, 'POST', '/proposals', fiji, change('FJI', 'fji-ecom/9.9', 0, { status: 'completed', date: '2026-06-01', source: 'x' }))).status).toBe(404);
  });

  it('walks the same through the pages: the link on the strategy page, the form, the review queue', async () => {
    const page = await (await app.request('/en/strategies/fji-ecom?date=2026-06-30', { headers: { cookie: fiji.cookie } })).text();
    expect(page).toContain('href="/en/edit/strategies/FJI/fji-ecom/1.2"');
    const form = await app.request('/en/edit/strategies/FJI/fji-ecom/1.2', { headers: { cookie: fiji.cookie } });
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('name="baseVersion" value="0"');
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const send = (fields: Record<string, string>) =>
      app.request('/en/edit/strategies/FJI/fji-ecom/1.2', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: fiji.cookie }, body: new URLSearchParams({ csrf, ...fields }).toString() });
    const bad = await send({ baseVersion: '0', status: 'completed', date: '2099-01-01', source: 'Report', why: 'done' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('the status date 2099-01-01 is in the future');
    const sent = await send({ baseVersion: '0', status: 'completed', date: '2026-06-01', source: 'Committee, 4th meeting', why: 'the act was adopted' });
    expect(sent.status).toBe(303);
    const queue = await (await app.request('/en/review', { headers: { cookie: curator.cookie } })).text();
    const id = /action="\/en\/review\/(\d+)\/accept"/.exec(queue)?.[1];
    expect(id).toBeDefined();
    const accept = await app.request(`/en/review/${id}/accept`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: curator.cookie, origin: 'http://localhost' }, body: new URLSearchParams({ csrf: curator.csrf }).toString() });
    expect(accept.status).toBe(303);
    const after = await (await app.request('/en/strategies/fji-ecom?date=2026-06-30')).text();
    expect(after).toMatch(/Measures<\/th><td class="num">3<\/td><td class="num">33\.3% \(1\)<\/td><td class="num">66\.7% \(2\)<\/td>/);
    const stale = await send({ baseVersion: '0', status: 'dropped', date: '2026-06-15', source: 'x', why: 'y' });
    expect(stale.status).toBe(409);
  });
});
