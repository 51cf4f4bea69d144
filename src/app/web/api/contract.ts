import type { Observatory } from '../../services/observatory.ts';
import type { FillStatus } from '../server.ts';

/** What the API's handlers need: the data service, the progress of the first fill, the write token. */
export interface ApiOptions {
  obs: Observatory;
  fill?: FillStatus | undefined;
  /** Bearer token that allows writes (user-defined groups); without one, writes are refused. */
  apiToken?: string | undefined;
}

/**
 * The query parameters each route accepts, by operation. Handlers refuse any other parameter, and the
 * OpenAPI document lists exactly these, so the two cannot drift apart.
 * @example QUERY.audit // ['limit', 'entity']
 */
export const QUERY = {
  vintages: ['format'],
  status: [],
  openapi: [],
  moratoriumEstimate: ['country', 'group', 'years', 'list', 'tariff', 'share', 'valuation', 'carrier_share', 'elasticity', 'rollup', 'lines', 'format'],
  moratoriumSensitivity: ['country', 'group', 'years', 'list', 'tariff', 'share', 'valuation', 'carrier_share', 'elasticity', 'rollup', 'format'],
  moratoriumLists: ['format'],
  moratoriumCoverage: ['format'],
  moratoriumVat: ['country', 'group', 'years', 'list', 'tariff', 'share', 'valuation', 'carrier_share', 'elasticity', 'rollup', 'format'],
  moratoriumVatRegistry: ['format'],
  moratoriumDesign: ['country', 'rate', 'base', 'elasticity', 'years', 'list', 'share', 'valuation', 'carrier_share', 'format'],
} as const satisfies Record<string, readonly QueryParameter[]>;

/** Every query parameter the API knows. */
export type QueryParameter =
  | 'years'
  | 'format'
  | 'country'
  | 'group'
  | 'list'
  | 'tariff'
  | 'share'
  | 'valuation'
  | 'carrier_share'
  | 'elasticity'
  | 'rollup'
  | 'lines'
  | 'rate'
  | 'base';

/** The name of one operation of the API. */
export type Operation = keyof typeof QUERY;
