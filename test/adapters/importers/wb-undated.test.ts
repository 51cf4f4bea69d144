/**
 * A World Bank data file without "Last Updated Date" whose country metadata lies beside it: the regions and
 * income groups of the metadata identify the fiscal year of its aggregates' classification when exactly one held
 * year agrees on every economy (on the most facts), and the import says so; otherwise it stays undated and says
 * why. The metadata file itself is then recognised as a year already held.
 */
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
function folder(): string {
  const f = join(dir, String(count++));
  mkdirSync(f, { recursive: true });
  return f;
}
function write(path: string, lines: string[]): string {
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Income groups: Nepal low income to FY2019, lower middle income from FY2020; India lower middle income throughout. */
function oghist(): string {
  const lines = ['iso3,economy,fiscal_year,fy_label,classification_released,gni_data_year,income_group_code,income_group,raw_cell'];
  for (let fy = 1995; fy <= 2026; fy++) {
    lines.push(`NPL,Nepal,FY${fy},FY${String(fy).slice(2)},${fy - 1}-07-01,${fy - 2},${fy < 2020 ? 'L' : 'LM'},x,x`);
    lines.push(`IND,India,FY${fy},FY${String(fy).slice(2)},${fy - 1}-07-01,${fy - 2},LM,x,x`);
  }
  return write(join(folder(), 'oghist.csv'), lines);
}

/** Regions held for FY2025 and FY2026: Nepal moves from South Asia to the Middle East region in this fixture. */
function classFile(): string {
  return write(join(folder(), 'class.csv'), [
    'fiscal_year,iso3,economy,region,income_group,lending_category,other,source_file',
    'FY2025,NPL,Nepal,South Asia,Lower middle income,IDA,,x',
    'FY2025,IND,India,South Asia,Lower middle income,IBRD,,x',
    'FY2026,NPL,Nepal,"Middle East, North Africa, Afghanistan & Pakistan",Lower middle income,IDA,,x',
    'FY2026,IND,India,South Asia,Lower middle income,IBRD,,x',
  ]);
}

const NAME = 'API_SP.POP.TOTL_DS2_en_csv_v2_1.csv';

/** An undated population file with its SAS aggregate, and its country metadata giving Nepal's region. */
function undatedPair(nepalRegion: string, nepalIncome = 'Lower middle income'): { data: string; metadata: string } {
  const f = folder();
  const data = write(join(f, NAME), [
    '"Country Name","Country Code","Indicator Name","Indicator Code","2023",',
    '"Nepal","NPL","Population, total","SP.POP.TOTL","30",',
    '"India","IND","Population, total","SP.POP.TOTL","1400",',
    '"South Asia","SAS","Population, total","SP.POP.TOTL","1430",',
  ]);
  const metadata = write(join(f, `Metadata_Country_${NAME}`), [
    'Country Code,Region,IncomeGroup,SpecialNotes,TableName',
    `NPL,"${nepalRegion}",${nepalIncome},,Nepal`,
    'IND,South Asia,Lower middle income,,India',
    'SAS,,,South Asia aggregate,South Asia',
  ]);
  return { data, metadata };
}

for (const engine of ENGINES) {
  describe(`an undated World Bank file on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    async function history(): Promise<void> {
      await importFile(store, writeM49(folder()).path);
      expect((await importFile(store, oghist())).format).toBe('wb-income-history');
      expect((await importFile(store, classFile())).format).toBe('wb-class-history');
    }

    it('takes the one fiscal year its metadata matches, says so, and compares SAS on that classification', async () => {
      await history();
      const pair = undatedPair('South Asia');
      const result = await importFile(store, pair.data);
      expect(result.status).toBe('imported');
      expect(result.warnings.join(' ')).toMatch(/no "Last Updated Date": its World Bank aggregates are taken to use the FY2025 classification, since the regions and income groups of Metadata_Country_.* are those of FY2025 \(4 of 4 agree/);
      expect(result.vintage?.note).toContain('World Bank aggregates on the FY2025 classification');
      const obs = new Observatory(store, { today: () => '2026-01-15' });
      const same = (await obs.aggregateSeries('SAS', 'SP.POP.TOTL', { at: '2025-01-01' })).rows[0];
      expect(same?.classification).toEqual({ basis: 'same_members', wbFiscalYear: 2025, membersFiscalYear: 2025, added: [], removed: [] });
      expect(same?.published).toMatchObject({ observatory: 1430, worldBank: 1430, agrees: true });
      const moved = (await obs.aggregateSeries('SAS', 'SP.POP.TOTL')).rows[0];
      expect(moved?.classification).toMatchObject({ basis: 'recomputed', wbFiscalYear: 2025, membersFiscalYear: 2026, removed: ['NPL'] });

      const meta = await importFile(store, pair.metadata);
      expect(meta.status).toBe('skipped');
      expect(meta.reason).toMatch(/are those of FY2025 .*: that year is held already, nothing to add/);
    });

    it('stays undated when several fiscal years agree, and says which', async () => {
      await history();
      const pair = undatedPair('East Asia & Pacific');
      const result = await importFile(store, pair.data);
      expect(result.status).toBe('imported');
      // East Asia contradicts the regions of FY2025 and FY2026; the years before, whose regions are not held, agree on income alone.
      expect(result.warnings.join(' ')).toMatch(/classification of its World Bank aggregates is unknown \(5 fiscal years agree with Metadata_Country_.* on every economy \(FY2024, FY2023, FY2022, FY2021, FY2020\)\)/);
      const row = (await new Observatory(store, { today: () => '2026-01-15' }).aggregateSeries('SAS', 'SP.POP.TOTL')).rows[0];
      expect(row?.classification?.basis).toBe('undated_source');
      expect(row?.published).toBeNull();
      const meta = await importFile(store, pair.metadata);
      expect(meta.reason).toMatch(/the fiscal year of this classification is unknown .*import it with --fiscal-year/);
    });

    it('stays undated when no fiscal year agrees, and names the closest', async () => {
      await history();
      const result = await importFile(store, undatedPair('South Asia', 'Upper middle income').data);
      expect(result.warnings.join(' ')).toMatch(/unknown \(no fiscal year agrees with Metadata_Country_.* on every economy \(closest FY2025: 3 of 4 agree; FY\d{4}: \d of \d agree\)\)/);
      const row = (await new Observatory(store, { today: () => '2026-01-15' }).aggregateSeries('SAS', 'SP.POP.TOTL')).rows[0];
      expect(row?.classification?.basis).toBe('undated_source');
    });

    it('stays undated without any classification history to match', async () => {
      await importFile(store, writeM49(folder()).path);
      const result = await importFile(store, undatedPair('South Asia').data);
      expect(result.warnings.join(' ')).toContain('no World Bank classification by fiscal year is stored to compare it with');
      expect(result.vintage?.note ?? '').not.toContain('classification');
    });
  });
}
