import { InputError } from '../../domain/errors.ts';
import { WORLD_BANK_API } from './worldbank-api.ts';

/** The environment variable naming the World Bank API's root (a mirror, a proxy, a local server in tests). */
export const WB_API_VARIABLE = 'OBSERVATORY_WB_API';

/** Where the address came from: the command's `--api-url`, the environment, or the public API. */
export type ApiAddressOrigin = '--api-url' | typeof WB_API_VARIABLE | 'default';

export interface ApiAddress {
  /** The API root, ending in /v2 for the public API, without a trailing slash. */
  url: string;
  origin: ApiAddressOrigin;
}

/** How the address is chosen, for the help of each command that calls the API. */
export const API_ADDRESS_RULE = `--api-url URL, else $${WB_API_VARIABLE}, else ${WORLD_BANK_API}`;

/**
 * The one place that decides which World Bank API is called (`import --online`, `serve` and its first fill):
 * the `--api-url` flag, else OBSERVATORY_WB_API (an empty value counts as unset), else the public API.
 * An address that is not http(s) is refused with an InputError naming the flag or the variable.
 * @example worldBankApiAddress(undefined, { OBSERVATORY_WB_API: 'http://mirror/v2' }) // { url: 'http://mirror/v2', origin: 'OBSERVATORY_WB_API' }
 */
export function worldBankApiAddress(flag: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): ApiAddress {
  if (flag !== undefined) return { url: checked(flag, '--api-url'), origin: '--api-url' };
  const variable = env[WB_API_VARIABLE];
  if (variable !== undefined && variable.trim() !== '') return { url: checked(variable, WB_API_VARIABLE), origin: WB_API_VARIABLE };
  return { url: WORLD_BANK_API, origin: 'default' };
}

function checked(value: string, from: ApiAddressOrigin): string {
  const trimmed = value.trim();
  let url: URL | null = null;
  try {
    url = new URL(trimmed);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InputError(`not an http or https address: ${JSON.stringify(value)} (the World Bank API's root, such as ${WORLD_BANK_API})`, { file: from });
  }
  return trimmed.replace(/\/+$/, '');
}
