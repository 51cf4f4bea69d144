import { stat } from 'node:fs/promises';
import { InputError } from '../../../domain/errors.ts';
import { isIsoDate } from '../../../domain/group.ts';
import { ensureReference, importFolder } from '../../../adapters/importers/folder.ts';
import { importFile, type ImportResult } from '../../../adapters/importers/import-file.ts';
import { API_ADDRESS_RULE } from '../../../adapters/sources/worldbank-api-address.ts';
import { parse, UsageError, type Command, type HelpEntry, type Io } from '../command.ts';
import { ProgressBar } from '../progress.ts';
import { globalSettings, withStore } from '../settings.ts';
import { importOnline, importTrade } from './import-online.ts';
import { IMPORT_PARSE_OPTIONS, importHelp } from './import-options.ts';

/** The forms of `observatory import` in the general help and its own. */
const USAGE: readonly HelpEntry[] = [
  {
    form: 'import <file|folder>… [--as-of YYYY-MM-DD]',
    summary:
      '\nimport source files as vintages (a folder laid out like ../shared/data); an edition holds\n' +
      'from --as-of, else the datapackage.json beside it, else PROVENANCE.md, else the import day;\n' +
      '"observatory import --help" lists every option',
  },
  {
    form: 'import --online [CODE…] [--api-url URL]',
    summary:
      '\ndownload indicators from the World Bank API (default: the core set) at\n' +
      `${API_ADDRESS_RULE};\n` +
      'all are downloaded before any is stored, and an incomplete download is refused',
  },
  {
    form: 'import --comtrade|--wits --reporters NPL,KEN --years 2019-2022 [--products 852349,…]',
    summary:
      "\nimports by partner from UN Comtrade's public API, or MFN tariffs from the WITS API\n" +
      "(default products: the built-in lists' lines); a BACI file takes --edition HS2017 when\n" +
      'its name does not say it, a national schedule --tariff-config F.tariff.json',
  },
];

/**
 * `observatory import`: source files or folders as vintages, or downloads from the World Bank, UN Comtrade and WITS APIs.
 * @example await importCommand.run(['../shared/data'], io)
 */
export const importCommand: Command = {
  name: 'import',
  usage: USAGE,
  help: importHelp(USAGE),
  async run(args, io) {
    const { values, positionals } = parse(args, IMPORT_PARSE_OPTIONS);
    const settings = globalSettings(values);
    if (values.comtrade || values.wits) return importTrade(settings, values, positionals, io);
    if (values.online) return importOnline(settings, positionals, values['api-url'], io);
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
  },
};

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
