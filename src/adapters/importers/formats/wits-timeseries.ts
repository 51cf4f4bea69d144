import { basename } from 'node:path';
import { InputError } from '../../../domain/errors.ts';
import { NAME_ALIASES, nameKey, nameKeyCandidates } from '../../../domain/names.ts';
import { collect } from '../../sources/batches.ts';
import type { SourceObservation } from '../../sources/records.ts';
import { readWitsTimeseries } from '../../sources/wits-timeseries.ts';
import type { Store } from '../../storage/store.ts';
import { defineFormat, type ImportInput } from '../format.ts';
import { knownCountries, observationSink } from '../observations.ts';

/** WITS indicator names and the WDI codes of the same series. */
const WITS_INDICATORS: ReadonlyMap<string, string> = new Map([
  ['Customs and other import duties (% of tax revenue)', 'GC.TAX.IMPT.ZS'],
  ['Taxes on international trade (current LCU)', 'GC.TAX.INTT.CN'],
]);

/** A WITS "Country-Timeseries" sheet: countries by name, one column per year. */
export const witsTimeseries = defineFormat({
  id: 'wits-timeseries',
  source: {
    source: 'World Bank, World Integrated Trade Solution (WITS), country time series',
    licence: 'CC-BY-4.0',
    url: 'https://wits.worldbank.org/',
  },
  order: 5,
  recognise: { extension: 'csv', header: (h) => /^country name,indicator name,\d{4}/.test(h.first) },
  prepare: async (input) => {
    const known = await knownCountries(input.store);
    return {
      write: async (writer, warnings) => {
        const sink = observationSink(writer, input.file, known);
        const resolved = await witsObservations(input, warnings);
        await sink.add(resolved.observations);
        await sink.finish(resolved.indicators);
      },
    };
  },
});

/** Country names → ISO3: the names other sources gave (World Bank files), the aliases and the countries' names. */
async function namesToCodes(store: Store): Promise<Map<string, string>> {
  const aliases = await store.aliases();
  for (const a of NAME_ALIASES) aliases.set(nameKey(a.name), a.iso3);
  for (const c of await store.countries()) {
    for (const name of Object.values(c.names)) {
      for (const key of nameKeyCandidates(name)) if (!aliases.has(key)) aliases.set(key, c.iso3);
    }
  }
  return aliases;
}

/**
 * WITS identifies countries by name only: names are matched to codes through the names other sources
 * gave (World Bank files) and the country names. Unmatched names are reported, their rows left out.
 */
async function witsObservations(
  { store, path, file, chunks }: ImportInput,
  warnings: string[],
): Promise<{ observations: SourceObservation[]; indicators: Map<string, string> }> {
  const aliases = await namesToCodes(store);
  const { records } = await collect(readWitsTimeseries(chunks(), file));
  const observations: SourceObservation[] = [];
  const indicators = new Map<string, string>();
  const unmatched = new Set<string>();
  for (const r of records) {
    const code = WITS_INDICATORS.get(r.indicatorName);
    if (!code) {
      throw new InputError(`unknown indicator "${r.indicatorName}"; known: ${[...WITS_INDICATORS.keys()].join('; ')}`, {
        file,
        line: r.line,
        field: 'Indicator Name',
      });
    }
    indicators.set(code, r.indicatorName);
    const entity = nameKeyCandidates(r.countryName).map((k) => aliases.get(k)).find((c) => c !== undefined);
    if (!entity) {
      unmatched.add(r.countryName);
      continue;
    }
    observations.push({ indicator: code, entity, entityName: r.countryName, year: r.year, value: r.value });
  }
  if (unmatched.size > 0) {
    warnings.push(`${basename(path)}: ${unmatched.size} country names not recognised, their values left out: ${[...unmatched].sort().join('; ')}`);
  }
  return { observations, indicators };
}
