/**
 * The moratorium page's VAT comparison with the rate it uses, and the sensitivity's reasons, on the page
 * fixture (Nepal's imports and tariff; Haiti's imports without a tariff) with the national act's 13% for
 * Nepal and Nepal's exchange rates (test/support/vat-rates-setup.ts), in English and French; then with the
 * registry's 15% for Nepal, which wins, the table's 13% shown beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FX_SOURCE } from '../../../src/domain/moratorium/shares.ts';
import { formatDate } from '../../../src/app/web/format.ts';
import { en, fr } from '../../../src/app/web/i18n/index.ts';
import { MORATORIUM_EXPECTED as X, seedVat } from '../../support/moratorium-fixture.ts';
import { buildObservatoryFixture, type ObservatoryFixture } from '../../support/observatory-fixture.ts';
import { NATIONAL_ACT_AS_OF, seedRatesAndFx } from '../../support/vat-rates-setup.ts';
import { parseHtml, select, selectOne, text, type Element } from './html.ts';

let fx: ObservatoryFixture;
beforeAll(async () => {
  fx = await buildObservatoryFixture();
  await seedRatesAndFx(fx.store, 'NPL');
});
afterAll(async () => {
  await fx?.dispose();
});

async function page(url: string): Promise<Element> {
  const res = await fx.app.request(url);
  const body = await res.text();
  expect(res.status, `${url}: ${body.slice(0, 300)}`).toBe(200);
  return parseHtml(body);
}

/** The cells of a table's body rows, as text. */
function cells(table: Element): string[][] {
  return select(table, 'tbody tr').map((tr) => tr.children.filter((c): c is Element => typeof c !== 'string').map(text));
}

const CATALOGUE = { en, fr } as const;
const NUMBER = { en: (n: number) => n.toLocaleString('en-GB'), fr: (n: number) => n.toLocaleString('fr-FR') } as const;

describe('the VAT comparison’s rate and the sensitivity’s reasons on the moratorium page', () => {
  for (const lang of ['en', 'fr'] as const) {
    const t = CATALOGUE[lang];
    const w = t.moratoriumVatRates;
    const n = NUMBER[lang];

    it(`${lang}: shows Nepal’s 13% from the national act with its date, the VAT base and the exchange rates’ source`, async () => {
      const doc = await page(`/${lang}/moratorium?target=country:NPL`);
      const table = selectOne(doc, 'table[id=vat]');
      expect(select(table, 'thead th').map(text).slice(3, 5)).toEqual([w.rateUsed, w.rateSource]);
      const rows = cells(table);
      // Import value, duty excluded: 2,000,000 × 13% and 2,600,000 × 13%.
      expect(rows.map((r) => r.slice(0, 4))).toEqual([
        ['2021', n(X.mfn[2021]), n(X.imports[2021] * 0.13), '13'],
        ['2022', n(X.mfn[2022]), n(X.imports[2022] * 0.13), '13'],
      ]);
      const source = rows[0]?.[4] ?? '';
      expect(source).toContain(w.tables['national-law']);
      expect(source).toContain('in force from 1997-11-16');
      expect(source).toContain(w.asOf(formatDate(NATIONAL_ACT_AS_OF, lang)));
      expect(select(table, 'td[data-rate-origin=table]')).toHaveLength(2);
      const base = text(selectOne(doc, 'p.vat-base'));
      expect(base).toContain(t.moratoriumShares.vatBases['import-value'] ?? '–');
      expect(base).toContain('vat_base=import-value');
      expect(base).toContain(FX_SOURCE);
      const standard = text(selectOne(doc, 'ul.vat-standard-rates'));
      expect(standard).toContain(w.standardLine(n(13), w.tables['national-law'] ?? '', 'x').split('x')[0] ?? '–');
      // The method explains the rate shown, the missing totals and the exchange rates in the downloads.
      expect(text(selectOne(doc, 'main'))).toContain(w.method[0] ?? '–');
      const links = select(doc, 'p.vat-downloads a').map((a) => a.attrs.href ?? '');
      expect(links.some((h) => h.includes('format=xlsx'))).toBe(true);
      for (const href of links) expect((await fx.app.request(href)).status, href).toBe(200);
    });

    it(`${lang}: says why Haiti has no VAT rate and why its sensitivity totals are missing`, async () => {
      const doc = await page(`/${lang}/moratorium?target=country:HTI`);
      const vat = selectOne(doc, 'table[id=vat]');
      const [row = []] = cells(vat);
      expect(row.slice(2, 5)).toEqual([t.common.noData, w.noRate, w.noRateReason]);
      expect(select(vat, 'span[data-missing=no-vat-rate]')).toHaveLength(1);
      expect(text(selectOne(doc, 'ul.vat-standard-rates'))).toContain(w.noStandard);
      const sensitivity = selectOne(doc, 'table[id=sensitivity]');
      const totals = cells(sensitivity).map((r) => r[2]);
      const l = t.moratoriumLists;
      expect(totals[0]).toBe(l.missing['no-tariff'](l.measures.bound ?? ''));
      expect(totals[1]).toBe(l.missing['no-tariff'](l.measures.mfn ?? ''));
      expect(totals.every((c) => c !== t.common.noData)).toBe(true);
      expect(select(sensitivity, 'span[data-missing=no-tariff]').length).toBe(totals.length);
    });
  }

  it('shows the registry’s 15% with the rate tables’ 13% beside it, in English and French', async () => {
    await seedVat(fx.store, { reporter: 'NPL', unrated: 'HTI' });
    for (const lang of ['en', 'fr'] as const) {
      const w = CATALOGUE[lang].moratoriumVatRates;
      const n = NUMBER[lang];
      const table = selectOne(await page(`/${lang}/moratorium?target=country:NPL`), 'table[id=vat]');
      const [row = []] = cells(table);
      expect(row.slice(2, 4)).toEqual([n(X.vat[2021]), `15 (${w.tableDiffers('13')})`]);
      expect(row[4]).toContain(`${w.origins.registry}`);
      expect(row[4]).toContain('VAT registry (test extract)');
      expect(select(table, 'small[data-flag=table-rate-differs]')).toHaveLength(2);
    }
  });
});
