import type { ParseArgsConfig } from 'node:util';
import { API_ADDRESS_RULE } from '../../../adapters/sources/worldbank-api-address.ts';
import type { HelpEntry } from '../command.ts';
import { GLOBAL_HELP, helpEntry } from '../help.ts';

/** One option of `observatory import`: how it is parsed, the value it takes, what it does. */
interface ImportOption {
  type: 'string' | 'boolean';
  /** The placeholder of its value in the help. */
  value?: string;
  summary: string;
}

/** Every option `observatory import` reads; its parser and its `--help` are both made from this table. */
export const IMPORT_OPTIONS = {
  'as-of': {
    type: 'string',
    value: 'YYYY-MM-DD',
    summary:
      "the edition's date, which its statuses hold from; without it, the datapackage.json beside the\n" +
      'files, else a date stated in PROVENANCE.md, else the day of the import (the vintage says which)',
  },
  format: { type: 'string', value: 'NAME', summary: "the file's format, when its header should not decide it" },
  indicator: { type: 'string', value: 'CODE', summary: 'the indicator of a long file (default: from its name, sp.pop.totl.csv → SP.POP.TOTL)' },
  'fiscal-year': { type: 'string', value: 'YYYY', summary: 'the World Bank fiscal year of a classification file that gives no date' },
  edition: { type: 'string', value: 'HS2017', summary: 'the HS edition of a BACI or WITS tariff file that does not say it' },
  'tariff-config': { type: 'string', value: 'F.tariff.json', summary: 'the description of a national tariff schedule (default: <name>.tariff.json beside it)' },
  force: { type: 'boolean', summary: 'import a file again even when the same file is stored (a new vintage)' },
  online: { type: 'boolean', summary: 'download indicators from the World Bank API (the codes given, else the core set)' },
  'api-url': { type: 'string', value: 'URL', summary: `the address of the API downloaded from; for the World Bank:\n${API_ADDRESS_RULE}` },
  comtrade: { type: 'boolean', summary: "imports by partner from UN Comtrade's public API" },
  wits: { type: 'boolean', summary: 'MFN tariffs from the WITS API (UNCTAD TRAINS)' },
  reporters: { type: 'string', value: 'NPL,KEN', summary: 'the reporters of --comtrade or --wits' },
  years: { type: 'string', value: '2019-2022', summary: 'the years of --comtrade or --wits (at most 30)' },
  products: { type: 'string', value: '852349,…', summary: "HS6 lines of --comtrade or --wits (default: the built-in lists' lines)" },
} as const satisfies Record<string, ImportOption>;

/** The options as `parseArgs` takes them. */
export const IMPORT_PARSE_OPTIONS = Object.fromEntries(Object.entries(IMPORT_OPTIONS).map(([name, o]) => [name, { type: o.type }])) as {
  [K in keyof typeof IMPORT_OPTIONS]: { type: (typeof IMPORT_OPTIONS)[K]['type'] };
} satisfies ParseArgsConfig['options'];

/**
 * The text of `observatory import --help`: the command's forms, then each option of the table.
 * @example importHelp([{ form: 'import <file>', summary: 'import' }]).includes('--as-of YYYY-MM-DD') // true
 */
export function importHelp(usage: readonly HelpEntry[]): string {
  const options = Object.entries(IMPORT_OPTIONS).map(([name, o]: [string, ImportOption]) =>
    helpEntry({ form: `--${name}${o.value ? ` ${o.value}` : ''}`, summary: o.summary }),
  );
  // --format names the file's format here, not the output's.
  const global = GLOBAL_HELP.split('\n').filter((line) => !line.startsWith('  --format ')).join('\n');
  return `observatory import — source files and downloads as vintages\n\nUsage:\n${usage.map(helpEntry).join('')}\nOptions:\n${options.join('')}${global}`;
}
