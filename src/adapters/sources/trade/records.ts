import type { HsLink } from '../../../domain/moratorium/hs.ts';
import type { SchemeMember, TariffLine, TradeFlow } from '../../../domain/moratorium/trade.ts';

/** What a trade or tariff source yields, batch by batch: the same shape from every format and API. */
export interface TradeBatch {
  flows?: TradeFlow[];
  tariffs?: TariffLine[];
  schemes?: SchemeMember[];
  links?: HsLink[];
}

/**
 * What a parser needs to know that its file does not say: how countries are coded elsewhere, exchange rates,
 * group memberships. The importer builds it from the store; tests build it by hand.
 */
export interface TradeContext {
  /** ISO3 of a UN M49 numeric code ("524" → NPL), or null. */
  iso3OfM49(code: string): string | null;
  /** ISO3 of a country name as a source writes it ("Viet Nam", "United States of America"), or null. */
  iso3OfName(name: string): string | null;
  /** Local currency units per US dollar for a country and year (World Bank PA.NUS.FCRF), with the year the rate is from. */
  usdRate(iso3: string, year: number): { rate: number; year: number } | null;
  /** Members of a stored group on 31 December of a year. */
  members(groupId: string, year: number): string[];
}
