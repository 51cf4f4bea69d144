import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, FORMATS, type FormatId } from '../../../src/adapters/importers/formats.ts';
import { planFolder } from '../../../src/adapters/importers/folder.ts';
import {
  writeCountryCodes,
  writeFindex,
  writeLongCsv,
  writeM49,
  writeOrgMemberships,
  writeWitsTimeseries,
  writeWorldBankMetadata,
  writeWorldBankWide,
} from '../../fixtures/fixtures.ts';
import { writeTradeLayouts } from '../../fixtures/trade-files.ts';
import { writeGenericTradeLayouts } from '../../fixtures/trade-generic-files.ts';
import { writeVatRegistry } from '../../fixtures/vat.ts';
import { writeVatRateTables } from '../../fixtures/vat-rates.ts';
import { EDITION_2021, writeTracker } from '../../fixtures/cyberlaw.ts';
import { tempDir, writeFixtureFolder } from './support.ts';
import { writeAcpEvidence, writeLdcDates } from '../../fixtures/memberships.ts';

const dir = tempDir();

/** An earlier edition of UNCTAD's data-protection list: its header only (with or without the Type column). */
function writeDpList(folder: string, name: string, header: string): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), `${header}\n`);
  return join(folder, name);
}

/** A World Bank classification history file of two lines. */
function classificationFile(name: string, header: string, row: string): string {
  const path = join(dir, 'wb-history', name);
  mkdirSync(join(dir, 'wb-history'), { recursive: true });
  writeFileSync(path, `${header}\n${row}\n`);
  return path;
}

describe('detectFormat', () => {
  it('recognises every format the Observatory imports, in each layout the sources use', async () => {
    const cases: [string, FormatId][] = [
      [writeWorldBankWide(join(dir, 'wide')).path, 'worldbank-wide'],
      [writeWorldBankWide(join(dir, 'wide-bare'), { preamble: false, crlf: true, trailingComma: false, bom: false }).path, 'worldbank-wide'],
      [writeWorldBankMetadata(join(dir, 'meta')).path, 'worldbank-metadata'],
      [writeLongCsv(join(dir, 'long')).path, 'long'],
      [writeFindex(join(dir, 'findex')).path, 'findex'],
      [writeFindex(join(dir, 'findex'), { variant: 'key' }).path, 'findex'],
      [writeM49(join(dir, 'm49')).path, 'm49'],
      [writeM49(join(dir, 'm49'), { delimiter: ';', fileName: 'semicolon.csv', crlf: true }).path, 'm49'],
      [writeCountryCodes(join(dir, 'cc')).path, 'country-codes'],
      [writeOrgMemberships(join(dir, 'orgs')).path, 'org-memberships'],
      [writeOrgMemberships(join(dir, 'orgs'), { variant: 'full' }).path, 'org-memberships'],
      [writeWitsTimeseries(join(dir, 'wits')).path, 'wits-timeseries'],
      [writeLdcDates(join(dir, 'ldc-dates')), 'ldc-dates'],
      [writeAcpEvidence(join(dir, 'acp-evidence')), 'acp-evidence'],
      [writeVatRegistry(join(dir, 'vat')), 'vat-registry'],
      ...((t) => [
        [t['pwc_wwts_standard_vat_rates_2025-02.csv'], 'vat-rates-pwc'],
        [t['oecd_ctt_standard_vat_rates_2005_2025.csv'], 'vat-rates-oecd'],
        [t['vat_manual_additions.csv'], 'vat-rates-national-law'],
        [t['node_sales_tax_rates_with_history.csv'], 'vat-rates-node-sales-tax'],
        [t['shopify_worldwide_country_tax_rates.csv'], 'vat-rates-shopify'],
      ] as [string, FormatId][])(writeVatRateTables(join(dir, 'vat-rates'))),
      [classificationFile('oghist.csv', 'iso3,economy,fiscal_year,fy_label,classification_released,gni_data_year,income_group_code,income_group,raw_cell', 'NPL,Nepal,FY1995,FY95,1994-07-01,1993,L,Low income,L'), 'wb-income-history'],
      [classificationFile('class.csv', 'fiscal_year,iso3,economy,region,income_group,lending_category,other,source_file', 'FY2026,NPL,Nepal,South Asia,Lower middle income,IDA,,x'), 'wb-class-history'],
      [writeTracker(join(dir, 'cyberlaw'), EDITION_2021).status, 'cyberlaw-tracker-status'],
      [writeDpList(join(dir, 'dp'), 'typed.csv', 'Country,Type,Title of Legislation/Draft Legislation,Links to laws'), 'cyberlaw-data-protection-list'],
      [writeDpList(join(dir, 'dp'), 'untyped.csv', 'Country,Title of Legislation/Draft Legislation,Links to laws'), 'cyberlaw-data-protection-list'],
      ...writeTradeLayouts(join(dir, 'trade')),
      ...writeGenericTradeLayouts(join(dir, 'trade-generic')),
      [classificationFile('b2c.csv', 'rank_2020,economy,internet_use_pct,account_ownership_pct,secure_servers_normalized,upu_postal_reliability,index_value_2020,index_value_change_2019_20,rank_2019_recomputed', '1,Nepal,50,45,30,40,41.3,0.1,1'), 'unctad-b2c'],
      [classificationFile('etready.csv', 'country_or_region,acp_member,title,year_published,document_symbol,evidence_url,evidence_note', 'Samoa,yes,t,2017,UNCTAD/DTL/STICT/2017/10,https://x,n'), 'etready'],
      [classificationFile('etready-statuses.csv', 'country_or_region,status,status_date,document_symbol,link', 'Samoa,requested,2016,,'), 'etready'],
      [classificationFile('etready-matrix.csv', 'row_type,country,area,recommendation_id,recommendation,priority,lead_agency,partners,timeline,status,status_date,source,requesting_authority', 'request,Samoa,,,,,,,,,2016,,'), 'etready-matrix'],
      [classificationFile('etready-reviews.csv', 'id,review,finding,source_url,caveat', 'IR3,3rd review (2024),NOT FOUND,,'), 'etready-reviews'],
      [classificationFile('strategies.csv', 'statement_id,strategy,date_of_statement,metric,value,unit,source_url,quote_excerpt', 'P03,Pacific Regional E-commerce Strategy,2022-12-02,share_of_measures_under_implementation,43,percent,https://x,q'), 'strategy-statements'],
      [classificationFile('strategy-measures.csv', 'strategy_id,measure_id,policy_area,measure,status,status_date', 'pacific,1,legal,A law,completed,2024-01-01'), 'strategy-measures'],
    ];
    const detected = [];
    for (const [path] of cases) detected.push([relative(dir, path), await detectFormat(path)]);
    expect(detected).toEqual(cases.map(([path, format]) => [relative(dir, path), format]));
    expect(new Set(cases.map(([, f]) => f))).toEqual(new Set(FORMATS));
  });

  // UNSD publishes the M49 table in French and Spanish with the same columns, and the M49 parser reads
  // them by position; a user importing the French download must not be told it is no known format.
  it('recognises the French and Spanish M49 tables', async () => {
    const fr = writeM49(join(dir, 'm49-fr'), { lang: 'fr' }).path;
    const es = writeM49(join(dir, 'm49-es'), { lang: 'es', delimiter: ';' }).path;
    expect([await detectFormat(fr), await detectFormat(es)]).toEqual(['m49', 'm49']);
  });

  it('returns null for other tables, other extensions and empty files', async () => {
    const other = join(dir, 'other');
    mkdirSync(other, { recursive: true });
    const files: Record<string, string> = {
      'tariff.csv': 'hs6,description,rate\n370110,Photographic plates,5\n',
      'empty.csv': '',
      'wide.txt': 'Country Name,Country Code,Indicator Name,Indicator Code,2020,\n',
      'notes.md': '# Country Name,Country Code,Year,Value\n',
      'long-extra.csv': 'Country Name,Country Code,Year,Value,Footnote\nKenya,KEN,2020,1,\n',
    };
    const found: Record<string, FormatId | null> = {};
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(other, name), text);
      found[name] = await detectFormat(join(other, name));
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(files).map((name) => [name, null])));
  });
});

describe('planFolder', () => {
  it('orders countries, then groups, then figures, and says why each other file is skipped', async () => {
    const folder = writeFixtureFolder(join(dir, 'folder'));
    const plan = await planFolder(folder.root);
    const rel = (p: string) => relative(folder.root, p);
    expect(plan.map((p) => [p.label, p.format, p.skip])).toEqual([
      [rel(folder.m49), 'm49', null],
      [rel(folder.orgs), 'org-memberships', null],
      [rel(folder.orgsSubset), 'org-memberships', `a subset of ${rel(folder.orgs)}, which is imported instead`],
      [rel(folder.metadata), 'worldbank-metadata', null],
      [rel(folder.findex.path), 'findex', null],
      [rel(folder.findexSubset), 'findex', `a subset of ${rel(folder.findex.path)}, which is imported instead`],
      [rel(folder.secureServers.path), 'long', null],
      [rel(folder.population.path), 'long', null],
      [rel(folder.wide.path), 'worldbank-wide', null],
      [rel(folder.wits), 'wits-timeseries', null],
      ['README.md', null, 'documentation'],
      ['tariffs/links.json', null, 'documentation'],
      ['tariffs/schedule.csv', null, 'not a format the Observatory imports'],
      ['wdi/PROVENANCE.md', null, 'documentation'],
    ]);
    expect(plan.every((p) => p.path === join(folder.root, p.label))).toBe(true);
  });

  it('imports countries before any group or figure whatever the folder names', async () => {
    const root = join(dir, 'reversed');
    writeWitsTimeseries(join(root, 'a-wits'));
    writeWorldBankWide(join(root, 'b-figures'));
    writeWorldBankMetadata(join(root, 'b-figures'));
    writeOrgMemberships(join(root, 'c-orgs'));
    writeCountryCodes(join(root, 'd-countries'));
    writeM49(join(root, 'z-m49'));
    const formats = (await planFolder(root)).map((p) => p.format);
    expect(formats).toEqual(['m49', 'country-codes', 'org-memberships', 'worldbank-metadata', 'worldbank-wide', 'wits-timeseries']);
  });
});
