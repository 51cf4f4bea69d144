import type { Country } from '../../domain/country.ts';

/**
 * One value read from a source, before storage gives it a vintage: the same shape from every file
 * format and from the World Bank API, so one importer writes them all.
 */
export interface SourceObservation {
  indicator: string;
  /** The source's code: ISO3 for countries, the World Bank's codes for its aggregates (WLD, SSF …). */
  entity: string;
  /** The name the source gives the entity, kept to report codes the Observatory does not know. */
  entityName: string | null;
  year: number;
  value: number;
}

/** A country read from a UNSD M49 or country-codes file: the domain's country, with the UN category flags. */
export interface CountryRecord extends Country {
  /** Least developed country. */
  ldc: boolean;
  /** Landlocked developing country. */
  lldc: boolean;
  /** Small island developing State. */
  sids: boolean;
  /** Where the record starts in the file, for messages about it. */
  line: number;
}
