import { ConflictError, InputError, NotFoundError } from '../../domain/errors.ts';
import type { Store } from '../../adapters/storage/store.ts';
import type { Observatory } from './observatory.ts';
import { isGroupId, type Group, type Membership } from '../../domain/group.ts';
import { LANGS, type Localized } from '../../domain/lang.ts';
import type { Reference } from './reference.ts';

const MAX_NAME = 200;
const MAX_DESCRIPTION = 2000;
const FIELDS = ['id', 'names', 'description', 'members'];

/** A user-defined group as checked from a request or a command line, ready to store. */
export interface UserGroup {
  group: Group;
  memberships: Membership[];
}

/** Why a text is not a group identifier. */
export function groupIdRule(raw: string): string {
  return `expected 2–32 upper-case letters, digits, "_" or "-", starting with a letter (like "MY_GROUP"), got "${raw}"`;
}

function localized(where: string, field: string, value: unknown, maxLength: number): Localized {
  const bad = (f: string, reason: string) => new InputError(reason, { file: where, field: f });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad(field, `expected an object of texts by language, like {"en": "…", "fr": "…"}`);
  }
  const result: Partial<Record<string, string>> = {};
  for (const [lang, text] of Object.entries(value)) {
    if (!(LANGS as readonly string[]).includes(lang)) throw bad(`${field}.${lang}`, `unknown language; expected ${LANGS.join(', ')}`);
    if (typeof text !== 'string' || text.trim() === '') throw bad(`${field}.${lang}`, 'expected a non-empty text');
    if (text.length > maxLength) throw bad(`${field}.${lang}`, `longer than ${maxLength} characters`);
    result[lang] = text.trim();
  }
  if (!result.en) throw bad(`${field}.en`, 'an English text is required (it is the fallback of every other language)');
  return result as Localized;
}

/**
 * Checks a user-defined group: fields, identifier, names and members, each refusal an InputError naming the
 * field (`where` says where the group came from: "request body", "command line"). With `pathId` (a PUT),
 * the body's id, if any, must match it.
 * @example parseUserGroup({ id: 'MY', names: { en: 'Mine' }, members: ['NGA'] }, ref, 'request body', 'user-defined')
 */
export function parseUserGroup(body: Record<string, unknown>, ref: Reference, where: string, source: string, pathId?: string): UserGroup {
  const bad = (field: string, reason: string) => new InputError(reason, { file: where, field });
  for (const key of Object.keys(body)) {
    if (!FIELDS.includes(key)) throw bad(key, `unknown field; a group has ${FIELDS.join(', ')}`);
  }
  let id: string;
  if (body.id === undefined && pathId !== undefined) id = pathId;
  else if (typeof body.id !== 'string') throw bad('id', 'expected the group identifier as a text, like "MY_GROUP"');
  else if (!isGroupId(body.id)) throw bad('id', groupIdRule(body.id));
  else if (pathId !== undefined && body.id !== pathId) throw bad('id', `the body names group "${body.id}" but the URL names "${pathId}"`);
  else id = body.id;

  if (body.names === undefined) throw bad('names', 'required, like {"en": "My group", "fr": "Mon groupe"}');
  const names = localized(where, 'names', body.names, MAX_NAME);
  const description = body.description === undefined ? undefined : localized(where, 'description', body.description, MAX_DESCRIPTION);

  if (!Array.isArray(body.members) || body.members.length === 0) {
    throw bad('members', 'expected a non-empty list of ISO3 country codes, like ["NGA", "KEN"]');
  }
  const members: string[] = [];
  for (const m of body.members) {
    if (typeof m !== 'string') throw bad('members', `expected ISO3 codes as texts, got ${JSON.stringify(m)}`);
    const code = m.trim().toUpperCase();
    if (!members.includes(code)) members.push(code);
  }
  const unknown = members.filter((code) => !ref.countries.has(code) && !ref.economies.has(code));
  if (unknown.length) {
    throw bad('members', `unknown ISO3 code${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (see /api/v1/countries)`);
  }
  const group: Group = { id, kind: 'user', names, wbCode: null, source, ...(description ? { description } : {}) };
  const memberships: Membership[] = members.sort().map((iso3) => ({ groupId: id, iso3, status: 'member', from: null, to: null, source, note: null }));
  return { group, memberships };
}

/** The source recorded on user-defined groups and their memberships made through the API. */
export const USER_GROUP_SOURCE = 'user-defined (Observatory API)';

/** The group a user may not replace or delete because a source defines it, with why. */
function refuseSourceGroup(group: Group | undefined, action: string): void {
  if (group && group.kind !== 'user') {
    throw new ConflictError(`group ${group.id} is defined by a source (${group.source}) and cannot be ${action}; user-defined groups need an id of their own`, 'id');
  }
}

/**
 * The writes of user-defined groups: create, replace, delete, each checked against the groups the sources
 * define, then stored; the Observatory's reference data is refreshed after each.
 * @example await new UserGroupService(obs, store).create(body, 'request body')
 */
export class UserGroupService {
  constructor(
    private readonly obs: Observatory,
    private readonly store: Pick<Store, 'saveUserGroup' | 'deleteUserGroup'>,
  ) {}

  /** Creates a group; a taken id is a ConflictError, also when another request took it meanwhile. */
  async create(body: Record<string, unknown>, where: string): Promise<Group> {
    const ref = await this.obs.ref();
    const { group, memberships } = parseUserGroup(body, ref, where, USER_GROUP_SOURCE);
    const existing = ref.groups.get(group.id);
    refuseSourceGroup(existing, 'replaced');
    const taken = new ConflictError(`group ${group.id} already exists; replace it with PUT /api/v1/groups/${group.id}`);
    if (existing) throw taken;
    // The store checks again inside its transaction: another request may have created the group meanwhile.
    await this.store.saveUserGroup(group, memberships, { create: true }).catch((error: unknown) => {
      throw error instanceof ConflictError ? taken : error;
    });
    await this.obs.refresh(true);
    return group;
  }

  /** Creates or replaces the group `id`, recording `source` as where it came from; says whether it existed. */
  async replace(id: string, body: Record<string, unknown>, where: string, source = USER_GROUP_SOURCE): Promise<UserGroup & { created: boolean }> {
    const ref = await this.obs.ref();
    const { group, memberships } = parseUserGroup(body, ref, where, source, id);
    const existing = ref.groups.get(id);
    refuseSourceGroup(existing, 'replaced');
    await this.store.saveUserGroup(group, memberships);
    await this.obs.refresh(true);
    return { group, memberships, created: !existing };
  }

  /** Deletes the group `id`; a missing group is a NotFoundError. */
  async delete(id: string): Promise<void> {
    const ref = await this.obs.ref();
    refuseSourceGroup(ref.groups.get(id), 'deleted');
    if (!(await this.store.deleteUserGroup(id))) throw new NotFoundError(`no group "${id}" to delete`);
    await this.obs.refresh(true);
  }
}
