import type { Context } from 'hono';
import { isGroupId, type Group, type Membership } from '../../../domain/group.ts';
import { LANGS, type Localized } from '../../../domain/lang.ts';
import type { Reference } from '../../services/reference.ts';
import { badParameter, HttpError } from '../http-error.ts';
import { USER_GROUP_SOURCE } from './contract.ts';
import { groupIdRule } from './params.ts';

/** The largest request body accepted for a group: far above any real list of countries. */
export const MAX_BODY_BYTES = 64 * 1024;
const MAX_NAME = 200;
const MAX_DESCRIPTION = 2000;
const FIELDS = ['id', 'names', 'description', 'members'];

/**
 * The JSON body of a write, refused when it is not JSON, too large or not an object.
 * @example const body = await readJsonBody(c)
 */
export async function readJsonBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send the group as JSON, with "Content-Type: application/json"');
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw badParameter('body', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badParameter('body', 'expected a JSON object like {"id": "MY_GROUP", "names": {"en": "My group"}, "members": ["NGA", "KEN"]}');
  }
  return body as Record<string, unknown>;
}

function localized(field: string, value: unknown, maxLength: number): Localized {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badParameter(field, `expected an object of texts by language, like {"en": "…", "fr": "…"}`);
  }
  const result: Partial<Record<string, string>> = {};
  for (const [lang, text] of Object.entries(value)) {
    if (!(LANGS as readonly string[]).includes(lang)) throw badParameter(`${field}.${lang}`, `unknown language; expected ${LANGS.join(', ')}`);
    if (typeof text !== 'string' || text.trim() === '') throw badParameter(`${field}.${lang}`, 'expected a non-empty text');
    if (text.length > maxLength) throw badParameter(`${field}.${lang}`, `longer than ${maxLength} characters`);
    result[lang] = text.trim();
  }
  if (!result.en) throw badParameter(`${field}.en`, 'an English text is required (it is the fallback of every other language)');
  return result as Localized;
}

/** A user-defined group as checked from a request body, ready to store. */
export interface UserGroup {
  group: Group;
  memberships: Membership[];
}

/**
 * Checks the body of a POST or PUT of a user-defined group: fields, identifier, names and members, each
 * refusal naming the field. For a PUT, `pathId` is the group in the URL and the body's id, if any, must match.
 * @example parseUserGroup({ id: 'MY', names: { en: 'Mine' }, members: ['NGA'] }, ref)
 */
export function parseUserGroup(body: Record<string, unknown>, ref: Reference, pathId?: string): UserGroup {
  for (const key of Object.keys(body)) {
    if (!FIELDS.includes(key)) throw badParameter(key, `unknown field; a group has ${FIELDS.join(', ')}`);
  }
  let id: string;
  if (body.id === undefined && pathId !== undefined) id = pathId;
  else if (typeof body.id !== 'string') throw badParameter('id', 'expected the group identifier as a text, like "MY_GROUP"');
  else if (!isGroupId(body.id)) throw badParameter('id', groupIdRule(body.id));
  else if (pathId !== undefined && body.id !== pathId) throw badParameter('id', `the body names group "${body.id}" but the URL names "${pathId}"`);
  else id = body.id;

  if (body.names === undefined) throw badParameter('names', 'required, like {"en": "My group", "fr": "Mon groupe"}');
  const names = localized('names', body.names, MAX_NAME);
  const description = body.description === undefined ? undefined : localized('description', body.description, MAX_DESCRIPTION);

  if (!Array.isArray(body.members) || body.members.length === 0) {
    throw badParameter('members', 'expected a non-empty list of ISO3 country codes, like ["NGA", "KEN"]');
  }
  const members: string[] = [];
  for (const m of body.members) {
    if (typeof m !== 'string') throw badParameter('members', `expected ISO3 codes as texts, got ${JSON.stringify(m)}`);
    const code = m.trim().toUpperCase();
    if (!members.includes(code)) members.push(code);
  }
  const unknown = members.filter((code) => !ref.countries.has(code) && !ref.economies.has(code));
  if (unknown.length) {
    throw badParameter('members', `unknown ISO3 code${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (see /api/v1/countries)`);
  }
  const group: Group = { id, kind: 'user', names, wbCode: null, source: USER_GROUP_SOURCE, ...(description ? { description } : {}) };
  const memberships: Membership[] = members.sort().map((iso3) => ({
    groupId: id,
    iso3,
    status: 'member',
    from: null,
    to: null,
    source: USER_GROUP_SOURCE,
    note: null,
  }));
  return { group, memberships };
}
