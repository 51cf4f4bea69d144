import { basename } from 'node:path';
import { normalizeM49 } from '../../domain/country.ts';
import { InputError } from '../../domain/errors.ts';
import { endOfYear, membersAt, type Membership } from '../../domain/group.ts';
import { NAME_ALIASES, nameKey, nameKeyCandidates } from '../../domain/names.ts';
import { US_PROGRAMMES } from '../../domain/moratorium/schemes.ts';
import { fileChunks } from '../sources/csv.ts';
import { readAfcftaSchedule } from '../sources/trade/afcfta.ts';
import { readHsCorrelation } from '../sources/trade/hs-correlation.ts';
import { nepalFiscalYearOf, nepalTariffYearOf, readNepalImports, readNepalTariff } from '../sources/trade/nepal.ts';
import type { TradeBatch, TradeContext } from '../sources/trade/records.ts';
import { readTradeMap } from '../sources/trade/trademap.ts';
import { CET_YEAR, readUkEuTariffs, UKGT_YEAR } from '../sources/trade/uk-eu-tariffs.ts';
import { readUsHts } from '../sources/trade/us-hts.ts';
import type { ImportWriter, Store } from '../storage/store.ts';

/** The indicator of exchange rates, local currency units per US dollar (period average). */
export const USD_RATE_INDICATOR = 'PA.NUS.FCRF';

/** The trade, tariff and HS correlation layouts read by the parsers of adapters/sources/trade. */
export const TRADE_FORMATS = [
  'nepal-imports',
  'nepal-tariff',
  'trademap-bilateral',
  'afcfta-eac',
  'afcfta-ethiopia',
  'us-hts',
  'uk-eu-tariffs',
  'hs-correlation',
] as const;
export type TradeFormatId = (typeof TRADE_FORMATS)[number];

export function isTradeFormat(format: string): format is TradeFormatId {
  return (TRADE_FORMATS as readonly string[]).includes(format);
}

/** The group whose members on 31 December 2026 apply the EAC schedule (the EAC Common External Tariff). */
const EAC = 'EAC';
const EAC_SCHEDULE_YEAR = 2026;
/** The year of the US schedule read (HTS 2026 Revision 20). */
const HTS_YEAR = 2026;

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

/** A trade import made ready: the note its vintage carries, and what it writes. */
export interface TradeImport {
  note: string;
  /** Writes the file's rows; what was left out is reported in `warnings`. */
  fill(writer: ImportWriter, warnings: string[]): Promise<void>;
}

export interface TradeImportInput {
  path: string;
  /** How the file is named in messages. */
  file: string;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/**
 * Prepares the import of a trade, tariff or correlation file: reads what it needs from the store (the
 * context, the exchange rate, the members of EAC) and states the mapping rules in the vintage's note.
 * Throws InputError when the store lacks what the file needs (no NPR rate, no EAC members).
 */
export async function prepareTradeImport(store: Store, format: TradeFormatId, input: TradeImportInput): Promise<TradeImport> {
  const { path, file } = input;
  const name = basename(path);
  const chunks = () => fileChunks(path, input.onProgress);
  const context = await tradeContext(store);
  switch (format) {
    case 'nepal-imports': {
      const year = nepalFiscalYearOf(name);
      if (year === null) throw new InputError('the file name does not give the fiscal year ("…_fy2082_83_…")', { file });
      const rate = context.usdRate('NPL', year);
      if (rate === null) {
        throw new InputError(
          `no NPR per US dollar rate (World Bank ${USD_RATE_INDICATOR}) for Nepal in or before ${year}: import datasets-wdi-fx first`,
          { file },
        );
      }
      return {
        note:
          `Nepal (NPL) imports, Nepali fiscal year labelled by the calendar year in which it ends (${year}); national 8-digit lines, HS 2022. ` +
          `NPR converted at ${fmt(rate.rate)} per USD (World Bank ${USD_RATE_INDICATOR}, ${rate.year}). ` +
          'Each line is split among its listed top partners; the rest of the line (and partners whose names are not recognised) is under WLD, ' +
          'to which only MFN rates apply. Where the partners, each rounded to the thousand, sum to more than the line, they are scaled down to it. Quantities are kept only where one partner takes the whole line. The revenue column is not imported.',
        fill: async (writer, warnings) => {
          const summary = await writeTradeBatches(readNepalImports(chunks(), file, context, { year }), writer);
          if (summary.unknownPartners.length > 0) {
            warnings.push(
              `${name}: ${summary.unknownPartners.length} partner names not recognised, their imports left under WLD: ${summary.unknownPartners.join('; ')}`,
            );
          }
        },
      };
    }
    case 'nepal-tariff': {
      const year = nepalTariffYearOf(name);
      if (year === null) throw new InputError('the file name does not give the tariff year ("…_tariff_2026_27_…")', { file });
      return {
        note:
          `Customs Tariff of Nepal for the fiscal year ending in ${year} (tariff year ${year}), HS 2022 national lines. ` +
          'General duty as the MFN rate, SAARC duty as the SAFTA preference; "Free" is 0 %, a blank rate is no rate. ' +
          'SAFTA members: Bangladesh, Bhutan, India, Maldives, Nepal, Pakistan, Sri Lanka from 2006 (in force 1 January 2006), Afghanistan from 2011.',
        fill: async (writer) => {
          await writeTradeBatches(readNepalTariff(chunks(), file, { year }), writer);
        },
      };
    }
    case 'trademap-bilateral':
      return {
        note:
          'ITC Trade Map imports by HS6 line (US$ thousand × 1,000). Per line and year: imports from India (partner IND), and imports from ' +
          'the world less India (WLD, to which only MFN rates apply). Rows of all products and zero values are left out. ' +
          'Lines are in the HS edition in force in each year (HS 1996 before 2002); Trade Map mixes editions, so lines deleted from an edition keep their old codes.',
        fill: async (writer) => {
          await writeTradeBatches(readTradeMap(chunks(), file), writer);
        },
      };
    case 'afcfta-eac':
    case 'afcfta-ethiopia': {
      const reporters = format === 'afcfta-ethiopia' ? ['ETH'] : context.members(EAC, EAC_SCHEDULE_YEAR);
      if (reporters.length === 0) {
        throw new InputError(`the group ${EAC} has no members in ${EAC_SCHEDULE_YEAR}: import the organisation memberships first`, { file });
      }
      const who = format === 'afcfta-ethiopia' ? 'Ethiopia (ETH)' : `every EAC partner state in ${EAC_SCHEDULE_YEAR} (${reporters.join(', ')})`;
      const base = format === 'afcfta-ethiopia' ? 'base rate' : 'base rate (the EAC Common External Tariff)';
      return {
        note:
          `AfCFTA schedule of tariff concessions, Category A lines only, applied to ${who}; HS 2022 national lines. ` +
          `The ${base} is the MFN rate of each year 2026–2030 (the base applies through the phase-down); a blank base rate is no MFN rate. ` +
          'The rate of each year is the AfCFTA preference. Members of the African Union in each year stand in for the list of AfCFTA State Parties.',
        fill: async (writer, warnings) => {
          const summary = await writeTradeBatches(readAfcftaSchedule(chunks(), file, context, { reporters }), writer);
          if (summary.repaired.length > 0) {
            warnings.push(`${name}: ${summary.repaired.length} codes read without stray marks around them: ${summary.repaired.join('; ')}`);
          }
        },
      };
    }
    case 'us-hts': {
      const fta = [...new Set([...US_PROGRAMMES].filter(([, p]) => p.members.length > 0).map(([code, p]) => `${code} ${p.scheme}`))];
      return {
        note:
          `US Harmonized Tariff Schedule, tariff year ${HTS_YEAR}, HS 2022 national lines. Column 1 General as the MFN rate ("Free" is 0 %; ` +
          'specific and compound duties have no ad valorem rate). Each programme of the Special column is a preference scheme; members only ' +
          `where certain, from the year the agreement entered into force (${fta.join(', ')}). GSP (A, A*, A+) lapsed on 31 December 2020 and ` +
          'AGOA (D) and CBERA (E) beneficiaries are not recorded: their rates are kept, entitled to no partner. Column 2 (Cuba, North Korea, ' +
          'Russia, Belarus) is not imported: it applies to few partners, whose names the estimator would need separately.',
        fill: async (writer, warnings) => {
          const summary = await writeTradeBatches(readUsHts(chunks(), file, { year: HTS_YEAR }), writer);
          if (summary.unknownProgrammes.length > 0) {
            warnings.push(`${name}: programme codes not known, their rates stored with no members: ${summary.unknownProgrammes.join(', ')}`);
          }
        },
      };
    }
    case 'uk-eu-tariffs':
      return {
        note:
          `EU Common External Tariff (CN 2020, HS 2017) as the ${CET_YEAR} MFN rate of the 27 EU member states and of the United Kingdom, ` +
          `which applied it until 31 December 2020; UK Global Tariff as the United Kingdom's ${UKGT_YEAR} MFN rate (CN 2021, HS 2017). ` +
          'Ad valorem parts only: of the mixed duties on cinematograph film only the percentage is kept.',
        fill: async (writer) => {
          await writeTradeBatches(readUkEuTariffs(chunks(), file), writer);
        },
      };
    case 'hs-correlation':
      return {
        note: 'UNSD HS correlation table: one link per row, from the edition of the first column to that of the second, with its relationship.',
        fill: async (writer) => {
          await writeTradeBatches(readHsCorrelation(chunks(), file), writer);
        },
      };
  }
}
