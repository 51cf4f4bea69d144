import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileHead, ImportFormat, SourceInfo } from './format.ts';
import { afcftaEac, afcftaEthiopia } from './formats/afcfta.ts';
import { baci } from './formats/baci.ts';
import { comtradeLegacy, comtradePlusCsv, comtradePlusJson } from './formats/comtrade.ts';
import { countryCodes } from './formats/country-codes.ts';
import { cyberlawHistory } from './formats/cyberlaw-history.ts';
import { cyberlawTracker } from './formats/cyberlaw-tracker.ts';
import { etready } from './formats/etready.ts';
import { strategyStatements } from './formats/strategies.ts';
import { etreadyMatrix, etreadyReviews } from './formats/etready-matrix.ts';
import { strategyMeasures } from './formats/strategy-measures.ts';
import { acpEvidence, ldcDates } from './formats/dated-memberships.ts';
import { findex } from './formats/findex.ts';
import { hsCorrelation } from './formats/hs-correlation.ts';
import { long } from './formats/long.ts';
import { m49 } from './formats/m49.ts';
import { nationalTariff } from './formats/national-tariff.ts';
import { nepalImports } from './formats/nepal-imports.ts';
import { nepalTariff } from './formats/nepal-tariff.ts';
import { orgMemberships } from './formats/org-memberships.ts';
import { tradeMapBilateral } from './formats/trademap-bilateral.ts';
import { ukEuTariffs } from './formats/uk-eu-tariffs.ts';
import { unctadB2c } from './formats/unctad-b2c.ts';
import { usHts } from './formats/us-hts.ts';
import { vatRegistry } from './formats/vat-registry.ts';
import { vatRatesNationalLaw, vatRatesNodeSalesTax, vatRatesOecd, vatRatesPwc, vatRatesShopify } from './formats/vat-rates.ts';
import { wbClassHistory } from './formats/wb-class-history.ts';
import { wbIncomeHistory } from './formats/wb-income-history.ts';
import { witsTariff } from './formats/wits-tariff.ts';
import { witsTimeseries } from './formats/wits-timeseries.ts';
import { worldBankMetadata } from './formats/worldbank-metadata.ts';
import { worldBankWide } from './formats/worldbank-wide.ts';

/**
 * The file formats the Observatory imports, one module each in `formats/`. A file is recognised by the
 * first format whose test it passes, in this order (formats recognised by a companion file come first).
 */
export const IMPORT_FORMATS = [
  worldBankWide,
  worldBankMetadata,
  wbIncomeHistory,
  wbClassHistory,
  long,
  findex,
  m49,
  countryCodes,
  orgMemberships,
  ldcDates,
  acpEvidence,
  witsTimeseries,
  // Trade, tariffs and HS correlations in the layouts of the shared data.
  nepalImports,
  nepalTariff,
  tradeMapBilateral,
  afcftaEac,
  afcftaEthiopia,
  usHts,
  ukEuTariffs,
  hsCorrelation,
  // Published trade and tariff layouts for any country.
  baci,
  comtradeLegacy,
  comtradePlusCsv,
  comtradePlusJson,
  witsTariff,
  nationalTariff,
  cyberlawTracker,
  cyberlawHistory,
  vatRegistry,
  unctadB2c,
  etready,
  etreadyMatrix,
  etreadyReviews,
  strategyStatements,
  strategyMeasures,
  // Standard VAT/GST rates, one table per source.
  vatRatesPwc,
  vatRatesOecd,
  vatRatesNationalLaw,
  vatRatesNodeSalesTax,
  vatRatesShopify,
] as const;

export type FormatId = (typeof IMPORT_FORMATS)[number]['id'];

/** The ids of the formats, in the registry's order. */
export const FORMATS: readonly FormatId[] = IMPORT_FORMATS.map((f) => f.id);

export function isFormat(value: string): value is FormatId {
  return (FORMATS as readonly string[]).includes(value);
}

/** The module of a format. */
export function formatOf(id: FormatId): ImportFormat<FormatId> {
  return IMPORT_FORMATS.find((f) => f.id === id) as ImportFormat<FormatId>;
}

/** Who publishes each format, under which licence: recorded on every vintage. */
export const SOURCES = Object.fromEntries(IMPORT_FORMATS.map((f) => [f.id, f.source])) as Record<FormatId, SourceInfo>;

const HEAD_BYTES = 64 * 1024;

async function readHead(path: string): Promise<FileHead> {
  const handle = await open(path, 'r');
  let text: string;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
  // The first lines with quotes removed and case folded, for recognising a header.
  const lines = text
    .split(/\r?\n/)
    .slice(0, 8)
    .map((l) => l.replace(/"/g, '').toLowerCase());
  return { text, lines, first: lines[0] ?? '' };
}

function extensionOf(path: string): 'csv' | 'json' | null {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.json$/i.test(path)) return 'json';
  return null;
}

/**
 * Recognises a file's format: by a companion file beside it (a national tariff's configuration), else by
 * its header; null when it is none the Observatory imports, or a companion of another file.
 */
export async function detectFormat(path: string): Promise<FormatId | null> {
  const extension = extensionOf(path);
  if (extension === null) return null;
  if (IMPORT_FORMATS.some((f) => f.recognise.isCompanion?.(path))) return null;
  const candidates = IMPORT_FORMATS.filter((f) => f.recognise.extension === extension);
  for (const f of candidates) {
    if (f.recognise.companion && (await f.recognise.companion(path)) !== null) return f.id;
  }
  const head = await readHead(path);
  return candidates.find((f) => f.recognise.header?.(head))?.id ?? null;
}

/** Layouts the Observatory recognises but does not import, and why. */
const NOT_IMPORTED: readonly { header: (first: string) => boolean; reason: string }[] = [
  {
    header: (first) => first.startsWith('fiscal_year_bs,hs_chapter,imports_npr_thousand'),
    reason: 'chapter totals of Nepal\'s trade: no national lines to estimate duties on (the lines are in the imports file)',
  },
  { header: (first) => first.startsWith('origin,country_slug,cn_codes,duty_free_codes'), reason: 'EU duties summarised per origin country: no tariff lines' },
  {
    header: (first) => /^hs\d{4},hs\d{4}$/.test(first),
    reason: 'UNSD conversion table (one target per code): the correlation table of the same editions, with every link and its relationship, is imported instead',
  },
  {
    header: (first) => first.startsWith('fiscal_year,group_code,group_name,iso3'),
    reason: 'World Bank group compositions: regions and income groups come from the region and income file; the other groups (lending, FCS, the Bank’s copy of the LDC list) are not kept',
  },
  {
    header: (first) => first.startsWith('iso3,from_fiscal_year,to_fiscal_year,region_before'),
    reason: 'World Bank region changes: derived from the region and income file, which is imported',
  },
  { header: (first) => /^hs ?\d{4},bec\b/.test(first), reason: 'HS to BEC correspondence: Broad Economic Categories are not used by the estimator' },
  {
    header: (first) => first.startsWith('country_unctad_name,dp_status,n_instruments_listed'),
    reason: 'statuses derived from the data-protection list of the same edition, which is imported instead',
  },
  {
    header: (first) => first.startsWith('statement_id,area,scope,metric,value'),
    reason: "UNCTAD's headline figures per area: quoted on the method page to compare with, not statuses",
  },
  {
    header: (first) => first.startsWith('iso2,iso3,name,pwc_rate_pct'),
    reason: 'crosswalk of VAT rates built from the PwC, Shopify and node-sales-tax tables, which are imported themselves',
  },
  {
    header: (first) => first.startsWith('country,iso3,page_date,url,'),
    reason: 'pages on the scheduled LDC graduations: what they establish is in the dated LDC list (date_source_or_note), imported instead',
  },
  {
    header: (first) => first.startsWith('rank_2019,country_upu_name,ipd2_score_2019'),
    reason: "UPU's overall postal development score (2IPD), not the postal reliability component of the B2C index, which is imported with the index's editions",
  },
];

/**
 * Why a file in a layout the Observatory recognises is nevertheless not imported; null for files of no
 * known layout.
 */
export async function notImportedReason(path: string): Promise<string | null> {
  if (!/\.csv$/i.test(path)) return null;
  const { first } = await readHead(path);
  return NOT_IMPORTED.find((n) => n.header(first))?.reason ?? null;
}

/** A readable name for a file in messages: its folder and name. */
export function displayName(path: string, root?: string): string {
  if (root && path.startsWith(root)) return path.slice(root.length).replace(/^[/\\]+/, '');
  return basename(path);
}
