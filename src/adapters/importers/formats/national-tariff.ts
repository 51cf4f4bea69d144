import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../../domain/errors.ts';
import { parseTariffConfig, readNationalTariff } from '../../sources/trade/national-tariff.ts';
import { defineFormat } from '../format.ts';
import { hsEditionOption, tradeContext, writeTradeBatches } from '../trade.ts';

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

/** Any country's tariff schedule published as CSV, read as its `.tariff.json` configuration describes it. */
export const nationalTariff = defineFormat({
  id: 'national-tariff',
  source: {
    source: 'National tariff schedule (customs administration of the reporter), as described by its .tariff.json configuration',
    licence: 'As published by the customs administration',
    url: null,
  },
  order: 6,
  recognise: {
    extension: 'csv',
    // A schedule with its configuration beside it is read as the configuration says, whatever its header.
    companion: tariffConfigBeside,
    isCompanion: (path) => path.toLowerCase().endsWith(TARIFF_CONFIG_SUFFIX),
  },
  // A national schedule is read as its configuration says: a changed configuration is a new vintage too.
  companion: async (path, options) => options.tariffConfig ?? (await tariffConfigBeside(path)),
  prepare: async ({ store, path, file, options, companion: configPath, chunks }) => {
    const name = basename(path);
    const context = await tradeContext(store);
    // As for every published trade layout, an edition given to the import must be one.
    hsEditionOption(options.edition, file);
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
      write: async (writer, warnings) => {
        const summary = await writeTradeBatches(readNationalTariff(chunks(), file, config, context), writer);
        if (summary.emptySchemes.length > 0) {
          warnings.push(`${name}: schemes without members (the group is unknown or empty in ${config.year}): ${summary.emptySchemes.join(', ')}`);
        }
      },
    };
  },
});
