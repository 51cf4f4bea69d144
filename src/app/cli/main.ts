import { parseArgs, type ParseArgsConfig } from 'node:util';
import { stat } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { ConflictError, InputError, NotFoundError } from '../../domain/errors.ts';
import { isActiveAt, isGroupId, isIsoDate } from '../../domain/group.ts';
import { pick } from '../../domain/lang.ts';
import { parseYearRange } from '../../domain/observation.ts';
import { parseDesignParams, type DesignParams } from '../../domain/moratorium/design.ts';
import { formatShare, parseEstimateOptions, type EstimateOptions } from '../../domain/moratorium/options.ts';
import { ensureReference, importFolder } from '../../adapters/importers/folder.ts';
import { importFile, type ImportResult } from '../../adapters/importers/import-file.ts';
import { importWorldBankCountries, importWorldBankIndicator, ONLINE_INDICATORS } from '../../adapters/importers/online.ts';
import { importComtrade, importWitsTariffs } from '../../adapters/importers/online-trade.ts';
import { WORLD_BANK_API } from '../../adapters/sources/worldbank-api.ts';
import type { Store } from '../../adapters/storage/store.ts';
import { toCsv, type CsvCell } from '../services/csv.ts';
import { MoratoriumService } from '../services/moratorium.ts';
import {
  coverageTable,
  designTable,
  linesTable,
  listsTable,
  resultsTable,
  sensitivityTable,
  vatRegistryTable,
  vatTable,
  type Table,
} from '../services/moratorium-tables.ts';
import { fillIfEmpty, type FillState } from '../services/fill.ts';
import { Observatory, type MembershipBasis } from '../services/observatory.ts';
import { parseUserGroup } from '../services/user-groups.ts';
import { createApp } from '../web/server.ts';
import { accountsCommand, ACCOUNTS_HELP } from './accounts.ts';
import { defaultSources, globalSettings, openFromSettings, UsageError, type GlobalSettings } from './options.ts';
import { ProgressBar } from './progress.ts';
import { formatTable } from './table.ts';

const GLOBAL_OPTIONS = {
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const HELP = `observatory — the digital divide, country groups and sources, from the command line

Usage: observatory <command> [options]

Commands:
  serve                      run the web server (pages and API), filling an empty database first
  import <file|folder>…      import source files as vintages (a folder laid out like ../shared/data)
  import --online [CODE…]    download indicators from the World Bank API (default: the core set)
  import --comtrade|--wits --reporters NPL,KEN --years 2019-2022 [--products 852349,…]
                             imports by partner from UN Comtrade's public API, or MFN tariffs from the WITS API
                             (default products: the built-in lists' lines); a BACI file takes --edition HS2017 when
                             its name does not say it, a national schedule --tariff-config F.tariff.json
  groups [list]              list groups with today's member counts
  groups show <ID>           members of a group on a date (--at YYYY-MM-DD)
  groups create <ID> --name "…" --members NGA,KEN,…   define a group of your own (also --name-fr, --name-es, --name-pt)
  groups delete <ID>         delete a group you defined
  indicators [list]          indicators with data, their years and sources
  indicators show <CODE>     values (--countries, --groups, --years)
  aggregate <GROUP> <CODE>   a group's values with coverage (--years, --basis current|historical, --min-coverage)
  vintages                   every import with its source, file, hash and licence
  moratorium estimate        customs revenue forgone on digitisable imports (--country NPL or --group LDC;
                             --years, --list, --tariff bound|mfn|applied, --share, --valuation content|carrier,
                             --carrier-share, --elasticity, --rollup simple|weighted, --lines for each HS6 line)
  moratorium sensitivity     the same estimate with each assumption varied in turn (same options)
  moratorium vat             VAT/GST at each country's registry rate on the same base as the duty (same options)
  moratorium vat-registry    VAT/GST on digital supplies per country: rate, start, threshold, model, status, sources
  moratorium design          a duty on electronic transmissions for one country: --country NPL --rate 10
                             [--elasticity -1.5] [--base USD, else the listed lines' imports; --years, --list,
                             --share, --valuation, --carrier-share shape that base]: revenue, cost to consumers
  moratorium lists           product lists of digitisable goods with their HS6 lines
  moratorium coverage        reporters, years and HS editions with imports, and their tariff years
  accounts create-admin --email E --name "N"   the first administrator (password from $OBSERVATORY_ADMIN_PASSWORD or stdin, never argv)
  accounts create --email E --name "N" --role editor|curator|admin [--countries NPL,BTN]
  accounts list              accounts with their role, countries and state

Options for every command:
  --format table|csv         output (default table)
  --database-url URL         a PostgreSQL server (default: $DATABASE_URL, else the embedded database)
  --data-dir DIR             folder of the embedded database (default: $OBSERVATORY_DATA_DIR, else ./data)
  -h, --help                 this help
`;

type Out = { write(text: string): unknown };

interface Io {
  out: Out;
  err: Out & { isTTY?: boolean; columns?: number };
  /** Standard input, read for a password (`accounts`); process.stdin when not given. */
  stdin?: AsyncIterable<string | Uint8Array>;
}

function parse<O extends ParseArgsConfig['options']>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function outputFormat(value: string | undefined): 'table' | 'csv' {
  if (value === undefined || value === 'table' || value === 'csv') return value ?? 'table';
  throw new UsageError(`--format must be table or csv, got "${value}"`);
}

function print(io: Io, format: 'table' | 'csv', header: string[], rows: (string | number | null)[][]): void {
  if (format === 'csv') {
    io.out.write(toCsv(header, rows));
    return;
  }
  const text = rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'number' ? String(Number(c.toPrecision(10))) : c)));
  io.out.write(`${formatTable(header, text)}\n`);
}

async function withStore<T>(settings: GlobalSettings, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openFromSettings(settings);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function reportImport(io: Io, r: ImportResult): void {
  const what =
    r.status === 'imported'
      ? `imported as vintage ${r.vintage?.id} (${r.vintage?.rowCount} rows)`
      : r.status === 'unchanged'
        ? `unchanged (${r.reason})`
        : `skipped: ${r.reason}`;
  io.err.write(`  ${r.file}: ${what}\n`);
  for (const w of r.warnings) io.err.write(`    warning: ${w}\n`);
}

async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    indicator: { type: 'string' },
    'fiscal-year': { type: 'string' },
    'as-of': { type: 'string' },
    force: { type: 'boolean' },
    online: { type: 'boolean' },
    'api-url': { type: 'string' },
    comtrade: { type: 'boolean' },
    wits: { type: 'boolean' },
    reporters: { type: 'string' },
    years: { type: 'string' },
    products: { type: 'string' },
    edition: { type: 'string' },
    'tariff-config': { type: 'string' },
  });
  const settings = globalSettings(values);
  if (values.comtrade || values.wits) {
    if (values.comtrade && values.wits) throw new UsageError('--comtrade and --wits are separate downloads: give one');
    if (positionals.length > 0) throw new UsageError('--comtrade and --wits download from the APIs: give no file');
    const reporters = (values.reporters ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    if (reporters.length === 0) throw new UsageError('--comtrade and --wits need --reporters NPL,KEN,…');
    const range = values.years === undefined ? null : parseYearRange(values.years);
    if (range === null || range.to - range.from > 30) throw new UsageError('--comtrade and --wits need --years 2019-2022 (at most 30 years)');
    const years = Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);
    const products = values.products === undefined ? undefined : values.products.split(',').map((p) => p.trim()).filter(Boolean);
    const baseUrl = values['api-url'];
    return withStore(settings, async (store) => {
      const query = { reporters, years, ...(products ? { products } : {}) };
      let requests = 0;
      const onRequest = () => {
        requests++;
        if (io.err.isTTY) io.err.write(`  request ${requests}\r`);
      };
      const result = values.comtrade
        ? await importComtrade(store, query, { ...(baseUrl ? { baseUrl } : {}), onRequest })
        : await importWitsTariffs(store, query, { ...(baseUrl ? { baseUrl } : {}), onRequest });
      io.err.write(`  ${result.vintage.dataset}: ${result.unchanged ? 'unchanged' : `imported as vintage ${result.vintage.id} (${result.vintage.rowCount} rows)`}\n`);
      for (const w of result.warnings) io.err.write(`    warning: ${w}\n`);
      return 0;
    });
  }
  if (values.online) {
    const codes = positionals.length ? positionals : ONLINE_INDICATORS;
    const baseUrl = values['api-url'] ?? WORLD_BANK_API;
    return withStore(settings, async (store) => {
      await ensureReference(store);
      const bar = new ProgressBar('downloading', codes.length + 1, io.err);
      await importWorldBankCountries(store, { baseUrl });
      bar.tick(1, 'countries');
      for (const code of codes) {
        const { vintage, unchanged } = await importWorldBankIndicator(store, code, { baseUrl });
        bar.tick(1, `${code}: ${unchanged ? 'unchanged' : `vintage ${vintage.id}`}`);
      }
      bar.done(`${codes.length} indicators`);
      return 0;
    });
  }
  if (positionals.length === 0) throw new UsageError('import needs a file or a folder (or --online)');
  let failed = 0;
  const fiscalYear = values['fiscal-year'] === undefined ? undefined : Number(values['fiscal-year']);
  if (fiscalYear !== undefined && !(Number.isInteger(fiscalYear) && fiscalYear > 1980 && fiscalYear < 2100)) {
    throw new UsageError(`--fiscal-year must be a year like 2026, got "${values['fiscal-year']}"`);
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError(`--as-of must be a date like 2026-03-05, got "${asOf}"`);
  return withStore(settings, async (store) => {
    await ensureReference(store);
    for (const path of positionals) {
      const info = await stat(path).catch(() => null);
      if (!info) throw new InputError('no such file or folder', { file: path });
      if (info.isDirectory()) {
        if (values.format || values.indicator || fiscalYear !== undefined || values.edition || values['tariff-config']) {
          throw new UsageError('--format, --indicator, --fiscal-year, --edition and --tariff-config apply to one file, not to a folder');
        }
        let bar: ProgressBar | null = null;
        const results = await importFolder(
          store,
          path,
          {
            onPlan: (files) => {
              bar = new ProgressBar(`importing ${path}`, files.length, io.err);
            },
            onFileDone: (result) => (bar as ProgressBar | null)?.tick(1, result.file),
          },
          { ...(values.force ? { force: true } : {}), ...(asOf !== undefined ? { asOf } : {}) },
        );
        (bar as ProgressBar | null)?.done();
        for (const r of results) reportImport(io, r);
      } else {
        const bar = new ProgressBar(`importing ${path}`, info.size, io.err);
        const result = await importFile(store, path, {
          ...(values.format ? { format: values.format } : {}),
          ...(values.indicator ? { indicator: values.indicator } : {}),
          ...(fiscalYear !== undefined ? { fiscalYear } : {}),
          ...(asOf !== undefined ? { asOf } : {}),
          ...(values.force ? { force: true } : {}),
          ...(values.edition ? { edition: values.edition } : {}),
          ...(values['tariff-config'] ? { tariffConfig: values['tariff-config'] } : {}),
          label: path,
          onProgress: (read) => bar.update(read),
        });
        bar.done();
        reportImport(io, result);
        // A file named on the command line that cannot be imported is a failure; in a folder, skipping is normal.
        if (result.status === 'skipped') failed++;
      }
    }
    return failed > 0 ? 1 : 0;
  });
}

async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    sources: { type: 'string' },
    offline: { type: 'boolean' },
  });
  const settings = globalSettings(values);
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port ?? process.env.PORT}"`);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const store = await openFromSettings(settings);
  const obs = new Observatory(store);
  const fill: FillState = { running: false, done: 0, total: 0, errors: [], origin: null };
  const app = createApp({ obs, fill, apiToken: process.env.OBSERVATORY_API_TOKEN || undefined });
  const server = serve({ fetch: app.fetch, port, hostname: host }, (address) => {
    io.err.write(`The Observatory is at http://${host}:${address.port}/ (${store.engine === 'postgres' ? 'PostgreSQL' : `embedded database in ${settings.dataDir}`})\n`);
  });
  const sources = values.sources ?? defaultSources();
  const apiBaseUrl = values.offline || process.env.OBSERVATORY_OFFLINE ? null : (process.env.OBSERVATORY_WB_API ?? WORLD_BANK_API);
  void fillIfEmpty(store, { sources, apiBaseUrl, log: (line) => io.err.write(`${line}\n`) }, fill)
    .then(() => obs.refresh(true))
    .then(() => obs.warm());
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await store.close();
  return 0;
}

async function groupsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    at: { type: 'string' },
    name: { type: 'string' },
    'name-fr': { type: 'string' },
    'name-es': { type: 'string' },
    'name-pt': { type: 'string' },
    members: { type: 'string' },
  });
  const format = outputFormat(values.format);
  const [action = 'list', id] = positionals;
  return withStore(globalSettings(values), async (store) => {
    const obs = new Observatory(store);
    const ref = await obs.ref();
    if (values.at !== undefined && !isIsoDate(values.at)) throw new UsageError(`--at must be a date like 2024-12-31, got "${values.at}"`);
    const date = values.at ?? obs.today();
    switch (action) {
      case 'list': {
        const rows = [...ref.groups.values()].map((g) => [g.id, g.kind, pick(g.names, 'en'), obs.membersOn(ref, g.id, date).length]);
        print(io, format, ['id', 'kind', 'name', 'members'], rows);
        return 0;
      }
      case 'show': {
        if (!id) throw new UsageError('groups show needs a group id');
        const group = await obs.group(id.toUpperCase());
        const members = obs.membersOn(ref, group.id, date);
        const rows = members.map((iso3) => {
          const m = (ref.memberships.get(group.id) ?? []).find((x) => x.iso3 === iso3 && x.status === 'member' && isActiveAt(x, date));
          const name = ref.countries.get(iso3);
          return [iso3, name ? pick(name.names, 'en') : (ref.economies.get(iso3)?.name ?? iso3), m?.from ?? null, m?.source ?? null];
        });
        io.err.write(`${pick(group.names, 'en')}: ${members.length} members on ${date}\n`);
        print(io, format, ['iso3', 'name', 'since', 'source'], rows);
        return 0;
      }
      case 'create': {
        if (!id) throw new UsageError('groups create needs a group id');
        if (!values.name) throw new UsageError('groups create needs --name');
        const existing = ref.groups.get(id);
        if (existing && existing.kind !== 'user') throw new UsageError(`group ${id} is defined by a source (${existing.source}); choose another id`);
        const names = {
          en: values.name,
          ...(values['name-fr'] ? { fr: values['name-fr'] } : {}),
          ...(values['name-es'] ? { es: values['name-es'] } : {}),
          ...(values['name-pt'] ? { pt: values['name-pt'] } : {}),
        };
        const members = (values.members ?? '').split(/[\s,]+/).filter((m) => m !== '');
        const { group, memberships } = parseUserGroup({ id, names, members }, ref, 'command line', 'user-defined (Observatory CLI)');
        await store.saveUserGroup(group, memberships);
        io.err.write(`${existing ? 'replaced' : 'created'} group ${group.id} with ${memberships.length} members\n`);
        return 0;
      }
      case 'delete': {
        if (!id || !isGroupId(id)) throw new UsageError('groups delete needs a group id');
        const existing = ref.groups.get(id);
        if (existing && existing.kind !== 'user') throw new UsageError(`group ${id} is defined by a source and cannot be deleted`);
        if (!(await store.deleteUserGroup(id))) throw new NotFoundError(`no group ${id}`);
        io.err.write(`deleted group ${id}\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown groups action "${action}"; use list, show, create or delete`);
    }
  });
}

function years(value: string | undefined): { from?: number; to?: number } {
  if (value === undefined) return {};
  const range = parseYearRange(value);
  if (!range) throw new UsageError(`--years must be a year or a range like 2020-2022, got "${value}"`);
  return range;
}

async function indicatorsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    countries: { type: 'string' },
    groups: { type: 'string' },
    years: { type: 'string' },
  });
  const format = outputFormat(values.format);
  const [action = 'list', code] = positionals;
  return withStore(globalSettings(values), async (store) => {
    const obs = new Observatory(store);
    const ref = await obs.ref();
    if (action === 'list') {
      const rows = [...ref.indicators.values()].map((i) => [
        i.def.code,
        pick(i.def.names, 'en'),
        i.record?.firstYear ?? null,
        i.record?.lastYear ?? null,
        i.record?.observations ?? null,
        i.vintages.map((v) => `${v.id}`).join('+'),
        i.def.rule.kind,
      ]);
      print(io, format, ['code', 'name', 'first', 'last', 'values', 'vintage', 'group rule'], rows);
      return 0;
    }
    if (action !== 'show') throw new UsageError(`unknown indicators action "${action}"; use list or show`);
    if (!code) throw new UsageError('indicators show needs an indicator code');
    const entities = new Set((values.countries ?? '').split(/[\s,]+/).filter((c) => c !== '').map((c) => c.toUpperCase()));
    for (const g of (values.groups ?? '').split(/[\s,]+/).filter((c) => c !== '')) {
      for (const iso3 of obs.membersOn(ref, g.toUpperCase(), obs.today())) entities.add(iso3);
    }
    const unknown = [...entities].filter((e) => !ref.countries.has(e) && !ref.economies.has(e) && !ref.aggregates.has(e));
    if (unknown.length) throw new UsageError(`unknown country codes: ${unknown.join(', ')}`);
    const rows = await obs.observations(code, { ...years(values.years), ...(entities.size ? { entities: [...entities] } : {}) });
    const names = new Map([...ref.countries.values()].map((c) => [c.iso3, c.names.en]));
    print(
      io,
      format,
      ['country', 'name', 'year', 'value', 'vintage'],
      rows.map((o) => [o.entity, names.get(o.entity) ?? ref.aggregates.get(o.entity)?.name ?? ref.economies.get(o.entity)?.name ?? '', o.year, o.value, o.vintageId]),
    );
    return 0;
  });
}

async function aggregateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    years: { type: 'string' },
    basis: { type: 'string' },
    'min-coverage': { type: 'string' },
  });
  const format = outputFormat(values.format);
  const [groupId, code] = positionals;
  if (!groupId || !code) throw new UsageError('aggregate needs a group id and an indicator code');
  const basis = values.basis ?? 'current';
  if (basis !== 'current' && basis !== 'historical') throw new UsageError(`--basis must be current or historical, got "${basis}"`);
  const minCoverage = values['min-coverage'] === undefined ? undefined : Number(values['min-coverage']);
  if (minCoverage !== undefined && !(minCoverage >= 0 && minCoverage <= 1)) throw new UsageError('--min-coverage must be between 0 and 1');
  return withStore(globalSettings(values), async (store) => {
    const obs = new Observatory(store);
    const series = await obs.aggregateSeries(groupId.toUpperCase(), code, {
      ...years(values.years),
      basis: basis as MembershipBasis,
      ...(minCoverage !== undefined ? { minCoverage } : {}),
    });
    io.err.write(`${pick(series.group.names, 'en')} — ${pick(series.indicator.def.names, 'en')} (${series.rule.kind}, ${series.basis} membership)\n`);
    print(
      io,
      format,
      ['year', 'value', 'status', 'members with data', 'members', 'population covered', 'World Bank value', 'agrees'],
      series.rows.map((r) => [
        r.year,
        r.value,
        r.status,
        r.membersWithData,
        r.membersTotal,
        r.populationCovered,
        r.published?.worldBank ?? null,
        r.published && 'agrees' in r.published ? String(r.published.agrees) : null,
      ]),
    );
    return 0;
  });
}

async function vintagesCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { format: { type: 'string' } });
  const format = outputFormat(values.format);
  return withStore(globalSettings(values), async (store) => {
    const rows = (await store.vintages()).map((v) => [v.id, v.dataset, v.source, v.publishedAt, v.importedAt.slice(0, 19), v.rowCount, v.licence, v.sha256.slice(0, 12)]);
    print(io, format, ['id', 'dataset', 'source', 'published', 'imported', 'rows', 'licence', 'sha256'], rows);
    return 0;
  });
}

/** CLI option names of the estimate's parameters: carrier_share is --carrier-share. */
const optionName = (parameter: string) => `--${parameter.replace(/_/g, '-')}`;

/** Cells as the CLI's print takes them. */
const printable = (rows: readonly (readonly CsvCell[])[]) => rows.map((r) => r.map((c) => (c === undefined ? null : typeof c === 'boolean' ? String(c) : c)));

/** Prints a table of the estimate; on a terminal, only the named columns (CSV keeps them all, assumptions and vintages included). */
function printTable(io: Io, format: 'table' | 'csv', table: Table, columns: readonly string[]): void {
  if (format === 'csv') {
    print(io, format, table.header, printable(table.rows));
    return;
  }
  const index = columns.map((c) => table.header.indexOf(c));
  print(io, format, [...columns], printable(table.rows.map((r) => index.map((i) => r[i]))));
}

/**
 * `--elasticity -1.5` as `--elasticity=-1.5`: an elasticity is negative, and parseArgs otherwise takes
 * "-1.5" for an option and refuses the value.
 */
function negativeValues(args: readonly string[], options: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = args[i + 1];
    if (options.includes(a) && next !== undefined && /^-\d*\.?\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

async function moratoriumCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(negativeValues(args, ['--elasticity']), {
    format: { type: 'string' },
    country: { type: 'string' },
    group: { type: 'string' },
    years: { type: 'string' },
    list: { type: 'string' },
    tariff: { type: 'string' },
    share: { type: 'string' },
    valuation: { type: 'string' },
    'carrier-share': { type: 'string' },
    elasticity: { type: 'string' },
    rollup: { type: 'string' },
    lines: { type: 'boolean' },
    rate: { type: 'string' },
    base: { type: 'string' },
  });
  const format = outputFormat(values.format);
  const [action = 'estimate', extra] = positionals;
  if (extra !== undefined) throw new UsageError(`moratorium ${action} takes options only, got "${extra}"`);
  const ACTIONS = ['estimate', 'sensitivity', 'vat', 'design', 'lists', 'coverage', 'vat-registry'];
  if (!ACTIONS.includes(action)) {
    throw new UsageError(`unknown moratorium action "${action}"; use ${ACTIONS.slice(0, -1).join(', ')} or ${ACTIONS.at(-1)}`);
  }
  // Bad options are usage errors (exit 2) named as typed, checked before the database is opened.
  const usage = (error: unknown): never => {
    if (error instanceof InputError && error.location.field) throw new UsageError(`${optionName(error.location.field)}: ${error.reason}`);
    throw error;
  };
  let options: EstimateOptions | null = null;
  let design: DesignParams | null = null;
  if (action === 'estimate' || action === 'sensitivity' || action === 'vat' || action === 'design') {
    try {
      options = parseEstimateOptions(
        {
          years: values.years,
          list: values.list,
          tariff: values.tariff,
          share: values.share,
          valuation: values.valuation,
          carrier_share: values['carrier-share'],
          elasticity: values.elasticity,
          rollup: values.rollup,
        },
        'command line',
      );
    } catch (error) {
      usage(error);
    }
    if (values.lines && action !== 'estimate') throw new UsageError('--lines applies to moratorium estimate only');
    if (action === 'design') {
      // The base is shaped by the list, share, valuation and years only; a tariff measure or roll-up would be silently ignored.
      const ignored = ['group', 'tariff', 'rollup'].filter((k) => values[k as keyof typeof values] !== undefined);
      if (ignored.length) throw new UsageError(`moratorium design takes no ${ignored.map((g) => `--${g}`).join(', ')}`);
      if (!values.country) throw new UsageError('--country: give the country whose duty is simulated, such as NPL');
      try {
        design = parseDesignParams({ rate: values.rate, base: values.base }, 'command line');
      } catch (error) {
        usage(error);
      }
    } else if (values.rate !== undefined || values.base !== undefined) {
      throw new UsageError('--rate and --base apply to moratorium design only');
    }
  } else {
    const given = ['country', 'group', 'years', 'list', 'tariff', 'share', 'valuation', 'carrier-share', 'elasticity', 'rollup', 'lines', 'rate', 'base'].filter(
      (k) => values[k as keyof typeof values] !== undefined,
    );
    if (given.length) throw new UsageError(`moratorium ${action} takes no ${given.map((g) => `--${g}`).join(', ')}`);
  }
  return withStore(globalSettings(values), async (store) => {
    const obs = new Observatory(store);
    const service = new MoratoriumService(obs);
    const ref = await obs.ref();
    const nameOf = (iso3: string) => ref.countries.get(iso3)?.names.en ?? ref.economies.get(iso3)?.name ?? iso3;
    if (action === 'lists') {
      const lists = await service.lists();
      if (format === 'csv') printTable(io, format, listsTable(lists), []);
      else print(io, format, ['id', 'version', 'name', 'edition', 'lines', 'built in'], lists.map((l) => [l.id, l.version, l.name, l.edition, l.lines.join(' '), l.builtIn ? 'yes' : 'no']));
      return 0;
    }
    if (action === 'coverage') {
      printTable(io, format, coverageTable(await service.coverage(), nameOf), ['reporter', 'name', 'edition', 'first_year', 'last_year', 'imports_usd', 'tariff_years']);
      return 0;
    }
    if (action === 'vat-registry') {
      printTable(io, format, vatRegistryTable((await service.vatRegistry()).values(), nameOf), ['iso3', 'rate_pct', 'start', 'threshold', 'threshold_currency', 'model', 'legislated', 'as_of']);
      return 0;
    }
    const o = options as EstimateOptions;
    const target = await service.target({ country: values.country, group: values.group }, 'command line').catch(usage);
    if (action === 'design') {
      const d = design as DesignParams;
      const result = await service.design(target.id, d.ratePct, o.elasticity, o, d.baseUsd);
      const years = o.years ? `${o.years.from}-${o.years.to}` : 'all';
      if (format === 'table') {
        io.err.write(`${nameOf(result.iso3)} (${result.iso3}): a duty of ${result.simulation.ratePct}% with import-demand elasticity ${result.simulation.elasticity}\n`);
        io.err.write(`  base: ${result.baseUsd} USD (${result.baseFrom === 'given' ? 'given' : `imports of the listed lines in ${result.year}, list ${o.list}, share ${formatShare(o.share)}, valuation ${o.valuation}`})\n`);
        io.err.write(`  revenue-maximising rate: ${result.peakRatePct === null ? 'none (revenue rises with the rate when -1 <= elasticity <= 0)' : `${result.peakRatePct}%`}\n`);
        if (result.vintages.length) io.err.write(`  sources: ${result.vintages.map((v) => `${v.source} (vintage ${v.id})`).join('; ')}\n`);
      }
      printTable(io, format, designTable(result, nameOf, { list: o.list, share: formatShare(o.share), valuation: o.valuation, years }), [
        'point',
        'rate_pct',
        'imports_after_usd',
        'revenue_usd',
        'consumer_cost_usd',
        'deadweight_loss_usd',
      ]);
      return 0;
    }
    const result = await service.estimate(target, o);
    if (format === 'table') {
      // On a terminal the assumptions and sources go to stderr, so that stdout stays the table alone.
      io.err.write(`${result.target.name} (${result.target.kind} ${result.target.id})\n`);
      for (const [k, v] of result.assumptions) io.err.write(`  ${k}: ${v}\n`);
      for (const n of result.notes) io.err.write(`  note: ${n}\n`);
      io.err.write(`  sources: ${result.vintages.map((v) => `${v.source} (vintage ${v.id})`).join('; ')}\n`);
    }
    if (action === 'sensitivity') {
      printTable(io, format, sensitivityTable(result, await service.sensitivity(target, o)), ['varied', 'value', 'revenue_usd', 'change', 'base']);
      return 0;
    }
    if (action === 'vat') {
      printTable(io, format, vatTable(result, await service.vatComparison(result)), [
        'reporter',
        'year',
        'duty_revenue_usd',
        'vat_revenue_usd',
        'vat_rate_pct',
        'vat_legislated',
        'vat_model',
        'status',
      ]);
      return 0;
    }
    if (values.lines) {
      printTable(io, format, linesTable(result, nameOf), ['reporter', 'year', 'hs6', 'match', 'imports_usd', 'rate_pct', 'revenue_usd', 'status']);
      return 0;
    }
    printTable(io, format, resultsTable(result, nameOf), [
      ...(result.target.kind === 'group' ? ['level'] : []),
      'reporter',
      'year',
      'revenue_usd',
      'imports_usd',
      'imports_rated_usd',
      'lines_with_rate',
      'lines_without_rate',
      ...(result.target.kind === 'group' ? ['members_with_data', 'members_total'] : []),
      'tariff_year',
      'share_of_customs',
      'share_of_government',
      'status',
    ]);
    return 0;
  });
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  import: importCommand,
  serve: serveCommand,
  groups: groupsCommand,
  indicators: indicatorsCommand,
  aggregate: aggregateCommand,
  vintages: vintagesCommand,
  moratorium: moratoriumCommand,
  accounts: (args, io) => accountsCommand(args, io),
};

/**
 * Runs the command line and returns the exit code: 0 done, 1 bad input or failure, 2 bad usage.
 * @example await main(['groups', 'show', 'ECOWAS', '--at', '2024-12-31'])
 */
export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out.write(HELP);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err.write(`unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out.write(command === 'accounts' ? ACCOUNTS_HELP : HELP);
    return 0;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err.write(`observatory ${command}: ${error.message}\nRun "observatory --help" for usage.\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof NotFoundError || error instanceof ConflictError) {
      io.err.write(`observatory ${command}: ${error.message}\n`);
      return 1;
    }
    io.err.write(`observatory ${command}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
