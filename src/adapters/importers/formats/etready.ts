import { InputError } from '../../../domain/errors.ts';
import type { EtreadyEvent } from '../../../domain/etready/status.ts';
import { NAME_ALIASES, nameKey, nameKeyCandidates } from '../../../domain/names.ts';
import { isEtreadyHeader, readEtready } from '../../sources/etready.ts';
import type { Store } from '../../storage/store.ts';
import { defineFormat, today } from '../format.ts';

/** Country names → ISO3: the names sources gave with codes, the common aliases and the countries' names. */
export async function countryCodes(store: Store): Promise<Map<string, string>> {
  const names = await store.aliases();
  for (const a of NAME_ALIASES) names.set(nameKey(a.name), a.iso3);
  for (const c of await store.countries()) {
    for (const name of Object.values(c.names)) {
      if (!name) continue;
      for (const key of nameKeyCandidates(name)) if (!names.has(key)) names.set(key, c.iso3);
    }
  }
  return names;
}

/**
 * A list of UNCTAD eTrade Readiness Assessments: one dated status (requested, in preparation, published,
 * implementation review) of a country's or a region's assessment per line, with its document symbol and
 * link. UNCTAD's partial list, which has no status column, gives publications (`year_published`). A country
 * is named, not coded: a name the Observatory does not know is refused; a regional assessment (named
 * "… (regional)" or marked regional) is kept under its name.
 */
export const etready = defineFormat({
  id: 'etready',
  source: {
    source: 'UNCTAD, eTrade Readiness Assessments (eT Ready): the reports’ title pages and UNCTAD’s pages',
    licence: 'eT Ready reports: CC BY 3.0 IGO; press pages quoted with attribution',
    url: 'https://unctad.org/topic/ecommerce-and-digital-economy/etrade-readiness-assessments-of-LDCs',
  },
  order: 6,
  recognise: { extension: 'csv', header: (h) => isEtreadyHeader(h.first) },
  prepare: async ({ store, file, chunks }) => {
    const codes = await countryCodes(store);
    const lines = await readEtready(chunks(), file, today());
    const events: EtreadyEvent[] = lines.map((l) => {
      let iso3: string | null = null;
      if (!l.regional) {
        iso3 = nameKeyCandidates(l.name).map((k) => codes.get(k)).find((c) => c !== undefined) ?? null;
        if (iso3 === null) throw new InputError(`country not recognised: "${l.name}" (a regional assessment is named "… (regional)")`, { file, line: l.line, field: 'country_or_region' });
      }
      return { iso3, name: l.name, status: l.status, date: l.date, title: l.title, symbol: l.symbol, link: l.link, note: l.note };
    });
    const countries = new Set(events.filter((e) => e.iso3 !== null).map((e) => e.iso3)).size;
    const regions = new Set(events.filter((e) => e.iso3 === null).map((e) => e.name)).size;
    return {
      note: `${events.length} dated statuses: ${countries} countries, ${regions} regions; a line without a status is a publication in year_published`,
      write: async (writer) => {
        await writer.addEtready(events);
      },
    };
  },
});
