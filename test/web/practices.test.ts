/**
 * The member-practice comparison tables on both engines, over answers proposed and accepted through the
 * HTTP API as editors and a curator do: the list of questionnaires, the compiled table of a group (accepted
 * answers only, "no answer" for the others, choice labels in the page's language, links, acceptance dates,
 * a summary per question) as pages in English and French and as JSON and CSV, the group filter, the 400s
 * and 404s; and an accepted VAT answer reaching the moratorium estimator's VAT registry.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/adapters/storage/store.ts';
import type { Account } from '../../src/domain/accounts.ts';
import { AuthService } from '../../src/app/services/auth.ts';
import { MoratoriumService } from '../../src/app/services/moratorium.ts';
import { Observatory } from '../../src/app/services/observatory.ts';
import { createApp } from '../../src/app/web/server.ts';
import { parseCsv } from '../support/csv.ts';
import { ENGINES } from '../support/engines.ts';
import { schemaErrors } from './api/schema-check.ts';
import { seed, TODAY } from './api/fixture.ts';
import { parseHtml, select, selectOne, text } from './pages/html.ts';

const PASSWORD = 'a long enough passphrase';

interface Client {
  cookie: string;
  csrf: string;
}

function cookieOf(res: Response, name: string): string | null {
  for (const c of res.headers.getSetCookie()) if (c.startsWith(`${name}=`)) return c;
  return null;
}

/** Signs in through the form as a browser does, and reads the session's CSRF token from a signed-in page. */
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
  expect(res.status, email).toBe(303);
  const home = await app.request('/en/edit', { headers: { cookie } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await home.text())?.[1] ?? '';
  return { cookie, csrf };
}

async function post(app: Hono, path: string, client: Client, body: unknown): Promise<any> {
  const res = await app.request(`/api/v1${path}`, {
    method: 'POST',
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return res.json();
}

const answer = (iso3: string, key: string, payload: Record<string, unknown>) => ({ kind: 'practice', iso3, key, baseVersion: 0, why: 'answered by the ministry', payload });

describe.each(ENGINES)('member-practice comparison tables on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: Hono;
  let obs: Observatory;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    await seed(store);
    obs = new Observatory(store, { today: () => TODAY, versionCheckMs: 0 });
    const auth = new AuthService(store.registry);
    app = createApp({ obs, auth });
    const make = (email: string, role: Account['role'], countries: string[]) => auth.createAccount({ email, name: email, role, countries, password: PASSWORD }, null, 'test setup');
    await make('acp@editors.example', 'editor', ['NGA', 'KEN', 'FJI', 'HTI', 'USA']);
    await make('curator@sec.example', 'curator', []);
    const editor = await signIn(app, 'acp@editors.example');
    const curator = await signIn(app, 'curator@sec.example');
    const accept = async (answered: { proposal: { id: number } }) => post(app, `/proposals/${answered.proposal.id}/accept`, curator, { comment: 'checked' });
    const vat = (iso3: string, payload: Record<string, unknown>) => post(app, '/proposals', editor, answer(iso3, 'digital-vat', payload));
    await accept(await vat('KEN', { rate: 17, start: '2021-01-01', 'collection-model': 'vendor-registration', 'legal-basis': 'https://kra.go.ke/vat-digital' }));
    await accept(await vat('NGA', { rate: 7.5, start: '2020-02-01', 'collection-model': 'vendor-registration' }));
    await accept(await vat('FJI', { rate: 15, start: '2022-01-01', 'collection-model': 'platform-liability', threshold: 100000 }));
    await accept(await vat('USA', { rate: 0, start: '2020-01-01' }));
    // Haiti's answer waits for review: readers must not see it.
    await vat('HTI', { rate: 10, start: '2024-10-01', 'collection-model': 'reverse-charge' });
    await accept(await post(app, '/proposals', editor, answer('FJI', 'carrier-media', { 'applies-1984-decision': 'yes', since: '1995-01-01' })));
  });
  afterAll(() => dispose());

  const get = (path: string) => app.request(path);
  const json = async (path: string): Promise<any> => {
    const res = await get(path);
    expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
    return res.json();
  };
  const html = async (path: string) => {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    return parseHtml(await res.text());
  };

  it('lists the questionnaires with their reference and how many countries answered', async () => {
    const body = await json('/api/v1/practices');
    expect(schemaErrors(body, { $ref: '#/components/schemas/PracticeList' })).toEqual([]);
    const by = Object.fromEntries(body.questionnaires.map((q: any) => [q.id, q]));
    expect(by['digital-vat']).toMatchObject({ version: 1, reference: 'WT/GC/W/833 §5.4, §6.3', questions: 6, answered: 4 });
    expect(by['carrier-media'].answered).toBe(1);
    expect(by['de-minimis'].answered).toBe(0);
    const csv = parseCsv(await (await get('/api/v1/practices?format=csv')).text());
    expect(csv[0]).toEqual(['questionnaire', 'version', 'title', 'reference', 'questions', 'countries_answered']);
    expect(csv.find((r) => r[0] === 'digital-vat')?.[5]).toBe('4');
  });

  it('compiles a group’s accepted answers, one row per member, with a summary per question', async () => {
    const body = await json('/api/v1/practices/digital-vat?group=acp');
    expect(schemaErrors(body, { $ref: '#/components/schemas/PracticeTable' })).toEqual([]);
    expect(body).toMatchObject({ group: { id: 'ACP' }, date: TODAY, members: 7, answered: 3 });
    expect(body.rows.map((r: any) => r.iso3).sort()).toEqual(['CIV', 'FJI', 'HTI', 'KEN', 'MLI', 'NGA', 'TUV']);
    const row = (iso3: string) => body.rows.find((r: any) => r.iso3 === iso3);
    expect(row('KEN')).toMatchObject({ answered: true, answers: { rate: 17, 'collection-model': 'vendor-registration', 'legal-basis': 'https://kra.go.ke/vat-digital', threshold: null } });
    expect(row('KEN').acceptedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The pending answer stays out until a curator accepts it.
    expect(row('HTI')).toMatchObject({ answered: false, answers: null, acceptedAt: null });
    const summary = Object.fromEntries(body.summary.map((s: any) => [s.question, s]));
    expect(summary.rate).toEqual({ question: 'rate', kind: 'number', answered: 3, min: 7.5, median: 15, max: 17 });
    expect(summary['collection-model'].counts).toEqual({ 'vendor-registration': 2, 'platform-liability': 1, 'reverse-charge': 0, 'payment-withholding': 0 });
    expect(summary.start).toMatchObject({ kind: 'date', answered: 3, earliest: '2020-02-01', latest: '2022-01-01' });
    expect(summary['legal-basis']).toEqual({ question: 'legal-basis', kind: 'link', answered: 1 });
  });

  it('filters by group: members outside it are left out, and the world has every country', async () => {
    const ldc = await json('/api/v1/practices/digital-vat?group=LDC');
    expect(ldc.rows.map((r: any) => [r.iso3, r.answered])).toEqual([
      ['HTI', false],
      ['MLI', false],
      ['TUV', false],
    ]);
    expect(ldc.summary.find((s: any) => s.question === 'rate')).toMatchObject({ answered: 0, min: null, median: null, max: null });
    const world = await json('/api/v1/practices/digital-vat');
    expect(world.group.id).toBe('WLD');
    expect(world.answered).toBe(4);
    expect(world.rows.find((r: any) => r.iso3 === 'USA')).toMatchObject({ answered: true, answers: { rate: 0 } });
  });

  it('answers CSV with one row per member and one column per question', async () => {
    const res = await get('/api/v1/practices/digital-vat?group=ACP&format=csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(`ACP_digital-vat_v1_${TODAY}.csv`);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual(['group', 'questionnaire', 'questionnaire_version', 'iso3', 'name', 'answered', 'accepted_at', 'rate', 'start', 'threshold', 'collection-model', 'revenue-collected', 'legal-basis']);
    expect(rows).toHaveLength(7);
    const fji = rows.find((r) => r[3] === 'FJI');
    expect(fji?.slice(5, 11)).toEqual(['true', expect.stringMatching(/^\d{4}-/), '15', '2022-01-01', '100000', 'platform-liability']);
    const civ = rows.find((r) => r[3] === 'CIV');
    expect(civ?.[4]).toBe('Côte d’Ivoire, "Ivory Coast"');
    expect(civ?.slice(5)).toEqual(['false', '', '', '', '', '', '', '']);
  });

  it('names the parameter in its 400s and 404s', async () => {
    const error = async (path: string, status: number) => {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      return ((await res.json()) as any).error;
    };
    expect(await error('/api/v1/practices/digital-tax?group=ACP', 404)).toMatchObject({ parameter: 'questionnaire', message: expect.stringContaining('digital-vat') });
    expect(await error('/api/v1/practices/digital-vat?group=NOPE', 404)).toMatchObject({ parameter: 'group' });
    expect(await error('/api/v1/practices/digital-vat?groups=ACP', 400)).toMatchObject({ parameter: 'groups', message: expect.stringContaining('did you mean "group"') });
    expect(await error('/api/v1/practices/digital-vat?format=xml', 400)).toMatchObject({ parameter: 'format' });
    expect(await error('/api/v1/practices?group=ACP', 400)).toMatchObject({ parameter: 'group' });
  });

  it('shows the list page in English and French, linked from the navigation', async () => {
    const en = await html('/en/practices');
    expect(text(selectOne(en, 'h1'))).toBe('Member practices');
    expect(select(en, 'header nav a').some((a) => a.attrs.href === '/en/practices' && a.attrs['aria-current'] === 'page')).toBe(true);
    const row = selectOne(en, 'tr[data-questionnaire="digital-vat"]');
    expect(text(row)).toContain('WT/GC/W/833 §5.4, §6.3');
    expect(selectOne(row, 'td[data-answered]').attrs['data-answered']).toBe('4');
    expect(selectOne(row, 'a').attrs.href).toBe('/en/practices/digital-vat');
    const fr = await html('/fr/practices');
    expect(text(selectOne(fr, 'h1'))).toBe('Pratiques des Membres');
    expect(text(selectOne(fr, 'tr[data-questionnaire="digital-vat"]'))).toContain('TVA/TPS sur les fournitures numériques');
    expect(select(fr, 'header nav a').some((a) => a.attrs.href === '/fr/practices' && text(a) === 'Pratiques')).toBe(true);
  });

  it('shows the comparison table with labels, links, dates and "no answer" rows, in English', async () => {
    const doc = await html('/en/practices/digital-vat?group=ACP');
    const headers = select(doc, 'table.practice-table thead th').map(text);
    expect(headers.slice(0, 3)).toEqual(['Country', 'Accepted on', 'Rate (%)']);
    const rows = select(doc, 'table.practice-table tbody tr');
    expect(rows).toHaveLength(7);
    const ken = selectOne(doc, 'tr[data-iso3="KEN"]');
    expect(text(selectOne(ken, 'td[data-question="collection-model"]'))).toBe('Foreign vendors register');
    expect(text(selectOne(ken, 'td[data-question="rate"]'))).toBe('17%');
    const link = selectOne(ken, 'td[data-question="legal-basis"] a');
    expect(link.attrs.href).toBe('https://kra.go.ke/vat-digital');
    expect(link.attrs.rel).toContain('noopener');
    expect(selectOne(ken, 'time').attrs.datetime).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const hti = selectOne(doc, 'tr[data-iso3="HTI"]');
    expect(hti.attrs['data-answered']).toBe('false');
    expect(text(selectOne(hti, 'td.no-answer'))).toBe('no answer');
    expect(text(selectOne(doc, 'table.practice-table caption'))).toContain('3 of 7 members');
    const rate = selectOne(doc, 'table.practice-summary tr[data-question="rate"]');
    expect(text(rate)).toContain('3 of 7 answered');
    expect(text(rate)).toContain('minimum 7.5% · median 15% · maximum 17%');
    const model = selectOne(doc, 'table.practice-summary tr[data-question="collection-model"]');
    expect(text(selectOne(model, 'li[data-option="vendor-registration"]'))).toBe('Foreign vendors register: 2');
    expect(text(selectOne(model, 'li[data-option="reverse-charge"]'))).toBe('Reverse charge (business buyers): 0');
    expect(select(doc, 'a').some((a) => a.attrs.href === '/api/v1/practices/digital-vat?group=ACP&format=csv')).toBe(true);
  });

  it('shows the comparison table in French, with the group filter', async () => {
    const doc = await html('/fr/practices/digital-vat?group=acp');
    expect(text(selectOne(doc, 'h1'))).toBe('TVA/TPS sur les fournitures numériques');
    const ken = selectOne(doc, 'tr[data-iso3="KEN"]');
    expect(text(selectOne(ken, 'td[data-question="collection-model"]'))).toBe('Enregistrement des fournisseurs étrangers');
    expect(text(selectOne(ken, 'td[data-question="rate"]'))).toBe('17\u202f%');
    expect(text(selectOne(doc, 'tr[data-iso3="HTI"] td.no-answer'))).toBe('pas de réponse');
    expect(text(selectOne(doc, 'tr[data-iso3="FJI"] th'))).toBe('Fidji');
    expect(text(selectOne(doc, 'table.practice-summary tr[data-question="rate"]'))).toContain('minimum 7,5\u202f% · médiane 15\u202f% · maximum 17\u202f%');
    expect(selectOne(doc, 'select[name="group"] option[selected]').attrs.value).toBe('ACP');
    const ldc = await html('/fr/practices/digital-vat?group=LDC');
    expect(select(ldc, 'table.practice-table tbody tr').map((r) => r.attrs['data-iso3']).sort()).toEqual(['HTI', 'MLI', 'TUV']);
    const carrier = await html('/fr/practices/carrier-media?group=ACP');
    expect(text(selectOne(carrier, 'tr[data-iso3="FJI"] td[data-question="applies-1984-decision"]'))).toBe('Oui');
    expect(text(selectOne(carrier, 'tr[data-iso3="FJI"] td[data-question="since"]'))).toBe('1 janvier 1995');
  });

  it('answers an unknown questionnaire or group on the pages with a 404', async () => {
    expect((await get('/en/practices/nope')).status).toBe(404);
    expect((await get('/fr/practices/digital-vat?group=NOPE')).status).toBe(404);
  });

  it('feeds an accepted VAT answer into the VAT registry of the moratorium estimator as its newest source', async () => {
    const merged = (await new MoratoriumService(obs).vatRegistry()).get('KEN');
    // The built-in legal fact says 16 %; the answer, accepted later, says 17 % and wins.
    expect(merged).toMatchObject({ rate: 17, start: '2021-01-01', sourceUrl: 'https://kra.go.ke/vat-digital' });
    expect(merged?.sources[0]).toMatch(/^answer to the questionnaire on VAT\/GST on digital supplies, accepted on \d{4}-\d{2}-\d{2}$/);
    const api = await json('/api/v1/moratorium/vat-registry');
    const ken = api.entries.find((e: any) => e.iso3 === 'KEN');
    expect(ken).toMatchObject({ rate: 17, start: '2021-01-01' });
    expect(ken.sources[0]).toBe(merged?.sources[0]);
    // The pending answer of Haiti does not reach the registry.
    expect(api.entries.find((e: any) => e.iso3 === 'HTI')?.rate ?? null).toBeNull();
  });
});
