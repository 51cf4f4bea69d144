import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { TRADE_FORMATS } from './trade.ts';
import { GENERIC_TRADE_FORMATS, TARIFF_CONFIG_SUFFIX, tariffConfigBeside } from './trade-generic.ts';

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
  // Trade, tariffs and HS correlations for the moratorium estimator (importers/trade.ts).
  ...TRADE_FORMATS,
  // Published trade and tariff layouts for any country (importers/trade-generic.ts).
  ...GENERIC_TRADE_FORMATS,
  'cyberlaw-tracker-status',
  // VAT/GST on digital supplies as a secretariat compiles it (sources/vat.ts).
  'vat-registry',
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
  'nepal-imports': {
    source: 'Department of Customs, Government of Nepal, Foreign Trade Statistics (imports by national line), via sabinevolve-hue/nepal-hs-code-finder',
    licence: 'Not stated (official publication of the Government of Nepal)',
    url: 'https://www.customs.gov.np/',
  },
  'nepal-tariff': {
    source: 'Department of Customs, Government of Nepal, Customs Tariff, via sabinevolve-hue/nepal-hs-code-finder',
    licence: 'Not stated (official publication of the Government of Nepal)',
    url: 'https://www.customs.gov.np/',
  },
  'trademap-bilateral': {
    source: 'ITC Trade Map (International Trade Centre), "Existing and potential trade", via aidatabases/ICTD',
    licence: 'ITC terms of use: research input, cite "ITC Trade Map", no republication in bulk',
    url: 'https://www.trademap.org/',
  },
  'afcfta-eac': {
    source: 'AfCFTA provisional schedule of tariff concessions of the EAC (Category A), digitised by AfriConnectTechnologies/africonnect',
    licence: 'Not stated (schedules are public AfCFTA documents; digitisation all rights reserved)',
    url: 'https://github.com/AfriConnectTechnologies/africonnect',
  },
  'afcfta-ethiopia': {
    source: 'AfCFTA provisional schedule of tariff concessions of Ethiopia (Category A), digitised by AfriConnectTechnologies/africonnect',
    licence: 'Not stated (schedules are public AfCFTA documents; digitisation all rights reserved)',
    url: 'https://github.com/AfriConnectTechnologies/africonnect',
  },
  'us-hts': {
    source: 'US International Trade Commission, Harmonized Tariff Schedule of the United States, via checkdutyrates/us-tariff-data',
    licence: 'Public domain (US government work); compilation CC0',
    url: 'https://hts.usitc.gov/',
  },
  'uk-eu-tariffs': {
    source: 'UK Department for International Trade, UK Global Tariff compared with the EU Common External Tariff, via GSS-Cogs/family-trade',
    licence: 'OGL-3.0',
    url: 'https://github.com/GSS-Cogs/family-trade',
  },
  'hs-correlation': {
    source: 'UN Statistics Division, HS correlation tables, via insongkim/concordance',
    licence: 'UN public data (tables); MIT (package)',
    url: 'https://unstats.un.org/unsd/trade/classifications/correspondence-tables.asp',
  },
  baci: {
    source: 'CEPII, BACI: international trade database at the product level',
    licence: 'Etalab Open Licence 2.0 (cite Gaulier and Zignago, 2010)',
    url: 'https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37',
  },
  'comtrade-legacy': {
    source: 'United Nations, UN Comtrade database (legacy bulk download)',
    licence: 'UN Comtrade terms of use: free for non-commercial use with attribution; no redistribution in bulk',
    url: 'https://comtrade.un.org/',
  },
  'comtrade-plus-csv': {
    source: 'United Nations, UN Comtrade database (Comtrade Plus)',
    licence: 'UN Comtrade terms of use: free for non-commercial use with attribution; no redistribution in bulk',
    url: 'https://comtradeplus.un.org/',
  },
  'comtrade-plus-json': {
    source: 'United Nations, UN Comtrade database (Comtrade Plus API answer)',
    licence: 'UN Comtrade terms of use: free for non-commercial use with attribution; no redistribution in bulk',
    url: 'https://comtradeapi.un.org/',
  },
  'wits-tariff': {
    source: 'UNCTAD TRAINS via World Bank WITS, tariff data',
    licence: 'WITS terms of use: TRAINS data free to use with attribution ("UNCTAD TRAINS, via WITS")',
    url: 'https://wits.worldbank.org/',
  },
  'national-tariff': {
    source: 'National tariff schedule (customs administration of the reporter), as described by its .tariff.json configuration',
    licence: 'As published by the customs administration',
    url: null,
  },
  'cyberlaw-tracker-status': {
    source: 'UNCTAD Global Cyberlaw Tracker',
    licence: 'Not stated; data © UNCTAD, cite "UNCTAD Global Cyberlaw Tracker"',
    url: 'https://unctad.org/page/global-cyberlaw-tracker',
  },
  'vat-registry': {
    source: 'VAT/GST on digital supplies, registry compiled by a secretariat (each row names its own source)',
    licence: 'As stated by the compiler; each row cites its legal source',
    url: null,
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
  if (/\.json$/i.test(path) && !path.toLowerCase().endsWith(TARIFF_CONFIG_SUFFIX)) {
    // A Comtrade Plus answer saved to disk: the API's envelope with its "data" array.
    const start = (await head(path)).slice(0, 4096);
    return /^\s*\{/.test(start) && /"data"\s*:\s*\[/.test(start) && /"(elapsedTime|count)"\s*:/.test(start) ? 'comtrade-plus-json' : null;
  }
  if (!/\.csv$/i.test(path)) return null;
  // A schedule with its configuration beside it is read as the configuration says, whatever its header.
  if (await tariffConfigBeside(path)) return 'national-tariff';
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
  if (first.startsWith('hs8,hs6,description_as_published,unit,quantity,import_value_npr_thousand,')) return 'nepal-imports';
  if (first.startsWith('hs_code_as_published,hs6,duty_saarc_pct,duty_general_mfn_pct')) return 'nepal-tariff';
  if (/^reporter,reporter_iso3,hs6,product_label,year,imports_from_world_usd_thousand,imports_from_india_usd_thousand/.test(first)) {
    return 'trademap-bilateral';
  }
  if (/^hs_code,description,unit,base_rate,category,rate_\d{4}/.test(first)) return 'afcfta-eac';
  if (/^hs_code,english_name,amharic_name,unit,base_rate,category,rate_\d{4}/.test(first)) return 'afcfta-ethiopia';
  if (first.startsWith('hts_code,hs6,description_short,general_rate_mfn,special_rate')) return 'us-hts';
  if (first.startsWith('cn_code,') && first.includes('cet_ad_valorem_pct') && first.includes('ukgt_ad_valorem_pct')) return 'uk-eu-tariffs';
  if (/^hs\d{4},hs\d{4},relationship$/.test(first)) return 'hs-correlation';
  if (/^t,i,j,k,v,q\s*$/.test(first)) return 'baci';
  if (first.startsWith('classification,year,period,period desc.,') && first.includes('trade value (us$)')) return 'comtrade-legacy';
  if (/(^|,)freqcode(,|$)/.test(first) && /(^|,)cmdcode(,|$)/.test(first) && /(^|,)primaryvalue(,|$)/.test(first)) return 'comtrade-plus-csv';
  if (isWitsTariffHeader(first)) return 'wits-tariff';
  if (first.startsWith('code,country,electronic transactions,')) return 'cyberlaw-tracker-status';
  if (first.startsWith('iso3,rate,start,threshold_amount,threshold_currency,model,source,source_url,note')) return 'vat-registry';
  return null;
}

/** The header of a WITS/TRAINS tariff download (see sources/trade/wits-tariff.ts for the layouts). */
function isWitsTariffHeader(first: string): boolean {
  const columns = new Set(first.split(',').map((c) => c.trim().replace(/\s+/g, ' ')));
  const has = (...names: string[]) => names.some((n) => columns.has(n));
  if (has('reporter_iso_n') && has('simpleaverage') && has('productcode')) return true;
  const reporter = has('reporter', 'reporter iso3');
  const product = has('product', 'productcode', 'product code');
  if (reporter && product && has('tariff year', 'year') && has('dutytype', 'duty type')) return true;
  return reporter && product && has('avemfn', 'avepref');
}

/**
 * Why a file in a layout the Observatory recognises is nevertheless not imported; null for files of no
 * known layout.
 */
export async function notImportedReason(path: string): Promise<string | null> {
  if (!/\.csv$/i.test(path)) return null;
  const first = headerLines(await head(path))[0] ?? '';
  if (first.startsWith('fiscal_year_bs,hs_chapter,imports_npr_thousand')) {
    return 'chapter totals of Nepal\'s trade: no national lines to estimate duties on (the lines are in the imports file)';
  }
  if (first.startsWith('origin,country_slug,cn_codes,duty_free_codes')) {
    return 'EU duties summarised per origin country: no tariff lines';
  }
  if (/^hs\d{4},hs\d{4}$/.test(first)) {
    return 'UNSD conversion table (one target per code): the correlation table of the same editions, with every link and its relationship, is imported instead';
  }
  if (/^hs ?\d{4},bec\b/.test(first)) return 'HS to BEC correspondence: Broad Economic Categories are not used by the estimator';
  return null;
}

/** A readable name for a file in messages: its folder and name. */
export function displayName(path: string, root?: string): string {
  if (root && path.startsWith(root)) return path.slice(root.length).replace(/^[/\\]+/, '');
  return basename(path);
}
