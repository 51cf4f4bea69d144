import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { InputError } from '../../../src/domain/errors.ts';
import {
  FINDEX_MAPPED,
  FIXTURE_COUNTRIES,
  writeCountryCodes,
  writeFindex,
  writeLongCsv,
  writeM49,
  writeOrgMemberships,
  writeWorldBankWide,
  WIDE_INDICATORS,
} from '../../fixtures/fixtures.ts';
import { freshStoreEach, ENGINES } from '../../support/engines.ts';
import { errorOf, sha256Of, snapshot, tempDir, values } from './support.ts';

const dir = tempDir();
let folderCount = 0;
/** A fresh folder per test, so that files of one test never meet another's. */
const fresh = (name: string) => join(dir, `${folderCount++}`, name);

const CLDR_PT = new Intl.DisplayNames(['pt'], { type: 'region', fallback: 'none' });

/** The lines of a text file (without the final empty one) and a writer keeping its line ends. */
function lines(path: string): { lines: string[]; write: (next: readonly string[]) => void } {
  const text = readFileSync(path, 'utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const all = text.split(eol);
  if (all.at(-1) === '') all.pop();
  return { lines: all, write: (next) => writeFileSync(path, `${next.join(eol)}${eol}`, 'utf8') };
}

for (const engine of ENGINES) {
  describe(`importFile on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    it('imports a World Bank wide file: values, indicator names and a vintage with source, hash, licence and date', async () => {
      const written = writeWorldBankWide(fresh('worldbank-api-csv'), { indicators: WIDE_INDICATORS });
      const result = await importFile(store, written.path);
      expect(result).toMatchObject({ status: 'imported', format: 'worldbank-wide', reason: null, warnings: [] });
      const dataset = `worldbank-api-csv/${written.path.split('/').pop()}`;
      expect(result.dataset).toBe(dataset);
      expect(result.vintage).toEqual({
        id: expect.any(Number),
        dataset,
        source: 'World Bank, World Development Indicators',
        format: 'worldbank-wide',
        fileName: 'API_WDI_DS2_en_csv_v2_1.csv',
        sha256: sha256Of(written.path),
        licence: 'CC-BY-4.0',
        sourceUrl: 'https://data.worldbank.org/',
        publishedAt: '2026-02-24',
        importedAt: expect.any(String),
        rowCount: written.expected.length,
        note: null,
      });
      expect(await store.vintages()).toEqual([result.vintage]);
      const codes = WIDE_INDICATORS.map((i) => i.code);
      expect(values(await store.observations({ indicators: codes }))).toEqual(values(written.expected));
      const stored = await store.indicators();
      expect(stored.map((i) => [i.code, i.name, i.vintageId])).toEqual(
        [...WIDE_INDICATORS].sort((a, b) => (a.code < b.code ? -1 : 1)).map((i) => [i.code, i.name, result.vintage?.id]),
      );
      for (const i of stored) {
        const own = written.expected.filter((o) => o.indicator === i.code);
        expect([i.observations, i.firstYear, i.lastYear]).toEqual([own.length, Math.min(...own.map((o) => o.year)), Math.max(...own.map((o) => o.year))]);
      }
    });

    it('imports a long file and a Findex file with the values the fixtures wrote', async () => {
      const long = writeLongCsv(fresh('wdi'), { indicator: 'IT.NET.SECR.P6', withEmptyValues: true });
      const findex = writeFindex(fresh('findex'));
      const a = await importFile(store, long.path);
      const b = await importFile(store, findex.path);
      expect([a.status, a.format, a.vintage?.rowCount]).toEqual(['imported', 'long', long.expected.length]);
      expect([b.status, b.format, b.vintage?.rowCount]).toEqual(['imported', 'findex', findex.expected.length]);
      expect(a.vintage).toMatchObject({ source: 'World Bank, World Development Indicators', licence: 'CC-BY-4.0', publishedAt: null, sha256: sha256Of(long.path) });
      expect(b.vintage).toMatchObject({ source: 'World Bank, Global Findex Database 2021', licence: 'CC-BY-4.0', sha256: sha256Of(findex.path) });
      expect(values(await store.observations({ indicators: ['IT.NET.SECR.P6'] }))).toEqual(values(long.expected));
      const findexCodes = ['FINDEX.POP.ADULT', ...FINDEX_MAPPED.map((m) => m.code)];
      expect(values(await store.observations({ indicators: findexCodes }))).toEqual(values(findex.expected));
    });

    it('takes the indicator of a long file from its name, or from the option', async () => {
      const path = writeLongCsv(fresh('wdi'), { indicator: 'SP.POP.TOTL' }).path;
      const renamed = join(fresh('wdi'), 'population 2024.csv');
      mkdirSync(join(renamed, '..'), { recursive: true });
      writeFileSync(renamed, readFileSync(path));
      const error = await errorOf(() => importFile(store, renamed));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(/population 2024\.csv: the file name does not give an indicator code/);
      expect(await store.vintages()).toEqual([]);
      const told = await importFile(store, renamed, { indicator: 'SP.POP.TOTL', dataset: 'my/population' });
      expect(told).toMatchObject({ status: 'imported', dataset: 'my/population' });
      expect((await store.indicators()).map((i) => i.code)).toEqual(['SP.POP.TOTL']);
    });

    it('imports countries from M49 and country-codes with English, French, Spanish and CLDR Portuguese names', async () => {
      const en = writeM49(fresh('m49'));
      const fr = writeM49(fresh('m49'), { lang: 'fr' });
      const r = await importFile(store, en.path);
      expect(r.vintage).toMatchObject({
        source: 'UN Statistics Division, Standard country or area codes for statistical use (M49)',
        licence: 'UN public data',
        format: 'm49',
      });
      // Recognised from its header ("Code M49") like the English one.
      await importFile(store, fr.path);
      const countries = await store.countries();
      expect(countries.map((c) => c.iso3)).toEqual(FIXTURE_COUNTRIES.map((c) => c.iso3).sort());
      for (const expected of en.expected) {
        const c = countries.find((x) => x.iso3 === expected.iso3);
        const french = fr.expected.find((x) => x.iso3 === expected.iso3);
        expect(c).toEqual({
          iso3: expected.iso3,
          iso2: expected.iso2,
          m49: expected.m49,
          names: { en: expected.names.en, fr: french?.names.fr, pt: CLDR_PT.of(expected.iso2 as string) },
          // Region names stay in English: a French table read afterwards does not rename them.
          region: expected.region,
          subregion: expected.subregion,
          intermediateRegion: expected.intermediateRegion,
        });
        expect(c?.region?.code).toBe(expected.region?.code);
      }
      expect(countries.find((c) => c.iso3 === 'NGA')?.region).toEqual({ code: '002', name: 'Africa' });

      const codes = writeCountryCodes(fresh('country-codes'));
      const cc = await importFile(store, codes.path);
      expect(cc.vintage).toMatchObject({ format: 'country-codes', licence: 'ODC-PDDL-1.0' });
      const usa = await store.country('USA');
      expect(usa?.names).toEqual({ en: 'United States of America', fr: "États-Unis d'Amérique", es: 'Estados Unidos de América', pt: 'Estados Unidos' });
      expect((await store.country('HKG'))?.names.en).toBe('Hong Kong');
      expect(await store.country('SRK')).toBeNull();
    });

    it('imports organisation memberships: members and associates counted, partners left out, WTO rows ignored', async () => {
      writeM49(fresh('m49'));
      const orgs = writeOrgMemberships(fresh('orgs'));
      const r = await importFile(store, orgs.path);
      expect(r.vintage).toMatchObject({ format: 'org-memberships', licence: 'MIT (compilation)' });
      const acp = await store.memberships({ groupId: 'ACP' });
      expect(acp.map((m) => [m.iso3, m.status, m.from, m.to])).toEqual(
        orgs.expected.filter((e) => e.orgId === 'ACP').map((e) => [e.iso3, 'member', null, null]).sort(),
      );
      const pif = await store.memberships({ groupId: 'PIF' });
      expect(pif.filter((m) => ['FJI', 'TUV', 'HKG', 'FRA', 'USA', 'CHN', 'IND'].includes(m.iso3)).map((m) => [m.iso3, m.status])).toEqual([
        ['FJI', 'member'],
        ['HKG', 'associate'],
        ['TUV', 'member'],
      ]);
      expect(await store.memberships({ groupId: 'WTO' })).toEqual([]);
      expect((await store.groups()).map((g) => g.id).sort()).toEqual(['ACP', 'ECOWAS', 'PIF']);
    });

    it('refuses an unknown format name before reading anything', async () => {
      const long = writeLongCsv(fresh('wdi'));
      const error = await errorOf(() => importFile(store, long.path, { format: 'excel' }));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(/^it\.net\.secr\.p6\.csv: unknown format "excel"; known: worldbank-wide, /);
      expect(await store.vintages()).toEqual([]);
    });

    it('skips a file of no known format, saying so', async () => {
      const path = join(fresh('tariffs'), 'rates.csv');
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, 'hs6,rate\n370110,5\n');
      expect(await importFile(store, path)).toEqual({
        file: 'rates.csv',
        dataset: 'tariffs/rates.csv',
        format: null,
        status: 'skipped',
        vintage: null,
        reason: 'not a format the Observatory imports',
        warnings: [],
      });
      expect(await store.vintages()).toEqual([]);
    });

    it('recognises a file imported before as unchanged, and imports it again as a new vintage when forced', async () => {
      const long = writeLongCsv(fresh('wdi'));
      const first = await importFile(store, long.path);
      const version = await store.dataVersion();
      const again = await importFile(store, long.path);
      expect(again).toMatchObject({ status: 'unchanged', vintage: first.vintage, reason: `same content as vintage ${first.vintage?.id}` });
      expect(await store.vintages()).toHaveLength(1);
      expect(await store.dataVersion()).toBe(version);

      const forced = await importFile(store, long.path, { force: true });
      expect(forced.status).toBe('imported');
      expect(forced.vintage?.id).toBeGreaterThan(first.vintage?.id ?? Infinity);
      expect(forced.vintage?.sha256).toBe(first.vintage?.sha256);
      expect(await store.vintages()).toHaveLength(2);
      expect((await store.indicators())[0]?.vintageId).toBe(forced.vintage?.id);
      expect(values(await store.observations({ indicators: ['IT.NET.SECR.P6'] }))).toEqual(values(long.expected));
      // The same file under another dataset name is another dataset, not a repetition.
      const other = await importFile(store, long.path, { dataset: 'elsewhere/it.net.secr.p6.csv' });
      expect(other.status).toBe('imported');
    });

    it('makes a newer file of the same dataset current while the older vintage stays readable', async () => {
      const folder = fresh('wdi');
      const older = writeLongCsv(folder, { seed: 2 });
      const v1 = await importFile(store, older.path);
      const newer = writeLongCsv(folder, { seed: 7, lastYear: 2025 });
      expect(newer.path).toBe(older.path);
      const v2 = await importFile(store, newer.path);
      expect(v2.status).toBe('imported');
      expect(v2.dataset).toBe(v1.dataset);
      expect(v2.vintage?.sha256).not.toBe(v1.vintage?.sha256);

      const code = 'IT.NET.SECR.P6';
      expect((await store.indicators()).map((i) => [i.code, i.vintageId])).toEqual([[code, v2.vintage?.id]]);
      expect(values(await store.observations({ indicators: [code] }))).toEqual(values(newer.expected));
      expect(values(await store.observations({ indicators: [code], vintageId: v1.vintage?.id as number }))).toEqual(values(older.expected));
      expect((await store.indicatorHistory(code)).map((h) => [h.vintageId, h.current, h.observations, h.lastYear])).toEqual([
        [v2.vintage?.id, true, newer.expected.length, 2025],
        [v1.vintage?.id, false, older.expected.length, 2024],
      ]);
      // Importing the older file again finds its vintage: it does not become current again.
      writeLongCsv(folder, { seed: 2 });
      expect(await importFile(store, older.path)).toMatchObject({ status: 'unchanged', vintage: { id: v1.vintage?.id } });
      expect((await store.indicators())[0]?.vintageId).toBe(v2.vintage?.id);
    });

    describe('a bad file', () => {
      /** A store holding countries and a good vintage of the dataset the bad files would replace. */
      async function prepared(): Promise<{ path: string; label: string; good: string[]; write: (next: readonly string[]) => void }> {
        await importFile(store, writeM49(fresh('m49')).path);
        const long = writeLongCsv(fresh('wdi'));
        await importFile(store, long.path);
        const file = lines(long.path);
        return { path: long.path, label: 'it.net.secr.p6.csv', good: file.lines, write: file.write };
      }

      /** Imports the bad file, checks the error and that the store holds exactly what it held before. */
      async function refused(path: string, message: string, location: { line?: number; field: string }): Promise<void> {
        const before = await snapshot(store);
        const error = await errorOf(() => importFile(store, path));
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toBe(message);
        expect((error as InputError).location).toMatchObject(location);
        expect(await snapshot(store)).toEqual(before);
      }

      it('refuses a value that is not a number in the middle, naming file, line and field', async () => {
        const f = await prepared();
        const k = Math.floor(f.good.length / 2);
        const cells = (f.good[k] as string).split(',');
        const bad = [...f.good];
        bad[k] = [...cells.slice(0, -1), 'n/a'].join(',');
        f.write(bad);
        await refused(f.path, `${f.label}, line ${k + 1}, field "Value": not a number: "n/a"`, { line: k + 1, field: 'Value' });
      });

      it('refuses a year that is not a year', async () => {
        const f = await prepared();
        const k = f.good.length - 3;
        const cells = (f.good[k] as string).split(',');
        const bad = [...f.good];
        bad[k] = [...cells.slice(0, -2), '20x1', cells.at(-1)].join(',');
        f.write(bad);
        await refused(f.path, `${f.label}, line ${k + 1}, field "Year": not a year: "20x1"`, { line: k + 1, field: 'Year' });
      });

      it('refuses a file without its value column when its format is named', async () => {
        const f = await prepared();
        f.write(f.good.map((l) => l.split(',').slice(0, -1).join(',')));
        // Without its value column the header is no longer that of a long file: detected, it is skipped.
        expect(await importFile(store, f.path)).toMatchObject({ status: 'skipped', reason: 'not a format the Observatory imports' });
        const before = await snapshot(store);
        const error = await errorOf(() => importFile(store, f.path, { format: 'long' }));
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toBe(`${f.label}, line 1, field "Value": missing column "Value"`);
        expect(await snapshot(store)).toEqual(before);
      });

      it('refuses a World Bank file without its indicator code column', async () => {
        const good = writeWorldBankWide(fresh('worldbank-api-csv'));
        await importFile(store, good.path);
        const file = lines(good.path);
        // The preamble still marks the file as a World Bank download; the header lacks "Indicator Code".
        file.write(file.lines.map((l, i) => (i < 4 ? l : l.split('","').filter((_, k) => k !== 3).join('","'))));
        const name = good.path.split('/').pop() as string;
        await refused(good.path, `${name}, line 5, field "Indicator Code": missing column "Indicator Code" (or "Series Code")`, { line: 5, field: 'Indicator Code' });
      });

      it('refuses a duplicated row, naming the file, the field and the repeated value', async () => {
        const f = await prepared();
        const k = 5;
        const bad = [...f.good.slice(0, k + 1), f.good[k] as string, ...f.good.slice(k + 1)];
        f.write(bad);
        const [, code, year] = (f.good[k] as string).split(',');
        const before = await snapshot(store);
        const error = await errorOf(() => importFile(store, f.path));
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toContain(`${f.label}`);
        expect(error.message).toContain('field "Country Code"');
        expect(error.message).toContain(`${code} in ${year} is given again (first on line ${k + 1})`);
        expect(await snapshot(store)).toEqual(before);
      });

      // The importer promises errors that name the file, the line and the field, for a repetition too.
      it('names the line of a duplicated row', async () => {
        const f = await prepared();
        const k = 5;
        f.write([...f.good.slice(0, k + 1), f.good[k] as string, ...f.good.slice(k + 1)]);
        const error = await errorOf(() => importFile(store, f.path));
        expect((error as InputError).location).toEqual({ file: f.label, line: k + 2, field: 'Country Code' });
      });

      it('refuses a bad cell of a wide file, naming its year column', async () => {
        const folder = fresh('worldbank-api-csv');
        const good = writeWorldBankWide(folder);
        await importFile(store, good.path);
        const file = lines(good.path);
        const k = file.lines.length - 4;
        const cells = (file.lines[k] as string).split('","');
        cells[6] = '12,5';
        file.write([...file.lines.slice(0, k), cells.join('","'), ...file.lines.slice(k + 1)]);
        const name = good.path.split('/').pop() as string;
        await refused(good.path, `${name}, line ${k + 1}, field "2017": not a number: "12,5"`, { line: k + 1, field: '2017' });
      });

      it('refuses a bad M49 flag, leaving the countries and the UN categories as they were', async () => {
        const m49 = writeM49(fresh('m49'));
        await importFile(store, m49.path);
        const file = lines(m49.path);
        const k = 3;
        const cells = (file.lines[k] as string).split(',');
        cells[cells.length - 3] = 'yes';
        file.write([...file.lines.slice(0, k), cells.join(','), ...file.lines.slice(k + 1)]);
        const before = await snapshot(store);
        const error = await errorOf(() => importFile(store, m49.path));
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toMatch(new RegExp(`^UNSD-M49-en\\.csv, line ${k + 1}, field "Least Developed Countries \\(LDC\\)": `));
        expect(await snapshot(store)).toEqual(before);
      });

      it('rolls back values already written when the error comes late in a large file', async () => {
        const f = await prepared();
        // More rows than the importer buffers before its first write, then a bad value.
        const rows = ['Country Name,Country Code,Year,Value'];
        for (let e = 0; e < 700; e++) {
          for (let year = 1931; year <= 2020; year++) rows.push(`Entity ${e},X${String(e).padStart(4, '0')},${year},${(e * 1000 + year) / 7}`);
        }
        const bad = rows.length - 10;
        rows[bad] = rows[bad]?.replace(/,[^,]*$/, ',1.2.3') as string;
        f.write(rows);
        await refused(f.path, `${f.label}, line ${bad + 1}, field "Value": not a number: "1.2.3"`, { line: bad + 1, field: 'Value' });
        expect(rows.length).toBeGreaterThan(60_000);
      });
    });
  });
}
