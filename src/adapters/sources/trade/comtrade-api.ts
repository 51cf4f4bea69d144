import { InputError } from '../../../domain/errors.ts';
import type { TradeFlow } from '../../../domain/moratorium/trade.ts';
import { ComtradePlusFlows, comtradePlusRecords, type ComtradeSummary } from './comtrade.ts';
import { PoliteClient, TradeApiError, type HttpOptions } from './http.ts';
import type { TradeBatch, TradeContext } from './records.ts';

/** UN Comtrade's public API (no subscription key), version 1. */
export const COMTRADE_API = 'https://comtradeapi.un.org/public/v1';

/** The preview endpoint answers at most this many records; an answer that reaches it may be cut short. */
export const COMTRADE_PREVIEW_LIMIT = 500;

export interface ComtradeQuery {
  /** Comtrade reporter codes (M49, or Comtrade's own: 842 for the United States …). */
  reporters: readonly string[];
  years: readonly number[];
  /** HS6 codes. */
  commodities: readonly string[];
}

export interface ComtradeApiOptions extends HttpOptions {
  /** The API root, ending in /v1 (a local server in tests, a mirror behind a firewall). */
  baseUrl?: string;
  /** Commodities asked for in one request at first (20 by default); a full answer is asked again in halves. */
  groupSize?: number;
  /** The most records an answer can hold (500 for the public preview). */
  limit?: number;
  onRequest?: (progress: { url: string; done: number; queued: number }) => void;
}

export interface ComtradeApiSummary extends ComtradeSummary {
  /** Successful answers read. */
  answers: number;
  /** Requests asked again in halves because their answer was full. */
  splits: number;
  /** Requests of one commodity whose answer was still full: their records may be incomplete. */
  truncated: string[];
  /** The URLs asked, in order (the vintage's note lists how many). */
  urls: string[];
}

interface Request {
  reporter: string;
  year: number;
  commodities: readonly string[];
}

/** Comtrade answers errors as JSON: `{ "statusCode": 429, "message": "Rate limit is exceeded…" }` or `{ "error": "…" }`. */
function comtradeMessage(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed === 'object' && parsed !== null) {
      const o = parsed as Record<string, unknown>;
      for (const key of ['message', 'error', 'Message']) {
        const v = o[key];
        if (typeof v === 'string' && v.trim() !== '') return v.trim();
      }
    }
  } catch {
    // Not JSON: a gateway's page, described by its status alone.
  }
  return null;
}

/**
 * Downloads annual imports by partner from the Comtrade preview endpoint
 * (`/preview/C/A/HS?reporterCode=…&period=…&flowCode=M&cmdCode=…`), one reporter and year per request
 * and commodities in groups; an answer that reaches the 500-record limit is asked again in two halves,
 * down to one commodity. Requests are spaced and retried politely (http.ts). Yields the flows of each
 * answer as it comes; the World remainders (imports not split among recognised partners) come last.
 * @example const summary = await writeTradeBatches(fetchComtrade({ reporters: ['524'], years: [2022], commodities: ['852349'] }, context), writer)
 */
export async function* fetchComtrade(
  query: ComtradeQuery,
  context: TradeContext,
  options: ComtradeApiOptions = {},
): AsyncGenerator<TradeBatch, ComtradeApiSummary> {
  const base = (options.baseUrl ?? COMTRADE_API).replace(/\/+$/, '');
  const groupSize = options.groupSize ?? 20;
  const limit = options.limit ?? COMTRADE_PREVIEW_LIMIT;
  if (!Number.isInteger(groupSize) || groupSize < 1) throw new RangeError(`groupSize must be a positive integer, not ${groupSize}`);
  for (const r of query.reporters) {
    if (!/^\d{1,3}$/.test(r)) throw new InputError(`not a Comtrade reporter code: ${JSON.stringify(r)}`, { file: base, field: 'reporterCode' });
  }
  for (const c of query.commodities) {
    if (!/^\d{6}$/.test(c)) throw new InputError(`not an HS6 code: ${JSON.stringify(c)}`, { file: base, field: 'cmdCode' });
  }
  for (const y of query.years) {
    if (!Number.isInteger(y) || y < 1962 || y > 2100) throw new InputError(`not a year: ${y}`, { file: base, field: 'period' });
  }
  const client = new PoliteClient(options, (body) => comtradeMessage(body));
  const reader = new ComtradePlusFlows(context);
  const queue: Request[] = [];
  const commodities = [...new Set(query.commodities)].sort();
  for (const reporter of query.reporters) {
    for (const year of query.years) {
      for (let i = 0; i < commodities.length; i += groupSize) queue.push({ reporter, year, commodities: commodities.slice(i, i + groupSize) });
    }
  }
  const summary = { answers: 0, splits: 0, truncated: [] as string[], urls: [] as string[] };
  let flows = 0;
  let done = 0;
  while (queue.length > 0) {
    const request = queue.shift() as Request;
    const url = `${base}/preview/C/A/HS?reporterCode=${request.reporter}&period=${request.year}&flowCode=M&cmdCode=${request.commodities.join(',')}`;
    summary.urls.push(url);
    options.onRequest?.({ url, done, queued: queue.length });
    const { body } = await client.get(url);
    const records = comtradePlusRecords(body, url);
    summary.answers++;
    done++;
    if (records.length >= limit && request.commodities.length > 1) {
      // A full answer may lack records: the halves are asked instead, and this answer is not used.
      const half = Math.ceil(request.commodities.length / 2);
      queue.unshift(
        { ...request, commodities: request.commodities.slice(0, half) },
        { ...request, commodities: request.commodities.slice(half) },
      );
      summary.splits++;
      continue;
    }
    if (records.length >= limit) summary.truncated.push(url);
    const batch: TradeFlow[] = reader.flows(records, url);
    flows += batch.length;
    if (batch.length > 0) yield { flows: batch };
  }
  const rest = reader.remainders();
  flows += rest.length;
  if (rest.length > 0) yield { flows: rest };
  return { ...reader.finish(flows), ...summary };
}

export { TradeApiError };
