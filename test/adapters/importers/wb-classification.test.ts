import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { writeM49 } from '../../fixtures/fixtures.ts';
import { ENGINES, freshStoreEach } from '../../support/engines.ts';
import { tempDir } from './support.ts';

const dir = tempDir();
let count = 0;
function file(name: string, lines: string[]): string {
  const folder = join(dir, String(count++));
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Income groups: Nepal low income FY1995–FY2019, lower middle income from FY2020; India lower middle income throughout. */
function oghist(): string {
  const lines = ['iso3,economy,fiscal_year,fy_label,classification_released,gni_data_year,income_group_code,income_group,raw_cell'];
  for (let fy = 1995; fy <= 2026; fy++) {
    lines.push(`NPL,Nepal,FY${fy},FY${String(fy).slice(2)},${fy - 1}-07-01,${fy - 2},${fy < 2020 ? 'L' : 'LM'},x,x`);
    lines.push(`IND,India,FY${fy},FY${String(fy).slice(2)},${fy - 1}-07-01,${fy - 2},LM,x,x`);
  }
  return file('oghist.csv', lines);
}

/** Regions: Nepal in South Asia in FY2025 and, in this fixture, in the Middle East region from FY2026. */
function classFile(): string {
  return file('class.csv', [
    'fiscal_year,iso3,economy,region,income_group,lending_category,other,source_file',
    'FY2025,NPL,Nepal,South Asia,Lower middle income,IDA,,x',
    'FY2025,IND,India,South Asia,Lower middle income,IBRD,,x',
    'FY2026,NPL,Nepal,"Middle East, North Africa, Afghanistan & Pakistan",Lower middle income,IDA,,x',
    'FY2026,IND,India,South Asia,Lower middle income,IBRD,,x',
  ]);
}

/** Population in the World Bank's wide layout, with its SAS aggregate on the classification of `updated`. */
function population(updated: string | null): string {
  const lines = updated ? [`"Data Source","World Development Indicators",`, `"Last Updated Date","${updated}",`, ''] : [];
  lines.push(
    '"Country Name","Country Code","Indicator Name","Indicator Code","2023",',
    '"Nepal","NPL","Population, total","SP.POP.TOTL","30",',
    '"India","IND","Population, total","SP.POP.TOTL","1400",',
    '"South Asia","SAS","Population, total","SP.POP.TOTL","1430",',
  );
  return file('API_SP.POP.TOTL_DS2_en_csv_v2_1.csv', lines);
}

for (const engine of ENGINES) {
  describe(`World Bank classifications by fiscal year on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    async function setUp(updated: string | null): Promise<Observatory> {
      await importFile(store, writeM49(join(dir, String(count++))).path);
      expect((await importFile(store, oghist())).format).toBe('wb-income-history');
      expect((await importFile(store, classFile())).format).toBe('wb-class-history');
      await importFile(store, population(updated));
      return new Observatory(store, { today: () => '2026-01-15' });
    }

    it('dates income groups and regions from 1 July before each fiscal year, the release file prevailing', async () => {
      await setUp('2025-03-01');
      const spans = (await store.memberships({ iso3: 'NPL' })).filter((m) => ['MEA', 'SAS', 'LIC', 'LMC'].includes(m.groupId)).map((m) => [m.groupId, m.from, m.to]).sort();
      expect(spans).toEqual([
        ['LIC', '1994-07-01', '2019-07-01'],
        ['LMC', '2019-07-01', null],
        ['MEA', '2025-07-01', null],
        ['SAS', '2024-07-01', '2025-07-01'],
      ]);
    });

    it('gives historical aggregates of World Bank groups: Nepal is low income at the end of 1994 (FY1995)', async () => {
      const obs = await setUp('2025-03-01');
      const ref = await obs.ref();
      expect(obs.membersOn(ref, 'LIC', '1994-12-31')).toEqual(['NPL']);
      expect(obs.membersOn(ref, 'LIC', '1994-06-30')).toEqual([]);
      // 2023 counts the members at its end, in FY2024: both lower middle income; regions are held from FY2025 only.
      const lmc = await obs.aggregateSeries('LMC', 'SP.POP.TOTL', { basis: 'historical' });
      expect(lmc.rows.map((r) => [r.year, r.value, r.membersTotal])).toEqual([[2023, 1430, 2]]);
      const sas = await obs.aggregateSeries('SAS', 'SP.POP.TOTL', { basis: 'historical' });
      expect(sas.rows.map((r) => [r.year, r.value, r.membersTotal])).toEqual([[2023, null, 0]]);
    });

    it('compares with the Bank’s value directly on the same members, recomputed on its members otherwise', async () => {
      const obs = await setUp('2025-03-01');
      const same = (await obs.aggregateSeries('SAS', 'SP.POP.TOTL', { at: '2025-01-01' })).rows[0];
      expect(same?.classification).toEqual({ basis: 'same_members', wbFiscalYear: 2025, membersFiscalYear: 2025, added: [], removed: [] });
      expect(same?.published).toMatchObject({ observatory: 1430, worldBank: 1430, agrees: true });
      const moved = (await obs.aggregateSeries('SAS', 'SP.POP.TOTL')).rows[0];
      expect(moved?.value).toBe(1400);
      expect(moved?.classification).toEqual({ basis: 'recomputed', wbFiscalYear: 2025, membersFiscalYear: 2026, added: [], removed: ['NPL'] });
      expect(moved?.published).toMatchObject({ observatory: 1430, worldBank: 1430, agrees: true });
      const always = (await obs.aggregateSeries('SAS', 'SP.POP.TOTL', { compare: 'always' })).rows[0];
      expect(always?.classification?.basis).toBe('not_checked');
      expect(always?.published).toMatchObject({ observatory: 1400, worldBank: 1430, agrees: false });
    });

    it('does not compare with an undated file, nor with a classification not held, and says why', async () => {
      const undated = await setUp(null);
      const row = (await undated.aggregateSeries('SAS', 'SP.POP.TOTL')).rows[0];
      expect(row?.classification?.basis).toBe('undated_source');
      expect(row?.published).toBeNull();
      await importFile(store, population('2026-08-01'));
      const later = (await new Observatory(store).aggregateSeries('SAS', 'SP.POP.TOTL', { at: '2026-08-01' })).rows[0];
      expect(later?.classification).toMatchObject({ basis: 'classification_not_held', wbFiscalYear: 2027, membersFiscalYear: 2027 });
      expect(later?.published).toBeNull();
    });

    it('refuses a bad fiscal year naming file, line and field, leaving the store as it was', async () => {
      const bad = file('oghist.csv', [
        'iso3,economy,fiscal_year,fy_label,classification_released,gni_data_year,income_group_code,income_group,raw_cell',
        'NPL,Nepal,FY1995,FY95,1994-07-01,1993,L,x,x',
        'NPL,Nepal,1995/96,FY96,1995-07-01,1994,L,x,x',
      ]);
      await expect(importFile(store, bad)).rejects.toMatchObject({ message: expect.stringMatching(/oghist\.csv.*line 3.*fiscal_year.*not a fiscal year/s) });
      expect(await store.memberships()).toEqual([]);
    });
  });
}
