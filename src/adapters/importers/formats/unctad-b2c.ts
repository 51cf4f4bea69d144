import { basename } from 'node:path';
import { NAME_ALIASES, nameKey, nameKeyCandidates } from '../../../domain/names.ts';
import { B2C_PUBLISHED, UPU_POSTAL_RELIABILITY } from '../../../domain/readiness/method.ts';
import type { SourceObservation } from '../../sources/records.ts';
import { b2cEdition, readB2cIndex } from '../../sources/unctad-b2c.ts';
import type { Store } from '../../storage/store.ts';
import { defineFormat } from '../format.ts';
import { knownCountries, observationSink } from '../observations.ts';

/** UNCTAD's spellings that neither the World Bank files nor the country names give. */
const B2C_ALIASES: readonly { name: string; iso3: string }[] = [
  { name: 'Dem. Rep. of the Congo', iso3: 'COD' },
  { name: "Lao People's Dem. Rep.", iso3: 'LAO' },
  { name: 'China, Hong Kong SAR', iso3: 'HKG' },
  { name: 'China, Macao SAR', iso3: 'MAC' },
  { name: 'Korea, Republic of', iso3: 'KOR' },
  { name: 'Yemen', iso3: 'YEM' },
];

/** Country names → ISO3: the names sources gave with codes, the aliases and the countries' names. */
async function namesToCodes(store: Store): Promise<Map<string, string>> {
  const names = await store.aliases();
  for (const a of [...NAME_ALIASES, ...B2C_ALIASES]) names.set(nameKey(a.name), a.iso3);
  for (const c of await store.countries()) {
    for (const name of Object.values(c.names)) {
      if (!name) continue;
      for (const key of nameKeyCandidates(name)) if (!names.has(key)) names.set(key, c.iso3);
    }
  }
  return names;
}

/**
 * A published edition of the UNCTAD B2C E-commerce Index (2019, 2020 …): the index, the rank and the four
 * components as published, under the edition's year; the UPU postal reliability component also under the
 * year of its data (the edition's year − 1), for the Observatory's own computation. Economies are named,
 * not coded: names are matched to ISO3, and the unmatched are listed in the warnings, their rows left out.
 */
export const unctadB2c = defineFormat({
  id: 'unctad-b2c',
  source: {
    source: 'UNCTAD, B2C E-commerce Index (Technical Notes on ICT for Development); postal reliability: UPU',
    licence: 'UN publication: may be freely quoted or reprinted, with acknowledgement',
    url: 'https://unctad.org/topic/ecommerce-and-digital-economy',
  },
  order: 6,
  recognise: { extension: 'csv', header: (h) => b2cEdition(h.first) !== null },
  prepare: async ({ store, path, file, chunks }) => {
    const known = await knownCountries(store);
    const codes = await namesToCodes(store);
    const rows = await readB2cIndex(chunks(), file);
    const edition = rows[0]?.edition ?? null;
    return {
      note: edition === null ? null : `edition ${edition}; components as published (data of ${edition - 1} or latest); postal reliability also stored at ${edition - 1}`,
      write: async (writer, warnings) => {
        const sink = observationSink(writer, file, known);
        const unmatched: string[] = [];
        const out: SourceObservation[] = [];
        for (const r of rows) {
          const entity = nameKeyCandidates(r.economy).map((k) => codes.get(k)).find((c) => c !== undefined);
          if (!entity) {
            unmatched.push(r.economy);
            continue;
          }
          const add = (indicator: string, value: number | null, year = r.edition) => {
            if (value !== null) out.push({ indicator, entity, entityName: r.economy, year, value });
          };
          add(B2C_PUBLISHED.index, r.index);
          add(B2C_PUBLISHED.rank, r.rank);
          add(B2C_PUBLISHED.internet, r.internet);
          add(B2C_PUBLISHED.account, r.account);
          add(B2C_PUBLISHED.servers, r.servers);
          add(UPU_POSTAL_RELIABILITY, r.postal, r.edition - 1);
        }
        if (unmatched.length > 0) {
          warnings.push(`${basename(path)}: ${unmatched.length} economy names not recognised, their values left out: ${unmatched.sort().join('; ')}`);
        }
        await sink.add(out);
        await sink.finish(
          new Map([
            [B2C_PUBLISHED.index, 'UNCTAD B2C E-commerce Index (published)'],
            [B2C_PUBLISHED.rank, 'UNCTAD B2C E-commerce Index, rank (published)'],
            [B2C_PUBLISHED.internet, 'B2C index component: Internet use (published)'],
            [B2C_PUBLISHED.account, 'B2C index component: account ownership (published)'],
            [B2C_PUBLISHED.servers, 'B2C index component: secure servers, normalised (published)'],
            [UPU_POSTAL_RELIABILITY, 'UPU postal reliability score (as published in the B2C index)'],
          ]),
        );
      },
    };
  },
});
