import { ParameterError } from '../../domain/errors.ts';

/**
 * An error with the HTTP status it maps to; the one error type the web layer turns into a response.
 * @example throw new HttpError(400, 'years must look like 2020 or 2015-2022', { parameter: 'years' })
 */
export class HttpError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 500 | 503;
  readonly parameter: string | undefined;

  constructor(status: HttpError['status'], message: string, options: { parameter?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpError';
    this.status = status;
    this.parameter = options.parameter;
  }
}

/** A 400 naming the parameter and why its value was refused. */
export function badParameter(parameter: string, reason: string): ParameterError {
  return new ParameterError(parameter, reason);
}
