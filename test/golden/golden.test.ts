/**
 * Golden files of the web API, the pages and the command line over the fixed fixture Observatory: every
 * question of the API (JSON and CSV), its OpenAPI document, the pages in English and French, the error
 * answers to bad parameters, the signed-in review pages and a few `observatory` commands. Each answer is
 * compared, body, status and content type, with a file of test/golden/files/ recorded on known-good code.
 *
 * - `UPDATE_GOLDEN=1 npx vitest run test/golden` (re)writes the files (and removes those no case names).
 * - Otherwise a missing file fails, and a mismatch fails and writes `<name>.changed.<ext>` beside the
 *   golden file, so that `diff files/<name>.<ext> files/<name>.changed.<ext>` shows what moved.
 *
 * The clock is fixed (import times, proposals, reviews and audit entries carry known instants) and every
 * write happens in a fixed order, so ids and data versions are the same on every run. DuckDB runs on one
 * thread: on two, the rows of a sum of doubles (the estimate with an import-demand elasticity) are added in
 * an order that varies from run to run, and the figure moves in its last digit. `normalise` replaces only
 * what still differs from run to run: the temporary folders and the session's CSRF and sign-in tokens.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importFile } from '../../src/adapters/importers/import-file.ts';
import { importFolder } from '../../src/adapters/importers/folder.ts';
import { DuckDbDatabase } from '../../src/adapters/storage/duckdb.ts';
import { openStore } from '../../src/adapters/storage/open.ts';
import type { Account } from '../../src/domain/accounts.ts';
import { main } from '../../src/app/cli/main.ts';
import { AuthService } from '../../src/app/services/auth.ts';
import { createApp } from '../../src/app/web/server.ts';
import { EDITION_2021, EDITION_2026, writeTracker } from '../fixtures/cyberlaw.ts';
import { seedMoratorium, seedVat } from '../support/moratorium-fixture.ts';
import { buildObservatoryFixture, type ObservatoryFixture } from '../support/observatory-fixture.ts';

const FILES = join(dirname(fileURLToPath(import.meta.url)), 'files');
const MANIFEST = 'responses.json';
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const PASSWORD = 'a long enough passphrase';
/** The instant the fixture is built at; each later write step moves the clock on by a minute. */
const CLOCK_START = Date.parse('2026-06-30T08:00:00.000Z');

type Who = 'editor' | 'curator';

/** One GET of the web application, optionally as a signed-in account. */
interface HttpCase {
  name: string;
  path: string;
  as?: Who;
}

/** One run of the command line. */
interface CliCase {
  name: string;
  args: string[];
}

const api = (name: string, path: string, as?: Who): HttpCase => ({ name: `api-${name}`, path: `/api/v1${path}`, ...(as ? { as } : {}) });

const API_CASES: HttpCase[] = [
  // Countries, groups, indicators, observations, aggregates.
  api('countries', '/countries'),
  api('countries-csv', '/countries?format=csv'),
  api('country-nga', '/countries/NGA'),
  api('country-mli-lowercase', '/countries/mli'),
  api('groups', '/groups'),
  api('groups-csv', '/groups?format=csv'),
  api('group-acp', '/groups/ACP'),
  api('group-ecowas-at-2024-12-31', '/groups/ECOWAS?at=2024-12-31'),
  api('indicators', '/indicators'),
  api('indicators-csv', '/indicators?format=csv'),
  api('indicator-it-net-user-zs', '/indicators/IT.NET.USER.ZS'),
  api('indicator-obs-secr-count', '/indicators/OBS.SECR.COUNT'),
  api('observations-users-nga-ken-2020-2021', '/indicators/IT.NET.USER.ZS/observations?countries=NGA,ken&years=2020-2021'),
  api('observations-users-group-acp-2021', '/indicators/IT.NET.USER.ZS/observations?groups=ACP&years=2021'),
  api('observations-population-nga-tuv-csv', '/indicators/SP.POP.TOTL/observations?countries=NGA,TUV&years=2020-2022&format=csv'),
  api('observations-secure-count', '/indicators/OBS.SECR.COUNT/observations?countries=NGA,KEN,FJI'),
  api('aggregates-acp-users-2020-2021', '/groups/ACP/aggregates/IT.NET.USER.ZS?years=2020-2021'),
  api('aggregates-acp-users-2020-2021-csv', '/groups/ACP/aggregates/IT.NET.USER.ZS?years=2020-2021&format=csv'),
  api('aggregates-ecowas-population-historical', '/groups/ECOWAS/aggregates/SP.POP.TOTL?years=2022&basis=historical'),
  api('aggregates-acp-users-min-coverage', '/groups/ACP/aggregates/IT.NET.USER.ZS?years=2021&minCoverage=0.3'),
  api('aggregates-wld-users', '/groups/WLD/aggregates/IT.NET.USER.ZS'),
  // The moratorium estimator.
  api('moratorium-estimate-npl-mfn', '/moratorium/estimate?country=NPL&tariff=mfn'),
  api('moratorium-estimate-npl-mfn-csv', '/moratorium/estimate?country=NPL&tariff=mfn&format=csv'),
  api('moratorium-estimate-npl-xlsx', '/moratorium/estimate?country=NPL&format=xlsx'),
  api('moratorium-estimate-npl-2022-lines', '/moratorium/estimate?country=NPL&years=2022&lines=true'),
  api('moratorium-estimate-npl-2022-lines-csv', '/moratorium/estimate?country=NPL&years=2022&lines=true&format=csv'),
  api('moratorium-estimate-ldc-2022', '/moratorium/estimate?group=LDC&years=2022'),
  api('moratorium-estimate-ldc-2022-applied-csv', '/moratorium/estimate?group=LDC&years=2022&tariff=applied&format=csv'),
  api('moratorium-estimate-npl-bound-carrier', '/moratorium/estimate?country=NPL&tariff=bound&valuation=carrier&carrier_share=0.1'),
  api('moratorium-estimate-npl-share-elasticity-weighted', '/moratorium/estimate?country=NPL&share=0.5&elasticity=-1.5&rollup=weighted'),
  api('moratorium-estimate-npl-list-hs2017', '/moratorium/estimate?country=NPL&list=digitisable-hs2017'),
  api('moratorium-sensitivity-npl', '/moratorium/sensitivity?country=NPL'),
  api('moratorium-sensitivity-npl-csv', '/moratorium/sensitivity?country=NPL&format=csv'),
  api('moratorium-sensitivity-ldc-2022', '/moratorium/sensitivity?group=LDC&years=2022'),
  api('moratorium-vat-npl', '/moratorium/vat?country=NPL'),
  api('moratorium-vat-ldc-csv', '/moratorium/vat?group=LDC&format=csv'),
  api('moratorium-vat-registry', '/moratorium/vat-registry'),
  api('moratorium-vat-registry-csv', '/moratorium/vat-registry?format=csv'),
  api('moratorium-design-npl-rate-10', '/moratorium/design?country=NPL&rate=10'),
  api('moratorium-design-npl-rate-20-elasticity-csv', '/moratorium/design?country=NPL&rate=20&elasticity=-1.5&format=csv'),
  api('moratorium-design-npl-base', '/moratorium/design?country=NPL&rate=5&base=1000000'),
  api('moratorium-lists', '/moratorium/lists'),
  api('moratorium-lists-csv', '/moratorium/lists?format=csv'),
  api('moratorium-coverage', '/moratorium/coverage'),
  api('moratorium-coverage-csv', '/moratorium/coverage?format=csv'),
  // The cyberlaw registry and the member practices.
  api('cyberlaw-coverage', '/cyberlaw/coverage'),
  api('cyberlaw-coverage-acp-2021-12-31', '/cyberlaw/coverage?group=ACP&date=2021-12-31'),
  api('cyberlaw-coverage-acp-2021-12-31-csv', '/cyberlaw/coverage?group=ACP&date=2021-12-31&format=csv'),
  api('cyberlaw-country-nga', '/cyberlaw/countries/NGA'),
  api('cyberlaw-country-nga-csv', '/cyberlaw/countries/NGA?format=csv'),
  api('practices', '/practices'),
  api('practices-csv', '/practices?format=csv'),
  api('practice-digital-vat', '/practices/digital-vat'),
  api('practice-digital-vat-acp', '/practices/digital-vat?group=ACP'),
  api('practice-digital-vat-acp-csv', '/practices/digital-vat?group=ACP&format=csv'),
  // The review workflow (signed in) and the metadata.
  api('proposals-curator', '/proposals', 'curator'),
  api('proposals-pending-curator', '/proposals?status=pending', 'curator'),
  api('proposals-editor', '/proposals', 'editor'),
  api('audit-curator', '/audit', 'curator'),
  api('audit-curator-limit-3', '/audit?limit=3', 'curator'),
  api('vintages', '/vintages'),
  api('vintages-csv', '/vintages?format=csv'),
  api('status', '/status'),
  api('openapi', '/openapi.json'),
  // Bad parameters: the error answers.
  api('error-unknown-parameter', '/countries?foo=1'),
  api('error-observations-misspelt-parameter', '/indicators/IT.NET.USER.ZS/observations?year=2020'),
  api('error-observations-bad-years', '/indicators/IT.NET.USER.ZS/observations?years=20x'),
  api('error-observations-bad-format', '/indicators/IT.NET.USER.ZS/observations?format=xml'),
  api('error-observations-unknown-group', '/indicators/IT.NET.USER.ZS/observations?groups=ACP,NOPE'),
  api('error-country-unknown', '/countries/XXX'),
  api('error-group-bad-date', '/groups/ACP?at=2024-02-30'),
  api('error-indicator-unknown', '/indicators/NO.SUCH.CODE'),
  api('error-aggregates-min-coverage', '/groups/ACP/aggregates/IT.NET.USER.ZS?minCoverage=2'),
  api('error-moratorium-estimate-unknown-country', '/moratorium/estimate?country=XYZ'),
  api('error-moratorium-estimate-bad-years', '/moratorium/estimate?country=NPL&years=2022-2020'),
  api('error-moratorium-estimate-bad-format', '/moratorium/estimate?country=NPL&format=xml'),
  api('error-moratorium-estimate-bad-tariff', '/moratorium/estimate?country=NPL&tariff=wto'),
  api('error-moratorium-estimate-unknown-parameter', '/moratorium/estimate?country=NPL&tarif=mfn'),
  api('error-moratorium-estimate-country-and-group', '/moratorium/estimate?country=NPL&group=LDC'),
  api('error-moratorium-design-no-rate', '/moratorium/design?country=NPL'),
  api('error-cyberlaw-coverage-bad-date', '/cyberlaw/coverage?group=ACP&date=2021-13-45'),
  api('error-practice-unknown', '/practices/no-such-questionnaire'),
  api('error-proposals-signed-out', '/proposals'),
  api('error-audit-editor', '/audit', 'editor'),
  api('error-no-such-route', '/nothing'),
];

const PAGE_PATHS: [string, string][] = [
  ['home', '/'],
  ['countries', '/countries'],
  ['country-nga', '/countries/NGA'],
  ['country-npl', '/countries/NPL'],
  ['groups', '/groups'],
  ['group-acp', '/groups/ACP'],
  ['group-ecowas', '/groups/ECOWAS'],
  ['indicators', '/indicators'],
  ['indicator-it-net-user-zs', '/indicators/IT.NET.USER.ZS'],
  ['moratorium', '/moratorium'],
  ['moratorium-npl-bound', '/moratorium?target=country:NPL&tariff=bound'],
  ['moratorium-ldc-2022-design-npl', '/moratorium?target=group:LDC&years=2022&design_country=NPL&rate=20'],
  ['cyberlaw', '/cyberlaw'],
  ['cyberlaw-acp-data-protection', '/cyberlaw?group=ACP&area=data-protection'],
  ['cyberlaw-note', '/cyberlaw/note'],
  ['practices', '/practices'],
  ['practice-digital-vat', '/practices/digital-vat'],
  ['sources', '/sources'],
  ['about', '/about'],
  ['quality', '/quality'],
  ['error-moratorium-bad-tariff', '/moratorium?tariff=wto'],
  ['error-country-unknown', '/countries/XXX'],
];

const SIGNED_IN_PAGES: HttpCase[] = [
  { name: 'page-en-edit-editor', path: '/en/edit', as: 'editor' },
  { name: 'page-en-edit-cyberlaw-nga-editor', path: '/en/edit/cyberlaw/NGA/cybercrime', as: 'editor' },
  { name: 'page-en-edit-practice-ken-digital-vat-editor', path: '/en/edit/practices/KEN/digital-vat', as: 'editor' },
  { name: 'page-en-review-curator', path: '/en/review', as: 'curator' },
  { name: 'page-fr-review-curator', path: '/fr/review', as: 'curator' },
  { name: 'page-en-review-audit-curator', path: '/en/review/audit', as: 'curator' },
];

const HTTP_CASES: HttpCase[] = [
  ...API_CASES,
  ...(['en', 'fr'] as const).flatMap((lang) => PAGE_PATHS.map(([name, path]) => ({ name: `page-${lang}-${name}`, path: `/${lang}${path}` }))),
  ...SIGNED_IN_PAGES,
];

const CLI_CASES: CliCase[] = [
  { name: 'cli-moratorium-help', args: ['moratorium', '--help'] },
  { name: 'cli-moratorium-estimate-npl-mfn', args: ['moratorium', 'estimate', '--country', 'NPL', '--tariff', 'mfn'] },
  { name: 'cli-moratorium-estimate-npl-bound-2022-csv', args: ['moratorium', 'estimate', '--country', 'NPL', '--tariff', 'bound', '--years', '2022', '--format', 'csv'] },
  { name: 'cli-moratorium-estimate-ldc-2022-carrier', args: ['moratorium', 'estimate', '--group', 'LDC', '--years', '2022', '--valuation', 'carrier', '--carrier-share', '0.1'] },
  { name: 'cli-moratorium-sensitivity-npl', args: ['moratorium', 'sensitivity', '--country', 'NPL'] },
  { name: 'cli-moratorium-vat-registry', args: ['moratorium', 'vat-registry'] },
  { name: 'cli-moratorium-design-npl-rate-10', args: ['moratorium', 'design', '--country', 'NPL', '--rate', '10'] },
  { name: 'cli-aggregate-acp-users', args: ['aggregate', 'ACP', 'IT.NET.USER.ZS', '--years', '2020-2022'] },
  { name: 'cli-aggregate-ecowas-population-historical-csv', args: ['aggregate', 'ECOWAS', 'SP.POP.TOTL', '--years', '2022', '--basis', 'historical', '--format', 'csv'] },
  { name: 'cli-error-moratorium-estimate-bad-tariff', args: ['moratorium', 'estimate', '--country', 'NPL', '--tariff', 'wto'] },
];

/** The folders whose paths may appear in an answer: the fixture's source folder and the command line's data folder. */
const volatileFolders: string[] = [];

/**
 * Replaces what differs from one run to the next and nothing else: the temporary folders (`<folder>`),
 * and the random tokens of a session or a sign-in form (`<token>`). Figures, dates, ids and versions are kept.
 */
function normalise(text: string): string {
  let out = text;
  for (const folder of volatileFolders) out = out.split(folder).join('<folder>');
  out = out.replace(/(name="(?:csrf|login)" value=")[A-Za-z0-9_-]+(")/g, '$1<token>$2');
  return out;
}

/** Pretty-printed JSON (keys in the order produced), HTML with a line break between adjacent tags, other text as is. */
function presentBody(body: string, ext: string): string {
  if (ext === 'json') return `${JSON.stringify(JSON.parse(body), null, 2)}\n`;
  if (ext === 'html') return `${body.replace(/></g, '>\n<')}\n`;
  return body;
}

/** The golden file's extension for a content type, or null when only status and content type are pinned (binary). */
function extensionOf(contentType: string): string | null {
  if (contentType.startsWith('application/json')) return 'json';
  if (contentType.startsWith('text/csv')) return 'csv';
  if (contentType.startsWith('text/html')) return 'html';
  if (contentType.startsWith('text/plain')) return 'txt';
  return null;
}

/** What the manifest records of each answer besides its body. */
interface Recorded {
  request: string;
  status: number;
  contentType: string | null;
  file: string | null;
}

const manifestPath = join(FILES, MANIFEST);
const expectedManifest: Record<string, Recorded> = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
const actualManifest: Record<string, Recorded> = {};

/** Compares one answer with its golden file, or writes the file when updating. */
function check(name: string, recorded: Recorded, body: string | null): void {
  actualManifest[name] = recorded;
  const changedPath = (file: string) => join(FILES, file.replace(/\.([^.]+)$/, '.changed.$1'));
  if (UPDATE) {
    if (recorded.file !== null && body !== null) writeFileSync(join(FILES, recorded.file), body);
    return;
  }
  const before = expectedManifest[name];
  expect(before, `${name}: no golden record (run with UPDATE_GOLDEN=1)`).toBeDefined();
  if (recorded.file !== null && body !== null) {
    const path = join(FILES, recorded.file);
    if (!existsSync(path)) writeFileSync(changedPath(recorded.file), body);
    expect(existsSync(path), `${name}: golden file ${recorded.file} is missing (run with UPDATE_GOLDEN=1)`).toBe(true);
    const golden = readFileSync(path, 'utf8');
    if (golden !== body) writeFileSync(changedPath(recorded.file), body);
    else if (existsSync(changedPath(recorded.file))) unlinkSync(changedPath(recorded.file));
    expect(body === golden, `${name}: the answer differs from ${recorded.file}; see ${recorded.file.replace(/\.([^.]+)$/, '.changed.$1')}`).toBe(true);
  }
  expect(recorded, `${name}: status, content type or file differ from ${MANIFEST}`).toEqual(before);
}

let fx: ObservatoryFixture;
let app: Hono;
let dataDir: string;
const clients: Partial<Record<Who, { cookie: string; csrf: string }>> = {};
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, OBSERVATORY_DATA_DIR: process.env.OBSERVATORY_DATA_DIR };

let clock = CLOCK_START;
/** Moves the fixed clock on by a minute, so each write step has its own known instant. */
function tick(): void {
  clock += 60_000;
  vi.setSystemTime(clock);
}

function cookieOf(res: Response, name: string): string {
  for (const c of res.headers.getSetCookie()) if (c.startsWith(`${name}=`)) return c.split(';')[0] ?? '';
  return '';
}

/** Signs in through the form, as a browser does, and reads the session's CSRF token from a signed-in page. */
async function signIn(email: string): Promise<{ cookie: string; csrf: string }> {
  const page = await app.request('/en/login');
  const login = cookieOf(page, 'obs_login');
  const token = /name="login" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await app.request('/en/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: login },
    body: new URLSearchParams({ login: token, email, password: PASSWORD }).toString(),
  });
  if (res.status !== 303) throw new Error(`sign-in of ${email} answered ${res.status}`);
  const cookie = cookieOf(res, 'obs_session');
  const edit = await app.request('/en/edit', { headers: { cookie } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await edit.text())?.[1] ?? '';
  return { cookie, csrf };
}

async function post(path: string, who: Who, body: unknown): Promise<any> {
  tick();
  const client = clients[who];
  const res = await app.request(`/api/v1${path}`, {
    method: 'POST',
    headers: { cookie: client?.cookie ?? '', 'x-csrf-token': client?.csrf ?? '', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * The command line's own embedded database, in a data folder of its own: the same source folder and the
 * same moratorium and VAT vintages as the web fixture (the command line opens its store from a folder).
 */
async function buildCliStore(folder: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'observatory-golden-cli-'));
  volatileFolders.push(dir);
  const store = await openStore({ dataDir: join(dir, 'data') });
  try {
    await importFolder(store, folder);
    await seedMoratorium(store, { reporter: 'NPL', unrated: 'HTI' });
    await seedVat(store, { reporter: 'NPL', unrated: 'HTI' });
  } finally {
    await store.close();
  }
  return dir;
}

const openDuckDb = DuckDbDatabase.open.bind(DuckDbDatabase);

beforeAll(async () => {
  DuckDbDatabase.open = (options) => openDuckDb({ ...options, threads: 1 });
  vi.useFakeTimers({ toFake: ['Date'], now: CLOCK_START });
  delete process.env.DATABASE_URL;
  delete process.env.OBSERVATORY_DATA_DIR;
  mkdirSync(FILES, { recursive: true });

  fx = await buildObservatoryFixture();
  volatileFolders.push(fx.folder);
  tick();
  dataDir = await buildCliStore(fx.folder);

  tick();
  await seedVat(fx.store, { reporter: 'NPL', unrated: 'HTI' });
  tick();
  await importFile(fx.store, writeTracker(join(fx.folder, 'tracker-2021'), EDITION_2021).status, { asOf: '2021-12-31' });
  tick();
  await importFile(fx.store, writeTracker(join(fx.folder, 'tracker-2026'), EDITION_2026).status, { asOf: '2026-03-05' });

  // Accounts, sessions and the review workflow, over the same Observatory.
  const auth = new AuthService(fx.store.registry);
  app = createApp({ obs: fx.obs, auth });
  const make = async (email: string, name: string, role: Account['role'], countries: string[]) => {
    tick();
    return auth.createAccount({ email, name, role, countries, password: PASSWORD }, null, 'golden set-up');
  };
  await make('editor@acp.example', 'ACP editor', 'editor', ['NGA', 'KEN', 'FJI', 'HTI']);
  await make('curator@secretariat.example', 'Secretariat curator', 'curator', []);
  tick();
  clients.editor = await signIn('editor@acp.example');
  tick();
  clients.curator = await signIn('curator@secretariat.example');

  const answer = (iso3: string, key: string, payload: Record<string, unknown>) => ({ kind: 'practice', iso3, key, baseVersion: 0, why: 'answered by the ministry', payload });
  const accept = async (proposed: { proposal: { id: number } }) => post(`/proposals/${proposed.proposal.id}/accept`, 'curator', { comment: 'checked' });
  await accept(await post('/proposals', 'editor', answer('KEN', 'digital-vat', { rate: 17, start: '2021-01-01', 'collection-model': 'vendor-registration', 'legal-basis': 'https://kra.go.ke/vat-digital' })));
  await accept(await post('/proposals', 'editor', answer('NGA', 'digital-vat', { rate: 7.5, start: '2020-02-01', 'collection-model': 'vendor-registration' })));
  await accept(await post('/proposals', 'editor', answer('FJI', 'digital-vat', { rate: 15, start: '2022-01-01', 'collection-model': 'platform-liability', threshold: 100000 })));
  await accept(await post('/proposals', 'editor', answer('FJI', 'carrier-media', { 'applies-1984-decision': 'yes', since: '1995-01-01' })));
  // Haiti's answer waits for review; a cyberlaw change for Nigeria is accepted, one for Kenya returned.
  await post('/proposals', 'editor', answer('HTI', 'digital-vat', { rate: 10, start: '2024-10-01', 'collection-model': 'reverse-charge' }));
  // A cyberlaw change starts from the version the tracker editions left.
  const versionOf = async (iso3: string, area: string): Promise<number> => {
    const record = (await (await app.request(`/api/v1/cyberlaw/countries/${iso3}`)).json()) as { areas: { area: string; version: number }[] };
    return record.areas.find((a) => a.area === area)?.version ?? 0;
  };
  const cyberlaw = async (iso3: string, area: string, status: string, why: string) => ({
    kind: 'cyberlaw',
    iso3,
    key: area,
    baseVersion: await versionOf(iso3, area),
    why,
    payload: { status, asOf: '2026-05-01', source: 'Official Gazette', laws: status === 'legislation' ? [{ title: 'Data Protection Act', year: 2023, url: 'https://example.org/dpa' }] : [] },
  });
  await accept(await post('/proposals', 'editor', await cyberlaw('NGA', 'data-protection', 'legislation', 'the act was adopted')));
  const returned = await post('/proposals', 'editor', await cyberlaw('KEN', 'consumer-protection', 'draft', 'a bill is before parliament'));
  await post(`/proposals/${returned.proposal.id}/return`, 'curator', { comment: 'cite the bill' });
  tick();
});

afterAll(async () => {
  vi.useRealTimers();
  DuckDbDatabase.open = openDuckDb;
  // The manifest in case order: this run's records, and the stored ones of cases a filtered run left out.
  const names = [...HTTP_CASES, ...CLI_CASES].map((c) => c.name);
  const merged: Record<string, Recorded> = {};
  for (const n of names) {
    const r = actualManifest[n] ?? expectedManifest[n];
    if (r) merged[n] = r;
  }
  const text = `${JSON.stringify(merged, null, 2)}\n`;
  const changedManifest = join(FILES, MANIFEST.replace(/\.json$/, '.changed.json'));
  if (UPDATE) {
    writeFileSync(manifestPath, text);
    if (Object.keys(actualManifest).length === names.length) {
      // Files no case names any more are removed, so the folder holds exactly the golden set.
      const kept = new Set([MANIFEST, ...Object.values(merged).flatMap((r) => (r.file ? [r.file] : []))]);
      for (const f of readdirSync(FILES)) if (!kept.has(f)) unlinkSync(join(FILES, f));
    }
  } else if (existsSync(manifestPath) && readFileSync(manifestPath, 'utf8') !== text) {
    writeFileSync(changedManifest, text);
  } else if (existsSync(changedManifest)) {
    unlinkSync(changedManifest);
  }
  await fx?.dispose();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  for (const [k, v] of Object.entries(savedEnv)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});

describe('golden answers of the web application', () => {
  it('names each case once', () => {
    const names = [...HTTP_CASES, ...CLI_CASES].map((c) => c.name);
    expect(names.length).toBe(new Set(names).size);
  });

  for (const c of HTTP_CASES) {
    it(`${c.as ? `${c.as}: ` : ''}GET ${c.path}`, async () => {
      const client = c.as ? clients[c.as] : undefined;
      const res = await app.request(c.path, client ? { headers: { cookie: client.cookie } } : {});
      const contentType = res.headers.get('content-type');
      const ext = contentType ? extensionOf(contentType) : null;
      const file = ext ? `${c.name}.${ext}` : null;
      const body = ext ? presentBody(normalise(await res.text()), ext) : null;
      check(c.name, { request: `GET ${c.path}${c.as ? ` (signed in as ${c.as})` : ''}`, status: res.status, contentType, file }, body);
    });
  }
});

describe('golden output of the command line', () => {
  for (const c of CLI_CASES) {
    it(`observatory ${c.args.join(' ')}`, async () => {
      let out = '';
      let err = '';
      const code = await main([...c.args, '--data-dir', join(dataDir, 'data')], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
      const body = normalise(`$ observatory ${c.args.join(' ')}\n--- exit code ${code}\n--- stdout\n${out}\n--- stderr\n${err}`);
      check(c.name, { request: `observatory ${c.args.join(' ')}`, status: code, contentType: null, file: `${c.name}.txt` }, body);
    });
  }
});
