/**
 * Countries keep their eT Ready records current on both engines: an editor proposes a new status of a
 * recommendation of its country's action matrix, or of its assessment; nothing changes until a curator
 * accepts; the share moves; every step is audited; a proposal from a stale version is a 409; bad fields are
 * refused naming the field; an editor of another country is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { composeServices, type Services } from '../../../src/app/services/compose.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { AuthService } from '../../../src/app/services/auth.ts';
import { createApp } from '../../../src/app/web/server.ts';
import type { Account } from '../../../src/domain/accounts.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../../src/domain/errors.ts';
import { StaleVersionError } from '../../../src/domain/review.ts';
import { ENGINES } from '../../support/engines.ts';
import { seed, TODAY } from './fixture.ts';
import { MATRIX } from './etready-matrix-fixture.ts';

for (const engine of ENGINES) {
  describe(`eT Ready proposals on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let services: Services;
    let app: Hono;
    let folder: string;
    let editor: Account;
    let other: Account;
    let curator: Account;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      folder = mkdtempSync(join(tmpdir(), 'observatory-etready-proposals-'));
      writeFileSync(join(folder, 'matrix.csv'), MATRIX);
      await importFile(store, join(folder, 'matrix.csv'));
      services = composeServices(new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }));
      app = createApp(services);
      const r = store.registry;
      editor = await r.createAccount({ email: 'editor@ml.example', name: 'Editor', role: 'editor', countries: ['MLI'], passwordHash: 'h1' }, null, 'setup');
      other = await r.createAccount({ email: 'editor@ke.example', name: 'Other', role: 'editor', countries: ['KEN'], passwordHash: 'h2' }, null, 'setup');
      curator = await r.createAccount({ email: 'curator@unctad.example', name: 'Curator', role: 'curator', countries: [], passwordHash: 'h3' }, null, 'setup');
    });
    afterAll(async () => {
      await dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    const shares = async () => ((await (await app.request('/api/v1/etready/MLI')).json()) as any).overall;
    const propose = (account: Account, key: string, payload: object, baseVersion = 0) =>
      services.registry.propose(account, { kind: 'etready', iso3: 'MLI', key, baseVersion, why: 'reported at the 2026 review', payload }, 'request body');

    it('applies a recommendation’s new status only once a curator accepts it, and the share moves', async () => {
      expect(await shares()).toMatchObject({ counted: 3, completed: 2, underImplementation: 1, completedPct: 66.7 });
      const p = await propose(editor, 'recommendation:PAY-2', { status: 'completed', date: '2026-03', source: 'Steering committee, March 2026' });
      expect(await shares()).toMatchObject({ completed: 2 });
      await services.registry.accept(curator, p.id, 'checked');
      expect(await shares()).toMatchObject({ counted: 3, completed: 3, underImplementation: 0, completedPct: 100 });
      const mli = (await (await app.request('/api/v1/etready/MLI?date=2026-02-28')).json()) as any;
      expect(mli.overall).toMatchObject({ completed: 2 });
      const pay2 = mli.recommendations.find((r: any) => r.id === 'PAY-2');
      expect(pay2.history.at(-1)).toEqual({ status: 'completed', date: '2026-03', source: 'Steering committee, March 2026' });
      const log = await store.registry.auditLog();
      expect(log[0]).toMatchObject({ action: 'accept', actor: curator.id, entity: 'etready', entityId: 'MLI/recommendation:PAY-2', before: null, why: 'reported at the 2026 review' });
      expect(log[0]?.after).toMatchObject({ target: 'recommendation', id: 'PAY-2', status: 'completed', version: 1 });
    });

    it('refuses a proposal accepted over a newer version (409) with the current record', async () => {
      const a = await propose(editor, 'recommendation:LEG-1', { status: 'dropped', date: '2025-01', source: 'a' }, 0);
      const b = await propose(editor, 'recommendation:LEG-1', { status: 'under implementation', date: '2025-02', source: 'b' }, 0);
      await services.registry.accept(curator, a.id, null);
      const error = await services.registry.accept(curator, b.id, null).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StaleVersionError);
      expect((error as StaleVersionError).currentVersion).toBe(1);
      expect((error as StaleVersionError).current).toMatchObject({ status: 'dropped', source: 'a' });
    });

    it('records a new assessment status of the country, shown with the assessments', async () => {
      const p = await propose(editor, 'assessment', { status: 'requested', date: '2025-05-02', source: 'Letter of the Ministry of Trade' });
      await services.registry.accept(curator, p.id, null);
      const a = (await (await app.request('/api/v1/etready')).json()) as any;
      expect(a.countries.find((c: any) => c.iso3 === 'MLI')).toMatchObject({ status: 'requested', requested: '2025-05-02' });
      const r = (await (await app.request('/api/v1/etready/requests')).json()) as any;
      expect(r.waiting.find((w: any) => w.iso3 === 'MLI')).toMatchObject({ requested: '2025-05-02', days: 424, source: 'Letter of the Ministry of Trade' });
    });

    it('refuses bad fields naming them, an unknown recommendation, and another country’s editor', async () => {
      const cases: [string, object, string][] = [
        ['recommendation:PAY-1', { status: 'approved', date: '2025', source: 's' }, 'field "status"'],
        ['recommendation:PAY-1', { status: 'completed', date: '2999-01', source: 's' }, 'field "date": 2999-01 is in the future'],
        ['recommendation:PAY-1', { status: 'completed', date: '2025-13', source: 's' }, 'field "date"'],
        ['recommendation:PAY-1', { status: 'completed', date: '2025', source: '' }, 'field "source"'],
        ['recommendation:PAY-1', { status: 'completed', date: '2022-06', source: 's' }, 'already has a status on 2022-06'],
        ['assessment', { status: 'approved', date: '2025', source: 's' }, 'field "status"'],
        ['matrix', { status: 'completed', date: '2025', source: 's' }, 'field "key"'],
      ];
      for (const [key, payload, message] of cases) {
        const error = await propose(editor, key, payload).catch((e: unknown) => e);
        expect(error, key).toBeInstanceOf(InputError);
        expect((error as Error).message).toContain(message);
      }
      await expect(propose(editor, 'recommendation:NOPE', { status: 'completed', date: '2025', source: 's' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(propose(other, 'recommendation:PAY-1', { status: 'completed', date: '2025', source: 's' })).rejects.toBeInstanceOf(ForbiddenError);
    });
  });
}

const PASSWORD = 'a long enough passphrase';

/** Signs in through the form; returns the session cookie and the CSRF token of the pages. */
async function signIn(app: Hono, email: string): Promise<{ cookie: string; csrf: string }> {
  const page = await app.request('/en/login');
  const login = (page.headers.getSetCookie().find((c) => c.startsWith('obs_login=')) ?? '').split(';')[0] ?? '';
  const token = /name="login" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await app.request('/en/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: login },
    body: new URLSearchParams({ login: token, email, password: PASSWORD }).toString(),
  });
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('obs_session=')) ?? '').split(';')[0] ?? '';
  const home = await app.request(res.headers.get('location') ?? '/en/edit', { headers: { cookie } });
  return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(await home.text())?.[1] ?? '' };
}

describe.each(ENGINES)('eT Ready proposals over HTTP on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: Hono;
  let folder: string;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    await seed(store);
    folder = mkdtempSync(join(tmpdir(), 'observatory-etready-http-'));
    writeFileSync(join(folder, 'matrix.csv'), MATRIX);
    await importFile(store, join(folder, 'matrix.csv'));
    const obs = new Observatory(store, { today: () => TODAY, versionCheckMs: 0 });
    const auth = new AuthService(store.registry);
    app = createApp({ obs, auth });
    await auth.createAccount({ email: 'editor@tv.example', name: 'Editor', role: 'editor', countries: ['TUV'], password: PASSWORD }, null, 'setup');
    await auth.createAccount({ email: 'curator@unctad.example', name: 'Curator', role: 'curator', countries: [], password: PASSWORD }, null, 'setup');
  }, 60_000);
  afterAll(async () => {
    await dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const call = (path: string, who: { cookie: string; csrf: string }, body: unknown) =>
    app.request(`/api/v1${path}`, { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('takes an editor’s proposal, a curator’s acceptance, and refuses a stale one with a 409 and the current record', async () => {
    const editor = await signIn(app, 'editor@tv.example');
    const curator = await signIn(app, 'curator@unctad.example');
    const change = (baseVersion: number, status: string, date: string) => ({ kind: 'etready', iso3: 'TUV', key: 'recommendation:ICT-1', baseVersion, why: 'outer islands connected', payload: { status, date, source: 'Ministry report 2025' } });
    const first = await call('/proposals', editor, change(0, 'dropped', '2025-06'));
    expect(first.status, await first.clone().text()).toBe(201);
    const stale = await call('/proposals', editor, change(0, 'under implementation', '2025-07'));
    expect(stale.status).toBe(201);
    const id = ((await first.json()) as any).proposal.id;
    const queue = await (await app.request('/en/review', { headers: { cookie: curator.cookie } })).text();
    expect(queue).toContain('eT Ready: recommendation:ICT-1');
    expect(queue).toContain('ICT-1: dropped, 2025-06 (Ministry report 2025)');
    const accepted = await call(`/proposals/${id}/accept`, curator, {});
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    expect(((await accepted.json()) as any).current).toMatchObject({ version: 1, record: { status: 'dropped', date: '2025-06' } });
    const tuv = (await (await app.request('/api/v1/etready/TUV')).json()) as any;
    expect(tuv.overall).toMatchObject({ counted: 0, dropped: 1, completedPct: null });
    const conflict = await call(`/proposals/${((await stale.json()) as any).proposal.id}/accept`, curator, {});
    expect(conflict.status).toBe(409);
    // A new proposal from the stale version is refused at once; another country's record is not the editor's.
    expect((await call('/proposals', editor, change(0, 'completed', '2025-08'))).status).toBe(409);
    expect((await call('/proposals', editor, { ...change(1, 'completed', '2025-08'), iso3: 'MLI' })).status).toBe(403);
  });
});

describe.each(ENGINES)('the eT Ready edit form on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: Hono;
  let folder: string;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    await seed(store);
    folder = mkdtempSync(join(tmpdir(), 'observatory-etready-form-'));
    writeFileSync(join(folder, 'matrix.csv'), MATRIX);
    await importFile(store, join(folder, 'matrix.csv'));
    const auth = new AuthService(store.registry);
    app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }), auth });
    await auth.createAccount({ email: 'editor@ml.example', name: 'Editor', role: 'editor', countries: ['MLI'], password: PASSWORD }, null, 'setup');
  }, 60_000);
  afterAll(async () => {
    await dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('offers a form per record to the country’s editor, refuses a bad date, and sends a good change for review', async () => {
    const editor = await signIn(app, 'editor@ml.example');
    const page = await (await app.request('/en/etready/MLI', { headers: { cookie: editor.cookie } })).text();
    expect(page).toContain('href="/en/edit/etready/MLI"');
    expect(await (await app.request('/en/etready/MLI')).text()).not.toContain('/en/edit/etready/MLI');
    const form = await app.request('/en/edit/etready/MLI', { headers: { cookie: editor.cookie } });
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('value="recommendation:PAY-2"');
    expect(html).toContain('value="assessment"');
    const send = (fields: Record<string, string>) =>
      app.request('/en/edit/etready/MLI', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: editor.cookie, origin: 'http://localhost' },
        body: new URLSearchParams({ csrf: editor.csrf, key: 'recommendation:PAY-2', baseVersion: '0', status: 'completed', source: 'Review 2026', why: 'switch live', ...fields }).toString(),
      });
    const bad = await send({ date: '2031-01' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('2031-01 is in the future');
    const good = await send({ date: '2026-04' });
    expect(good.status).toBe(303);
    const pending = await store.registry.proposals({ status: 'pending' });
    expect(pending.map((p) => [p.kind, p.iso3, p.key])).toEqual([['etready', 'MLI', 'recommendation:PAY-2']]);
    expect(((await (await app.request('/en/edit/etready/KEN', { headers: { cookie: editor.cookie } })).status))).toBe(403);
  });
});
