import { InputError } from '../errors.ts';
import { BUILT_IN_METHODS, MISSING_RULES, type Component, type IndexMethod, type MissingRule, type Normalisation, type Transformation, type YearRule } from './method.ts';

/**
 * A user-defined readiness method as a JSON document: checked field by field into an IndexMethod, each refusal
 * an InputError naming where the document came from (a file name, "request body") and the field's path
 * ("components[2].weight"). Whether each indicator exists is for the service to check against the store.
 */

export const TRANSFORMATIONS: readonly Transformation[] = ['as-is', 'log', 'per-capita'];
export const NORMALISATIONS = ['min-max', 'goalposts'] as const;

/** A method id: lower-case letters, digits and single hyphens, 2–64 characters, starting with a letter. */
export const METHOD_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_ID = 64;
const MAX_NAME = 200;
const MAX_DESCRIPTION = 2000;
const MAX_COMPONENTS = 30;
const MAX_WINDOW = 30;

const METHOD_FIELDS = ['id', 'name', 'description', 'missing', 'components', 'baseVersion', 'note'];
const COMPONENT_FIELDS = ['id', 'indicator', 'name', 'year', 'transformation', 'normalisation', 'weight', 'editions'];

/** The defaults of a component's optional fields, written out in the stored definition. */
export const COMPONENT_DEFAULTS = {
  year: { kind: 'latest', window: 3, lag: 1 } as YearRule,
  transformation: 'as-is' as Transformation,
  normalisation: { kind: 'min-max' } as Normalisation,
  weight: 1,
};

/** What a submission asks: the method, the version it replaces (0 for a new method) and why. */
export interface MethodSubmission {
  method: IndexMethod;
  /** The version the author started from; 0 when the method is new. */
  baseVersion: number;
  note: string | null;
}

/** Whether a method id is one the Observatory ships, or the word of the methods' list in addresses (users cannot take it). */
export function isReservedMethodId(id: string): boolean {
  return id === 'methods' || BUILT_IN_METHODS.some((m) => m.id === id);
}

const describe = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : String(value));

/**
 * Checks a readiness method document (`where` names the file or "request body"), refusing with the field's
 * path. Optional fields of a component take the defaults of COMPONENT_DEFAULTS.
 * @example parseMethod(JSON.parse(text), 'my-method.json') // IndexMethod, or InputError 'my-method.json, field "components[2].weight": "abc" is not a number'
 */
export function parseMethod(json: unknown, where: string): IndexMethod {
  return parseMethodSubmission(json, where).method;
}

/** The method with the version it replaces and the author's note (`baseVersion`, `note`). */
export function parseMethodSubmission(json: unknown, where: string): MethodSubmission {
  const bad = (field: string, reason: string) => new InputError(reason, { file: where, field });
  const body = object(json, where, '(document)', 'expected a JSON object like {"id": "my-index", "name": "…", "components": […]}');
  unknownFields(body, METHOD_FIELDS, where, '', 'a method');

  const id = text(body.id, where, 'id', MAX_ID, true);
  if (!METHOD_ID.test(id)) throw bad('id', `"${id}" is not a slug: lower-case letters, digits and hyphens, starting with a letter (like "my-index")`);
  if (isReservedMethodId(id)) throw bad('id', `"${id}" is reserved (a built-in method, or the list of methods); choose another`);
  const name = text(body.name, where, 'name', MAX_NAME, true);
  const description = body.description === undefined ? '' : text(body.description, where, 'description', MAX_DESCRIPTION, false);

  let missing: MissingRule = 'drop';
  if (body.missing !== undefined) {
    if (typeof body.missing !== 'string' || !(MISSING_RULES as readonly string[]).includes(body.missing)) {
      throw bad('missing', `${describe(body.missing)} is not a missing-component rule; expected one of ${MISSING_RULES.join(', ')}`);
    }
    missing = body.missing as MissingRule;
  }

  if (!Array.isArray(body.components) || body.components.length === 0) throw bad('components', 'expected a non-empty list of components');
  if (body.components.length > MAX_COMPONENTS) throw bad('components', `more than ${MAX_COMPONENTS} components`);
  const components = body.components.map((c, i) => component(c, where, `components[${i}]`));
  const seen = new Map<string, number>();
  components.forEach((c, i) => {
    const first = seen.get(c.id);
    if (first !== undefined) throw bad(`components[${i}].id`, `"${c.id}" is also the id of components[${first}]; component ids must differ`);
    seen.set(c.id, i);
  });
  if (components.every((c) => c.weight === 0)) throw bad('components', 'every weight is zero; at least one component must count');

  let baseVersion = 0;
  if (body.baseVersion !== undefined) {
    if (typeof body.baseVersion !== 'number' || !Number.isInteger(body.baseVersion) || body.baseVersion < 0) {
      throw bad('baseVersion', `${describe(body.baseVersion)} is not a version number (0 for a new method, else the version this one replaces)`);
    }
    baseVersion = body.baseVersion;
  }
  const note = body.note === undefined || body.note === null ? null : text(body.note, where, 'note', MAX_DESCRIPTION, false) || null;

  return { method: { id, name, version: String(baseVersion + 1), description, components, missing }, baseVersion, note };
}

function object(value: unknown, where: string, field: string, expected: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(expected, { file: where, field });
  return value as Record<string, unknown>;
}

function unknownFields(body: Record<string, unknown>, known: readonly string[], where: string, prefix: string, what: string): void {
  for (const key of Object.keys(body)) {
    if (!known.includes(key)) throw new InputError(`unknown field; ${what} has ${known.join(', ')}`, { file: where, field: `${prefix}${key}` });
  }
}

function text(value: unknown, where: string, field: string, max: number, required: boolean): string {
  if (value === undefined && required) throw new InputError('required', { file: where, field });
  if (typeof value !== 'string') throw new InputError(`${describe(value)} is not a text`, { file: where, field });
  const trimmed = value.trim();
  if (required && trimmed === '') throw new InputError('is empty', { file: where, field });
  if (trimmed.length > max) throw new InputError(`longer than ${max} characters`, { file: where, field });
  return trimmed;
}

function finite(value: unknown, where: string, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(`${describe(value)} is not a number`, { file: where, field });
  return value;
}

function wholeNumber(value: unknown, where: string, field: string, min: number, max: number): number {
  const n = finite(value, where, field);
  if (!Number.isInteger(n)) throw new InputError(`${n} is not a whole number`, { file: where, field });
  if (n < min || n > max) throw new InputError(`${n} is outside ${min}–${max}`, { file: where, field });
  return n;
}

function yearRule(value: unknown, where: string, field: string): YearRule {
  const rule = object(value, where, field, 'expected {"kind": "latest", "window": 3, "lag": 1} or {"kind": "fixed", "year": 2020}');
  if (rule.kind === 'latest') {
    unknownFields(rule, ['kind', 'window', 'lag'], where, `${field}.`, 'a latest-year rule');
    const window = rule.window === undefined ? 3 : finite(rule.window, where, `${field}.window`);
    if (!Number.isInteger(window) || window < 1 || window > MAX_WINDOW) {
      throw new InputError(`${window} is not a window of years: expected a whole number from 1 to ${MAX_WINDOW}`, { file: where, field: `${field}.window` });
    }
    const lag = rule.lag === undefined ? 1 : wholeNumber(rule.lag, where, `${field}.lag`, 0, 10);
    return { kind: 'latest', window, lag };
  }
  if (rule.kind === 'fixed') {
    unknownFields(rule, ['kind', 'year'], where, `${field}.`, 'a fixed-year rule');
    return { kind: 'fixed', year: wholeNumber(rule.year, where, `${field}.year`, 1900, 2100) };
  }
  throw new InputError(`${describe(rule.kind)} is not a year rule; expected latest or fixed`, { file: where, field: `${field}.kind` });
}

function normalisation(value: unknown, where: string, field: string): Normalisation {
  const n = object(value, where, field, 'expected {"kind": "min-max"} or {"kind": "goalposts", "low": 0, "high": 100}');
  if (n.kind === 'min-max') {
    unknownFields(n, ['kind'], where, `${field}.`, 'a min-max normalisation');
    return { kind: 'min-max' };
  }
  if (n.kind === 'goalposts') {
    unknownFields(n, ['kind', 'low', 'high'], where, `${field}.`, 'a goalposts normalisation');
    const low = finite(n.low, where, `${field}.low`);
    const high = finite(n.high, where, `${field}.high`);
    if (low >= high) throw new InputError(`the low goalpost (${low}) must be below the high one (${high})`, { file: where, field: `${field}.high` });
    return { kind: 'goalposts', low, high };
  }
  throw new InputError(`${describe(n.kind)} is not a normalisation; expected one of ${NORMALISATIONS.join(', ')}`, { file: where, field: `${field}.kind` });
}

function component(value: unknown, where: string, field: string): Component {
  const c = object(value, where, field, 'expected a component object like {"id": "internet", "indicator": "IT.NET.USER.ZS", "weight": 1}');
  unknownFields(c, COMPONENT_FIELDS, where, `${field}.`, 'a component');
  const id = text(c.id, where, `${field}.id`, MAX_ID, true);
  if (!METHOD_ID.test(id)) throw new InputError(`"${id}" is not a slug: lower-case letters, digits and hyphens, starting with a letter`, { file: where, field: `${field}.id` });
  const indicator = text(c.indicator, where, `${field}.indicator`, 64, true);
  if (!/^[A-Za-z0-9._-]+$/.test(indicator)) throw new InputError(`"${indicator}" is not an indicator code`, { file: where, field: `${field}.indicator` });
  const name = c.name === undefined ? indicator : text(c.name, where, `${field}.name`, MAX_NAME, true);
  const year = c.year === undefined ? COMPONENT_DEFAULTS.year : yearRule(c.year, where, `${field}.year`);
  let transformation = COMPONENT_DEFAULTS.transformation;
  if (c.transformation !== undefined) {
    if (typeof c.transformation !== 'string' || !(TRANSFORMATIONS as readonly string[]).includes(c.transformation)) {
      throw new InputError(`${describe(c.transformation)} is not a transformation; expected one of ${TRANSFORMATIONS.join(', ')}`, { file: where, field: `${field}.transformation` });
    }
    transformation = c.transformation as Transformation;
  }
  const norm = c.normalisation === undefined ? COMPONENT_DEFAULTS.normalisation : normalisation(c.normalisation, where, `${field}.normalisation`);
  const weight = c.weight === undefined ? COMPONENT_DEFAULTS.weight : finite(c.weight, where, `${field}.weight`);
  if (weight < 0) throw new InputError(`${weight} is negative; a weight is zero or more`, { file: where, field: `${field}.weight` });
  if (c.editions !== undefined && typeof c.editions !== 'boolean') throw new InputError(`${describe(c.editions)} is not true or false`, { file: where, field: `${field}.editions` });
  return { id, indicator, name, year, transformation, normalisation: norm, weight, ...(c.editions === true ? { editions: true } : {}) };
}

/** A stored definition written back as the JSON document it was read from (without baseVersion and note). */
export function methodDocument(m: IndexMethod): Record<string, unknown> {
  return {
    id: m.id,
    name: m.name,
    description: m.description,
    missing: m.missing,
    components: m.components.map((c) => ({
      id: c.id,
      indicator: c.indicator,
      name: c.name,
      year: c.year,
      transformation: c.transformation,
      normalisation: c.normalisation,
      weight: c.weight,
      ...(c.editions ? { editions: true } : {}),
    })),
  };
}

/** One stored version of a user-defined method. */
export interface StoredMethodVersion {
  id: string;
  /** 1, 2, 3…: every version is kept. */
  version: number;
  method: IndexMethod;
  /** The account that wrote it; null for the command line (the system). */
  authorId: number | null;
  createdAt: string;
  note: string | null;
}

/** Who wrote a version and when, as the answers and pages show it (absent on built-in methods). */
export interface MethodAuthorship {
  version: number;
  /** Every version of the method, oldest first. */
  versions: number[];
  authorId: number | null;
  /** The account's name, or "command line" for a version stored by the CLI. */
  author: string;
  createdAt: string;
  note: string | null;
}
