/**
 * The key under which a country name is matched: accents, case, punctuation and spacing do not count.
 * @example nameKey("Côte d'Ivoire") === nameKey('Cote dIvoire') // false: the apostrophe splits words
 * @example nameKey('Gambia, The') // 'gambia the'
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Keys to try, best first, for a name as odd sources write it: the whole name, then without a remark in
 * parentheses ("Ethiopia(excludes Eritrea)"), then the part before a comma ("Serbia, FR(Serbia/Montenegro)").
 */
export function nameKeyCandidates(name: string): string[] {
  const keys = [nameKey(name), nameKey(name.replace(/\([^)]*\)/g, ' ')), nameKey(name.split(',')[0] ?? '')];
  return [...new Set(keys.filter((k) => k !== ''))];
}

/** Names the sources give wrongly, corrected from the official short names. */
export const NAME_CORRECTIONS: readonly { iso3: string; lang: 'en' | 'fr' | 'es'; name: string; wrong: string; source: string }[] = [
  {
    iso3: 'CIV',
    lang: 'en',
    name: 'Côte d’Ivoire',
    wrong: 'Ivory Coast',
    source: 'ISO 3166-1 and UNSD M49 short name; the country asks that its name not be translated',
  },
];

/**
 * Other names under which sources write countries, beyond those the World Bank files teach: older English
 * names and WITS abbreviations. "Fm Sudan" (the Sudan before 2011) is deliberately absent: its figures
 * belong to neither of today's two States.
 */
export const NAME_ALIASES: readonly { name: string; iso3: string }[] = [
  { name: 'Cape Verde', iso3: 'CPV' },
  { name: 'East Timor', iso3: 'TLS' },
  { name: 'Occ.Pal.Terr', iso3: 'PSE' },
  { name: 'Occupied Palestinian Territory', iso3: 'PSE' },
  { name: 'Ivory Coast', iso3: 'CIV' },
  { name: 'Swaziland', iso3: 'SWZ' },
  { name: 'Macedonia, FYR', iso3: 'MKD' },
  { name: 'Turkey', iso3: 'TUR' },
  { name: 'Czech Republic', iso3: 'CZE' },
  // ISO 3166-1 English short name, as national customs statistics write it (Nepal's Department of Customs).
  { name: 'Korea, Republic of', iso3: 'KOR' },
];
