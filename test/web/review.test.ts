/**
 * The write side over HTTP, in-process (app.request), on both engines: sign-in and sessions, CSRF and
 * cross-site refusals, editors confined to their countries, proposals invisible to readers until a curator
 * accepts them, the audit log of every write, stale versions answered with the current record, and twenty
 * editors proposing on one record at once.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/adapters/storage/store.ts';
import type { Account } from '../../src/domain/accounts.ts';
import type { Country } from '../../src/domain/country.ts';
import { AuthService } from '../../src/app/services/auth.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { createApp } from '../../src/app/web/server.ts';
import { ENGINES } from '../support/engines.ts';

const TODAY = '2026-06-30';
const PASSWORD = 'a long enough passphrase';
const country = (iso3: string, en: string, fr: string): Country => ({ iso3, iso2: null, m49: null, names: { en, fr }, region: null, subregion: null, intermediateRegion: null });

/** A signed-in browser, as far as the server can tell: its session cookie and the CSRF token of its pages. */
interface Client {
  cookie: string;
  csrf: string;
}

const cyberlawChange = (iso3: string, baseVersion = 0, area = 'data-protection') => ({
  kind: 'cyberlaw',
  iso3,
  key: area,
  baseVersion,
  why: 'the act was adopted',
  payload: { status: 'legislation', asOf: '2026-05-01', source: 'Nepal Gazette', laws: [{ title: 'Individual Privacy Act', year: 2018, url: 'https://example.org/act' }] },
});

function cookieOf(res: Response, name: string): string | null {
  for (const c of res.headers.getSetCookie()) if (c.startsWith(`${name}=`)) return c;
  return null;
}

async function fillStore(store: Store): Promise<void> {
  await store.importVintage(
    { dataset: 'countries', source: 'test', format: 'test', fileName: null, sha256: 'c', licence: null, sourceUrl: null, publishedAt: null, note: null },
    async (w) => {
      await w.upsertCountries([country('NPL', 'Nepal', 'Népal'), country('FJI', 'Fiji', 'Fidji'), country('BTN', 'Bhutan', 'Bhoutan')]);
    },
  );
}

/** Signs in through the form, as a browser does: the form's own token and cookie, then the session cookie. */
async function signIn(app: Hono, email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<{ res: Response; client: Client | null }> {
  const page = await app.request('/en/login', { headers });
  const login = cookieOf(page, 'obs_login')?.split(';')[0] ?? '';
  const token = /name="login" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await app.request('/en/login', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: login },
    body: new URLSearchParams({ login: token, email, password }).toString(),
  });
  const session = cookieOf(res, 'obs_session');
  if (res.status !== 303 || !session) return { res, client: null };
  const cookie = session.split(';')[0] ?? '';
  const home = await app.request(res.headers.get('location') ?? '/en/edit', { headers: { cookie } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await home.text())?.[1] ?? '';
  return { res, client: { cookie, csrf } };
}

function post(app: Hono, path: string, fields: Record<string, string>, client: Client | null, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(client ? { cookie: client.cookie } : {}), ...headers },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

function api(app: Hono, method: string, path: string, client: Client | null, body?: unknown, csrf = client?.csrf): Promise<Response> {
  return Promise.resolve(
    app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(client ? { cookie: client.cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
}

const cyberlawForm = (csrf: string | undefined, baseVersion = '0'): Record<string, string> => ({
  ...(csrf !== undefined ? { csrf } : {}),
  baseVersion,
  status: 'legislation',
  asOf: '2026-05-01',
  source: 'Nepal Gazette',
  'law-title-0': 'Individual Privacy Act',
  'law-year-0': '2018',
  'law-url-0': 'https://example.org/act',
  why: 'the act was adopted',
});

describe.each(ENGINES)('the review workflow over HTTP on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: Hono;
  let clock = new Date('2026-06-30T08:00:00Z');
  let editor: Account;
  let editorFji: Account;
  let curator: Account;
  let admin: Account;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    await fillStore(store);
    const obs = new Observatory(store, { today: () => TODAY, versionCheckMs: 0 });
    const auth = new AuthService(store.registry, { now: () => clock });
    app = createApp({ obs, auth });
    const make = (email: string, role: Account['role'], countries: string[]) => auth.createAccount({ email, name: email.split('@')[0] ?? email, role, countries, password: PASSWORD }, null, 'test setup');
    [editor, editorFji, curator, admin] = await Promise.all([
      make('editor@np.example', 'editor', ['NPL']),
      make('editor@fj.example', 'editor', ['FJI']),
      make('curator@secretariat.example', 'curator', []),
      make('admin@secretariat.example', 'admin', []),
    ]);
  }, 60_000);
  afterAll(() => dispose?.());

  it('sets the session cookie HttpOnly, SameSite=Strict, for the session’s lifetime, and Secure behind HTTPS', async () => {
    const { res } = await signIn(app, editor.email);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/edit');
    const cookie = cookieOf(res, 'obs_session') ?? '';
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=28800/);
    expect(cookie).not.toMatch(/; Secure/);
    const https = await signIn(app, editor.email, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(cookieOf(https.res, 'obs_session')).toMatch(/; Secure/);
  });

  it('keeps signed-in answers out of the response cache, and shows the account in the header', async () => {
    const { client } = await signIn(app, editor.email);
    const anonymous = await app.request('/en/about');
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await anonymous.text()).toContain('href="/en/login"');
    const personal = await app.request('/en/about', { headers: { cookie: client?.cookie ?? '' } });
    expect(personal.headers.get('cache-control')).toBe('private, no-store');
    expect(personal.headers.get('etag')).toBeNull();
    const html = await personal.text();
    expect(html).toContain('<strong>editor</strong>');
    expect(html).toContain(`name="csrf" value="${client?.csrf}"`);
    // The anonymous page served after it is still the anonymous one.
    expect(await (await app.request('/en/about')).text()).not.toContain('<strong>editor</strong>');
    expect((await app.request('/en/edit', { headers: { cookie: client?.cookie ?? '' } })).headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses an editor another country’s entry, through the API and the form, and stores nothing', async () => {
    const { client } = await signIn(app, editor.email);
    const before = (await store.registry.proposals()).length;
    const auditBefore = (await store.registry.auditLog({ limit: 1000 })).length;
    const byApi = await api(app, 'POST', '/proposals', client, cyberlawChange('FJI'));
    expect(byApi.status).toBe(403);
    expect(((await byApi.json()) as { error: { message: string } }).error.message).toContain('NPL, not FJI');
    expect((await app.request('/en/edit/cyberlaw/FJI/data-protection', { headers: { cookie: client?.cookie ?? '' } })).status).toBe(403);
    const byForm = await post(app, '/en/edit/cyberlaw/FJI/data-protection', cyberlawForm(client?.csrf), client);
    expect(byForm.status).toBe(403);
    expect(await byForm.text()).toContain('NPL, not FJI');
    expect((await store.registry.proposals()).length).toBe(before);
    expect((await store.registry.auditLog({ limit: 1000 })).length).toBe(auditBefore);
  });

  it('refuses writes without the session’s CSRF token or from another site, and changes nothing', async () => {
    const { client } = await signIn(app, editor.email);
    const before = (await store.registry.proposals()).length;
    const path = '/en/edit/cyberlaw/NPL/cybercrime';
    expect((await post(app, path, cyberlawForm(undefined), client)).status).toBe(403);
    const wrong = await post(app, path, cyberlawForm('forged'), client);
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('security token');
    expect((await post(app, path, cyberlawForm(client?.csrf), client, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(app, path, cyberlawForm(client?.csrf), client, { referer: 'https://evil.example/page' })).status).toBe(403);
    expect((await post(app, path, cyberlawForm(client?.csrf), null)).status).toBe(403);
    expect((await api(app, 'POST', '/proposals', client, cyberlawChange('NPL'), '')).status).toBe(403);
    expect((await api(app, 'POST', '/proposals', client, cyberlawChange('NPL'), 'forged')).status).toBe(403);
    expect((await api(app, 'POST', '/proposals', null, cyberlawChange('NPL'))).status).toBe(401);
    // A sign-out without the token would let any site sign a reader out.
    expect((await post(app, '/en/logout', {}, client)).status).toBe(403);
    expect((await store.registry.proposals()).length).toBe(before);
    // The same form, from this site with the token, goes through.
    expect((await post(app, path, cyberlawForm(client?.csrf), client, { origin: 'http://localhost' })).status).toBe(303);
  });

  it('keeps a change invisible to readers until a curator accepts it, and logs every write', async () => {
    const reader = async () =>
      ((await (await app.request('/api/v1/cyberlaw/countries/NPL')).json()) as { areas: { area: string; status: string; laws: unknown[] }[] }).areas.find((a) => a.area === 'e-transactions');
    expect((await reader())?.status).toBe('no-data');
    const { client: ed } = await signIn(app, editor.email);
    const sent = await post(app, '/en/edit/cyberlaw/NPL/e-transactions', { ...cyberlawForm(ed?.csrf), why: 'the Electronic Transactions Act' }, ed);
    expect(sent.status).toBe(303);
    const id = Number(/sent=(\d+)/.exec(sent.headers.get('location') ?? '')?.[1]);
    expect((await reader())?.status).toBe('no-data');
    expect(await (await app.request('/en/edit', { headers: { cookie: ed?.cookie ?? '' } })).text()).toContain('waiting for review');

    // An editor does not review; a curator sees the change side by side with the record as it stands.
    expect((await post(app, `/en/review/${id}/accept`, { csrf: ed?.csrf ?? '' }, ed)).status).toBe(403);
    const { client: cu } = await signIn(app, curator.email);
    const queue = await (await app.request('/en/review', { headers: { cookie: cu?.cookie ?? '' } })).text();
    expect(queue).toContain(`id="p${id}"`);
    expect(queue).toContain('the Electronic Transactions Act');
    const accepted = await post(app, `/en/review/${id}/accept`, { csrf: cu?.csrf ?? '' }, cu);
    expect(accepted.status).toBe(303);
    expect(await reader()).toMatchObject({ status: 'legislation', laws: [{ title: 'Individual Privacy Act', year: 2018, url: 'https://example.org/act' }] });

    // A returned proposal changes nothing for readers and brings the curator's comment to the editor.
    const second = await api(app, 'POST', '/proposals', ed, { ...cyberlawChange('NPL', 1, 'e-transactions'), payload: { ...cyberlawChange('NPL').payload, status: 'draft', laws: [] } });
    expect(second.status).toBe(201);
    const secondId = ((await second.json()) as { proposal: { id: number } }).proposal.id;
    expect((await api(app, 'POST', `/proposals/${secondId}/return`, cu, {})).status).toBe(400);
    const returned = await api(app, 'POST', `/proposals/${secondId}/return`, cu, { comment: 'cite the gazette' });
    expect(returned.status).toBe(200);
    expect((await reader())?.status).toBe('legislation');
    expect(await (await app.request('/en/edit', { headers: { cookie: ed?.cookie ?? '' } })).text()).toContain('cite the gazette');

    const audit = await api(app, 'GET', '/audit?limit=1000', cu);
    expect(audit.status).toBe(200);
    const entries = ((await audit.json()) as { entries: { actor: number | null; action: string; entity: string; entityId: string; before: unknown; after: unknown; why: string | null; at: string }[] }).entries;
    const find = (action: string, entity: string, entityId: string) => entries.find((e) => e.action === action && e.entity === entity && e.entityId === entityId);
    for (const a of [editor, editorFji, curator, admin]) {
      expect(find('create', 'account', String(a.id))).toMatchObject({ actor: null, before: null, after: { email: a.email }, why: 'test setup' });
    }
    expect(JSON.stringify(entries)).not.toContain('scrypt$');
    expect(find('propose', 'proposal', String(id))).toMatchObject({ actor: editor.id, before: null, after: { iso3: 'NPL', key: 'e-transactions' }, why: 'the Electronic Transactions Act' });
    expect(find('accept', 'cyberlaw', 'NPL/e-transactions')).toMatchObject({ actor: curator.id, before: null, after: { status: 'legislation', version: 1 }, why: 'the Electronic Transactions Act' });
    expect(find('propose', 'proposal', String(secondId))).toMatchObject({ actor: editor.id });
    expect(find('return', 'proposal', String(secondId))).toMatchObject({ actor: curator.id, before: { status: 'pending' }, after: { status: 'returned', comment: 'cite the gazette' }, why: 'cite the gazette' });
    for (const e of entries) expect(Date.parse(e.at)).not.toBeNaN();
    // The log is for curators and administrators.
    expect((await api(app, 'GET', '/audit', ed)).status).toBe(403);
    expect((await api(app, 'GET', '/audit', null)).status).toBe(401);
    const page = await (await app.request('/en/review/audit', { headers: { cookie: cu?.cookie ?? '' } })).text();
    expect(page).toContain('the Electronic Transactions Act');
  });

  it('answers a stale version with a 409 and the current record, through the API and the form', async () => {
    const { client: ed } = await signIn(app, editor.email);
    const stale = await api(app, 'POST', '/proposals', ed, cyberlawChange('NPL', 0, 'e-transactions'));
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: unknown }).error).toMatchObject({ status: 409, currentVersion: 1, current: { iso3: 'NPL', area: 'e-transactions', status: 'legislation' } });
    const form = await post(app, '/en/edit/cyberlaw/NPL/e-transactions', cyberlawForm(ed?.csrf, '0'), ed);
    expect(form.status).toBe(409);
    const html = await form.text();
    expect(html).toContain('has changed since the form was opened');
    // The form starts again from the current record and its version.
    expect(html).toContain('name="baseVersion" value="1"');
    expect(html).toMatch(/<option value="legislation" selected/);
  });

  it('creates accounts on the admin page, in the audit log, and refuses it to others', async () => {
    const { client: ad } = await signIn(app, admin.email);
    expect(ad).not.toBeNull();
    const { client: ed } = await signIn(app, editor.email);
    const fields = { csrf: ad?.csrf ?? '', email: 'new@bt.example', name: 'New editor', role: 'editor', countries: 'btn', password: PASSWORD };
    expect((await post(app, '/en/admin/accounts', { ...fields, csrf: ed?.csrf ?? '' }, ed)).status).toBe(403);
    expect((await app.request('/en/admin/accounts', { headers: { cookie: ed?.cookie ?? '' } })).status).toBe(403);
    const short = await post(app, '/en/admin/accounts', { ...fields, password: 'short' }, ad);
    expect(short.status).toBe(400);
    const created = await post(app, '/en/admin/accounts', fields, ad);
    expect(created.status).toBe(303);
    const account = (await store.registry.accounts()).find((a) => a.email === 'new@bt.example');
    expect(account).toMatchObject({ role: 'editor', countries: ['BTN'] });
    expect(await store.registry.auditLog({ entity: 'account', entityId: String(account?.id) })).toMatchObject([{ action: 'create', actor: admin.id }]);
    expect((await signIn(app, 'new@bt.example')).client).not.toBeNull();
  });

  it('ends the session on sign-out, and treats an expired session as anonymous', async () => {
    const { client } = await signIn(app, editor.email);
    const out = await post(app, '/en/logout', { csrf: client?.csrf ?? '' }, client);
    expect(out.status).toBe(303);
    expect(cookieOf(out, 'obs_session')).toMatch(/Max-Age=0/);
    const after = await app.request('/en/edit', { headers: { cookie: client?.cookie ?? '' } });
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/en/login?next=%2Fen%2Fedit');
    expect((await api(app, 'GET', '/proposals', client)).status).toBe(401);

    const { client: later } = await signIn(app, editor.email);
    expect((await api(app, 'GET', '/proposals', later)).status).toBe(200);
    clock = new Date(clock.getTime() + 9 * 3_600_000);
    expect((await api(app, 'GET', '/proposals', later)).status).toBe(401);
    expect(await (await app.request('/en/about', { headers: { cookie: later?.cookie ?? '' } })).text()).toContain('href="/en/login"');
  });

  it('loses nothing when 20 editors propose on one record at once; of concurrent acceptances one wins, the others get 409 with the record', async () => {
    const auth = new AuthService(store.registry, { now: () => clock });
    const editors = await Promise.all(
      Array.from({ length: 20 }, (_, i) => auth.createAccount({ email: `e${i}@bt.example`, name: `Editor ${i}`, role: 'editor', countries: ['BTN'], password: PASSWORD }, null, 'test setup')),
    );
    const clients = await Promise.all(editors.map(async (e) => (await signIn(app, e.email)).client));
    const answers = await Promise.all(
      clients.map((client, i) => api(app, 'POST', '/proposals', client, { ...cyberlawChange('BTN', 0, 'cybercrime'), why: `editor ${i}`, payload: { ...cyberlawChange('BTN').payload, source: `source ${i}` } })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
    const stored = await store.registry.proposals({ iso3: 'BTN', status: 'pending' });
    expect(stored.map((p) => p.why).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `editor ${i}`).sort());

    const { client: cu } = await signIn(app, curator.email);
    const reviews = await Promise.all(stored.map((p) => api(app, 'POST', `/proposals/${p.id}/accept`, cu, {})));
    const statuses = reviews.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = (await reviews[statuses.indexOf(200)]?.json()) as { proposal: { id: number; payload: { entry: { source: string } } } };
    for (const r of reviews.filter((x) => x.status === 409)) {
      expect(((await r.json()) as { error: unknown }).error).toMatchObject({ currentVersion: 1, current: { iso3: 'BTN', area: 'cybercrime', source: winner.proposal.payload.entry.source } });
    }
    expect(await store.registry.proposals({ iso3: 'BTN', status: 'pending' })).toHaveLength(19);
    expect((await store.registry.cyberlawEntries({ iso3: 'BTN' })).filter((e) => e.area === 'cybercrime')).toHaveLength(1);
  }, 120_000);
});

describe('signing in', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: Hono;

  beforeAll(async () => {
    ({ store, dispose } = await ENGINES[0]!.open());
    await fillStore(store);
    const auth = new AuthService(store.registry, { maxFailures: 3 });
    app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }), auth });
    await auth.createAccount({ email: 'curator@secretariat.example', name: 'Curator', role: 'curator', countries: [], password: PASSWORD }, null, 'test setup');
  });
  afterAll(() => dispose?.());

  it('gives one message for an unknown address and a wrong password, and refuses a form without its token', async () => {
    const unknown = await signIn(app, 'nobody@example.org');
    const wrong = await signIn(app, 'curator@secretariat.example', 'not the passphrase');
    expect(unknown.res.status).toBe(401);
    expect(wrong.res.status).toBe(401);
    const message = (html: string) => /role="alert">([\s\S]*?)<\/p>/.exec(html)?.[1];
    expect(message(await unknown.res.text())).toBe(message(await wrong.res.text()));
    const noToken = await app.request('/en/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'curator@secretariat.example', password: PASSWORD }).toString(),
    });
    expect(noToken.status).toBe(403);
    expect(cookieOf(noToken, 'obs_session')).toBeNull();
  });

  it('answers 429 with the wait after too many failures, even with the right password', async () => {
    await signIn(app, 'curator@secretariat.example', 'wrong again');
    const limited = await signIn(app, 'curator@secretariat.example');
    expect(limited.res.status).toBe(429);
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.res.text()).toMatch(/Try again in \d+ minutes?/);
    expect(cookieOf(limited.res, 'obs_session')).toBeNull();
  });
});
