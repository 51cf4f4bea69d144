import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { prefersCsv } from '../questions/params.ts';

interface Entry {
  version: string;
  status: number;
  contentType: string;
  etag: string;
  identity: Uint8Array;
  gzip: Uint8Array;
  br: Uint8Array;
  headers: [string, string][];
  varyAccept: boolean;
}

/** Headers a cached response keeps (besides content type and encoding). */
const KEPT_HEADERS = ['content-disposition', 'content-language', 'link', 'x-data-version'];

export interface ResponseCacheOptions {
  /**
   * What the answers depend on besides the URL: the data version and today's date (memberships are read on
   * the day); entries made under another one are stale.
   */
  version: () => Promise<string>;
  maxEntries?: number;
  /** Requests answered personally (a signed-in account): neither served from nor stored in the cache. */
  bypass?: (c: Context) => boolean;
}

function pickEncoding(accept: string | undefined): 'br' | 'gzip' | 'identity' {
  if (!accept) return 'identity';
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return 'identity';
}

/**
 * Caches successful GET responses (pages, API answers) per data version, compressed once with gzip and
 * brotli, with an ETag for conditional requests. Rendering a page happens once per data change, not per request.
 */
export function responseCache(options: ResponseCacheOptions): MiddlewareHandler {
  const entries = new Map<string, Entry>();
  const max = options.maxEntries ?? 5000;

  const send = (entry: Entry, accept: string | undefined, ifNoneMatch: string | undefined): Response => {
    const headers = new Headers(entry.headers);
    headers.set('content-type', entry.contentType);
    headers.set('etag', entry.etag);
    headers.set('vary', entry.varyAccept ? 'Accept, Accept-Encoding' : 'Accept-Encoding');
    headers.set('cache-control', 'public, max-age=60');
    if (ifNoneMatch && ifNoneMatch.replace(/-(br|gzip)"$/, '"') === entry.etag) return new Response(null, { status: 304, headers });
    const encoding = pickEncoding(accept);
    const body = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : entry.identity;
    if (encoding !== 'identity') {
      headers.set('content-encoding', encoding);
      // Each encoding is a different representation, so each has its own validator.
      headers.set('etag', `${entry.etag.slice(0, -1)}-${encoding}"`);
    }
    headers.set('content-length', String(body.byteLength));
    return new Response(body as unknown as ConstructorParameters<typeof Response>[0], { status: entry.status, headers });
  };

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (options.bypass?.(c)) {
      await next();
      c.header('cache-control', 'private, no-store');
      return;
    }
    // The API answers CSV to the same URL when the Accept header prefers it, so that choice is part of the key.
    const wantsCsv = prefersCsv(c.req.header('accept'));
    const key = `${c.req.url.slice(c.req.url.indexOf('/', 8))}${wantsCsv ? ' csv' : ''}`;
    const version = await options.version();
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      entries.delete(key);
      entries.set(key, hit);
      c.res = send(hit, c.req.header('accept-encoding'), c.req.header('if-none-match'));
      return;
    }
    await next();
    const res = c.res;
    // An answer that sets a cookie (the sign-in form's token) or says not to be stored is one reader's own.
    if (res.status !== 200 || /\b(no-store|private)\b/.test(res.headers.get('cache-control') ?? '') || res.headers.has('set-cookie') || res.headers.has('content-encoding')) return;
    const identity = new Uint8Array(await res.arrayBuffer());
    const entry: Entry = {
      version,
      status: res.status,
      contentType: res.headers.get('content-type') ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(version).digest('base64url').slice(0, 8)}-${createHash('sha1').update(identity).digest('base64url').slice(0, 16)}"`,
      identity,
      gzip: gzipSync(identity, { level: 6 }),
      br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
      varyAccept: /\baccept\b/i.test(res.headers.get('vary') ?? ''),
      headers: KEPT_HEADERS.flatMap((h) => {
        const v = res.headers.get(h);
        return v === null ? [] : [[h, v] as [string, string]];
      }),
    };
    entries.set(key, entry);
    if (entries.size > max) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    c.res = send(entry, c.req.header('accept-encoding'), c.req.header('if-none-match'));
  };
}
