import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../domain/errors.ts';
import { isHsEdition, HS_EDITIONS, type HsEdition } from '../../domain/moratorium/hs.ts';
import { fileChunks } from '../sources/csv.ts';
import { readBaci } from '../sources/trade/baci.ts';
import { readComtradeLegacy, readComtradePlusCsv, readComtradePlusJson, type ComtradeSummary } from '../sources/trade/comtrade.ts';
import { parseTariffConfig, readNationalTariff } from '../sources/trade/national-tariff.ts';
import { baciEditionOf } from '../sources/trade/un-codes.ts';
import { readWitsTariff } from '../sources/trade/wits-tariff.ts';
import type { Store } from '../storage/store.ts';
import { tradeContext, writeTradeBatches, type TradeImport } from './trade.ts';

/** The published layouts of trade and tariff data that any country's files come in (beside the shared data's own). */
export const GENERIC_TRADE_FORMATS = ['baci', 'comtrade-legacy', 'comtrade-plus-csv', 'comtrade-plus-json', 'wits-tariff', 'national-tariff'] as const;
export type GenericTradeFormatId = (typeof GENERIC_TRADE_FORMATS)[number];

export function isGenericTradeFormat(format: string): format is GenericTradeFormatId {
  return (GENERIC_TRADE_FORMATS as readonly string[]).includes(format);
}

/** The suffix of a national tariff schedule's configuration: `kenya-2024.csv` is read with `kenya-2024.tariff.json`. */
export const TARIFF_CONFIG_SUFFIX = '.tariff.json';

/** The configuration beside a national tariff schedule, or null when there is none. */
export async function tariffConfigBeside(path: string): Promise<string | null> {
  const candidate = join(dirname(path), `${basename(path).replace(/\.[^.]+$/, '')}${TARIFF_CONFIG_SUFFIX}`);
  try {
    return (await stat(candidate)).isFile() ? candidate : null;
  } catch {
    return null;
  }
}

export interface GenericTradeInput {
  path: string;
  file: string;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** The HS edition of a BACI file whose name does not give it, or of a WITS file without NomenCode. */
  edition?: string;
  /** The configuration of a national tariff schedule, when it is not beside the file. */
  tariffConfig?: string;
}

function editionOption(edition: string | undefined, file: string): HsEdition | undefined {
  if (edition === undefined) return undefined;
  if (!isHsEdition(edition)) throw new InputError(`"${edition}" is not an HS edition; known: ${HS_EDITIONS.join(', ')}`, { file, field: 'edition' });
  return edition;
}

function comtradeWarnings(name: string, summary: ComtradeSummary, warnings: string[]): void {
  if (summary.unknownCodes.size > 0) {
    warnings.push(
      `${name}: ${summary.unknownCodes.rows} rows of ${summary.unknownCodes.size} country codes not recognised left out (their imports stay in the World remainder when the file has World rows): ${summary.unknownCodes.describe()}`,
    );
  }
}

/**
 * Prepares the import of a BACI, Comtrade, WITS tariff or configured national tariff file: reads what it
 * needs from the store (country codes, groups) and states the mapping rules in the vintage's note.
 */
export async function prepareGenericTradeImport(store: Store, format: GenericTradeFormatId, input: GenericTradeInput): Promise<TradeImport> {
  const { path, file } = input;
  const name = basename(path);
  const chunks = () => fileChunks(path, input.onProgress);
  const context = await tradeContext(store);
  const edition = editionOption(input.edition, file);
  switch (format) {
    case 'baci': {
      const baciEdition = edition ?? baciEditionOf(name);
      if (!baciEdition) {
        throw new InputError('the file name does not give the HS edition ("BACI_HS17_…"): give the edition to the import (--edition HS2017)', { file });
      }
      return {
        note:
          `CEPII BACI, ${baciEdition}: imports of the importer (j) from the exporter (i) by HS6 product, thousand US dollars × 1,000 (FOB values ` +
          'reconciled by CEPII), quantities in tonnes. UN numeric codes as M49, with Comtrade\'s own for France (251), Norway (579), India (699), ' +
          'Switzerland (757), the United States (842) and "Other Asia, nes" (490, as Taiwan); rows of other unknown codes are left out.',
        fill: async (writer, warnings) => {
          const summary = await writeTradeBatches(readBaci(chunks(), file, context, { edition: baciEdition }), writer);
          if (summary.unknownCodes.size > 0) {
            warnings.push(`${name}: ${summary.unknownCodes.rows} rows with country codes not recognised left out: ${summary.unknownCodes.describe()}`);
          }
        },
      };
    }
    case 'comtrade-legacy':
    case 'comtrade-plus-csv':
    case 'comtrade-plus-json': {
      const read = format === 'comtrade-legacy' ? readComtradeLegacy : format === 'comtrade-plus-csv' ? readComtradePlusCsv : readComtradePlusJson;
      return {
        note:
          'UN Comtrade annual imports by partner and HS6 commodity (the reporter\'s primary value, CIF for most), in the HS edition of each row\'s ' +
          'classification (H0 = HS 1992 … H6 = HS 2022). Exports, re-exports, totals, chapters and breakdowns by customs procedure or transport are left out. ' +
          'Imports from the World not split among recognised partners are kept under WLD, to which only MFN rates apply.',
        fill: async (writer, warnings) => {
          comtradeWarnings(name, await writeTradeBatches(read(chunks(), file, context), writer), warnings);
        },
      };
    }
    case 'wits-tariff':
      return {
        note:
          'WITS (UNCTAD TRAINS) tariffs at HS6, the simple average of the national lines. MFN and bound rows as such; effectively applied (AHS) rows are ' +
          'left out, the estimator deriving them. Preferential rows are the rate of a scheme named after the WITS partner or programme; its members are the ' +
          'partner country, or the members of the stored group of that code, from the first tariff year the file gives the preference.',
        fill: async (writer, warnings) => {
          const summary = await writeTradeBatches(readWitsTariff(chunks(), file, context, edition ? { edition } : {}), writer);
          if (summary.unknownReporters.length > 0) {
            warnings.push(`${name}: reporters not recognised, their rows left out: ${summary.unknownReporters.join(', ')}`);
          }
          if (summary.unknownPartners.length > 0) {
            warnings.push(`${name}: preference partners whose members are not known (rates kept, entitled to nobody): ${summary.unknownPartners.join('; ')}`);
          }
        },
      };
    case 'national-tariff': {
      const configPath = input.tariffConfig ?? (await tariffConfigBeside(path));
      if (configPath === null) {
        throw new InputError(`no configuration: put ${name.replace(/\.[^.]+$/, '')}${TARIFF_CONFIG_SUFFIX} beside the file or give one to the import`, { file });
      }
      let text: string;
      try {
        text = await readFile(configPath, 'utf8');
      } catch {
        throw new InputError('cannot read the tariff configuration', { file: configPath });
      }
      const config = parseTariffConfig(text, basename(configPath));
      const schemes = Object.keys(config.columns.schemes);
      return {
        note:
          `National tariff schedule of ${config.reporter}, tariff year ${config.year}, ${config.edition} national lines, read as ${basename(configPath)} describes it ` +
          `(${[config.columns.mfn && `MFN "${config.columns.mfn}"`, config.columns.bound && `bound "${config.columns.bound}"`, ...schemes.map((s) => `${s} "${config.columns.schemes[s]}"`)].filter(Boolean).join(', ')}). ` +
          '"Free" is 0 %, a blank rate is no rate; heading rows are left out.' +
          (schemes.length ? ` Scheme members from the configuration${schemes.some((s) => typeof config.schemeMembers[s] === 'string') ? ' (groups: their members at the end of the tariff year)' : ''}.` : ''),
        fill: async (writer, warnings) => {
          const summary = await writeTradeBatches(readNationalTariff(chunks(), file, config, context), writer);
          if (summary.emptySchemes.length > 0) {
            warnings.push(`${name}: schemes without members (the group is unknown or empty in ${config.year}): ${summary.emptySchemes.join(', ')}`);
          }
        },
      };
    }
  }
}
