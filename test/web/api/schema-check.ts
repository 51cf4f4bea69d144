import { openApiDocument } from '../../../src/app/web/api/openapi.ts';
import type { Schema, SchemaObject } from '../../../src/app/questions/schema.ts';

function resolve(schema: Schema): SchemaObject {
  if (!('$ref' in schema)) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = openApiDocument.components.schemas[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(target);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * The places where a value departs from a schema of the document (types, required and extra properties,
 * enums, patterns, items, oneOf/allOf): enough to catch an answer drifting from what the document promises.
 */
export function schemaErrors(value: unknown, schema: Schema, path = '$'): string[] {
  const s = resolve(schema);
  const errors: string[] = [];
  if (s.allOf) {
    for (const part of s.allOf) errors.push(...schemaErrors(value, { ...resolve(part), additionalProperties: true }, path));
    const known = new Set(s.allOf.flatMap((part) => Object.keys(resolve(part).properties ?? {})));
    if (typeOf(value) === 'object') for (const k of Object.keys(value as object)) if (!known.has(k)) errors.push(`${path}.${k}: not in the schema`);
    return errors;
  }
  if (s.oneOf) {
    const matching = s.oneOf.filter((option) => schemaErrors(value, option, path).length === 0);
    return matching.length === 1 ? [] : [`${path}: matches ${matching.length} of the oneOf options`];
  }
  const actual = typeOf(value);
  if (s.type !== undefined) {
    const allowed = Array.isArray(s.type) ? s.type : [s.type];
    if (!allowed.includes(actual as never) && !(actual === 'integer' && allowed.includes('number'))) return [`${path}: ${actual}, expected ${allowed.join('|')}`];
  }
  if (s.enum && !s.enum.includes(value as never)) errors.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(s.enum)}`);
  if (s.pattern && typeof value === 'string' && !new RegExp(s.pattern).test(value)) errors.push(`${path}: "${value}" does not match ${s.pattern}`);
  if (actual === 'object' && (s.properties || s.required)) {
    const obj = value as Record<string, unknown>;
    for (const k of s.required ?? []) if (!(k in obj)) errors.push(`${path}.${k}: missing`);
    for (const [k, v] of Object.entries(obj)) {
      const child = s.properties?.[k];
      if (child) errors.push(...schemaErrors(v, child, `${path}.${k}`));
      else if (s.additionalProperties !== true) errors.push(`${path}.${k}: not in the schema`);
    }
  }
  if (actual === 'array' && s.items) (value as unknown[]).forEach((item, i) => errors.push(...schemaErrors(item, s.items as Schema, `${path}[${i}]`)));
  return errors;
}
