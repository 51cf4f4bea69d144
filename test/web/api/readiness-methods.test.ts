/**
 * User-defined readiness methods over HTTP on both engines: a signed-in account defines a method (two
 * components with goalposts), the index is computed with it (JSON, CSV, page in English and French), a second
 * version re-weights it while the first stays readable with ?version=1; a stale base gets a 409 with the current
 * definition; a bad field or an unknown indicator is refused naming the field, and nothing is stored.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { AuthService } from '../../../src/app/services/auth.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { parseCsv } from '../../support/csv.ts';
import { ENGINES } from '../../support/engines.ts';
import { seed, TODAY } from './fixture.ts';
import { schemaErrors } from './schema-check.ts';

const PASSWORD = 'a long enough passphrase';

interface Client {
  cookie: string;
  csrf: string;
}

function cookieOf(res: Response, name: string): string | null {
  for (const c of res.headers.getSetCookie()) if (c.startsWith(`${name}=`)) return c;
  return null;
}

/** Signs in through the form, as a browser does, and reads the CSRF token of the signed-in pages. */
async function signIn(app: Hono, email: string): Promise<Client> {
  const page = await app.request('/en/login');
  const login = cookieOf(page, 'obs_login')?.split(';')[0] ?? '';
  const token = /name="login" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await app.request('/en/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: login },
    body: new URLSearchParams({ login: token, email, password: PASSWORD }).toString(),
  });
  const cookie = cookieOf(res, 'obs_session')?.split(';')[0] ?? '';
  const home = await app.request(res.headers.get('location') ?? '/en/edit', { headers: { cookie } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await home.text())?.[1] ?? '';
  return { cookie, csrf };
}

/** Internet use (goalposts 0-100) and secure servers (goalposts 0-100, so the rich are clamped at 100), both of 2020. */
const connect = (weights: [number, number], missing: string, baseVersion?: number) => ({
  id: 'connect',
  name: 'Connectivity',
  description: 'Internet use and secure servers',
  missing,
  components: [
    { id: 'internet', indicator: 'IT.NET.USER.ZS', name: 'Internet use', year: { kind: 'latest', window: 1, lag: 0 }, normalisation: { kind: 'goalposts', low: 0, high: 100 }, weight: weights[0] },
    { id: 'servers', indicator: 'IT.NET.SECR.P6', name: 'Servers per million', year: { kind: 'fixed', year: 2020 }, normalisation: { kind: 'goalposts', low: 0, high: 100 }, weight: weights[1] },
  ],
  ...(baseVersion === undefined ? {} : { baseVersion }),
});

for (const engine of ENGINES) {
  describe(`user-defined readiness methods over HTTP on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let client: Client;
    let curator: Client;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      const obs = new Observatory(store, { today: () => TODAY, versionCheckMs: 0 });
      const auth = new AuthService(store.registry);
      await auth.createAccount({ email: 'analyst@example.org', name: 'Ana Lyst', role: 'editor', countries: ['KEN'], password: PASSWORD }, null, 'test setup');
      await auth.createAccount({ email: 'curator@example.org', name: 'Cura Tor', role: 'curator', countries: [], password: PASSWORD }, null, 'test setup');
      app = createApp({ obs, auth });
      client = await signIn(app, 'analyst@example.org');
      curator = await signIn(app, 'curator@example.org');
    }, 60_000);
    afterAll(() => dispose?.());

    const post = (body: unknown, who: Client | null = client) =>
      app.request('/api/v1/readiness/methods', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}) },
        body: JSON.stringify(body),
      });
    const json = async (path: string): Promise<any> => {
      const res = await app.request(`/api/v1${path}`);
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
      return res.json();
    };
    const scores = (body: any) => Object.fromEntries(body.rows.map((r: any) => [r.iso3, r.score]));

    it('refuses a method from someone not signed in', async () => {
      expect((await post(connect([2, 1], 'drop'), null)).status).toBe(401);
      expect(await store.readinessMethods()).toEqual([]);
    });

    it('stores a method, lists it beside the built-in one and computes it', async () => {
      const res = await post({ ...connect([2, 1], 'drop'), note: 'internet counts twice' });
      expect(res.status, await res.clone().text()).toBe(201);
      expect(res.headers.get('location')).toBe('/api/v1/readiness/connect?version=1');
      const saved = (await res.json()) as any;
      expect(saved.method).toMatchObject({ id: 'connect', version: '1', builtIn: false, versions: [1], author: 'Ana Lyst', note: 'internet counts twice' });

      expect(schemaErrors(saved, { $ref: '#/components/schemas/ReadinessMethodSaved' })).toEqual([]);
      const list = await json('/readiness/methods');
      expect(schemaErrors(list, { $ref: '#/components/schemas/ReadinessMethodVersions' })).toEqual([]);
      expect(schemaErrors(await json('/readiness'), { $ref: '#/components/schemas/ReadinessMethods' })).toEqual([]);
      expect(list.methods.map((m: any) => [m.id, m.builtIn, m.version])).toEqual([
        ['unctad-b2c', true, '2020.1'],
        ['connect', false, '1'],
      ]);
      expect(list.methods[1].versions).toEqual([expect.objectContaining({ version: 1, author: 'Ana Lyst', note: 'internet counts twice' })]);
      expect((await json('/readiness')).methods.map((m: any) => m.id)).toEqual(['unctad-b2c', 'connect']);

      const body = await json('/readiness/connect?year=2020');
      expect(schemaErrors(body, { $ref: '#/components/schemas/ReadinessIndex' })).toEqual([]);
      expect(body.method).toMatchObject({ id: 'connect', version: '1', author: 'Ana Lyst' });
      expect(body.reproduction).toBeNull();
      // (2 × internet + servers clamped to 0-100) / 3
      const s = scores(body);
      expect(s.USA).toBeCloseTo((2 * 90 + 100) / 3, 2);
      expect(s.NGA).toBeCloseTo((2 * 35 + 12.5) / 3, 2);
      expect(s.KEN).toBeCloseTo((2 * 30 + 40) / 3, 2);
      expect(body.rows.find((r: any) => r.iso3 === 'USA').rank).toBe(1);
      // No secure-server value: dropped by this version's rule.
      expect(body.rows.find((r: any) => r.iso3 === 'TUV')).toBeUndefined();

      const csv = parseCsv(await (await app.request('/api/v1/readiness/connect?year=2020&format=csv')).text());
      const header = csv[0]!;
      const usa = csv.find((r) => r[0] === 'USA')!;
      expect([usa[header.indexOf('method')], usa[header.indexOf('version')], usa[header.indexOf('author')]]).toEqual(['connect', '1', 'Ana Lyst']);
    });

    it('stores the next version on the latest base, keeping the first readable', async () => {
      const res = await post(connect([1, 1], 'reweight', 1));
      expect(res.status, await res.clone().text()).toBe(201);
      expect(((await res.json()) as any).method).toMatchObject({ version: '2', versions: [1, 2] });
      const latest = await json('/readiness/connect?year=2020');
      expect(latest.method.version).toBe('2');
      expect(scores(latest).NGA).toBeCloseTo((35 + 12.5) / 2, 2);
      expect(latest.rows.find((r: any) => r.iso3 === 'TUV')).toMatchObject({ score: 40, treatment: 'reweighted' });
      const first = await json('/readiness/connect?year=2020&version=1');
      expect(first.method).toMatchObject({ version: '1', versions: [1, 2], missing: 'drop' });
      expect(scores(first).NGA).toBeCloseTo((2 * 35 + 12.5) / 3, 2);
      const bad = await app.request('/api/v1/readiness/connect?version=9');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as any).error).toMatchObject({ parameter: 'version', message: expect.stringContaining('its versions are 1, 2') });
      expect((await app.request('/api/v1/readiness/unctad-b2c?version=1')).status).toBe(400);
    });

    it('refuses a stale base with the current definition, and a new method over a taken id', async () => {
      const stale = await post(connect([5, 1], 'drop', 1));
      expect(stale.status).toBe(409);
      const error = ((await stale.json()) as any).error;
      expect(error.currentVersion).toBe(2);
      expect(error.current.components[0].weight).toBe(1);
      expect((await post(connect([5, 1], 'drop'))).status).toBe(409);
      expect((await store.readinessMethods('connect')).map((v) => v.version)).toEqual([1, 2]);
      const log = await store.registry.auditLog({ entity: 'readiness-method' });
      expect(log.map((e) => [e.action, e.entityId, e.why])).toEqual([
        ['readiness-method.version', 'connect@2', null],
        ['readiness-method.create', 'connect@1', 'internet counts twice'],
      ]);
      const audit = await app.request('/api/v1/audit?entity=readiness-method', { headers: { cookie: curator.cookie } });
      expect(audit.status).toBe(200);
      expect(((await audit.json()) as any).entries.map((e: any) => [e.entityId, e.actor !== null])).toEqual([
        ['connect@2', true],
        ['connect@1', true],
      ]);
    });

    it('refuses a bad field or an unknown indicator naming the field, storing nothing', async () => {
      const before = await store.dataVersion();
      const doc: any = connect([2, 1], 'drop');
      doc.id = 'other';
      doc.components[1].weight = 'abc';
      const bad = await post(doc);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as any).error).toMatchObject({ parameter: 'components[1].weight', message: 'request body, field "components[1].weight": "abc" is not a number' });
      doc.components[1].weight = 1;
      doc.components[1].indicator = 'NO.SUCH.CODE';
      const unknown = await post(doc);
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as any).error.parameter).toBe('components[1].indicator');
      expect((await post({ ...connect([1, 1], 'drop'), id: 'unctad-b2c' })).status).toBe(400);
      expect((await post({ ...connect([1, 1], 'drop'), id: 'methods' })).status).toBe(400);
      expect(await store.dataVersion()).toBe(before);
      expect((await store.readinessMethods()).map((v) => v.id)).toEqual(['connect', 'connect']);
    });

    it('shows the method, its version and author on the pages, in English and French', async () => {
      const index = await (await app.request('/en/readiness')).text();
      expect(index).toContain('User-defined methods');
      expect(index).toMatch(/<a href="\/en\/readiness\/connect">Connectivity<\/a><\/th>\s*<td class="num">2<\/td>\s*<td>Ana Lyst<\/td>/);
      const page = await app.request('/en/readiness/connect?year=2020&version=1');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Connectivity 2020');
      expect(html).toContain('User-defined method, version 1, by Ana Lyst');
      expect(html).toContain('Note of this version: internet counts twice');
      expect(html).toContain('href="/en/readiness/connect?version=2&amp;year=2020"');
      expect(html).toContain('Defining a method');
      expect(html).not.toContain('Why it differs');
      const fr = await (await app.request('/fr/readiness/connect?year=2020')).text();
      expect(fr).toContain('Méthode définie par un utilisateur, version 2, par Ana Lyst');
      expect(fr).toContain('Définir une méthode');
      const latest = await (await app.request('/en/readiness/connect?year=2020')).text();
      expect(latest).toContain('re-weighted: Servers per million (no value in the years read)');
      expect(latest).not.toContain('Published score');
      expect(latest).not.toContain('No published edition');
      expect((await app.request('/en/readiness/connect?version=7')).status).toBe(404);
      expect((await app.request('/en/readiness/nope')).status).toBe(404);
    });
  });
}
