/**
 * The readiness index on country and group pages, on both engines: the latest year the B2C method scores
 * from the fixture's stored values (2023: Internet use of 2022, account ownership, secure servers and
 * postal reliability of 2020), the score and rank, each component normalised or why it is missing, the
 * published edition (2021) beside with the index computed for its year, and a group's average with coverage.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { ENGINES } from '../../support/engines.ts';
import { seed, TODAY } from '../api/fixture.ts';
import { parseHtml, select, selectOne, text, type Element } from './html.ts';

const EDITION = [
  'rank_2021,economy,internet_use_pct,account_ownership_pct,secure_servers_normalized,upu_postal_reliability,index_value_2021,index_value_change_2020_21,rank_2020_recomputed',
  '1,United States,90,93,100,80,90.8,0.1,1',
  '2,France,85,94,90,90,89.8,0.0,2',
  '3,Kenya,30,82,35,20,41.8,1.0,3',
  '4,Nigeria,35,40,10,10,23.8,0.5,4',
].join('\n');

/** Account ownership (% of adults), 2020; FJI, TUV, HTI, CIV and MLI have none. */
const ACCOUNT: Record<string, number> = { USA: 93, FRA: 94, KEN: 80, NGA: 45 };

/** Secure servers, log(1 + x) min-max over the fixture's 2020 values (NGA 12.5 lowest, USA 50,000 highest). */
const servers = (x: number) => ((Math.log1p(x) - Math.log1p(12.5)) / (Math.log1p(50_000) - Math.log1p(12.5))) * 100;
/** Kenya 2023: Internet 45 (2022), account 80, servers 40 per million, postal 20 (2020). */
const KEN_2023 = (45 + 80 + servers(40) + 20) / 4;
/** Kenya 2021, the published edition's year: Internet 30 (2020). */
const KEN_2021 = (30 + 80 + servers(40) + 20) / 4;
/** Nigeria 2023: Internet 55, account 45, servers 0, postal 10. */
const NGA_2023 = (55 + 45 + 0 + 10) / 4;

const one = (n: number) => n.toFixed(1);

for (const engine of ENGINES) {
  describe(`readiness on country and group pages on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let folder: string;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      await store.importVintage(
        { dataset: 'wdi/fx.own.totl.zs', source: 'World Bank, Global Findex', format: 'long', fileName: 'findex.csv', sha256: 'a1', licence: 'CC-BY-4.0', sourceUrl: 'https://example.org/findex', publishedAt: '2026-05-01', note: null },
        async (w) => {
          await w.nameIndicator('FX.OWN.TOTL.ZS', 'Account ownership (% of population age 15+)');
          await w.addObservations(Object.entries(ACCOUNT).map(([entity, value]) => ({ indicator: 'FX.OWN.TOTL.ZS', entity, year: 2020, value })));
        },
      );
      folder = mkdtempSync(join(tmpdir(), 'observatory-readiness-pages-'));
      writeFileSync(join(folder, 'b2c_2021.csv'), EDITION);
      await importFile(store, join(folder, 'b2c_2021.csv'));
      app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }) });
    });
    afterAll(async () => {
      await dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    const section = async (path: string) => {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      return selectOne(parseHtml(await res.text()), 'section[id=readiness]');
    };
    /** The cells of the component row whose header is `label`. */
    const cells = (s: Element, label: string) => {
      const row = select(s, 'tr').find((tr) => text(selectOne(tr, 'th')) === label);
      expect(row, label).toBeDefined();
      return select(row!, 'td').map(text);
    };
    const links = (s: Element) => select(s, 'a').map((a) => a.attrs.href);

    it('shows a country’s latest score and rank, its components normalised, and the published edition beside', async () => {
      const s = await section('/en/countries/KEN');
      const body = text(s);
      expect(body).toContain(`UNCTAD B2C E-commerce Index 2023: score ${one(KEN_2023)} of 100, rank 3 of 4.`);
      expect(cells(s, 'Secure servers')).toEqual(['2020', '40', one(servers(40))]);
      expect(cells(s, 'Internet use')).toEqual(['2022', '45%', '45']);
      expect(cells(s, 'Account ownership')).toEqual(['2020', '80%', '80']);
      expect(body).toContain(`Published edition 2021: score 41.8, rank 3 of 4; computed here for 2021: ${one(KEN_2021)}, rank 3 of 4.`);
      expect(body).toContain('The latest year the method gives scores in from the stored data is 2023');
      expect(links(s)).toContain('/en/readiness/unctad-b2c?year=2023');
    });

    it('says why a country has no score: the component it lacks and the reason', async () => {
      const s = await section('/en/countries/FJI');
      const body = text(s);
      expect(body).toContain('UNCTAD B2C E-commerce Index 2023: no score (4 economies scored).');
      expect(cells(s, 'Account ownership')).toEqual(['–', '–', 'missing: no value in the years read']);
      expect(cells(s, 'Internet use')).toEqual(['2022', '75%', '75']);
      expect(body).toContain('Not ranked in the published edition of 2021.');
    });

    it('says it in French', async () => {
      const body = text(await section('/fr/countries/KEN'));
      expect(body).toContain(`UNCTAD B2C E-commerce Index 2023 : score ${one(KEN_2023).replace('.', ',')} sur 100, rang 3 sur 4.`);
      expect(body).toContain('Édition publiée 2021 : score 41,8, rang 3 sur 4');
      const fji = text(await section('/fr/countries/FJI'));
      expect(fji).toContain('manquante : aucune valeur dans les années lues');
    });

    it('gives a group’s population-weighted average with its coverage, or withholds it', async () => {
      // ACP: NGA (200 M) and KEN (50 M) scored of 7 members holding 308.01 M, 81% covered.
      const acp = text(await section('/en/groups/ACP'));
      expect(acp).toContain(`UNCTAD B2C E-commerce Index 2023: population-weighted average score ${one((NGA_2023 * 200 + KEN_2023 * 50) / 250)} of 100.`);
      expect(acp).toContain('Coverage: 2 of 7 members with a score, 81% of the population.');
      // LDC: TUV, HTI and MLI, none scored.
      const ldc = await section('/en/groups/LDC');
      expect(text(ldc)).toContain('average withheld');
      expect(text(ldc)).toContain('Coverage: 0 of 3 members with a score, 0% of the population.');
      expect(links(ldc)).toContain('/en/readiness/unctad-b2c?year=2023&groups=LDC');
    });

    it('maps the scores and charts the components on the method page, in English and French', async () => {
      const res = await app.request('/en/readiness/unctad-b2c?year=2023');
      expect(res.status).toBe(200);
      const doc = parseHtml(await res.text());
      const map = selectOne(doc, 'figure.map');
      expect(select(map, 'svg').length).toBe(1);
      expect(text(selectOne(map, 'figcaption'))).toBe('Highest: United States (91.3), lowest: Nigeria (27.5); 4 countries with data.');
      expect(select(map, 'a').map((a) => a.attrs.href)).toContain('/en/countries/KEN');
      const chart = selectOne(doc, 'figure.chart');
      const serversMean = (100 + servers(20_000) + servers(40) + 0) / 4;
      expect(text(selectOne(chart, 'figcaption'))).toBe(`Mean over 4 economies scored: Internet use 69.8, Account ownership 78, Secure servers ${one(serversMean)}, Postal reliability 50.`);
      // One bar per component, each with its value as a tooltip.
      const tips = select(chart, 'title').map(text);
      expect(tips).toEqual(expect.arrayContaining(['Internet use, 2023: 69.8', 'Account ownership, 2023: 78', 'Postal reliability, 2023: 50']));
      expect(text(doc)).toContain('Country and group pages show this method for the latest index year in which the stored data give at least one score');
      const fr = parseHtml(await (await app.request('/fr/readiness/unctad-b2c?year=2023')).text());
      expect(text(selectOne(fr, 'figure.chart figcaption'))).toContain('Moyenne sur 4 économies notées : Usage d’Internet 69,8');
      expect(text(fr)).toContain('Les pages des pays et des groupes montrent cette méthode pour la dernière année');
      // A year without scores draws neither.
      const empty = parseHtml(await (await app.request('/en/readiness/unctad-b2c?year=2030')).text());
      expect(select(empty, 'figure.map').length + select(empty, 'figure.chart').length).toBe(0);
    });

    // Last: it imports another edition, which the tests above do not expect.
    it('shows the published score and rank of the same year when an edition of the latest year is stored', async () => {
      writeFileSync(
        join(folder, 'b2c_2023.csv'),
        ['rank_2023,economy,internet_use_pct,account_ownership_pct,secure_servers_normalized,upu_postal_reliability,index_value_2023', '1,United States,92,93,100,80,91.3', '2,Atlantis,50,50,50,50,50', '3,Kenya,45,80,14,24,40.8'].join('\n'),
      );
      expect((await importFile(store, join(folder, 'b2c_2023.csv'))).status).toBe('imported');
      const s = await section('/en/countries/KEN');
      // Postal reliability now read from the 2023 edition (data year 2022): 24.
      expect(cells(s, 'Postal reliability')).toEqual(['2022', '24', '24']);
      const body = text(s);
      expect(body).toContain(`UNCTAD B2C E-commerce Index 2023: score ${one((45 + 80 + servers(40) + 24) / 4)} of 100, rank 3 of 4.`);
      // Atlantis, ranked second, matches no economy: the edition still ranks three.
      expect(body).toContain('Published edition 2023: score 40.8, rank 3 of 3.');
      expect(body).not.toContain('computed here for');
    });
  });
}
