/**
 * The server-rendered pages, requested in-process over a store filled by importing a fixture folder
 * written in the sources' own layouts: every page in every language, the figures they show against
 * values worked out by hand from the fixture, the map and chart with their text alternatives, no
 * JavaScript, the size budget, errors, redirects, the language switcher and HTTP caching.
 */
import { createRequire } from 'node:module';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Country } from '../../../src/domain/country.ts';
import { LANGS, type Lang } from '../../../src/domain/lang.ts';
import { en, fr, messages } from '../../../src/app/web/i18n/index.ts';
import { FIXTURE_COUNTRIES, seeded } from '../../fixtures/fixtures.ts';
import { buildObservatoryFixture, type ObservatoryFixture } from '../../support/observatory-fixture.ts';
import * as hand from './expected.ts';
import { closest, ownText, parseHtml, select, selectOne, text, type Element } from './html.ts';

const USERS = 'IT.NET.USER.ZS';
const SECURE = 'IT.NET.SECR.P6';
const SECURE_COUNT = 'OBS.SECR.COUNT';
const POPULATION = 'SP.POP.TOTL';
const GROUP_IDS = ['ACP', 'LDC', 'SIDS', 'WTO', 'ECOWAS', 'WLD'];
const COUNTRY_CODES = FIXTURE_COUNTRIES.map((c) => c.iso3);
const ALL = COUNTRY_CODES;

/** Every page of the site, by its path after "/{lang}". */
const PATHS = [
  '/',
  '/countries',
  ...COUNTRY_CODES.map((c) => `/countries/${c}`),
  '/groups',
  ...GROUP_IDS.map((g) => `/groups/${g}`),
  '/indicators',
  `/indicators/${USERS}`,
  `/indicators/${SECURE_COUNT}`,
  '/moratorium',
  '/sources',
  '/about',
];

const BUDGET = 150 * 1024;

interface Fetched {
  status: number;
  headers: Headers;
  body: string;
  doc: Element;
}

let fx: ObservatoryFixture;
const cache = new Map<string, Promise<Fetched>>();

/** A page as a browser without JavaScript gets it; each URL is fetched once and shared by the tests. */
function page(url: string): Promise<Fetched> {
  let p = cache.get(url);
  if (!p) {
    p = (async () => {
      const res = await fx.app.request(url);
      const body = await res.text();
      return { status: res.status, headers: res.headers, body, doc: parseHtml(body) };
    })();
    cache.set(url, p);
  }
  return p;
}

async function ok(url: string): Promise<Fetched> {
  const p = await page(url);
  expect(p.status, `${url}: ${p.body.slice(0, 300)}`).toBe(200);
  return p;
}

/** The vintage a fixture file was imported as. */
function vintageOf(file: string): number {
  const id = fx.results.find((r) => r.file === file)?.vintage?.id;
  if (id === undefined) throw new Error(`${file} was not imported`);
  return id;
}

const USERS_FILE = 'worldbank-api-csv/API_IT.NET.USER.ZS_DS2_en_csv_v2_1.csv';
const SECURE_FILE = 'datasets-wdi/it.net.secr.p6.csv';
const POPULATION_FILE = 'datasets-wdi/sp.pop.totl.csv';

function values(code: string): hand.YearValues {
  return hand.byYear(fx.facts.observations.get(code) ?? []);
}

function countryName(iso3: string, lang: Lang): string {
  const names = fx.facts.names.get(iso3);
  const name = (lang === 'en' || lang === 'fr' || lang === 'es' ? names?.[lang] : undefined) ?? names?.en;
  if (!name) throw new Error(`no name for ${iso3}`);
  return name;
}

/** Members as the fixture files list them (the ECOWAS table still lists Mali, which left on 2025-01-29). */
function members(groupId: string): string[] {
  switch (groupId) {
    case 'ACP':
      return fx.facts.memberships.filter((m) => m.orgId === 'ACP' && m.status === 'member').map((m) => m.iso3);
    case 'LDC':
      return fx.facts.countries.filter((c) => c.ldc).map((c) => c.iso3);
    case 'SIDS':
      return fx.facts.countries.filter((c) => c.sids).map((c) => c.iso3);
    case 'ECOWAS':
      return ['NGA', 'SEN'];
    case 'WLD':
      return ALL;
    default:
      throw new Error(`no hand-made member list for ${groupId}`);
  }
}

const MAP_SUMMARY: Record<'en' | 'fr', (s: ReturnType<typeof hand.extremes>, f: (n: number) => string) => string> = {
  en: (s, f) => `Highest: ${s.highest.name} (${f(s.highest.value)}), lowest: ${s.lowest.name} (${f(s.lowest.value)}); ${s.count} countries with data.`,
  fr: (s, f) =>
    `Valeur la plus élevée : ${s.highest.name} (${f(s.highest.value)}) ; la plus basse : ${s.lowest.name} (${f(s.lowest.value)}) ; ${s.count} pays avec des données.`,
};

/** The row of a table whose header cell (or first cell) names `label`. */
function rowNamed(scope: Element, label: string): Element {
  const row = select(scope, 'tr').find((tr) => {
    const head = select(tr, 'th')[0] ?? select(tr, 'td')[1];
    return head !== undefined && text(head) === label;
  });
  if (!row) throw new Error(`no row "${label}"`);
  return row;
}

/** Checks a figure's SVG is an image labelled by its own <title> and <desc>, and returns their texts. */
function labelledSvg(figure: Element): { title: string; desc: string; svg: Element } {
  const svg = selectOne(figure, 'svg[role=img]');
  const title = select(svg, 'title').find((t) => t.parent === svg);
  const desc = select(svg, 'desc').find((d) => d.parent === svg);
  expect(title, 'the SVG has its own <title>').toBeDefined();
  expect(desc, 'the SVG has its own <desc>').toBeDefined();
  expect(svg.attrs['aria-labelledby']?.split(' ')).toEqual([title?.attrs.id, desc?.attrs.id]);
  return { title: text(title as Element), desc: text(desc as Element), svg };
}

beforeAll(async () => {
  fx = await buildObservatoryFixture();
});
afterAll(async () => {
  await fx?.dispose();
});

describe('every page in every language', () => {
  for (const lang of LANGS) {
    it(`${lang}: every page answers 200, as HTML in ${lang}`, async () => {
      for (const path of PATHS) {
        const url = `/${lang}${path}`;
        const p = await ok(url);
        expect(p.headers.get('content-type'), url).toMatch(/^text\/html/);
        expect(p.headers.get('content-language'), url).toBe(lang);
        expect(selectOne(p.doc, 'html').attrs.lang, url).toBe(lang);
        expect(p.body.startsWith('<!doctype html>'), url).toBe(true);
        expect(select(p.doc, 'h1'), url).toHaveLength(1);
        expect(text(selectOne(p.doc, 'head title')), url).toContain(messages(lang).siteName);
      }
    });
  }

  it('"/" sends each browser to its language, English by default', async () => {
    const to = async (acceptLanguage?: string) => {
      const res = await fx.app.request('/', { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
      expect(res.status).toBe(302);
      return res.headers.get('location');
    };
    expect(await to('fr-FR,fr;q=0.9,en;q=0.8')).toBe('/fr/');
    expect(await to('es-419,es;q=0.9')).toBe('/es/');
    expect(await to('pt-BR')).toBe('/pt/');
    expect(await to('de-DE,de;q=0.9,fr;q=0.5')).toBe('/fr/');
    expect(await to('de-DE')).toBe('/en/');
    expect(await to()).toBe('/en/');
  });
});

describe('French pages', () => {
  it('are in French', async () => {
    const home = await ok('/fr/');
    expect(select(home.doc, 'header nav a').map(text)).toEqual(expect.arrayContaining(['Accueil', 'Pays', 'Groupes', 'Indicateurs', 'Sources', 'Méthode']));
    expect(text(selectOne(home.doc, 'h1'))).toBe('Où en est chaque pays face à la fracture numérique');
    const country = await ok('/fr/countries/NGA');
    expect(text(selectOne(country.doc, 'h1'))).toBe('Nigéria');
    expect(select(country.doc, 'h2').map(text)).toEqual(expect.arrayContaining(['Membre de', 'Chiffres clés']));
    expect(select(country.doc, 'p.source').map(text).join(' ')).toMatch(/^Sources?\u00a0:/);
    const indicator = await ok(`/fr/indicators/${USERS}`);
    expect(text(selectOne(indicator.doc, 'h1'))).toBe('Personnes utilisant Internet (% de la population)');
    expect(text(selectOne(await ok('/fr/sources').then((p) => p.doc), 'h1'))).toBe('Sources et versions');
    expect(text(selectOne(await ok('/fr/about').then((p) => p.doc), 'h1'))).toBe('Comment les chiffres sont établis');
    expect(text(selectOne(await ok('/fr/groups/WLD').then((p) => p.doc), 'h1'))).toBe('Monde');
  });

  it('show no English heading, label or sentence of the catalogue', async () => {
    const { exact, fragments } = englishOnly();
    expect(exact.size).toBeGreaterThan(100);
    const found: string[] = [];
    for (const path of PATHS) {
      const p = await ok(`/fr${path}`);
      const labels = [
        ...select(p.doc, 'head title').map(text),
        ...['h1', 'h2', 'h3', 'caption', 'th', 'summary', 'button', 'figcaption', 'nav a', 'p.muted', 'td.num'].flatMap((s) => select(p.doc, s).map(text)),
        ...select(p.doc, 'label').map(ownText),
        ...select(p.doc, 'meta[name=description]').map((m) => m.attrs.content ?? ''),
      ];
      for (const label of labels) if (exact.has(label)) found.push(`${path}: "${label}"`);
      // Data (source names, membership notes) stays in the language it was published in; only the page's own words count.
      const main = selectOne(p.doc, 'main');
      const ownWords = [main, ...select(p.doc, 'header'), ...select(p.doc, 'footer')]
        .flatMap((el) => [...walkText(el)])
        .join('\n');
      for (const f of fragments) if (ownWords.includes(f)) found.push(`${path}: …${f}…`);
    }
    expect(found).toEqual([]);
  });
});

/** Text nodes of the page's own wording: data cells (source lines, membership sources and notes) left out. */
function* walkText(el: Element): Generator<string> {
  if (el.tag === 'small' || (el.tag === 'p' && el.attrs.class === 'source') || el.tag === 'svg' || el.attrs.title !== undefined) return;
  for (const c of el.children) {
    if (typeof c === 'string') yield c;
    else yield* walkText(c);
  }
}

/**
 * The English catalogue's words that French must not show: whole messages that differ from their
 * French counterpart, and the fixed parts (8 characters or more) of English sentences with blanks.
 */
function englishOnly(): { exact: Set<string>; fragments: Set<string> } {
  const exact = new Set<string>();
  const fragments = new Set<string>();
  const BLANK = '\u0001';
  const walk = (e: unknown, f: unknown) => {
    if (typeof e === 'string') {
      if (e !== '' && e !== f) exact.add(e);
    } else if (typeof e === 'function') {
      const args = Array.from({ length: e.length }, () => BLANK);
      const english = String((e as (...a: unknown[]) => unknown)(...args));
      const french = typeof f === 'function' ? String((f as (...a: unknown[]) => unknown)(...args)) : '';
      for (const part of english.split(BLANK)) if (part.trim().length >= 8 && !french.includes(part)) fragments.add(part);
    } else if (Array.isArray(e)) {
      e.forEach((x, i) => walk(x, Array.isArray(f) ? f[i] : undefined));
    } else if (e && typeof e === 'object') {
      for (const [k, v] of Object.entries(e)) walk(v, (f as Record<string, unknown> | undefined)?.[k]);
    }
  };
  // Each language is named in itself in the language switcher.
  walk({ ...en, languageName: '' }, fr);
  // Long English sentences would be found inside any text, so they are looked for as fragments too.
  for (const s of exact) if (s.length >= 25) fragments.add(s);
  return { exact, fragments };
}

describe('the country page', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`${lang}: Nigeria's latest figures, chart, map and sources match the fixture`, async () => {
      const t = messages(lang);
      const users = values(USERS);
      const nga = hand.latest(users, 'NGA');
      const pct = (n: number) => hand.percent(n, lang);
      const p = await ok(`/${lang}/countries/NGA`);
      const indicatorName = lang === 'en' ? 'Individuals using the Internet (% of population)' : 'Personnes utilisant Internet (% de la population)';

      // Key figures: the latest value with its year.
      const row = rowNamed(p.doc, indicatorName);
      expect(text(select(row, 'td')[0] as Element)).toBe(`${pct(nga.value)} (${nga.year})`);
      const secure = hand.latest(values(SECURE), 'NGA');
      expect(text(select(rowNamed(p.doc, lang === 'en' ? 'Secure Internet servers (per 1 million people)' : 'Serveurs Internet sécurisés (par million d’habitants)'), 'td')[0] as Element)).toBe(
        `${hand.whole(secure.value, lang)} (${secure.year})`,
      );

      // The map: the year of Nigeria's latest value, every country's value in its shape's tooltip.
      const map = selectOne(p.doc, 'figure.map');
      const { title, desc, svg } = labelledSvg(map);
      expect(title).toBe(`${indicatorName}, ${nga.year}`);
      const year = users.get(nga.year) ?? new Map<string, number>();
      const summary = MAP_SUMMARY[lang](hand.extremes(year, ALL, (c) => countryName(c, lang)), pct);
      expect(desc).toBe(summary);
      expect(text(selectOne(map, 'figcaption'))).toBe(summary);
      for (const iso3 of ALL) {
        const link = select(svg, `a[href=/${lang}/countries/${iso3}]`);
        expect(link, `${iso3} on the map`).toHaveLength(1);
        const v = year.get(iso3);
        expect(text(selectOne(link[0] as Element, 'title'))).toBe(`${countryName(iso3, lang)}: ${v === undefined ? t.common.noData : pct(v)}`);
      }

      // The chart: Nigeria against its groups and the world, with a text alternative.
      const chart = selectOne(p.doc, 'figure.chart');
      const c = labelledSvg(chart);
      const name = countryName('NGA', lang);
      expect(c.title).toBe(t.country.chartTitle(indicatorName, name));
      const points = [...users].filter(([, v]) => v.has('NGA')).sort(([a], [b]) => a - b);
      const [firstYear, first] = points[0] ?? [];
      expect(text(selectOne(chart, 'figcaption'))).toContain(`${name}${t.common.colon}${pct(first?.get('NGA') ?? NaN)} (${firstYear}) → ${pct(nga.value)} (${nga.year})`);
      expect(c.desc).toBe(text(selectOne(chart, 'figcaption')));
      expect(select(chart, 'details table tbody tr').length).toBeGreaterThan(0);

      // Source lines name the source and link to the vintage on the sources page.
      const sources = select(p.doc, 'p.source');
      const usersLine = sources.find((s) => select(s, `a[href=/${lang}/sources#v${vintageOf(USERS_FILE)}]`).length === 1);
      expect(usersLine, 'a source line links to the Internet-use vintage').toBeDefined();
      expect(text(usersLine as Element)).toContain('World Bank, World Development Indicators (API_IT.NET.USER.ZS_DS2_en_csv_v2_1.csv');
      expect(text(usersLine as Element)).toContain(`${t.common.vintage} ${vintageOf(USERS_FILE)}`);
      const sourcesPage = await ok(`/${lang}/sources`);
      expect(select(sourcesPage.doc, `tr[id=v${vintageOf(USERS_FILE)}]`)).toHaveLength(1);
    });
  }

  it('names the groups Nigeria belongs to today, not Mali’s former ECOWAS membership', async () => {
    const nga = await ok('/en/countries/NGA');
    const groups = select(nga.doc, 'ul.badges a').map((a) => a.attrs.href);
    expect(groups).toEqual(expect.arrayContaining(['/en/groups/ACP', '/en/groups/ECOWAS', '/en/groups/WTO', '/en/groups/AFRICA']));
    const mli = await ok('/en/countries/MLI');
    expect(select(mli.doc, 'ul.badges a').map((a) => a.attrs.href)).not.toContain('/en/groups/ECOWAS');
    const former = select(mli.doc, 'p.muted').map(text).find((s) => s.startsWith('Formerly'));
    expect(former).toBe('Formerly: Economic Community of West African States (ECOWAS) (until 29 January 2025)');
  });
});

describe('the indicator page', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`${lang}: Internet use — year, map, ranking and group values match the fixture`, async () => {
      const t = messages(lang);
      const users = values(USERS);
      const pop = values(POPULATION);
      const pct = (n: number) => hand.percent(n, lang);
      const year = hand.openingYear(users, ALL);
      const p = await ok(`/${lang}/indicators/${USERS}`);
      const name = text(selectOne(p.doc, 'h1'));

      const selected = select(p.doc, 'select[name=year] option[selected]');
      expect(selected.map((o) => o.attrs.value)).toEqual([String(year)]);

      const map = selectOne(p.doc, 'figure.map');
      const { title, desc } = labelledSvg(map);
      expect(title).toBe(`${name}, ${year}`);
      const yearValues = users.get(year) ?? new Map<string, number>();
      const s = hand.extremes(yearValues, ALL, (c) => countryName(c, lang));
      expect(desc).toBe(MAP_SUMMARY[lang](s, pct));
      expect(text(selectOne(map, 'figcaption'))).toBe(desc);

      // The ranking: every country with a value that year, highest first.
      const ranking = select(p.doc, 'table').find((tbl) => select(tbl, 'caption').some((c) => text(c) === t.indicator.countriesWithData(s.count)));
      expect(ranking, 'the table of all countries').toBeDefined();
      // A value flagged at import carries its mark after the figure (pages/quality.tsx); the figure comes first.
      const rows = select(ranking as Element, 'tbody tr').map((tr) => select(tr, 'td').map((td) => text(td).split(` ⚠ ${t.quality.mark}`)[0] as string));
      const expectedOrder = ALL.filter((c) => yearValues.has(c)).sort((a, b) => (yearValues.get(b) ?? 0) - (yearValues.get(a) ?? 0));
      expect(rows.map((r) => r[0])).toEqual(expectedOrder.map((_, i) => String(i + 1)));
      // Countries with equal values may come in either order, so the values are compared in order and the names as a set.
      expect(rows.map((r) => r[2])).toEqual(expectedOrder.map((c) => pct(yearValues.get(c) ?? NaN)));
      expect(rows.map((r) => `${r[1]} ${r[2]}`).sort()).toEqual(expectedOrder.map((c) => `${countryName(c, lang)} ${pct(yearValues.get(c) ?? NaN)}`).sort());
      expect(rows[0]?.[1]).toBe(s.highest.name);

      // Group values: population-weighted means, published only with two thirds of the population covered.
      for (const g of ['ACP', 'LDC', 'SIDS', 'WLD']) {
        const link = selectOne(p.doc, `table th a[href=/${lang}/groups/${g}]`);
        const cell = select(closest(link, 'tr') as Element, 'td')[0] as Element;
        const v = hand.groupValue(users, pop, members(g), year, 'population_mean');
        const shown = v.value === null ? t.aggregateStatus.insufficient_coverage : pct(v.value);
        expect(text(cell), g).toContain(`${shown} (${year}) ${t.common.coverageShort(v.withData, v.total, hand.share(v.covered, lang))}`);
      }

      expect(labelledSvg(selectOne(p.doc, 'figure.chart')).title).toBe(t.indicator.chartTitle(name));
      const lines = select(p.doc, 'p.source');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(text(line)).toMatch(new RegExp(`^${t.common.source}${t.common.colon}World Bank, World Development Indicators`));
        expect(select(line, `a[href=/${lang}/sources#v${vintageOf(USERS_FILE)}]`)).toHaveLength(1);
      }
    });

    it(`${lang}: a derived indicator (secure servers, number) is computed and summed from its inputs`, async () => {
      const t = messages(lang);
      const pop = values(POPULATION);
      const count = hand.product(values(SECURE), pop, 1e6);
      const year = hand.openingYear(count, ALL);
      const p = await ok(`/${lang}/indicators/${SECURE_COUNT}`);
      const name = text(selectOne(p.doc, 'h1'));
      expect(name).toBe(lang === 'en' ? 'Secure Internet servers (number)' : 'Serveurs Internet sécurisés (nombre)');
      expect(text(selectOne(p.doc, 'p.muted'))).toContain('IT.NET.SECR.P6 × SP.POP.TOTL / 1,000,000');

      const { title, desc } = labelledSvg(selectOne(p.doc, 'figure.map'));
      expect(title).toBe(`${name}, ${year}`);
      const yearValues = count.get(year) ?? new Map<string, number>();
      expect(desc).toBe(MAP_SUMMARY[lang](hand.extremes(yearValues, ALL, (c) => countryName(c, lang)), (n) => hand.whole(n, lang)));

      // A count adds up: the world's value is the sum over members with data.
      const world = hand.groupValue(count, pop, members('WLD'), year, 'sum');
      const cell = select(closest(selectOne(p.doc, `table th a[href=/${lang}/groups/WLD]`), 'tr') as Element, 'td')[0] as Element;
      const shown = world.value === null ? t.aggregateStatus.insufficient_coverage : hand.whole(world.value, lang);
      expect(text(cell)).toContain(`${shown} (${year})`);

      // Both inputs are named as sources, each linking to its vintage.
      const line = selectOne(p.doc, 'p.source');
      expect(text(line)).toMatch(new RegExp(`^${t.common.sources}${t.common.colon}`));
      expect(text(line)).toContain(`${t.common.computedFrom} ${SECURE}, ${POPULATION}`);
      for (const file of [SECURE_FILE, POPULATION_FILE]) {
        expect(select(line, `a[href=/${lang}/sources#v${vintageOf(file)}]`), file).toHaveLength(1);
      }
    });
  }
});

describe('the group page', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`${lang}: ACP's Internet use is the population-weighted mean of its members`, async () => {
      const t = messages(lang);
      const acp = members('ACP');
      const v = hand.latestGroupValue(values(USERS), values(POPULATION), acp, 'population_mean');
      const p = await ok(`/${lang}/groups/ACP`);
      const row = closest(selectOne(p.doc, `table th a[href=/${lang}/indicators/${USERS}]`), 'tr') as Element;
      expect(text(select(row, 'td')[0] as Element)).toBe(
        `${hand.percent(v.value ?? NaN, lang)} (${v.year}) ${t.common.coverageShort(v.withData, v.total, hand.share(v.covered, lang))}`,
      );
      expect(select(p.doc, 'p').map(text)).toContain(t.group.membersToday(acp.length));
      const listed = select(p.doc, 'main table').at(-1) as Element;
      expect(select(listed, 'tbody tr td a').map((a) => a.attrs.href).sort()).toEqual(acp.map((c) => `/${lang}/countries/${c}`).sort());
      labelledSvg(selectOne(p.doc, 'figure.map'));
      labelledSvg(selectOne(p.doc, 'figure.chart'));
      expect(select(p.doc, 'p.source').length).toBeGreaterThan(0);
    });
  }

  it('lists Mali among ECOWAS’s former members, with the date it left', async () => {
    const p = await ok('/en/groups/ECOWAS');
    const h2 = select(p.doc, 'h2').find((h) => text(h) === 'Former members');
    expect(h2).toBeDefined();
    expect(select(p.doc, 'main ul li').map(text)).toContainEqual(expect.stringMatching(/^Mali: 28 May 1975 – 29 January 2025 /));
  });
});

describe('pages need no JavaScript', () => {
  it('no page, error pages included, has a script, an event handler or a javascript: link', async () => {
    const urls = [...LANGS.flatMap((l) => PATHS.map((p) => `/${l}${p}`)), '/en/countries/XXX', '/fr/indicators/IT.NET.USER.ZS?year=abc'];
    for (const url of urls) {
      const { body } = await page(url);
      expect(body, url).not.toMatch(/<script/i);
      expect(body, url).not.toMatch(/\son[a-z]+=/i);
      expect(body, url).not.toMatch(/javascript:/i);
    }
  });

  it('the home page’s pickers are forms that work by GET', async () => {
    const home = await ok('/en/');
    const forms = select(home.doc, 'main form');
    expect(forms.map((f) => [f.attrs.method, f.attrs.action])).toEqual([
      ['get', '/en/countries'],
      ['get', '/en/groups'],
    ]);
    expect(select(forms[0] as Element, 'select[name=iso3] option').map((o) => o.attrs.value).sort()).toEqual([...ALL].sort());
  });
});

describe('page size', () => {
  it(`every page is under ${BUDGET / 1024} KB gzipped, map and charts included`, async () => {
    const sizes: { page: string; identity: number; gzip: number; ourGzip: number }[] = [];
    for (const lang of LANGS) {
      for (const path of PATHS) {
        const url = `/${lang}${path}`;
        const identity = Buffer.from(await (await fx.app.request(url)).arrayBuffer());
        const res = await fx.app.request(url, { headers: { 'accept-encoding': 'gzip' } });
        expect(res.status, url).toBe(200);
        expect(res.headers.get('content-encoding'), url).toBe('gzip');
        const gz = Buffer.from(await res.arrayBuffer());
        expect(Number(res.headers.get('content-length')), url).toBe(gz.byteLength);
        expect(gunzipSync(gz).equals(identity), `${url}: the gzip body is the page`).toBe(true);
        sizes.push({ page: url, identity: identity.byteLength, gzip: gz.byteLength, ourGzip: gzipSync(identity).byteLength });
      }
    }
    console.log(
      `Page sizes (bytes; budget ${BUDGET} gzipped):\n` +
        sizes.map((s) => `  ${s.page.padEnd(36)} ${String(s.identity).padStart(7)} identity ${String(s.gzip).padStart(6)} gzip (served) ${String(s.ourGzip).padStart(6)} gzip -6 (here)`).join('\n'),
    );
    for (const s of sizes) {
      expect(s.gzip, s.page).toBeLessThan(BUDGET);
      expect(s.ourGzip, s.page).toBeLessThan(BUDGET);
    }
  });
});

describe('bad addresses', () => {
  const badRequest = async (url: string, parameter: string, lang: Lang = 'en') => {
    const p = await page(url);
    expect(p.status, url).toBe(400);
    expect(p.headers.get('content-type'), url).toMatch(/^text\/html/);
    expect(selectOne(p.doc, 'html').attrs.lang, url).toBe(lang);
    expect(text(selectOne(p.doc, 'h1')), url).toBe(messages(lang).common.badRequest);
    expect(text(selectOne(p.doc, 'main')), url).toContain(`parameter "${parameter}"`);
    return text(selectOne(p.doc, 'main'));
  };

  it('answer 400 with a page naming the parameter', async () => {
    expect(await badRequest(`/en/indicators/${USERS}?year=abc`, 'year')).toContain('"abc"');
    expect(await badRequest(`/en/indicators/${USERS}?year=1990`, 'year')).toContain('2015–2023');
    expect(await badRequest(`/en/indicators/${USERS}?countries=XXX`, 'countries')).toContain('XXX');
    expect(await badRequest(`/en/indicators/${USERS}?countries=NG`, 'countries')).toContain('NG');
    expect(await badRequest(`/en/indicators/${USERS}?groups=NOPE`, 'groups')).toContain('NOPE');
    expect(await badRequest(`/en/indicators/${USERS}?foo=1`, 'foo')).toContain('year, countries, groups');
    await badRequest(`/fr/indicators/${USERS}?year=abc`, 'year', 'fr');
  });

  it('answer 404 with a page in the language of the address', async () => {
    const cases: [string, Lang][] = [
      ['/en/countries/XXX', 'en'],
      ['/fr/countries/XXX', 'fr'],
      ['/es/groups/NOPE', 'es'],
      ['/pt/indicators/NO.SUCH.CODE', 'pt'],
      ['/fr/nowhere', 'fr'],
      ['/de/', 'en'],
    ];
    for (const [url, lang] of cases) {
      const p = await page(url);
      expect(p.status, url).toBe(404);
      expect(selectOne(p.doc, 'html').attrs.lang, url).toBe(lang);
      expect(text(selectOne(p.doc, 'h1')), url).toBe(messages(lang).common.notFound);
      expect(select(p.doc, `main a[href=/${lang}/]`), url).toHaveLength(1);
    }
    expect(text(selectOne((await page('/fr/countries/XXX')).doc, 'h1'))).toBe('Page introuvable');
  });

  it('redirect to the canonical address', async () => {
    const location = async (url: string, status: number) => {
      const res = await fx.app.request(url);
      expect(res.status, url).toBe(status);
      return res.headers.get('location');
    };
    expect(await location('/en/countries/nga', 301)).toBe('/en/countries/NGA');
    expect(await location('/fr/groups/acp', 301)).toBe('/fr/groups/ACP');
    expect(await location('/en/indicators/it.net.user.zs', 301)).toBe(`/en/indicators/${USERS}`);
    expect(await location('/en/countries?iso3=KEN', 302)).toBe('/en/countries/KEN');
    expect(await location('/fr/countries?iso3=ken', 302)).toBe('/fr/countries/KEN');
    expect(await location('/en/groups?id=sids', 302)).toBe('/en/groups/SIDS');
    expect(await location('/pt', 301)).toBe('/pt/');
  });
});

describe('language switcher', () => {
  it('links every page to the same page in each language', async () => {
    for (const lang of LANGS) {
      for (const path of [...PATHS, `/indicators/${USERS}?year=2020&countries=NGA,KEN`]) {
        const url = `/${lang}${path}`;
        const p = await ok(url);
        const links = select(p.doc, 'nav.langs a');
        expect(links.map((a) => a.attrs.href), url).toEqual(LANGS.map((l) => `/${l}${path}`));
        expect(links.map((a) => a.attrs.hreflang), url).toEqual([...LANGS]);
        expect(links.filter((a) => a.attrs['aria-current'] === 'true').map((a) => a.attrs.hreflang), url).toEqual([lang]);
        expect(links.map(text), url).toEqual(LANGS.map((l) => messages(l).languageName));
        expect(select(p.doc, 'link[rel=alternate]').map((l) => [l.attrs.hreflang, l.attrs.href]), url).toEqual(LANGS.map((l) => [l, `/${l}${path}`]));
      }
    }
    // The switcher keeps the query, so the other language opens on the same year.
    const fr = await ok(`/fr/indicators/${USERS}?year=2020&countries=NGA,KEN`);
    expect(text(selectOne(fr.doc, 'figure.map svg title'))).toMatch(/, 2020$/);
  });
});

describe('HTTP caching', () => {
  it('answers a conditional GET with the page’s ETag with 304', async () => {
    const url = `/fr/countries/TUV`;
    const first = await fx.app.request(url);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await fx.app.request(url, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
    const other = await fx.app.request(url, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);
    const english = await fx.app.request('/en/countries/TUV');
    expect(english.headers.get('etag')).not.toBe(etag);
  });

  it('serves the style sheet under a hashed URL with a long cache lifetime', async () => {
    const p = await ok('/en/');
    const href = selectOne(p.doc, 'link[rel=stylesheet]').attrs.href ?? '';
    expect(href).toMatch(/^\/static\/style\.[0-9a-f]{10}\.css$/);
    const res = await fx.app.request(href);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
    const cacheControl = res.headers.get('cache-control') ?? '';
    expect(cacheControl).toContain('immutable');
    expect(Number(/max-age=(\d+)/.exec(cacheControl)?.[1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
    expect((await res.text()).length).toBeGreaterThan(100);
    expect((await fx.app.request('/static/style.0000000000.css')).status).toBe(404);
  });
});

describe('page size with every country of the world map', () => {
  // The fixture has sixteen countries; production has about 250, each a shape with a link and a tooltip
  // on every map, so the budget is checked again with a country in every shape the atlas draws.
  let world: ObservatoryFixture;
  let added = 0;

  beforeAll(async () => {
    world = await buildObservatoryFixture();
    const require = createRequire(import.meta.url);
    const atlas = require('world-atlas/countries-50m.json') as { objects: { countries: { geometries: { id?: string }[] } } };
    const taken = new Set(world.facts.countries.map((c) => c.m49));
    const ids = [...new Set(atlas.objects.countries.geometries.map((g) => g.id))].filter((id): id is string => !!id && id !== '010' && !taken.has(id));
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    // Codes from the user-assigned range (Q..), so none collides with a real country.
    const extra: Country[] = ids.map((m49, i) => ({
      iso3: `Q${letters[Math.floor(i / 26)]}${letters[i % 26]}`,
      iso2: null,
      m49,
      names: { en: `Synthetic country number ${m49}`, fr: `Pays synthétique numéro ${m49}` },
      region: null,
      subregion: null,
      intermediateRegion: null,
    }));
    added = extra.length;
    const everyone = [...ALL, ...extra.map((c) => c.iso3)];
    const rand = seeded(42);
    await world.store.importVintage(
      {
        dataset: 'synthetic/world-internet-users',
        source: 'Synthetic values for every country',
        format: 'long',
        fileName: 'it.net.user.zs.csv',
        sha256: 'world',
        licence: 'CC-BY-4.0',
        sourceUrl: null,
        publishedAt: '2026-01-01',
        note: null,
      },
      async (w) => {
        await w.upsertCountries(extra);
        await w.nameIndicator(USERS, 'Individuals using the Internet (% of population)');
        await w.addObservations(everyone.flatMap((entity) => [2019, 2020, 2021, 2022, 2023].map((year) => ({ indicator: USERS, entity, year, value: Math.round(rand() * 1000) / 10 }))));
      },
    );
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it(`the heaviest pages stay under ${BUDGET / 1024} KB gzipped`, async () => {
    expect(added).toBeGreaterThan(200);
    const sizes: string[] = [];
    for (const url of [`/en/indicators/${USERS}`, `/fr/indicators/${USERS}`, '/en/countries/NGA', '/fr/countries/TUV', '/en/groups/WLD', '/en/groups/ACP', '/en/']) {
      const res = await world.app.request(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status, url).toBe(200);
      const gz = Buffer.from(await res.arrayBuffer());
      const html = gunzipSync(gz).toString('utf8');
      const doc = parseHtml(html);
      if (url.includes('/indicators/') || url.includes('/countries/')) {
        // The map really holds every country: one link per shape.
        expect(select(doc, 'figure.map svg a').length, url).toBeGreaterThanOrEqual(ALL.length + added);
      }
      sizes.push(`  ${url.padEnd(36)} ${String(html.length).padStart(7)} identity ${String(gz.byteLength).padStart(6)} gzip`);
      expect(gz.byteLength, url).toBeLessThan(BUDGET);
    }
    console.log(`Page sizes with ${ALL.length + added} countries on the map (bytes; budget ${BUDGET} gzipped):\n${sizes.join('\n')}`);
  });
});
