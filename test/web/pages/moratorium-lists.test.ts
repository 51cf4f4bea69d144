/**
 * The moratorium page's reasons for missing figures and its account of the product lists, in English and
 * French, over the page fixture (Nepal's imports with a line without a rate; an LDC member without imports).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, fr } from '../../../src/app/web/i18n/index.ts';
import { buildObservatoryFixture, type ObservatoryFixture } from '../../support/observatory-fixture.ts';
import { parseHtml, select, selectOne, text, type Element } from './html.ts';

let fx: ObservatoryFixture;
beforeAll(async () => {
  fx = await buildObservatoryFixture();
});
afterAll(async () => {
  await fx?.dispose();
});

async function page(url: string): Promise<Element> {
  const res = await fx.app.request(url);
  const body = await res.text();
  expect(res.status, body.slice(0, 300)).toBe(200);
  return parseHtml(body);
}

const CATALOGUE = { en: en.moratoriumLists, fr: fr.moratoriumLists } as const;

describe('the moratorium page says why a figure is missing and which list it uses', () => {
  for (const lang of ['en', 'fr'] as const) {
    const t = CATALOGUE[lang];
    it(`${lang}: a line without a rate says "no MFN rate", a missing share "no revenue series"`, async () => {
      const doc = await page(`/${lang}/moratorium`);
      const film = select(selectOne(doc, 'table[id=lines]'), 'tbody tr').find((tr) => text(tr).includes('3704.00'));
      expect(film).toBeDefined();
      const why = select(film as Element, 'span[data-missing]');
      expect(why.map((s) => s.attrs['data-missing'])).toEqual(['no-rate', 'no-rate']);
      expect(text(why[0] as Element)).toBe(t.missing['no-rate'](t.measures.mfn as string));
      expect(why[0]?.attrs.title).toBe(t.missingTitle['no-rate']);
      expect(select(selectOne(doc, 'table[id=results]'), 'span[data-missing=no-revenue-series]').length).toBeGreaterThan(0);
    });

    it(`${lang}: a group names its members without imports with the reason`, async () => {
      const doc = await page(`/${lang}/moratorium?target=group:LDC&years=2022`);
      const reasons = select(doc, 'span[data-missing]').map((s) => s.attrs['data-missing']);
      expect(reasons).toContain('no-trade');
      expect(select(doc, 'span[data-missing=no-trade]').map(text)).toContain(t.missing['no-trade']);
    });

    it(`${lang}: the method explains both lists line by line, the default, and the procurement flag`, async () => {
      const doc = await page(`/${lang}/moratorium`);
      expect(select(doc, 'h3').map(text)).toContain(t.listsTitle);
      const main = text(selectOne(doc, 'main'));
      for (const p of t.method) expect(main).toContain(p);
      expect(main).toContain('digitisable-narrow-hs2022');
      const rows = select(selectOne(doc, 'table[id=list-lines]'), 'tbody tr');
      expect(rows).toHaveLength(35);
      const stamps = rows.find((r) => r.attrs['data-reason'] === 'security-documents');
      expect(stamps && text(stamps)).toContain('4907.00');
      expect(stamps && text(stamps)).toContain(t.outList);
      const discs = rows.find((r) => text(r).includes('8523.49'));
      expect(discs && text(discs)).toContain(t.reasons['recorded-media']);
      // The form offers both lists, the narrow one chosen.
      const options = select(doc, 'select[name=list] option');
      expect(options.map((o) => o.attrs.value)).toEqual(expect.arrayContaining(['digitisable-narrow-hs2022', 'digitisable-hs2022']));
      expect(options.find((o) => 'selected' in o.attrs)?.attrs.value).toBe('digitisable-narrow-hs2022');
    });
  }
});
