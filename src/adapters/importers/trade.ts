import { normalizeM49 } from '../../domain/country.ts';
import { InputError } from '../../domain/errors.ts';
import { endOfYear, membersAt, type Membership } from '../../domain/group.ts';
import { isHsEdition, HS_EDITIONS, type HsEdition } from '../../domain/moratorium/hs.ts';
import { NAME_ALIASES, nameKey, nameKeyCandidates } from '../../domain/names.ts';
import type { TradeBatch, TradeContext } from '../sources/trade/records.ts';
import type { ImportWriter, Store } from '../storage/store.ts';

/** The indicator of exchange rates, local currency units per US dollar (period average). */
export const USD_RATE_INDICATOR = 'PA.NUS.FCRF';

/**
 * What parsers need from the store: ISO3 codes of M49 codes and of country names (every name a source
 * gave with its code, the Observatory's aliases and the countries' names in each language), exchange rates
 * (PA.NUS.FCRF) and group memberships.
 */
export async function tradeContext(store: Store): Promise<TradeContext> {
  const countries = await store.countries();
  const byM49 = new Map<string, string>();
  for (const c of countries) if (c.m49) byM49.set(c.m49, c.iso3);
  const names = await store.aliases();
  for (const a of NAME_ALIASES) names.set(nameKey(a.name), a.iso3);
  for (const c of countries) {
    for (const name of Object.values(c.names)) {
      if (!name) continue;
      for (const key of nameKeyCandidates(name)) if (!names.has(key)) names.set(key, c.iso3);
    }
  }
  const rates = new Map<string, Map<number, number>>();
  for (const o of await store.observations({ indicators: [USD_RATE_INDICATOR] })) {
    let byYear = rates.get(o.entity);
    if (!byYear) rates.set(o.entity, (byYear = new Map()));
    byYear.set(o.year, o.value);
  }
  const byGroup = new Map<string, Membership[]>();
  for (const m of await store.memberships()) {
    let list = byGroup.get(m.groupId);
    if (!list) byGroup.set(m.groupId, (list = []));
    list.push(m);
  }
  return {
    iso3OfM49: (code) => byM49.get(normalizeM49(code) ?? code) ?? null,
    iso3OfName: (name) => nameKeyCandidates(name).map((k) => names.get(k)).find((c) => c !== undefined) ?? null,
    usdRate: (iso3, year) => {
      let best: { rate: number; year: number } | null = null;
      for (const [y, rate] of rates.get(iso3) ?? []) {
        if (y <= year && rate > 0 && (best === null || y > best.year)) best = { rate, year: y };
      }
      return best;
    },
    members: (groupId, year) => membersAt(byGroup.get(groupId) ?? [], endOfYear(year)),
  };
}

/** Writes a parser's batches to an import, kind by kind. */
export async function writeTradeBatches<R>(source: AsyncGenerator<TradeBatch, R>, writer: ImportWriter): Promise<R> {
  for (;;) {
    const step = await source.next();
    if (step.done) return step.value;
    const b = step.value;
    if (b.links?.length) await writer.addHsLinks(b.links);
    if (b.flows?.length) await writer.addTradeFlows(b.flows);
    if (b.tariffs?.length) await writer.addTariffLines(b.tariffs);
    if (b.schemes?.length) await writer.addSchemeMembers(b.schemes);
  }
}

/** The HS edition given to the import (`--edition`), checked; undefined when none is given. */
export function hsEditionOption(edition: string | undefined, file: string): HsEdition | undefined {
  if (edition === undefined) return undefined;
  if (!isHsEdition(edition)) throw new InputError(`"${edition}" is not an HS edition; known: ${HS_EDITIONS.join(', ')}`, { file, field: 'edition' });
  return edition;
}
