/**
 * Data-quality flags and edition dates on both engines: flags found at import and stored with the vintage
 * (values out of range, jumps, tracker statuses contradicting their laws), carried by the observations API
 * and its CSV and listed by /api/v1/quality; a tracker edition dated by the datapackage.json or the
 * PROVENANCE.md beside it, or by --as-of; earlier data-protection editions imported as history.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editionDate, editionDateInPackage, editionDateInProvenance } from '../../../src/adapters/importers/edition-date.ts';
import { detectFormat, notImportedReason } from '../../../src/adapters/importers/formats.ts';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { statusesOn } from '../../../src/domain/cyberlaw.ts';
import { InputError } from '../../../src/domain/errors.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { writeM49 } from '../../fixtures/fixtures.ts';
import { writeTracker, type TrackerRow } from '../../fixtures/cyberlaw.ts';
import { ENGINES, freshStoreEach } from '../../support/engines.ts';
import { errorOf, tempDir } from './support.ts';

const dir = tempDir('observatory-quality-');
let folderCount = 0;
const fresh = (name: string) => join(dir, `${folderCount++}`, name);

/** An edition with each kind of contradiction, and a bare "No Data" marker that is not a law. */
const EDITION: TrackerRow[] = [
  {
    m49: '566',
    country: 'Nigeria',
    statuses: ['Legislation', 'No Legislation', 'Legislation', 'Legislation', 'No Legislation'],
    laws: {
      'Electronic Transactions': [['https://example.org/ng/ea.pdf', 'Evidence Act, 2011']],
      'Consumer Protection': [['www.fccpc.gov.ng', 'Federal Competition and Consumer Protection Act, 2018']],
      'Privacy and Data Protection': [['https://example.org/ng/ndpa.pdf', 'Nigeria Data Protection Act, 2023']],
    },
  },
  {
    m49: '798',
    country: 'Tuvalu',
    statuses: ['No Legislation', 'No Data', 'No Data', 'No Legislation', 'No Legislation'],
    laws: { 'Consumer Protection': ['No Data', ''], 'Privacy and Data Protection': [['#', 'Privacy Act 2020']] },
  },
];

/** A long file of mobile subscriptions per 100 people with Fiji's values of the World Bank file. */
function writeMobile(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'it.cel.sets.p2.csv');
  const rows = [
    ['Fiji', 'FJI', 2021, 108.158405429846],
    ['Fiji', 'FJI', 2022, 111.749120643187],
    ['Fiji', 'FJI', 2023, 361.048644963723],
    ['Fiji', 'FJI', 2024, 574.152332512188],
    ['Kenya', 'KEN', 2023, 65.2],
    ['Kenya', 'KEN', 2024, 66.1],
  ];
  writeFileSync(path, ['Country Name,Country Code,Year,Value', ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return path;
}

describe('edition dates read from the data', () => {
  it('reads the file’s resource in a data package (x-as-of, then date), not its creation date', () => {
    const pkg = JSON.stringify({
      created: '2026-04-27T00:00:00Z',
      resources: [
        { path: 'cyberlaw_tracker_status.csv', 'x-as-of': '2026-03-05' },
        { path: 'other.csv', date: '2021-12-01T00:00:00Z' },
      ],
    });
    expect(editionDateInPackage(pkg, 'cyberlaw_tracker_status.csv')).toBe('2026-03-05');
    expect(editionDateInPackage(pkg, 'other.csv')).toBe('2021-12-01');
    expect(editionDateInPackage(pkg, 'absent.csv')).toBeNull();
    // A version is not a day.
    expect(editionDateInPackage(JSON.stringify({ version: '2026', edition: '2026' }), 'x.csv')).toBeNull();
  });

  it('refuses a bad date or a package that is not JSON, naming the file and field', async () => {
    const e = await errorOf(async () => editionDateInPackage(JSON.stringify({ resources: [{ path: 'a.csv', 'x-as-of': '2026-02-30' }] }), 'a.csv', 'src/datapackage.json'));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).location).toMatchObject({ file: 'src/datapackage.json', field: 'resources[0].x-as-of' });
    expect(() => editionDateInPackage('{', 'a.csv')).toThrow(InputError);
  });

  it('reads a date stated as the edition on the provenance line naming the file, not a commit date', () => {
    const text = [
      '| status.csv | commit abc (HEAD 2026-04-27) | edition date: 2026-03-05 |',
      '| links.json | commit def, 2026-04-27 |',
    ].join('\n');
    expect(editionDateInProvenance(text, 'status.csv')).toBe('2026-03-05');
    expect(editionDateInProvenance(text, 'links.json')).toBeNull();
  });

  it('prefers --as-of, then the data package, then the provenance, then the import day', async () => {
    const folder = fresh('edition');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'status.csv');
    writeFileSync(file, 'x\n');
    expect((await editionDate(file, undefined)).origin).toBe('import-day');
    writeFileSync(join(folder, 'PROVENANCE.md'), '- status.csv: statuses as of 2025-01-15\n');
    expect(await editionDate(file, undefined)).toMatchObject({ date: '2025-01-15', origin: 'provenance' });
    writeFileSync(join(folder, 'datapackage.json'), JSON.stringify({ resources: [{ path: 'status.csv', 'x-as-of': '2026-03-05' }] }));
    expect(await editionDate(file, undefined)).toMatchObject({ date: '2026-03-05', origin: 'datapackage' });
    expect(await editionDate(file, '2027-01-01')).toMatchObject({ date: '2027-01-01', origin: 'option' });
  });
});

for (const engine of ENGINES) {
  describe(`data-quality flags and dated editions on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));
    const withCountries = async () => {
      await importFile(store, writeM49(fresh('datasets-country-codes')).path);
    };

    it('dates a tracker edition by its data package, so a later date finds its statuses', async () => {
      await withCountries();
      const folder = fresh('unctad-cyberlaw-tracker');
      const files = writeTracker(folder, EDITION);
      writeFileSync(join(folder, 'datapackage.json'), JSON.stringify({ created: '2026-04-27', resources: [{ path: 'cyberlaw_tracker_status.csv', 'x-as-of': '2026-03-05' }] }));
      const result = await importFile(store, files.status);
      expect(result.vintage?.note).toContain('statuses as of 2026-03-05 (the edition date in datapackage.json)');
      const entries = await store.registry.cyberlawEntries();
      expect(new Set(entries.map((e) => e.asOf))).toEqual(new Set(['2026-03-05']));
      expect(statusesOn(entries, '2026-03-04').size).toBe(0);
      expect(statusesOn(entries, '2026-06-30').get('NGA')?.get('consumer-protection')?.status).toBe('none');
    });

    it('flags tracker statuses that contradict their laws, and nothing for a bare "No Data" marker', async () => {
      await withCountries();
      const files = writeTracker(fresh('unctad-cyberlaw-tracker'), EDITION);
      const result = await importFile(store, files.status, { asOf: '2026-03-05' });
      const flags = await store.qualityFlags();
      expect(flags.map((f) => [f.entity, f.subject, f.rule])).toEqual([
        ['NGA', 'consumer-protection', 'none-with-law'],
        ['NGA', 'cybercrime', 'legislation-without-law'],
        ['TUV', 'data-protection', 'no-data-with-law'],
      ]);
      expect(flags.every((f) => f.vintageId === result.vintage?.id)).toBe(true);
      expect(flags[0]).toMatchObject({ status: 'none', laws: ['Federal Competition and Consumer Protection Act, 2018'], year: null });
    });

    it('flags nothing when the tracker comes without its laws', async () => {
      await withCountries();
      const files = writeTracker(fresh('unctad-cyberlaw-tracker'), EDITION, { links: false });
      await importFile(store, files.status, { asOf: '2026-03-05' });
      expect(await store.qualityFlags()).toEqual([]);
    });

    it('flags Fiji’s mobile subscriptions at import, and the API, its CSV and /quality carry the flags', async () => {
      await withCountries();
      const first = await importFile(store, writeMobile(fresh('datasets-wdi')));
      const flags = await store.qualityFlags({ subject: 'IT.CEL.SETS.P2' });
      expect(flags.map((f) => [f.entity, f.year, f.rule])).toEqual([
        ['FJI', 2023, 'jump'],
        ['FJI', 2024, 'jump'],
        ['FJI', 2024, 'range'],
      ]);
      expect(flags.every((f) => f.vintageId === first.vintage?.id)).toBe(true);

      const obs = new Observatory(store, { versionCheckMs: 0 });
      const app = createApp({ obs });
      const json = (await (await app.request('/api/v1/indicators/IT.CEL.SETS.P2/observations?countries=FJI,KEN')).json()) as {
        rows: { country: string; year: number; flag: string | null; flagReason: string | null }[];
      };
      const fji2024 = json.rows.find((r) => r.country === 'FJI' && r.year === 2024);
      expect(fji2024?.flag).toBe('jump,range');
      expect(fji2024?.flagReason).toContain('574.2 is above the plausible maximum of 400');
      expect(json.rows.find((r) => r.country === 'FJI' && r.year === 2022)?.flag).toBeNull();
      expect(json.rows.filter((r) => r.country === 'KEN').every((r) => r.flag === null && r.flagReason === null)).toBe(true);

      const csv = await (await app.request('/api/v1/indicators/IT.CEL.SETS.P2/observations?countries=FJI&years=2023&format=csv')).text();
      const [header, row] = csv.trim().split(/\r?\n/);
      expect(header).toBe('vintage,source,indicator,country,name,year,value,flag,flag_reason');
      expect(row).toContain(',jump,"from 111.7 in 2022 to 361 in 2023');

      const quality = (await (await app.request('/api/v1/quality?country=fji&rule=range')).json()) as { count: number; flags: { subject: string; year: number; reason: string }[]; checks: { indicator: string; max: number | null }[] };
      expect(quality.count).toBe(1);
      expect(quality.flags[0]).toMatchObject({ subject: 'IT.CEL.SETS.P2', year: 2024 });
      expect(quality.checks.find((c) => c.indicator === 'IT.CEL.SETS.P2')?.max).toBe(400);
      const refused = await app.request('/api/v1/quality?rule=odd');
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { parameter: string } }).error.parameter).toBe('rule');

      const page = await (await app.request('/en/quality?country=FJI')).text();
      expect(page).toContain('Year-on-year jump');
      expect(page).toContain('574.2 is above the plausible maximum of 400');
      const fr = await (await app.request('/fr/quality?country=FJI')).text();
      expect(fr).toContain('Saut d’une année à l’autre');
      const country = await (await app.request('/en/countries/FJI')).text();
      expect(country).toContain('⚠ flagged');

      // A new vintage of the same file without the jump: its flags replace the old ones as current.
      const folder = fresh('datasets-wdi');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'it.cel.sets.p2.csv'), 'Country Name,Country Code,Year,Value\nFiji,FJI,2022,111.7\nFiji,FJI,2023,115.2\n');
      await importFile(store, join(folder, 'it.cel.sets.p2.csv'), { dataset: first.dataset });
      expect(await store.qualityFlags({ subject: 'IT.CEL.SETS.P2' })).toEqual([]);
      expect(await store.qualityFlags({ subject: 'IT.CEL.SETS.P2', vintageIds: [first.vintage!.id] })).toHaveLength(3);
    });

    it('imports earlier data-protection editions as history, dated by their data package', async () => {
      await withCountries();
      const folder = fresh('unctad-cyberlaw-history');
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        join(folder, 'dp_2020.csv'),
        [
          'Country,Type,Title of Legislation/Draft Legislation,Links to laws',
          'Kenya,Draft Legislation,Data Protection Bill 2018,https://example.org/ke/bill.pdf',
          'Nigeria,Legislation,"NITDA Guidelines on Data Protection,\n2013",https://example.org/ng/g.pdf',
          'Nigeria,Draft Legislation,Data Protection Bill 2019,',
          'Tuvalu,No Data,,',
          'Atlantis,Legislation,Law of the Sea Kingdom,',
        ].join('\n') + '\n',
      );
      writeFileSync(
        join(folder, 'dp_2021.csv'),
        ['Country,Title of Legislation/Draft Legislation,Links to laws', 'Kenya,"Data Protection Act, 2019",https://example.org/ke/dpa.pdf', 'Fiji,Bill - Privacy and Data Protection,'].join('\n') + '\n',
      );
      writeFileSync(
        join(folder, 'datapackage.json'),
        JSON.stringify({ resources: [{ path: 'dp_2020.csv', 'x-as-of': '2020-04-01' }, { path: 'dp_2021.csv', 'x-as-of': '2021-12-01' }] }),
      );
      expect(await detectFormat(join(folder, 'dp_2020.csv'))).toBe('cyberlaw-data-protection-list');
      expect(await detectFormat(join(folder, 'dp_2021.csv'))).toBe('cyberlaw-data-protection-list');
      const a = await importFile(store, join(folder, 'dp_2020.csv'));
      expect(a.vintage?.note).toContain('data-protection statuses as of 2020-04-01 (the edition date in datapackage.json)');
      expect(a.warnings.join('\n')).toContain('Atlantis (line 7)');
      const b = await importFile(store, join(folder, 'dp_2021.csv'));
      expect(b.warnings.join('\n')).toContain('no Type column');

      const entries = await store.registry.cyberlawEntries();
      const on = (date: string) =>
        Object.fromEntries([...statusesOn(entries, date)].map(([iso3, byArea]) => [iso3, byArea.get('data-protection')?.status]));
      expect(on('2019-12-31')).toEqual({});
      expect(on('2020-12-31')).toEqual({ KEN: 'draft', NGA: 'legislation', TUV: 'no-data' });
      expect(on('2021-12-31')).toEqual({ KEN: 'legislation', NGA: 'legislation', TUV: 'no-data', FJI: 'draft' });
      const nga = entries.find((e) => e.iso3 === 'NGA');
      expect(nga?.laws.map((l) => [l.title, l.year])).toEqual([['NITDA Guidelines on Data Protection, 2013', 2013]]);
    });

    it('refuses an unknown type naming its line and column, and stores nothing', async () => {
      await withCountries();
      const folder = fresh('unctad-cyberlaw-history');
      mkdirSync(folder, { recursive: true });
      const path = join(folder, 'dp.csv');
      writeFileSync(path, 'Country,Type,Title of Legislation/Draft Legislation,Links to laws\nKenya,Legislation,Data Protection Act 2019,\nNigeria,Regulation,X,\n');
      const error = await errorOf(() => importFile(store, path, { asOf: '2020-04-01' }));
      expect((error as InputError).location).toMatchObject({ line: 3, field: 'Type' });
      expect(await store.registry.cyberlawEntries()).toEqual([]);
    });
  });
}

describe('the history folder’s other files', () => {
  it('says why the derived status table and UNCTAD’s headline figures are not imported', async () => {
    const folder = fresh('unctad-cyberlaw-history');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 's.csv'), 'country_unctad_name,dp_status,n_instruments_listed\nKenya,Legislation,1\n');
    writeFileSync(join(folder, 'a.csv'), 'statement_id,area,scope,metric,value,unit,edition_hint,source_url_or_repo,quote_excerpt\n');
    expect(await detectFormat(join(folder, 's.csv'))).toBeNull();
    expect(await notImportedReason(join(folder, 's.csv'))).toContain('derived from the data-protection list');
    expect(await notImportedReason(join(folder, 'a.csv'))).toContain('headline figures');
  });
});
