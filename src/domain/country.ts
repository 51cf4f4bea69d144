import type { Localized } from './lang.ts';

/** An area of the UN M49 standard (region, sub-region or intermediate region). */
export interface M49Area {
  code: string;
  name: string;
}

/** A country or territory, identified by ISO 3166-1 alpha-3 code. */
export interface Country {
  iso3: string;
  iso2: string | null;
  /** UN M49 numeric code, three digits ("004"). */
  m49: string | null;
  names: Localized;
  region: M49Area | null;
  subregion: M49Area | null;
  intermediateRegion: M49Area | null;
}

const ISO3 = /^[A-Z]{3}$/;
const ISO2 = /^[A-Z]{2}$/;
const M49 = /^\d{3}$/;

export function isIso3(code: string): boolean {
  return ISO3.test(code);
}

export function isIso2(code: string): boolean {
  return ISO2.test(code);
}

/**
 * Pads a numeric M49 code to its three-digit form.
 * @example normalizeM49('4') // '004'
 */
export function normalizeM49(code: string): string | null {
  const trimmed = code.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const padded = trimmed.padStart(3, '0');
  return M49.test(padded) ? padded : null;
}
