/**
 * The moratorium page over the page fixture (Nepal's imports and tariff from test/support/moratorium-fixture.ts):
 * its form, results against the hand-worked figures, chart, map for a group, lines, sensitivity, method,
 * source line and downloads, in English and French; the VAT/GST comparison and the duty design with its own
 * form; a round trip through the forms as a browser without JavaScript makes it; bad parameters; and the
 * size budget.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, fr } from '../../../src/app/web/i18n/index.ts';
import { MORATORIUM_EXPECTED as X, seedVat } from '../../support/moratorium-fixture.ts';
import { buildObservatoryFixture, type ObservatoryFixture } from '../../support/observatory-fixture.ts';
import { parseHtml, select, selectOne, text, type Element } from './html.ts';

let fx: ObservatoryFixture;
beforeAll(async () => {
  fx = await buildObservatoryFixture();
  await seedVat(fx.store, { reporter: 'NPL', unrated: 'HTI' });
});
afterAll(async () => {
  await fx?.dispose();
});

async function get(url: string): Promise<{ status: number; body: string; doc: Element }> {
  const res = await fx.app.request(url);
  const body = await res.text();
  return { status: res.status, body, doc: parseHtml(body) };
}

async function ok(url: string): Promise<Element> {
  const p = await get(url);
  expect(p.status, `${url}: ${p.body.slice(0, 300)}`).toBe(200);
  return p.doc;
}

/** The cells of a table's body rows, as text. */
function cells(table: Element): string[][] {
  return select(table, 'tbody tr').map((tr) => tr.children.filter((c): c is Element => typeof c !== 'string').map(text));
}

/** What a browser submits for a GET form: each field's current value (a select's selected option, else its first). */
function formFields(form: Element): URLSearchParams {
  const params = new URLSearchParams();
  for (const el of select(form, 'select')) {
    const options = select(el, 'option');
    const chosen = options.find((o) => 'selected' in o.attrs) ?? options[0];
    params.append(el.attrs.name ?? '', chosen?.attrs.value ?? '');
  }
  for (const el of select(form, 'input')) params.append(el.attrs.name ?? '', el.attrs.value ?? '');
  return params;
}

const CATALOGUE = { en: en.moratorium, fr: fr.moratorium } as const;
const NUMBER = { en: (n: number) => n.toLocaleString('en-GB'), fr: (n: number) => n.toLocaleString('fr-FR') } as const;

describe('the moratorium page', () => {
  for (const lang of ['en', 'fr'] as const) {
    const m = CATALOGUE[lang];
    it(`${lang}: opens on Nepal with the form, the results per year, chart, lines, sensitivity, method, source and downloads`, async () => {
      const doc = await ok(`/${lang}/moratorium`);
      expect(text(selectOne(doc, 'h1'))).toBe(m.title);
      const nav = (lang === 'en' ? en : fr).nav.moratorium;
      expect(select(doc, `header nav a[href=/${lang}/moratorium]`).filter((a) => text(a) === nav).map((a) => a.attrs['aria-current'])).toEqual(['page']);

      const form = selectOne(doc, 'main form');
      expect([form.attrs.method, form.attrs.action]).toEqual(['get', `/${lang}/moratorium`]);
      for (const name of ['target', 'list', 'tariff', 'rollup', 'valuation']) expect(select(form, `select[name=${name}]`), name).toHaveLength(1);
      for (const name of ['years', 'share', 'carrier_share', 'elasticity']) expect(select(form, `input[name=${name}]`), name).toHaveLength(1);
      expect(select(form, 'select[name=target] option').find((o) => 'selected' in o.attrs)?.attrs.value).toBe('country:NPL');

      // The 2021 imports are priced with the 2022 schedule, and the page says so in its own language.
      expect(select(doc, 'ul.notes li').map(text)).toContain(
        lang === 'en'
          ? 'NPL: 2021 imports priced with the tariff schedule 2022 (2022-01-01 to 2022-12-31), in force only after the trade period, 12 months later; it is the only schedule stored for this country.'
          : 'NPL : importations de 2021 évaluées au tarif 2022 (du 2022-01-01 au 2022-12-31), en vigueur seulement après la période commerciale, 12 mois plus tard ; c’est le seul tarif enregistré pour ce pays.',
      );

      const results = selectOne(doc, 'table[id=results]');
      const n = NUMBER[lang];
      expect(cells(results).map((r) => r.slice(0, 6))).toEqual([
        [
          '2021', n(X.mfn[2021]), n(X.imports[2021]), n(X.importsRated[2021]), '3 / 0',
          // The 2022 schedule was not in force in 2021: the cell says so, with the gap.
          lang === 'en'
            ? '2022 not in force: starts 12 months after the trade period · the only schedule stored'
            : '2022 pas en vigueur : débute 12 mois après la période commerciale · le seul tarif enregistré',
        ],
        ['2022', n(X.mfn[2022]), n(X.imports[2022]), n(X.importsRated[2022]), '3 / 1', '2022'],
      ]);
      // No revenue series before 2022: the shares say so, never zero and never a bare "no data".
      expect(cells(results)[0]?.[6]).toBe(lang === 'en' ? 'no revenue series' : 'pas de série de recettes');
      expect(cells(results)[1]?.[6]).toBe(lang === 'en' ? '0.0254%' : '0,0254\u00a0%');

      const chart = selectOne(doc, 'figure.chart svg[role=img]');
      expect(text(selectOne(chart, 'title'))).toBe(m.chartTitle(lang === 'en' ? 'Nepal' : 'Népal'));
      expect(cells(selectOne(doc, 'table[id=lines]')).map((r) => r[0])).toEqual(['3704.00', '4901.10', '8523.49', '9504.50']);
      const sensitivity = cells(selectOne(doc, 'table[id=sensitivity]'));
      expect(sensitivity.find((r) => r[1] === m.tariffs.bound)?.[2]).toBe(n(X.bound[2021] + X.bound[2022]));
      expect(select(doc, 'table[id=sensitivity] tr.base').length).toBeGreaterThanOrEqual(5);
      expect(select(doc, 'h2').map(text)).toContain(m.methodTitle);
      expect(doc && text(selectOne(doc, 'main'))).toContain('G/VAL/5');

      const source = select(doc, 'p.source').map(text).join(' ');
      expect(source).toContain('WITS TRAINS (test extract)');
      expect(select(selectOne(doc, 'p.source'), `a[href=/${lang}/sources#v${fx.moratorium.tariffs.id}]`)).toHaveLength(1);

      const links = select(doc, 'p.downloads a').map((a) => a.attrs.href ?? '');
      expect(links).toHaveLength(5);
      for (const href of links) {
        const url = new URL(href, 'http://x');
        expect(url.searchParams.get('country')).toBe('NPL');
        expect(url.searchParams.get('tariff')).toBe('mfn');
        const res = await fx.app.request(href);
        expect(res.status, href).toBe(200);
      }
      expect(links.some((h) => h.includes('format=xlsx'))).toBe(true);
    });

    it(`${lang}: a group shows its totals with members with data, a map of its members and the members without data`, async () => {
      const doc = await ok(`/${lang}/moratorium?target=group:LDC&years=2022`);
      expect(cells(selectOne(doc, 'table[id=results]'))).toEqual([['2022', NUMBER[lang](X.mfn[2022]), NUMBER[lang](X.imports[2022] + X.unratedImports), expect.stringMatching(/^1 \/ \d+$/)]]);
      expect(select(doc, 'figure.map svg[role=img]')).toHaveLength(1);
      expect(select(doc, 'h3').map(text)).toContain(m.noDataMembers);
    });
  }

  for (const lang of ['en', 'fr'] as const) {
    const m = CATALOGUE[lang];
    const n = NUMBER[lang];
    const nepal = lang === 'en' ? 'Nepal' : 'Népal';
    it(`${lang}: compares the duty with VAT/GST on the same base, with the registry entry and its sources`, async () => {
      const w = (lang === 'en' ? en : fr).moratoriumVatRates;
      const doc = await ok(`/${lang}/moratorium`);
      const titles = select(doc, 'h2').map(text);
      expect(titles).toContain(m.vat.title);
      // Between the sensitivity table and the assumptions.
      expect(titles.indexOf(m.vat.title)).toBeLessThan(titles.indexOf(m.design.title));
      const table = selectOne(doc, 'table[id=vat]');
      expect(select(table, 'thead th').map(text)).toEqual([
        lang === 'en' ? 'Year' : 'Année', m.vat.duty, m.vat.vatRevenue, w.rateUsed, w.rateSource, m.vat.start, m.vat.threshold, m.vat.model, m.vat.legislated,
      ]);
      const date = lang === 'en' ? '1 July 2023' : '1 juillet 2023';
      const source = expect.stringContaining(`${w.origins.registry}`);
      expect(cells(table)).toEqual([
        ['2021', n(X.mfn[2021]), n(X.vat[2021]), '15', source, date, `${n(100_000)} USD`, m.vat.models['vendor registration'], m.vat.statuses.legislation],
        ['2022', n(X.mfn[2022]), n(X.vat[2022]), '15', source, date, `${n(100_000)} USD`, m.vat.models['vendor registration'], m.vat.statuses.legislation],
      ]);
      const sources = selectOne(doc, 'ul.vat-sources');
      expect(text(sources)).toContain('VAT registry (test extract)');
      expect(select(sources, 'a[href=https://example.org/vat-act]')).toHaveLength(1);
      for (const a of select(doc, 'p.vat-downloads a')) expect((await fx.app.request(a.attrs.href ?? '')).status, a.attrs.href).toBe(200);
      const method = text(selectOne(doc, 'main'));
      expect(method).toContain(m.method.at(-2) ?? '–');
      expect(method).toContain(m.method.at(-1) ?? '–');
    });

    it(`${lang}: simulates a duty on the listed lines with its own form, the revenue curve and why there is no peak`, async () => {
      const doc = await ok(`/${lang}/moratorium`);
      const form = select(doc, 'main form')[1] as Element;
      expect([form.attrs.method, form.attrs.action]).toEqual(['get', `/${lang}/moratorium#design`]);
      const fields = formFields(form);
      expect([fields.get('target'), fields.get('rate'), fields.get('base'), fields.get('elasticity'), fields.get('tariff')]).toEqual(['country:NPL', '10', '', '0', 'mfn']);
      expect(select(form, 'select[name=design_country]')).toHaveLength(0);
      // A 10% duty on 2,600,000 with imports that do not respond: revenue = cost to consumers = 260,000, no deadweight loss.
      const results = selectOne(doc, 'table[id=design-results]');
      expect(text(selectOne(results, 'caption'))).toContain(m.design.resultsTitle(nepal, lang === 'en' ? '10%' : '10\u00a0%'));
      const rows = cells(results);
      expect(rows.map((r) => r.slice(0, 2))).toEqual([
        [m.design.baseLabel, n(X.designBase)],
        [m.design.importsAfter, n(X.designBase)],
        [m.design.revenue, n(260_000)],
        [m.design.consumerCost, n(260_000)],
        [m.design.deadweightLoss, '0'],
        [m.design.peak, m.design.noPeak],
      ]);
      expect(rows[0]?.[2]).toBe(m.design.baseFromLines(2022));
      const chart = select(doc, 'figure.chart')[1] as Element;
      expect(text(selectOne(chart, 'svg title'))).toBe(m.design.chartTitle(nepal));
      expect(text(selectOne(chart, 'figcaption'))).toContain(m.design.seriesCost);
      for (const a of select(doc, 'p.design-downloads a')) expect((await fx.app.request(a.attrs.href ?? '')).status, a.attrs.href).toBe(200);
    });
  }

  it('round-trips through the design form: a value given and an elasticity from the main form', async () => {
    const elastic = await ok('/en/moratorium?elasticity=-2');
    const fields = formFields(select(elastic, 'main form')[1] as Element);
    fields.set('rate', '10');
    fields.set('base', '1 000 000');
    const next = await ok(`/en/moratorium?${fields}`);
    // B = 1,000,000, t = 10%, ε = −2: imports B/1.21, revenue 82,645, cost B × (1 − 1/1.1) = 90,909; peak at 100%.
    const rows = cells(selectOne(next, 'table[id=design-results]'));
    expect(rows.map((r) => r[1])).toEqual(['1,000,000', '826,446', '82,645', '90,909', '8,264', expect.stringMatching(/^100%, raising US\$250k$/)]);
    expect(rows[0]?.[2]).toBe(en.moratorium.design.baseGiven);
    // The main form keeps the design's fields, so a new estimate keeps the design.
    const main = formFields(selectOne(next, 'main form'));
    expect([main.get('rate'), main.get('base')]).toEqual(['10', '1 000 000']);
    expect(select(next, 'p.design-downloads a')[0]?.attrs.href).toContain('base=1000000');
  });

  it('asks a group for one of its members, then simulates it or says it has no base', async () => {
    const doc = await ok('/en/moratorium?target=group:LDC&years=2022');
    const d = en.moratorium.design;
    expect(select(doc, 'p.notice').map(text)).toContain(d.askCountry('Least developed countries (LDCs)'));
    const form = select(doc, 'main form')[1] as Element;
    const options = select(form, 'select[name=design_country] option').map((o) => o.attrs.value);
    expect(options).toEqual(expect.arrayContaining(['', 'NPL', 'HTI', 'MLI']));
    // The VAT table of a group: each member in the latest year; Haiti has no VAT rate.
    const vat = cells(selectOne(doc, 'table[id=vat]'));
    expect(vat.find((r) => r[0] === 'Nepal')?.slice(1, 3)).toEqual([X.mfn[2022], X.vat[2022]].map((v) => v.toLocaleString('en-GB')));
    expect(vat.find((r) => r[0] === 'Haiti')?.slice(1, 5)).toEqual(['no data', 'no data', en.moratoriumVatRates.noRate, en.moratoriumVatRates.noRateReason]);
    expect(vat.find((r) => r[0] === 'Haiti')?.[8]).toBe(en.moratorium.vat.statuses['draft legislation']);

    const nepal = await ok('/en/moratorium?target=group:LDC&years=2022&design_country=NPL&rate=20');
    expect(cells(selectOne(nepal, 'table[id=design-results]'))[2]?.[1]).toBe((520_000).toLocaleString('en-GB'));
    const mali = await ok('/en/moratorium?target=group:LDC&years=2022&design_country=MLI');
    expect(select(mali, 'p.notice').map(text)).toContain(d.noBase);
    expect(select(mali, 'table[id=design-results]')).toHaveLength(0);
  });

  it('round-trips through its GET form: changing the tariff measure changes the estimate', async () => {
    const doc = await ok('/en/moratorium');
    const fields = formFields(selectOne(doc, 'main form'));
    fields.set('tariff', 'bound');
    const next = await ok(`/en/moratorium?${fields}`);
    expect(select(next, 'select[name=tariff] option').find((o) => 'selected' in o.attrs)?.attrs.value).toBe('bound');
    expect(cells(selectOne(next, 'table[id=results]')).map((r) => r[1])).toEqual([X.bound[2021], X.bound[2022]].map((v) => v.toLocaleString('en-GB')));
    for (const a of select(next, 'p.downloads a')) expect(a.attrs.href).toContain('tariff=bound');
    // The same estimate through the API's own parameter names.
    const viaApiNames = await ok('/en/moratorium?country=NPL&tariff=bound');
    expect(cells(selectOne(viaApiNames, 'table[id=results]'))).toEqual(cells(selectOne(next, 'table[id=results]')));
  });

  it.each([
    ['/en/moratorium?tariff=wto', 400, 'tariff'],
    ['/en/moratorium?elasticity=2', 400, 'elasticity'],
    ['/en/moratorium?target=NPL', 400, 'target'],
    ['/en/moratorium?target=country:NPL&group=LDC', 400, 'target'],
    ['/en/moratorium?tarif=mfn', 400, 'tarif'],
    ['/en/moratorium?country=XYZ', 404, ''],
    ['/en/moratorium?list=no-such-list', 404, ''],
    ['/en/moratorium?rate=ten', 400, 'rate'],
    ['/en/moratorium?rate=10&base=lots', 400, 'base'],
    ['/en/moratorium?target=group:LDC&design_country=USA', 400, 'design_country'],
  ])('%s answers %i', async (url, status, parameter) => {
    const p = await get(url);
    expect(p.status).toBe(status);
    if (parameter) expect(text(selectOne(p.doc, 'main'))).toContain(`"${parameter}"`);
  });

  it('stays under 150 KB compressed, for a country and for a group with its map', async () => {
    for (const url of ['/en/moratorium', '/fr/moratorium?target=group:LDC', '/fr/moratorium?target=group:WLD']) {
      const body = await (await fx.app.request(url)).text();
      expect(gzipSync(body).length, url).toBeLessThan(150 * 1024);
    }
  });
});
