import { InputError } from '../../../domain/errors.ts';

/** What every request of the trade API clients can be given. */
export interface HttpOptions {
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
  /** How long one request may take before it counts as failed (60 s by default: the trade APIs are slow). */
  timeoutMs?: number;
  /** Further attempts after a 5xx answer, a 429, a timeout or a network error (4 by default). */
  retries?: number;
  /** The wait before the first retry, doubled for each next one (2 s by default), unless Retry-After says more. */
  retryDelayMs?: number;
  /** The longest wait a Retry-After header is obeyed for (60 s by default); longer ones fail the request. */
  maxRetryAfterMs?: number;
  /** The least time between the starts of two requests (1 s by default), the public APIs' courtesy rate. */
  minIntervalMs?: number;
}

/** A failed or malformed answer of a trade API: an InputError naming the URL, with the HTTP status when there was one. */
export class TradeApiError extends InputError {
  readonly url: string;
  readonly status: number | null;

  constructor(reason: string, url: string, status: number | null = null) {
    super(reason, { file: url });
    this.name = 'TradeApiError';
    this.url = url;
    this.status = status;
  }
}

/** A failure worth another attempt: the server or the network, not the request. */
class Transient extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/**
 * GETs text politely: one request at a time with at least `minIntervalMs` between starts, retries with a
 * growing wait on 5xx, 429 (obeying Retry-After), timeouts and network errors; other 4xx answers fail at
 * once. `describeError` turns an error body into the API's own message.
 */
export class PoliteClient {
  private readonly fetch: typeof globalThis.fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly minIntervalMs: number;
  private lastStart = 0;
  /** Requests made, attempts included: what a test or a progress line reports. */
  requests = 0;

  constructor(
    private readonly options: HttpOptions,
    private readonly describeError: (body: string, status: number) => string | null = () => null,
  ) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.retries = options.retries ?? 4;
    this.retryDelayMs = options.retryDelayMs ?? 2000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.minIntervalMs = options.minIntervalMs ?? 1000;
  }

  /** The body of a 2xx answer (or of a status in `accept`, for APIs that answer "no data" with 404). */
  async get(url: string, accept: readonly number[] = []): Promise<{ status: number; body: string }> {
    const signal = this.options.signal;
    for (let attempt = 0; ; attempt++) {
      let failure: Transient;
      try {
        return await this.once(url, accept);
      } catch (error) {
        if (signal?.aborted) throw signal.reason ?? error;
        if (!(error instanceof Transient)) throw error;
        failure = error;
      }
      if (attempt >= this.retries) {
        const tries = attempt + 1;
        throw new TradeApiError(`${failure.message} (${tries} attempt${tries > 1 ? 's' : ''})`, url, failure.status);
      }
      const backoff = this.retryDelayMs * 2 ** attempt;
      if (failure.retryAfterMs !== null && failure.retryAfterMs > this.maxRetryAfterMs) {
        throw new TradeApiError(`${failure.message}: the server asks to wait ${Math.ceil(failure.retryAfterMs / 1000)} s`, url, failure.status);
      }
      await sleep(Math.max(backoff, failure.retryAfterMs ?? 0), signal);
    }
  }

  private async once(url: string, accept: readonly number[]): Promise<{ status: number; body: string }> {
    const wait = this.lastStart + this.minIntervalMs - Date.now();
    if (wait > 0) await sleep(wait, this.options.signal);
    this.lastStart = Date.now();
    this.requests++;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    let status: number | null = null;
    try {
      const response = await this.fetch(url, { signal, headers: { accept: 'application/json, application/xml;q=0.9, */*;q=0.5' } });
      status = response.status;
      const body = await response.text();
      if (response.status === 429 || response.status >= 500) {
        throw new Transient(`HTTP ${response.status}${this.message(body, response.status)}`, status, retryAfter(response.headers.get('retry-after')));
      }
      if (!response.ok && !accept.includes(response.status)) {
        throw new TradeApiError(`HTTP ${response.status}${this.message(body, response.status)}`, url, status);
      }
      return { status: response.status, body };
    } catch (error) {
      if (error instanceof Transient || error instanceof TradeApiError) throw error;
      if (this.options.signal?.aborted) throw error;
      if (timeout.aborted) throw new Transient(`no complete answer within ${this.timeoutMs} ms`, status);
      throw new Transient(`network error: ${describe(error)}`, status);
    }
  }

  private message(body: string, status: number): string {
    const own = this.describeError(body, status);
    return own ? `: ${own}` : '';
  }
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
function retryAfter(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** An error's message with its cause's, as fetch reports network failures. */
export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

/** Waits `ms` milliseconds, or until the signal aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
