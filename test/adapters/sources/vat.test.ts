import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrackerStatus } from '../../../src/adapters/sources/cyberlaw-tracker.ts';
import { fileChunks } from '../../../src/adapters/sources/csv.ts';
import { readVatRegistry, trackerVatEntries } from '../../../src/adapters/sources/vat.ts';
import { InputError } from '../../../src/domain/errors.ts';
import { EDITION_2021, writeTracker } from '../../fixtures/cyberlaw.ts';
import { VAT_REGISTRY_HEADER, VAT_REGISTRY_ROWS, writeVatRegistry } from '../../fixtures/vat.ts';
import { byteChunks, errorOf, tempDir } from './helpers.ts';

const dir = tempDir('observatory-vat-');
let n = 0;
const fresh = () => join(dir, String(n++));

describe('the Indirect Taxation column of the tracker', () => {
  const edition = { asOf: '2026-03-05', source: 'UNCTAD Global Cyberlaw Tracker (edition as of 2026-03-05)', sourceUrl: 'https://unctad.org/page/global-cyberlaw-tracker' };

  it('gives one registry entry per known economy, with its status and no rate', async () => {
    const { status } = writeTracker(fresh(), EDITION_2021, { links: false });
    const rows = await readTrackerStatus(fileChunks(status), 'cyberlaw_tracker_status.csv');
    const iso3 = new Map([['566', 'NGA'], ['404', 'KEN'], ['250', 'FRA'], ['242', 'FJI']]);
    const { entries, unknown } = trackerVatEntries(rows, iso3, edition);
    expect(unknown.map((r) => r.country)).toEqual(['Tuvalu', 'Haiti', 'United States of America', 'Atlantis']);
    expect(entries.map((e) => [e.iso3, e.legislated])).toEqual([
      ['NGA', 'no legislation'],
      ['KEN', 'no legislation'],
      ['FJI', 'no legislation'],
      ['FRA', 'legislation'],
    ]);
    expect(entries[3]).toEqual({
      iso3: 'FRA',
      rate: null,
      start: null,
      threshold: null,
      model: null,
      legislated: 'legislation',
      source: 'UNCTAD Global Cyberlaw Tracker (edition as of 2026-03-05), Indirect Taxation',
      sourceUrl: 'https://unctad.org/page/global-cyberlaw-tracker',
      note: null,
      asOf: '2026-03-05',
    });
  });

  it('normalises the spellings of a status: case, spacing, "Draft", an empty cell', async () => {
    const path = join(fresh(), 'cyberlaw_tracker_status.csv');
    writeTracker(join(path, '..'), [
      { m49: '566', country: 'Nigeria', statuses: ['Legislation', 'Legislation', 'Legislation', 'Legislation', ' LEGISLATION '] },
      { m49: '404', country: 'Kenya', statuses: ['Legislation', 'Legislation', 'Legislation', 'Legislation', 'draft  legislation'] },
      { m49: '242', country: 'Fiji', statuses: ['Legislation', 'Legislation', 'Legislation', 'Legislation', 'Draft'] },
      { m49: '250', country: 'France', statuses: ['Legislation', 'Legislation', 'Legislation', 'Legislation', ''] },
      { m49: '798', country: 'Tuvalu', statuses: ['Legislation', 'Legislation', 'Legislation', 'Legislation', 'no data'] },
    ], { links: false });
    const rows = await readTrackerStatus(fileChunks(path), 'cyberlaw_tracker_status.csv');
    const iso3 = new Map([['566', 'NGA'], ['404', 'KEN'], ['242', 'FJI'], ['250', 'FRA'], ['798', 'TUV']]);
    expect(trackerVatEntries(rows, iso3, edition).entries.map((e) => e.legislated)).toEqual([
      'legislation',
      'draft legislation',
      'draft legislation',
      'no data',
      'no data',
    ]);
  });

  it('refuses an unknown status, naming the line and the column', async () => {
    const { status } = writeTracker(fresh(), [{ m49: '566', country: 'Nigeria', statuses: ['Legislation', 'Legislation', 'Legislation', 'Legislation', 'Yes'] }], { links: false });
    const error = await errorOf(() => readTrackerStatus(fileChunks(status), 'cyberlaw_tracker_status.csv'));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location).toEqual({ file: 'cyberlaw_tracker_status.csv', line: 2, field: 'Indirect Taxation' });
  });
});

describe('a VAT/GST registry file', () => {
  it('reads every column, in pieces of any size, with quoted cells and CRLF line ends', async () => {
    const path = writeVatRegistry(fresh(), VAT_REGISTRY_ROWS, { crlf: true });
    const whole = await readVatRegistry(fileChunks(path), 'vat_registry.csv', { asOf: '2026-05-01' });
    for (const size of [1, 3, 64]) {
      expect(await readVatRegistry(byteChunks(readFileSync(path), size), 'vat_registry.csv', { asOf: '2026-05-01' })).toEqual(whole);
    }
    expect(whole).toEqual([
      {
        line: 2,
        entry: {
          iso3: 'KEN',
          rate: 16,
          start: '2021-01-02',
          threshold: null,
          model: 'vendor registration',
          legislated: 'legislation',
          source: 'Finance Act, 2019 (test)',
          sourceUrl: 'https://example.org/ke',
          note: null,
          asOf: '2026-05-01',
        },
      },
      {
        line: 3,
        entry: {
          iso3: 'NGA',
          rate: 7.5,
          start: '2020-02-01',
          threshold: { amount: 25_000_000, currency: 'NGN' },
          model: 'platform liability',
          legislated: 'legislation',
          source: 'Finance Act 2019 (test)',
          sourceUrl: null,
          note: 'collected by platforms, "SIEP" rule',
          asOf: '2026-05-01',
        },
      },
      {
        line: 4,
        entry: {
          iso3: 'FJI',
          rate: null,
          start: null,
          threshold: null,
          model: null,
          legislated: 'no data',
          source: 'Ministry notice (test)',
          sourceUrl: null,
          note: 'draft bill tabled',
          asOf: '2026-05-01',
        },
      },
    ]);
  });

  it('reads the optional legislated and as_of columns, and a threshold in the country\'s own currency', async () => {
    const path = writeVatRegistry(fresh(), ['fji,,,,,,Bill No. 6 (test),,,Draft,2023-06-01', 'KEN,16,,5000000,,,Act (test),,,,'], {
      header: `${VAT_REGISTRY_HEADER},legislated,as_of`,
    });
    const rows = await readVatRegistry(fileChunks(path), 'vat_registry.csv', { asOf: '2026-05-01' });
    expect(rows.map((r) => [r.entry.iso3, r.entry.legislated, r.entry.asOf, r.entry.threshold])).toEqual([
      ['FJI', 'draft legislation', '2023-06-01', null],
      ['KEN', 'legislation', '2026-05-01', { amount: 5_000_000, currency: null }],
    ]);
  });

  const bad: [string, string, string, RegExp][] = [
    ['an ISO3 code', 'KE,16,,,,,Act,,', 'iso3', /not an ISO 3166 alpha-3 code: "KE"/],
    ['a rate', 'NGA,sixteen,,,,,Act,,', 'rate', /not a number: "sixteen"/],
    ['a rate above 100', 'NGA,160,,,,,Act,,', 'rate', /between 0 and 100/],
    ['a date', 'NGA,16,2021-02-30,,,,Act,,', 'start', /not a date/],
    ['a threshold', 'NGA,16,,-5,KES,,Act,,', 'threshold_amount', /cannot be negative/],
    ['a currency', 'NGA,16,,5,shilling,,Act,,', 'threshold_currency', /ISO 4217/],
    ['a currency without an amount', 'NGA,16,,,KES,,Act,,', 'threshold_currency', /without a threshold amount/],
    ['a model', 'NGA,16,,,,customs,Act,,', 'model', /"customs" is not a collection model \(vendor registration, platform liability, reverse charge, withholding by payment providers\)/],
    ['a source', 'NGA,16,,,,,,,', 'source', /names its source/],
    ['a link', 'NGA,16,,,,,Act,www.example.org,', 'source_url', /not a web link/],
  ];
  for (const [what, row, field, message] of bad) {
    it(`refuses a bad ${what}, naming the file, line and field`, async () => {
      const path = writeVatRegistry(fresh(), [VAT_REGISTRY_ROWS[0], row]);
      const error = await errorOf(() => readVatRegistry(fileChunks(path), 'vat_registry.csv', { asOf: '2026-05-01' }));
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).location).toEqual({ file: 'vat_registry.csv', line: 3, field });
      expect((error as InputError).reason).toMatch(message);
    });
  }

  it('refuses a bad status and a bad as_of date in the optional columns', async () => {
    const header = `${VAT_REGISTRY_HEADER},legislated,as_of`;
    const status = writeVatRegistry(fresh(), ['KEN,16,,,,,Act,,,maybe,'], { header });
    expect((await errorOf(() => readVatRegistry(fileChunks(status), 'r.csv', { asOf: '2026-05-01' })) as InputError).location).toEqual({ file: 'r.csv', line: 2, field: 'legislated' });
    const asOf = writeVatRegistry(fresh(), ['KEN,16,,,,,Act,,,,May 2026'], { header });
    expect((await errorOf(() => readVatRegistry(fileChunks(asOf), 'r.csv', { asOf: '2026-05-01' })) as InputError).location).toEqual({ file: 'r.csv', line: 2, field: 'as_of' });
  });

  it('refuses a country given twice, naming both lines', async () => {
    const path = writeVatRegistry(fresh(), [VAT_REGISTRY_ROWS[0], 'ken,15,,,,,Act,,']);
    const error = (await errorOf(() => readVatRegistry(fileChunks(path), 'vat_registry.csv', { asOf: '2026-05-01' }))) as InputError;
    expect(error.location).toEqual({ file: 'vat_registry.csv', line: 3, field: 'iso3' });
    expect(error.reason).toMatch(/first on line 2/);
  });

  it('refuses a file without a required column or without a header', async () => {
    const path = writeVatRegistry(fresh(), [], { header: 'iso3,rate,start,threshold_amount,threshold_currency,model,source_url,note' });
    const error = (await errorOf(() => readVatRegistry(fileChunks(path), 'vat_registry.csv', { asOf: '2026-05-01' }))) as InputError;
    expect(error.location).toEqual({ file: 'vat_registry.csv', line: 1, field: 'source' });
    const empty = (await errorOf(() => readVatRegistry([''], 'empty.csv', { asOf: '2026-05-01' }))) as InputError;
    expect(empty.location).toEqual({ file: 'empty.csv', line: 1, field: 'iso3' });
  });
});
