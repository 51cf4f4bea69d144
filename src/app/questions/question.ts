import type { Account } from '../../domain/accounts.ts';
import { InputError, ParameterError } from '../../domain/errors.ts';
import type { IsoDate } from '../../domain/group.ts';
import type { CsvTable } from '../services/csv.ts';
import type { Reference } from '../services/reference.ts';
import type { ReadServices, Services } from '../services/compose.ts';
import { readQuery } from './params.ts';
import type { Method, OperationObject, Schema } from './schema.ts';

/** What a parameter's parser may consult: the reference data (codes, groups, vintages) and today's date. */
export interface ParseContext {
  ref: Reference;
  today: IsoDate;
  /** The Accept header, for the answer format's negotiation; absent outside HTTP. */
  accept?: string | undefined;
}

/**
 * One parameter of a question: how it is read, and how the API document, the page form and the CLI
 * describe it. `parse` receives the raw text (trimmed; undefined when absent), and the values of the
 * parameters read before it, and throws a ParameterError (or an InputError naming the field) when it refuses it.
 * @example const years: Param<YearRange | undefined> = { name: 'years', in: 'query', description: '…', schema: string(), parse: parseYears }
 */
export interface Param<T> {
  readonly name: string;
  readonly in: 'query' | 'path';
  readonly description: string;
  readonly schema: Schema;
  readonly example?: unknown;
  readonly required?: boolean;
  /** The CLI flag when it differs from the name (carrier_share is --carrier-share). */
  readonly flag?: string;
  /** The values offered by a drop-down and listed by the CLI's help. */
  readonly choices?: readonly string[];
  /** How a page's form shows it: the catalogue key of its label (and of its choices' labels), the text box's width and keyboard. */
  readonly field?: FieldHint;
  /** The value written back as the parameter's text, for a form's field and for links; the text as given when absent. */
  write?(value: T): string;
  parse(raw: string | undefined, ctx: ParseContext, earlier: Readonly<Record<string, unknown>>): T;
}

/** How a page's form shows a parameter. */
export interface FieldHint {
  /** A key of the page catalogue, such as "moratorium.years". */
  label: string;
  /** A key of the catalogue holding a label per choice, such as "moratorium.tariffs". */
  choiceLabels?: string;
  size?: number;
  inputmode?: 'numeric' | 'decimal';
  pattern?: string;
}

/** The parameters of a question by name, in the order they are documented and checked. */
export type Params = Record<string, Param<unknown>>;

/** The values of a question's parameters once read. */
export type Values<P extends Params> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/** What a request carries besides its parameters, for the questions that write: headers, body, session. */
export interface Exchange {
  header(name: string): string | undefined;
  text(): Promise<string>;
  /** The signed-in account's session, or null. */
  session: unknown;
}

/**
 * An answer, in every form the question offers: JSON always, CSV and a workbook when the question has them.
 * The route chooses by the `format` parameter.
 */
export interface Reply {
  json(): unknown;
  csv?(): CsvTable;
  xlsx?(): { bytes: Uint8Array; filename: string };
  status?: number;
  headers?: Record<string, string>;
}

/**
 * The services a question of this method receives: a GET question the read-only view (it cannot write, by
 * type), a question that writes every service.
 */
export type ServicesFor<M extends Method> = [M] extends ['get'] ? ReadServices : Services;

/**
 * A question the Observatory answers, defined once: its parameters, its documentation and how it is
 * answered. The API route, its OpenAPI operation, the page form's fields and the CLI's flags and help are
 * all made from this. Its method decides the services it receives (see `ServicesFor`).
 */
export interface Question<P extends Params = Params, I = Values<P>, M extends Method = Method> {
  /** The operationId, and the name the CLI and the tests know it by. */
  readonly id: string;
  readonly method: M;
  /** The path under /api/v1, with {placeholders} for path parameters, as OpenAPI writes it. */
  readonly path: string;
  readonly params: P;
  /** Documentation of the operation, without the parameters, which come from `params`. */
  readonly doc: Omit<OperationObject, 'operationId' | 'parameters'> & { extraParameters?: OperationObject['parameters'] };
  /** The checks made before the parameters are read: the credentials of a write, refused first. */
  authorize?(exchange: Exchange, services: ServicesFor<M>): void | Promise<void>;
  /**
   * For a question of signed-in accounts (its `doc.security` names the session): whether the account may
   * ask it, checked with the session and before the parameters' values are read; throws a ForbiddenError.
   */
  admit?(account: Account): void;
  /** Rules between parameters (give country or group, not both), checked once all are read. */
  refine?(values: Values<P>, services: ServicesFor<M>): I | Promise<I>;
  answer(input: I, services: ServicesFor<M>, exchange: Exchange): Promise<Reply | Response>;
}

/**
 * Defines a question; the identity function that lets TypeScript infer the parameters' types.
 * @example export const vintages = defineQuestion({ id: 'vintages', method: 'get', path: '/vintages', params: { format }, doc, answer })
 */
export function defineQuestion<P extends Params, I = Values<P>, M extends Method = Method>(question: Question<P, I, M>): Question<P, I, M> {
  return question;
}

/**
 * Reads and checks every parameter of a question from a request's query and path: unknown or repeated
 * names are refused, each value is parsed by its parameter, then the rules between them are checked.
 * Errors are ParameterErrors, which the API answers with a 400, the page with the form's error and the
 * CLI with exit code 2.
 * @example await readInput(vintages, new URL(url).searchParams, {}, ctx, services)
 */
export async function readInput<P extends Params, I, M extends Method>(
  question: Question<P, I, M>,
  query: URLSearchParams,
  path: Readonly<Record<string, string>>,
  ctx: ParseContext,
  services: ServicesFor<M>,
): Promise<I> {
  const queryNames = Object.values(question.params).filter((p) => p.in === 'query').map((p) => p.name);
  const given = readQuery(query, queryNames);
  const values: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(question.params)) {
    const raw = param.in === 'path' ? path[param.name] : given.get(param.name);
    values[key] = located(() => param.parse(raw, ctx, values));
  }
  const typed = values as Values<P>;
  return question.refine ? located(() => question.refine!(typed, services)) : (typed as unknown as I);
}

/**
 * Reads some parameters from a query, each by its own parser, without refusing other names: for a page
 * whose form carries parameters of its own beside a question's.
 * @example parseParams({ tariff, rollup }, query, ctx) // { tariff: 'mfn', rollup: 'simple' }
 */
export function parseParams<P extends Params>(params: P, query: URLSearchParams, ctx: ParseContext): Values<P> {
  const values: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(params)) {
    const raw = query.get(param.name)?.trim();
    values[key] = located(() => param.parse(raw, ctx, values));
  }
  return values as Values<P>;
}

/** Runs a parser, turning an InputError that names a field into the ParameterError of that field. */
export function located<T>(run: () => T): T {
  try {
    const result = run();
    if (result instanceof Promise) return result.catch(relocate) as T;
    return result;
  } catch (error) {
    return relocate(error);
  }
}

function relocate(error: unknown): never {
  if (error instanceof InputError && !(error instanceof ParameterError) && error.location.field !== undefined) {
    throw new ParameterError(error.location.field, error.reason);
  }
  throw error;
}
