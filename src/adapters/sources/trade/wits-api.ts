import { InputError } from '../../../domain/errors.ts';
import type { HsEdition } from '../../../domain/moratorium/hs.ts';
import { WORLD_PARTNER, type SchemeMember, type TariffLine, type TariffRegime } from '../../../domain/moratorium/trade.ts';
import { yearOf } from '../fields.ts';
import { PoliteClient, type HttpOptions } from './http.ts';
import type { TradeBatch, TradeContext } from './records.ts';
import { editionOfClassification, UnCodeResolver } from './un-codes.ts';

/** The WITS API (UNCTAD TRAINS tariffs in SDMX-ML 2.1). */
export const WITS_API = 'https://wits.worldbank.org/API/V1';

export interface WitsQuery {
  /** Reporter codes as WITS writes them (M49 numeric, three digits). */
  reporters: readonly string[];
  /** HS6 codes. */
  products: readonly string[];
  years: readonly number[];
  /** The partner: "000" (the world: MFN rates) by default. */
  partner?: string;
}

export interface WitsApiOptions extends HttpOptions {
  /** The API root, ending in /V1. */
  baseUrl?: string;
  /** Products asked for in one request (WITS accepts several separated by ";"), 10 by default. */
  groupSize?: number;
  /** The edition when an observation gives no NOMENCODE (WITS always gives one). */
  edition?: HsEdition;
  onRequest?: (progress: { url: string; done: number; total: number }) => void;
}

export interface WitsApiSummary {
  requests: number;
  /** Requests WITS answered "no records found" for. */
  empty: number;
  tariffs: number;
  /** Effectively applied observations (AHS), left out: the estimator derives them. */
  applied: number;
  urls: string[];
}

/** One observation of an answer, with the keys of its series. */
export interface SdmxObservation {
  series: Record<string, string>;
  obs: Record<string, string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[ref] ?? all;
  });
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = (m[1] ?? '').replace(/^[\w.-]+:/, '');
    out[name] = decode(m[2] ?? m[3] ?? '');
  }
  return out;
}

/**
 * The observations of an SDMX-ML 2.1 structure-specific data message (`<message:StructureSpecificData>` with
 * `<Series …><Obs …/></Series>`, dimensions and attributes as XML attributes), read with a tokenizer of the
 * few tags that matter rather than an XML library. An SDMX error message, or a body of another kind, is an
 * InputError naming `source`; WITS's "no records found" gives no observations.
 */
export function readSdmxStructureSpecific(xml: string, source: string): SdmxObservation[] {
  const body = xml.replace(/^\uFEFF/, '').trimStart();
  const error = /<(?:[\w.-]+:)?Error[\s>][\s\S]*?<(?:[\w.-]+:)?ErrorMessage\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?ErrorMessage>/.exec(body);
  if (error) {
    const code = attributes(error[1] ?? '').code ?? '';
    const text = decode((error[2] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    if (/no records? found/i.test(text)) return [];
    throw new InputError(`WITS error${code ? ` ${code}` : ''}: ${text || 'without a message'}`, { file: source });
  }
  if (!/^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?StructureSpecificData\b/.test(body)) {
    const start = JSON.stringify(body.slice(0, 120));
    if (/<(?:[\w.-]+:)?GenericData\b/.test(body.slice(0, 2000))) {
      throw new InputError('an SDMX generic data message: ask for structure-specific data', { file: source });
    }
    throw new InputError(`not an SDMX-ML structure-specific data message: ${start}`, { file: source });
  }
  if (!/<\/(?:[\w.-]+:)?StructureSpecificData\s*>\s*$/.test(body)) {
    throw new InputError('the SDMX message is cut short (no closing StructureSpecificData tag)', { file: source });
  }
  const out: SdmxObservation[] = [];
  let series: Record<string, string> | null = null;
  for (const m of body.matchAll(/<(\/?)(?:[\w.-]+:)?(Series|Obs)\b([^>]*?)(\/?)>/g)) {
    const [, closing, tag, attrs, selfClosing] = m;
    if (tag === 'Series') {
      if (closing) series = null;
      else series = selfClosing ? null : attributes(attrs ?? '');
    } else if (!closing) {
      if (series === null) throw new InputError('an observation outside a series', { file: source });
      out.push({ series, obs: attributes(attrs ?? '') });
    }
  }
  return out;
}

/** WITS tariff types: MFN applied, bound, preferential; AHS (effectively applied) is derived from them. */
const TARIFF_TYPES: Record<string, TariffRegime | 'applied'> = { MFN: 'mfn', BND: 'bound', PRF: 'pref', AHS: 'applied' };

/**
 * Downloads tariffs from the WITS API, one request per reporter and year with products in groups
 * (`/SDMX/V21/datasource/TRN/reporter/{m49}/partner/000/product/{hs6;hs6}/year/{yyyy}/datatype/reported`):
 * HS6 simple averages as tariff lines. Observations give their tariff type (MFN, BND, PRF; AHS is left
 * out) and nomenclature; without a type, rates towards the world (000) are MFN. Preferential rates form the
 * scheme "WITS <partner>", whose member is the partner when it is a country.
 * @example await writeTradeBatches(fetchWitsTariffs({ reporters: ['404'], products: ['852349'], years: [2022] }, context), writer)
 */
export async function* fetchWitsTariffs(
  query: WitsQuery,
  context: TradeContext,
  options: WitsApiOptions = {},
): AsyncGenerator<TradeBatch, WitsApiSummary> {
  const base = (options.baseUrl ?? WITS_API).replace(/\/+$/, '');
  const groupSize = options.groupSize ?? 10;
  if (!Number.isInteger(groupSize) || groupSize < 1) throw new RangeError(`groupSize must be a positive integer, not ${groupSize}`);
  const partner = query.partner ?? '000';
  for (const r of [...query.reporters, partner]) {
    if (!/^\d{3}$/.test(r)) throw new InputError(`not a three-digit WITS country code: ${JSON.stringify(r)}`, { file: base, field: 'reporter' });
  }
  for (const p of query.products) {
    if (!/^\d{6}$/.test(p)) throw new InputError(`not an HS6 code: ${JSON.stringify(p)}`, { file: base, field: 'product' });
  }
  const client = new PoliteClient(options);
  const codes = new UnCodeResolver(context);
  const products = [...new Set(query.products)].sort();
  const requests: { reporter: string; year: number; products: string[] }[] = [];
  for (const reporter of query.reporters) {
    for (const year of query.years) {
      for (let i = 0; i < products.length; i += groupSize) requests.push({ reporter, year, products: products.slice(i, i + groupSize) });
    }
  }
  const summary: WitsApiSummary = { requests: 0, empty: 0, tariffs: 0, applied: 0, urls: [] };
  const seen = new Set<string>();
  const members = new Map<string, SchemeMember>();
  for (const [done, r] of requests.entries()) {
    const url = `${base}/SDMX/V21/datasource/TRN/reporter/${r.reporter}/partner/${partner}/product/${r.products.join(';')}/year/${r.year}/datatype/reported`;
    summary.urls.push(url);
    options.onRequest?.({ url, done, total: requests.length });
    // WITS answers "no records found" with 404 and an SDMX error message.
    const { body } = await client.get(url, [404]);
    summary.requests++;
    const observations = readSdmxStructureSpecific(body, url);
    if (observations.length === 0) summary.empty++;
    const batch: TariffLine[] = [];
    observations.forEach(({ series, obs }, i) => {
      const at = (field: string) => ({ file: url, field: `observation ${i + 1} ${field}` });
      const reporterCode = series.REPORTER ?? r.reporter;
      const reporter = codes.iso3(reporterCode);
      if (reporter === null || reporter === WORLD_PARTNER) throw new InputError(`unknown reporter code ${JSON.stringify(reporterCode)}`, at('REPORTER'));
      const product = series.PRODUCTCODE ?? series.PRODUCT ?? '';
      if (!/^\d{6}$/.test(product)) throw new InputError(`not an HS6 code: ${JSON.stringify(product)}`, at('PRODUCTCODE'));
      const year = yearOf(obs.TIME_PERIOD ?? series.TIME_PERIOD ?? '');
      if (year === null) throw new InputError(`not a year: ${JSON.stringify(obs.TIME_PERIOD ?? '')}`, at('TIME_PERIOD'));
      const nomen = obs.NOMENCODE ?? series.NOMENCODE ?? '';
      const edition = nomen ? editionOfClassification(nomen) : (options.edition ?? null);
      if (edition === null) throw new InputError(`not an HS nomenclature: ${JSON.stringify(nomen)}`, at('NOMENCODE'));
      const partnerCode = series.PARTNER ?? partner;
      const typeText = (obs.TARIFFTYPE ?? series.TARIFFTYPE ?? '').toUpperCase();
      const type = typeText === '' ? (partnerCode === '000' ? 'mfn' : 'pref') : TARIFF_TYPES[typeText];
      if (type === undefined) throw new InputError(`unknown tariff type ${JSON.stringify(typeText)}: expected MFN, BND, PRF or AHS`, at('TARIFFTYPE'));
      if (type === 'applied') {
        summary.applied++;
        return;
      }
      const valueText = obs.OBS_VALUE ?? '';
      let rate: number | null = null;
      if (valueText !== '' && valueText.toUpperCase() !== 'NAN') {
        rate = Number(valueText);
        if (!Number.isFinite(rate) || rate < 0) throw new InputError(`not a rate: ${JSON.stringify(valueText)}`, at('OBS_VALUE'));
      }
      const scheme = type === 'pref' ? `WITS ${partnerCode}` : null;
      if (scheme !== null) {
        const member = codes.iso3(partnerCode);
        if (member !== null && member !== WORLD_PARTNER) {
          const key = `${scheme}\t${member}`;
          const known = members.get(key);
          if (!known || (known.from ?? year) > year) members.set(key, { scheme, partner: member, from: year, to: null });
        }
      }
      const key = `${reporter}\t${year}\t${product}\t${edition}\t${type}\t${scheme ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      batch.push({ year, reporter, line: product, hs6: product, edition, regime: type, scheme, rate });
    });
    summary.tariffs += batch.length;
    if (batch.length > 0) yield { tariffs: batch };
  }
  if (members.size > 0) yield { schemes: [...members.values()] };
  return summary;
}
