/**
 * Parses the real files in the shared data folder (OBSERVATORY_SOURCES, by default ../shared/data from
 * the working directory) and checks what they hold against their PROVENANCE.md. A missing folder is a
 * failure, never a skip: CI must not pass without having read the data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/adapters/sources/batches.ts';
import { readCountryCodes } from '../../src/adapters/sources/country-codes.ts';
import { fileChunks } from '../../src/adapters/sources/csv.ts';
import { readFindex } from '../../src/adapters/sources/findex.ts';
import { indicatorFromFileName, readLongCsv } from '../../src/adapters/sources/long.ts';
import { readM49 } from '../../src/adapters/sources/m49.ts';
import { readOrgMemberships } from '../../src/adapters/sources/org-memberships.ts';
import type { SourceObservation } from '../../src/adapters/sources/records.ts';
import { readWitsTimeseries } from '../../src/adapters/sources/wits-timeseries.ts';
import { readWorldBankMetadata } from '../../src/adapters/sources/worldbank-metadata.ts';
import { readWorldBankWide } from '../../src/adapters/sources/worldbank-wide.ts';

const ROOT = resolve(process.cwd(), process.env.OBSERVATORY_SOURCES ?? '../shared/data');

/** The path of a file in the shared data folder; fails, saying where it looked, when it is not there. */
function source(...parts: string[]): string {
  if (!existsSync(ROOT)) {
    throw new Error(
      `shared data folder not found: looked in ${ROOT} (set OBSERVATORY_SOURCES, absolute or relative to ${process.cwd()})`,
    );
  }
  const path = join(ROOT, ...parts);
  if (!existsSync(path)) throw new Error(`shared data file not found: ${path}`);
  return path;
}

const entitiesOf = (records: readonly SourceObservation[]): Set<string> => new Set(records.map((r) => r.entity));
const yearsOf = (records: readonly { year: number }[]): [number, number] => {
  let min = Infinity;
  let max = -Infinity;
  for (const r of records) {
    if (r.year < min) min = r.year;
    if (r.year > max) max = r.year;
  }
  return [min, max];
};
const value = (records: readonly SourceObservation[], indicator: string, entity: string, year: number): number | undefined =>
  records.find((r) => r.indicator === indicator && r.entity === entity && r.year === year)?.value;

it('finds the shared data folder', () => {
  expect(existsSync(source()), `looked in ${ROOT}`).toBe(true);
});

describe('datasets-wdi (long format)', () => {
  /** The PROVENANCE.md table: | file | indicator | rows | entities | years with data |. */
  const provenance = (): { file: string; rows: number; entities: number; from: number; to: number }[] => {
    const text = readFileSync(source('datasets-wdi', 'PROVENANCE.md'), 'utf8');
    const rows: { file: string; rows: number; entities: number; from: number; to: number }[] = [];
    for (const line of text.split('\n')) {
      const m = /^\|\s*([a-z0-9.]+\.csv)\s*\|[^|]*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d{4})\s*[–-]\s*(\d{4})\s*\|/.exec(line);
      if (m) rows.push({ file: m[1] ?? '', rows: Number(m[2]), entities: Number(m[3]), from: Number(m[4]), to: Number(m[5]) });
    }
    return rows;
  };

  it('lists every file of the folder in PROVENANCE.md', () => {
    const listed = provenance().map((p) => p.file).sort();
    const files = readdirSync(source('datasets-wdi')).filter((f) => f.endsWith('.csv')).sort();
    expect(listed).toHaveLength(24);
    expect(files).toEqual(listed);
  });

  it('reads each file with the rows, entities and years PROVENANCE.md states', async () => {
    for (const p of provenance()) {
      const path = source('datasets-wdi', p.file);
      const indicator = indicatorFromFileName(path);
      const { records, summary } = await collect(readLongCsv(fileChunks(path), path, { indicator }));
      expect({ file: p.file, rows: summary.rows, observations: records.length, entities: entitiesOf(records).size, years: yearsOf(records) }).toEqual({
        file: p.file,
        rows: p.rows,
        observations: p.rows,
        entities: p.entities,
        years: [p.from, p.to],
      });
      expect(records.every((r) => r.indicator === indicator)).toBe(true);
    }
  });

  it('reads it.net.secr.p6.csv as IT.NET.SECR.P6: 3898 rows, 262 entities', async () => {
    const path = source('datasets-wdi', 'it.net.secr.p6.csv');
    const { records, summary } = await collect(readLongCsv(fileChunks(path), path, { indicator: indicatorFromFileName(path) }));
    expect(summary).toEqual({ indicator: 'IT.NET.SECR.P6', rows: 3898, observations: 3898, missing: 0 });
    expect(entitiesOf(records).size).toBe(262);
  });
});

describe('datasets-wdi-fx', () => {
  it('reads PA.NUS.FCRF: 12,533 rows, 215 economies, 1960–2025, Nepal as PROVENANCE.md quotes', async () => {
    const path = source('datasets-wdi-fx', 'pa.nus.fcrf.csv');
    const { records, summary } = await collect(readLongCsv(fileChunks(path), path, { indicator: indicatorFromFileName(path) }));
    expect(summary.rows).toBe(12_533);
    expect(records).toHaveLength(12_533);
    expect(entitiesOf(records).size).toBe(215);
    expect(yearsOf(records)).toEqual([1960, 2025]);
    const npl = [2022, 2023, 2024, 2025].map((y) => Number(value(records, 'PA.NUS.FCRF', 'NPL', y)?.toFixed(2)));
    expect(npl).toEqual([125.2, 132.12, 133.73, 139.12]);
  });
});

describe('worldbank-api-csv (wide bulk download)', () => {
  it('reads IT.NET.USER.ZS (preamble stripped, BOM, CRLF): 266 entities, 1960–2023 columns', async () => {
    const path = source('worldbank-api-csv', 'API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv');
    const { records, summary } = await collect(readWorldBankWide(fileChunks(path), path));
    expect(summary.rows).toBe(266);
    expect(summary.lastUpdated).toBeNull();
    expect([...summary.indicators.keys()]).toEqual(['IT.NET.USER.ZS']);
    expect(summary.years[0]).toBe(1960);
    expect(summary.years.at(-1)).toBe(2023);
    expect(summary.years).toHaveLength(64);
    expect(records.length).toBe(summary.observations);
    expect(yearsOf(records)[1]).toBe(2023);
    expect(value(records, 'IT.NET.USER.ZS', 'ABW', 2010)).toBe(62);
  });

  it('reads BX.GSR.CCIS.CD with its preamble: Last Updated Date 2026-02-24, 266 entities, values to 2024', async () => {
    const path = source('worldbank-api-csv', 'API_BX.GSR.CCIS.CD_DS2_en_csv_v2_920.csv');
    const { records, summary } = await collect(readWorldBankWide(fileChunks(path), path));
    expect(summary.dataSource).toBe('World Development Indicators');
    expect(summary.lastUpdated).toBe('2026-02-24');
    expect(summary.rows).toBe(266);
    expect(summary.indicators.get('BX.GSR.CCIS.CD')).toBe('ICT service exports (BoP, current US$)');
    expect(summary.years.at(-1)).toBe(2025);
    expect(yearsOf(records)[1]).toBe(2024);
    expect(value(records, 'BX.GSR.CCIS.CD', 'ABW', 1995)).toBe(2346368.71508379);
  });

  it('reads the FY2026 country metadata: 265 rows, 86/54/50/25 income groups, 48 in Sub-Saharan Africa', async () => {
    const path = source('worldbank-api-csv', 'Metadata_Country_API_BX.GSR.CCIS.CD_DS2_en_csv_v2_920.csv');
    const { records, summary } = await collect(readWorldBankMetadata(fileChunks(path), path));
    expect(summary.rows).toBe(265);
    const income = new Map<string, number>();
    for (const r of records) if (r.incomeGroup) income.set(r.incomeGroup, (income.get(r.incomeGroup) ?? 0) + 1);
    expect(Object.fromEntries(income)).toEqual({ 'High income': 86, 'Upper middle income': 54, 'Lower middle income': 50, 'Low income': 25 });
    expect(records.filter((r) => r.region === 'Sub-Saharan Africa')).toHaveLength(48);
    expect(records.find((r) => r.iso3 === 'AFG')?.region).toBe('Middle East & North Africa');
    expect(records.find((r) => r.iso3 === 'PAK')?.region).toBe('Middle East & North Africa');
    expect(records.find((r) => r.iso3 === 'AFE')).toMatchObject({ isAggregate: true, region: null, name: 'Africa Eastern and Southern' });
  });

  it('reads the FY2025 country metadata (265 rows, CRLF, no trailing column)', async () => {
    const path = source('worldbank-api-csv', 'Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv');
    const { records, summary } = await collect(readWorldBankMetadata(fileChunks(path), path));
    expect(summary.rows).toBe(265);
    expect(records.find((r) => r.iso3 === 'AFG')?.region).toBe('South Asia');
  });
});

describe('worldbank-findex-2021', () => {
  it('reads the DatabankWide file (658 rows x 1232 columns, 184 economies and aggregates)', async () => {
    const path = source('worldbank-findex-2021', 'findex2021_databankwide_country_year.csv');
    const { records, summary } = await collect(readFindex(fileChunks(path), path));
    expect(summary.rows).toBe(658);
    expect(summary.indicators).toHaveLength(6);
    expect(entitiesOf(records).size).toBe(184);
    expect(value(records, 'FX.OWN.TOTL.ZS', 'AFG', 2021)).toBe(10);
    expect(value(records, 'FINDEX.POP.ADULT', 'AFG', 2021)).toBe(22_647_496);
    expect(records.some((r) => r.entity === 'WLD')).toBe(true);
  });

  it('reads the same values from the key-indicators subset', async () => {
    const wide = source('worldbank-findex-2021', 'findex2021_databankwide_country_year.csv');
    const key = source('worldbank-findex-2021', 'findex2021_key_digital_indicators.csv');
    const a = await collect(readFindex(fileChunks(wide), wide));
    const b = await collect(readFindex(fileChunks(key), key));
    expect(b.summary.rows).toBe(658);
    const sort = (r: SourceObservation[]) => [...r].sort((x, y) => `${x.indicator}${x.entity}${x.year}`.localeCompare(`${y.indicator}${y.entity}${y.year}`));
    expect(sort(b.records)).toEqual(sort(a.records));
  });
});

describe('datasets-country-codes', () => {
  it('reads the UNSD M49 file: 249 areas, 45 LDC, 32 LLDC, 53 SIDS', async () => {
    const path = source('datasets-country-codes', 'UNSD-M49-en.csv');
    const { records, summary } = await collect(readM49(fileChunks(path), path));
    expect(summary.rows).toBe(249);
    expect(records).toHaveLength(249);
    expect(records.filter((r) => r.ldc)).toHaveLength(45);
    expect(records.filter((r) => r.lldc)).toHaveLength(32);
    expect(records.filter((r) => r.sids)).toHaveLength(53);
    expect(records.find((r) => r.iso3 === 'HKG')?.names.en).toBe('China, Hong Kong Special Administrative Region');
    expect(records.find((r) => r.iso3 === 'NAM')?.iso2).toBe('NA');
    expect(records.find((r) => r.iso3 === 'ATA')?.region).toBeNull();
  });

  it('reads country-codes.csv (249 rows x 56 columns) in agreement with the M49 file', async () => {
    const path = source('datasets-country-codes', 'country-codes.csv');
    const { records, summary } = await collect(readCountryCodes(fileChunks(path), path));
    expect(summary.rows).toBe(249);
    expect(records).toHaveLength(249);
    expect(records.filter((r) => r.ldc)).toHaveLength(45);
    expect(records.filter((r) => r.lldc)).toHaveLength(32);
    expect(records.filter((r) => r.sids)).toHaveLength(53);
    expect(records.find((r) => r.iso3 === 'AFG')?.names).toEqual({ en: 'Afghanistan', fr: 'Afghanistan', es: 'Afganistán' });
    expect(records.every((r) => r.names.fr !== undefined && r.names.es !== undefined)).toBe(true);

    const m49Path = source('datasets-country-codes', 'UNSD-M49-en.csv');
    const m49 = new Map((await collect(readM49(fileChunks(m49Path), m49Path))).records.map((r) => [r.iso3, r]));
    for (const r of records) {
      const u = m49.get(r.iso3);
      expect({ iso3: r.iso3, m49: r.m49, en: r.names.en, ldc: r.ldc, lldc: r.lldc, sids: r.sids, region: r.region }).toEqual({
        iso3: u?.iso3,
        m49: u?.m49,
        en: u?.names.en,
        ldc: u?.ldc,
        lldc: u?.lldc,
        sids: u?.sids,
        region: u?.region,
      });
    }
  });
});

describe('dieghernan-country-orgs', () => {
  it('reads CountrycodesOrgs.csv: 10,643 rows, 186 organisations, ACP 79, ECOWAS 15, WTO 159 + Taipei', async () => {
    const path = source('dieghernan-country-orgs', 'CountrycodesOrgs.csv');
    const { records, summary } = await collect(readOrgMemberships(fileChunks(path), path));
    expect(summary.format).toBe('full');
    expect(summary.rows).toBe(10_643);
    expect(new Set(records.map((r) => r.orgId)).size).toBe(186);
    const members = (org: string) => records.filter((r) => r.orgId === org && r.status === 'member').length;
    expect(members('ACP')).toBe(79);
    expect(members('ECOWAS')).toBe(15);
    expect(members('PIF')).toBe(16);
    expect(members('CARICOM')).toBe(15);
    expect(records.filter((r) => r.orgId === 'CARICOM' && r.status === 'associate')).toHaveLength(5);
    expect(members('WTO')).toBe(160);
    expect(records.find((r) => r.orgId === 'WTO' && r.iso3 === 'TWN')?.rawStatus).toBe('Taipei');
  });

  it('reads the derived subset: 1,073 rows', async () => {
    const path = source('dieghernan-country-orgs', 'selected_memberships_derived.csv');
    const { records, summary } = await collect(readOrgMemberships(fileChunks(path), path));
    expect(summary.format).toBe('derived');
    expect(records).toHaveLength(1073);
    expect(records.filter((r) => r.orgId === 'ACP')).toHaveLength(79);
  });
});

describe('wits-customs-duties', () => {
  it('reads GC.TAX.IMPT.ZS by country name: 193 countries, 144 with data, 1988–2022', async () => {
    const path = source('wits-customs-duties', 'wits_customs_import_duties_pct_tax_revenue.csv');
    const { records, summary } = await collect(readWitsTimeseries(fileChunks(path), path));
    expect(summary.rows).toBe(193);
    expect(summary.countriesWithData).toBe(144);
    expect(summary.years).toHaveLength(35);
    expect(summary.indicators).toEqual(['Customs and other import duties (% of tax revenue)']);
    expect(records.some((r) => r.countryName === 'Gambia, The')).toBe(true);
    // The header runs to 2022, but no country has a 2022 value.
    expect(yearsOf(records)).toEqual([1988, 2021]);
  });

  it('reads taxes on international trade (LCU): 193 countries, 147 with data', async () => {
    const path = source('wits-customs-duties', 'wits_taxes_on_international_trade_current_lcu.csv');
    const { summary } = await collect(readWitsTimeseries(fileChunks(path), path));
    expect(summary.rows).toBe(193);
    expect(summary.countriesWithData).toBe(147);
  });
});
