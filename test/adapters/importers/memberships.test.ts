import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { membersAt, type Membership } from '../../../src/domain/group.ts';
import { ECOWAS_AES_WITHDRAWAL, ECOWAS_TREATY_OF_LAGOS } from '../../../src/domain/groups/index.ts';
import {
  FIXTURE_AGGREGATES,
  FIXTURE_COUNTRIES,
  writeLongCsv,
  writeM49,
  writeOrgMemberships,
  writeWitsTimeseries,
  writeWorldBankMetadata,
  writeWorldBankWide,
} from '../../fixtures/fixtures.ts';
import { freshStoreEach, ENGINES } from '../../support/engines.ts';
import { tempDir, values, writeM49WithExtras } from './support.ts';

const dir = tempDir();
let folderCount = 0;
const fresh = (name: string) => join(dir, `${folderCount++}`, name);

/** Members of a group on a date, among the countries the store knows (as the Observatory counts them). */
async function members(store: Store, groupId: string, date: string): Promise<string[]> {
  const known = new Set((await store.countries()).map((c) => c.iso3));
  return membersAt(await store.memberships({ groupId }), date).filter((iso3) => known.has(iso3));
}

const span = (m: Membership) => [m.groupId, m.iso3, m.from, m.to];

const fixtureWith = (flag: 'ldc' | 'lldc' | 'sids') => FIXTURE_COUNTRIES.filter((c) => c[flag]).map((c) => c.iso3);

for (const engine of ENGINES) {
  describe(`memberships on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    it('reads the UN categories from the M49 flags and applies São Tomé and Príncipe’s graduation of 2024-12-13', async () => {
      await importFile(store, writeM49WithExtras(fresh('m49')));
      expect(await members(store, 'LDC', '2024-12-12')).toEqual([...fixtureWith('ldc'), 'BFA', 'NER', 'STP'].sort());
      expect(await members(store, 'LDC', '2024-12-13')).toEqual([...fixtureWith('ldc'), 'BFA', 'NER'].sort());
      expect(await members(store, 'LLDC', '2026-01-01')).toEqual([...fixtureWith('lldc'), 'BFA', 'NER'].sort());
      expect(await members(store, 'SIDS', '2026-01-01')).toEqual([...fixtureWith('sids'), 'STP'].sort());
      const stp = await store.memberships({ iso3: 'STP' });
      expect(stp.map(span)).toEqual([
        ['AFRICA', 'STP', null, null],
        ['LDC', 'STP', null, '2024-12-13'],
        ['SIDS', 'STP', null, null],
      ]);
      const ldc = stp.find((m) => m.groupId === 'LDC');
      expect(ldc?.source).toMatch(/^UN Statistics Division, .*UNSD-M49-en\.csv \(vintage \d+\); General Assembly resolution 73\/133/);
      expect(ldc?.note).toBe('The M49 export of 2024-09-25 still flags São Tomé and Príncipe as an LDC.');
      expect(await members(store, 'OCEANIA', '2026-01-01')).toEqual(['FJI', 'TUV']);
    });

    it('applies the ECOWAS withdrawals of Burkina Faso, Mali and Niger (29 January 2025) to the organisation table', async () => {
      await importFile(store, writeM49WithExtras(fresh('m49')));
      const orgs = writeOrgMemberships(fresh('orgs'));
      expect(orgs.expected.filter((e) => e.orgId === 'ECOWAS').map((e) => e.iso3)).toEqual(['NGA', 'SEN', 'MLI']);
      await importFile(store, orgs.path);
      expect(await members(store, 'ECOWAS', '2024-12-31')).toEqual(['BFA', 'MLI', 'NER', 'NGA', 'SEN']);
      expect(await members(store, 'ECOWAS', '2025-01-28')).toEqual(['BFA', 'MLI', 'NER', 'NGA', 'SEN']);
      expect(await members(store, 'ECOWAS', '2025-01-29')).toEqual(['NGA', 'SEN']);
      expect(await members(store, 'ECOWAS', '2025-06-30')).toEqual(['NGA', 'SEN']);
      const mali = (await store.memberships({ groupId: 'ECOWAS', iso3: 'MLI' }))[0];
      expect(mali).toMatchObject({ status: 'member', from: '1975-05-28', to: '2025-01-29' });
      expect(mali?.source).toContain(ECOWAS_TREATY_OF_LAGOS);
      expect(mali?.source).toContain(ECOWAS_AES_WITHDRAWAL);
      expect(mali?.note).toBe('Left ECOWAS with the other members of the Alliance of Sahel States (AES).');
      // A withdrawal the table already reflects (Mauritania, 2000) stays recorded for earlier years.
      expect((await store.memberships({ groupId: 'ECOWAS', iso3: 'MRT' })).map(span)).toEqual([['ECOWAS', 'MRT', '1975-05-28', '2000-12-26']]);
    });

    describe('the World Bank classification', () => {
      /** The FY2026 metadata with its companion data file (Last Updated Date 2026-02-24), in a folder of its own. */
      function fy2026(): string {
        const folder = fresh('worldbank-fy2026');
        writeWorldBankWide(folder, { lastUpdated: '2026-02-24' });
        return writeWorldBankMetadata(folder).path;
      }

      /** A FY2025 metadata file alone (no companion gives its date), where Kenya is still a low-income country. */
      function fy2025(): string {
        const path = writeWorldBankMetadata(fresh('worldbank-fy2025')).path;
        const text = readFileSync(path, 'utf8');
        const changed = text.replace('"KEN","Sub-Saharan Africa","Lower middle income"', '"KEN","Sub-Saharan Africa","Low income"');
        expect(changed).not.toBe(text);
        writeFileSync(path, changed);
        return path;
      }

      it('takes the fiscal year from the companion file’s Last Updated Date', async () => {
        await importFile(store, writeM49(fresh('m49')).path);
        const r = await importFile(store, fy2026());
        expect(r.vintage).toMatchObject({
          format: 'worldbank-metadata',
          source: 'World Bank, country classification by income and region',
          publishedAt: '2026-02-24',
          note: 'classification for fiscal year 2026',
        });
        const byGroup = (group: string, income: string) => FIXTURE_COUNTRIES.filter((c) => c.income === income || c.wbRegion === group).map((c) => c.iso3).sort();
        expect(await members(store, 'LIC', '2025-07-01')).toEqual(byGroup('', 'Low income'));
        expect(await members(store, 'HIC', '2026-03-01')).toEqual(byGroup('', 'High income'));
        expect(await members(store, 'SSF', '2026-03-01')).toEqual(byGroup('Sub-Saharan Africa', ''));
        expect(await members(store, 'LIC', '2025-06-30')).toEqual([]);
        const all = await store.memberships();
        expect(all.filter((m) => FIXTURE_AGGREGATES.some((a) => a.code === m.iso3))).toEqual([]);
        expect(new Set(all.filter((m) => ['LIC', 'HIC', 'SSF', 'EAS'].includes(m.groupId)).map((m) => `${m.from}..${m.to}`))).toEqual(new Set(['2025-07-01..null']));
      });

      it('skips a classification whose fiscal year is unknown, and imports it when told the year', async () => {
        const path = fy2025();
        const skipped = await importFile(store, path);
        expect(skipped).toMatchObject({ status: 'skipped', format: 'worldbank-metadata', vintage: null });
        expect(skipped.reason).toMatch(/fiscal year of this classification is unknown .* import it with --fiscal-year/);
        expect(await store.vintages()).toEqual([]);
        const told = await importFile(store, path, { fiscalYear: 2025 });
        expect(told.vintage).toMatchObject({ publishedAt: null, note: 'classification for fiscal year 2025' });
        expect((await store.memberships({ iso3: 'KEN' })).map(span)).toEqual([
          ['LIC', 'KEN', '2024-07-01', null],
          ['SSF', 'KEN', '2024-07-01', null],
        ]);
      });

      it('ends each fiscal year’s membership where the next one starts, in whichever order they are imported', async () => {
        await importFile(store, fy2025(), { fiscalYear: 2025 });
        await importFile(store, fy2026());
        const kenya = (await store.memberships({ iso3: 'KEN' })).map(span);
        // Consecutive fiscal years in the same group are one membership.
        expect(kenya).toEqual([
          ['LIC', 'KEN', '2024-07-01', '2025-07-01'],
          ['LMC', 'KEN', '2025-07-01', null],
          ['SSF', 'KEN', '2024-07-01', null],
        ]);
        const nigeria = (await store.memberships({ groupId: 'LMC', iso3: 'NGA' })).map(span);
        expect(nigeria).toEqual([['LMC', 'NGA', '2024-07-01', null]]);
        const spans = (list: Membership[]) => list.map(span).sort();
        const forward = spans(await store.memberships());

        const other = await engine.open();
        try {
          await importFile(other.store, fy2026());
          await importFile(other.store, fy2025(), { fiscalYear: 2025 });
          expect(spans(await other.store.memberships())).toEqual(forward);
        } finally {
          await other.dispose();
        }
      });

      it('replaces a fiscal year imported again, keeping the others', async () => {
        const path = fy2025();
        await importFile(store, path, { fiscalYear: 2025 });
        await importFile(store, fy2026());
        const before = (await store.memberships()).map(span).sort();
        const again = await importFile(store, path, { fiscalYear: 2025, force: true });
        expect(again.status).toBe('imported');
        expect((await store.memberships()).map(span).sort()).toEqual(before);
      });
    });

    it('resolves WITS names through the names other sources gave and known aliases, and reports the others', async () => {
      await importFile(store, writeM49(fresh('m49')).path);
      // The World Bank file teaches its names: "Congo, Dem. Rep.", "Hong Kong SAR, China".
      await importFile(store, writeWorldBankWide(fresh('worldbank-api-csv')).path);
      const path = join(fresh('wits'), 'wits_customs_import_duties_pct_tax_revenue.csv');
      mkdirSync(join(path, '..'), { recursive: true });
      const indicator = 'Customs and other import duties (% of tax revenue)';
      writeFileSync(
        path,
        [
          'Country Name,Indicator Name,2019,2020,2021',
          `"Congo, Dem. Rep.",${indicator},11.5,12.25`,
          `"Hong Kong SAR, China",${indicator},,0.5,0.75`,
          `United States of America,${indicator},1.5`,
          `Kenya (excludes nothing),${indicator},,,9`,
          `Turkey,${indicator},3`,
          `Atlantis,${indicator},1,2,3`,
          `Ethiopia(excludes Eritrea),${indicator},4`,
          '',
        ].join('\r\n'),
      );
      const r = await importFile(store, path);
      expect(r.status).toBe('imported');
      expect(r.warnings).toEqual([
        'wits_customs_import_duties_pct_tax_revenue.csv: 2 country names not recognised, their values left out: Atlantis; Ethiopia(excludes Eritrea)',
      ]);
      const code = 'GC.TAX.IMPT.ZS';
      expect(values(await store.observations({ indicators: [code] }))).toEqual(
        values([
          { indicator: code, entity: 'COD', year: 2019, value: 11.5 },
          { indicator: code, entity: 'COD', year: 2020, value: 12.25 },
          { indicator: code, entity: 'HKG', year: 2020, value: 0.5 },
          { indicator: code, entity: 'HKG', year: 2021, value: 0.75 },
          { indicator: code, entity: 'USA', year: 2019, value: 1.5 },
          { indicator: code, entity: 'KEN', year: 2021, value: 9 },
          { indicator: code, entity: 'TUR', year: 2019, value: 3 },
        ]),
      );
      expect((await store.indicators()).find((i) => i.code === code)?.name).toBe(indicator);
      expect(r.vintage?.rowCount).toBe(7);
    });

    it('imports the fixture WITS file, leaving out the names of countries it does not know', async () => {
      await importFile(store, writeM49(fresh('m49')).path);
      const wits = writeWitsTimeseries(fresh('wits'));
      const r = await importFile(store, wits.path);
      const codes: Record<string, string> = { Nigeria: 'NGA', Kenya: 'KEN', Fiji: 'FJI' };
      const unknown = [...new Set(wits.expected.map((e) => e.countryName).filter((n) => !(n in codes)))].sort();
      expect(unknown.length).toBeGreaterThan(0);
      expect(r.warnings).toEqual([
        `wits_customs_import_duties_pct_tax_revenue.csv: ${unknown.length} country names not recognised, their values left out: ${unknown.join('; ')}`,
      ]);
      const known = wits.expected.filter((e) => e.countryName in codes);
      expect(values(await store.observations({ indicators: ['GC.TAX.IMPT.ZS'] }))).toEqual(
        values(known.map((e) => ({ indicator: 'GC.TAX.IMPT.ZS', entity: codes[e.countryName] as string, year: e.year, value: e.value }))),
      );
    });

    it('stores codes that are not countries as World Bank aggregates or as economies', async () => {
      await importFile(store, writeM49(fresh('m49')).path);
      const long = writeLongCsv(fresh('wdi'), { indicator: 'SP.POP.TOTL' });
      const text = readFileSync(long.path, 'utf8');
      writeFileSync(long.path, `${text}Kosovo,XKX,2020,1775378\r\nChannel Islands,CHI,2020,170341\r\n`);
      const r = await importFile(store, long.path);
      expect(r.vintage?.rowCount).toBe(long.expected.length + 2);
      expect(await store.entities()).toEqual(
        [
          { code: 'CHI', name: 'Channel Islands', kind: 'economy' },
          { code: 'LDC', name: 'Least developed countries: UN classification', kind: 'aggregate' },
          { code: 'SSF', name: 'Sub-Saharan Africa', kind: 'aggregate' },
          { code: 'WLD', name: 'World', kind: 'aggregate' },
          { code: 'XKX', name: 'Kosovo', kind: 'economy' },
        ].sort((a, b) => (a.code < b.code ? -1 : 1)),
      );
      expect((await store.countries()).some((c) => c.iso3 === 'XKX')).toBe(false);
    });
  });
}
