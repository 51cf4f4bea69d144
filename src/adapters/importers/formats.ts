import { open } from 'node:fs/promises';
import { basename } from 'node:path';

/** The file formats the Observatory imports. */
export const FORMATS = [
  'worldbank-wide',
  'worldbank-metadata',
  'long',
  'findex',
  'm49',
  'country-codes',
  'org-memberships',
  'wits-timeseries',
] as const;
export type FormatId = (typeof FORMATS)[number];

export function isFormat(value: string): value is FormatId {
  return (FORMATS as readonly string[]).includes(value);
}

/** Who publishes each format, under which licence: recorded on every vintage. */
export const SOURCES: Record<FormatId, { source: string; licence: string; url: string | null }> = {
  'worldbank-wide': { source: 'World Bank, World Development Indicators', licence: 'CC-BY-4.0', url: 'https://data.worldbank.org/' },
  'worldbank-metadata': {
    source: 'World Bank, country classification by income and region',
    licence: 'CC-BY-4.0',
    url: 'https://datahelpdesk.worldbank.org/knowledgebase/articles/906519',
  },
  long: { source: 'World Bank, World Development Indicators', licence: 'CC-BY-4.0', url: 'https://data.worldbank.org/' },
  findex: {
    source: 'World Bank, Global Findex Database 2021',
    licence: 'CC-BY-4.0',
    url: 'https://www.worldbank.org/en/publication/globalfindex',
  },
  m49: {
    source: 'UN Statistics Division, Standard country or area codes for statistical use (M49)',
    licence: 'UN public data',
    url: 'https://unstats.un.org/unsd/methodology/m49/overview/',
  },
  'country-codes': {
    source: 'ISO 3166-1 and UN M49 codes with UNTERM names (datasets/country-codes)',
    licence: 'ODC-PDDL-1.0',
    url: 'https://github.com/datasets/country-codes',
  },
  'org-memberships': {
    source: 'CIA World Factbook, Appendix B, via dieghernan/Country-Codes-and-International-Organizations; corrected from official sources',
    licence: 'MIT (compilation)',
    url: 'https://github.com/dieghernan/Country-Codes-and-International-Organizations',
  },
  'wits-timeseries': {
    source: 'World Bank, World Integrated Trade Solution (WITS), country time series',
    licence: 'CC-BY-4.0',
    url: 'https://wits.worldbank.org/',
  },
};

const HEAD_BYTES = 64 * 1024;

async function head(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/** The first lines of a file with quotes removed and case folded, for recognising its header. */
function headerLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .slice(0, 8)
    .map((l) => l.replace(/"/g, '').toLowerCase());
}

/**
 * Recognises a file's format from its header (and, for the World Bank's companion metadata, its name);
 * null when it is none the Observatory imports.
 */
export async function detectFormat(path: string): Promise<FormatId | null> {
  if (!/\.csv$/i.test(path)) return null;
  const lines = headerLines(await head(path));
  const first = lines[0] ?? '';
  const any = (test: (line: string) => boolean) => lines.some(test);
  if (any((l) => l.startsWith('country name,country code,indicator name,indicator code,'))) return 'worldbank-wide';
  if (first.startsWith('data source,')) return 'worldbank-wide';
  if (first.startsWith('country code,region,incomegroup')) return 'worldbank-metadata';
  if (/^country name,country code,year,value,?$/.test(first)) return 'long';
  if (first.startsWith('country name,country code,year,') && /account \(% age 15\+\)|adult popula/.test(first)) return 'findex';
  if (first.includes('iso3166-1-alpha-3')) return 'country-codes';
  // UNSD's French and Spanish tables say "Code M49" / "Código M49"; the parser reads them by position.
  if (/\bm49\b/.test(first) && /iso-alpha3/.test(first)) return 'm49';
  if (/^iso3,iso2,name,org_id,/.test(first) || (first.includes('iso_3166_3') && first.includes('org_id'))) return 'org-memberships';
  if (/^country name,indicator name,\d{4}/.test(first)) return 'wits-timeseries';
  return null;
}

/** A readable name for a file in messages: its folder and name. */
export function displayName(path: string, root?: string): string {
  if (root && path.startsWith(root)) return path.slice(root.length).replace(/^[/\\]+/, '');
  return basename(path);
}
