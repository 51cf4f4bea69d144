import type { CyberlawEntry } from '../../../domain/cyberlaw.ts';
import { nameKey } from '../../../domain/names.ts';
import { readDataProtectionList } from '../../sources/cyberlaw-history.ts';
import { editionDate } from '../edition-date.ts';
import { defineFormat } from '../format.ts';
import { tradeContext } from '../trade.ts';

/** The header of UNCTAD's data-protection list, with (2020 edition) or without (later editions) its Type column. */
const TYPED = 'country,type,title of legislation/draft legislation,links to laws';
const UNTYPED = 'country,title of legislation/draft legislation,links to laws';

/** UNCTAD's spellings of the time that no other source gives, with the country they name. */
export const UNCTAD_NAMES: readonly { name: string; iso3: string }[] = [
  { name: 'The former Yugoslav Republic of Macedonia', iso3: 'MKD' },
  { name: 'North Macedonia', iso3: 'MKD' },
  { name: 'Swaziland', iso3: 'SWZ' },
  { name: 'Eswatini', iso3: 'SWZ' },
  { name: "Côte d'Ivoire", iso3: 'CIV' },
  { name: 'Cote d’Ivoire', iso3: 'CIV' },
  { name: 'Czech Republic', iso3: 'CZE' },
  { name: 'Turkey', iso3: 'TUR' },
  { name: 'Cape Verde', iso3: 'CPV' },
  { name: 'Republic of Korea', iso3: 'KOR' },
  { name: 'Republic of Moldova', iso3: 'MDA' },
  { name: 'Iran', iso3: 'IRN' },
  { name: 'Bolivia', iso3: 'BOL' },
  { name: 'Venezuela', iso3: 'VEN' },
  { name: 'Tanzania', iso3: 'TZA' },
  { name: 'United Republic of Tanzania', iso3: 'TZA' },
  { name: 'Viet Nam', iso3: 'VNM' },
  { name: "Lao People's Democratic Republic", iso3: 'LAO' },
  { name: 'Hong Kong, China', iso3: 'HKG' },
  { name: 'Macao, China', iso3: 'MAC' },
  { name: 'Taiwan Province of China', iso3: 'TWN' },
  { name: 'State of Palestine', iso3: 'PSE' },
  { name: 'Saint Kitts and Nevis', iso3: 'KNA' },
  { name: 'Saint Vincent and the Grenadines', iso3: 'VCT' },
  { name: 'Saint Lucia', iso3: 'LCA' },
  { name: 'United Kingdom', iso3: 'GBR' },
  { name: 'United States', iso3: 'USA' },
  { name: 'Russia', iso3: 'RUS' },
  { name: 'Syria', iso3: 'SYR' },
  { name: 'Congo, Democratic Republic of', iso3: 'COD' },
];

/**
 * An earlier edition of the tracker's data-protection area (UNCTAD's DP.xlsx as CSV): one status per
 * country, dated by the edition (datapackage.json or the provenance beside the file, or --as-of), written
 * as the history of the data-protection area. Countries absent from the file get no entry: UNCTAD recorded
 * no status for them, which is not "no legislation".
 */
export const cyberlawHistory = defineFormat({
  id: 'cyberlaw-data-protection-list',
  source: {
    source: 'UNCTAD Global Cyberlaw Tracker, data protection and privacy (earlier edition)',
    licence: 'UNCTAD: may be freely quoted and used with appropriate acknowledgement',
    url: 'https://unctad.org/page/data-protection-and-privacy-legislation-worldwide',
  },
  // Countries are matched by their names, so they come after the country files.
  order: 5,
  recognise: { extension: 'csv', header: (h) => h.first.startsWith(TYPED) || h.first.startsWith(UNTYPED) },
  prepare: async ({ store, path, file, options, source, chunks }) => {
    const asOf = await editionDate(path, options.asOf);
    const context = await tradeContext(store);
    const extra = new Map(UNCTAD_NAMES.map((n) => [nameKey(n.name), n.iso3]));
    const iso3Of = (name: string) => context.iso3OfName(name) ?? extra.get(nameKey(name)) ?? null;
    return {
      note: `data-protection statuses as of ${asOf.date} (${asOf.why}); one status per country from the instruments listed`,
      write: async (writer, warnings) => {
        const { countries, typed } = await readDataProtectionList(chunks(), file);
        const entries: Omit<CyberlawEntry, 'version'>[] = [];
        const unknown: string[] = [];
        const seen = new Set<string>();
        for (const c of countries) {
          const iso3 = iso3Of(c.country);
          if (!iso3) {
            unknown.push(`${c.country} (line ${c.line})`);
            continue;
          }
          if (seen.has(iso3)) continue;
          seen.add(iso3);
          entries.push({ iso3, area: 'data-protection', status: c.status, asOf: asOf.date, source: `${source.source} (edition as of ${asOf.date})`, laws: c.laws });
        }
        if (!typed) warnings.push(`${file}: no Type column, so a title naming a bill or a draft is read as a draft`);
        if (unknown.length) warnings.push(`${file}: ${unknown.length} countries whose names the Observatory does not know, left out: ${unknown.join('; ')}`);
        await writer.addCyberlawEntries(entries, `data-protection edition as of ${asOf.date}`);
      },
    };
  },
});
