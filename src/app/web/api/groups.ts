import type { Context } from 'hono';
import { ConflictError } from '../../../domain/errors.ts';
import type { Group } from '../../../domain/group.ts';
import type { Reference } from '../../services/reference.ts';
import { HttpError } from '../http-error.ts';
import { requireToken } from './auth.ts';
import { QUERY, USER_GROUP_SOURCE, type ApiOptions } from './contract.ts';
import { readJsonBody } from './group-body.ts';
import { parseUserGroup } from '../../services/user-groups.ts';
import { parseDate, parseFormat, pathGroup, pathGroupId, readQuery } from '../../questions/params.ts';
import { groupJson, membershipJson } from './present.ts';
import { entityName } from '../../questions/present.ts';
import { sendAs, sendJson } from './respond.ts';

/** GET /groups: every group with its kind, names, World Bank code, source and today's member count. */
export async function listGroups(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.groups);
  const choice = parseFormat(query.get('format'), c.req.header('accept'));
  const ref = await obs.ref();
  const today = obs.today();
  const groups = [...ref.groups.values()].map((g) => ({ ...groupJson(g), membersToday: obs.membersOn(ref, g.id, today).length }));
  return sendAs(
    choice,
    () => ({ count: groups.length, date: today, groups }),
    () => ({
      filename: 'groups.csv',
      header: ['id', 'kind', 'name_en', 'name_fr', 'name_es', 'name_pt', 'wb_code', 'source', 'members_today'],
      rows: groups.map((g) => [g.id, g.kind, g.names.en, g.names.fr, g.names.es, g.names.pt, g.wbCode, g.source, g.membersToday]),
    }),
    { 'x-data-version': String(ref.version) },
  );
}

function groupDetail(ref: Reference, obs: ApiOptions['obs'], group: Group, at: string) {
  return {
    ...groupJson(group),
    at,
    members: obs.membersOn(ref, group.id, at).map((iso3) => ({ iso3, name: entityName(ref, iso3) })),
    memberships: (ref.memberships.get(group.id) ?? []).map((m) => membershipJson(m, entityName(ref, m.iso3))),
  };
}

/** GET /groups/{id}?at=YYYY-MM-DD: a group's definition, its dated memberships and its members on a date. */
export async function getGroup(c: Context, { obs }: ApiOptions): Promise<Response> {
  const query = readQuery(c.req.url, QUERY.group);
  const at = parseDate(query.get('at'), 'at') ?? obs.today();
  const ref = await obs.ref();
  const group = pathGroup(ref, c.req.param('id') ?? '');
  return sendJson(groupDetail(ref, obs, group, at), 200, { 'x-data-version': String(ref.version) });
}

function refuseSourceGroup(group: Group | undefined, action: string): void {
  if (group && group.kind !== 'user') {
    throw new HttpError(409, `group ${group.id} is defined by a source (${group.source}) and cannot be ${action}; user-defined groups need an id of their own`, {
      parameter: 'id',
    });
  }
}

/** POST /groups: creates a user-defined group (bearer token required). */
export async function createGroup(c: Context, { obs, apiToken }: ApiOptions): Promise<Response> {
  requireToken(c.req.header('authorization'), apiToken);
  readQuery(c.req.url, QUERY.createGroup);
  const body = await readJsonBody(c);
  const ref = await obs.ref();
  const { group, memberships } = parseUserGroup(body, ref, 'request body', USER_GROUP_SOURCE);
  const existing = ref.groups.get(group.id);
  refuseSourceGroup(existing, 'replaced');
  if (existing) throw new HttpError(409, `group ${group.id} already exists; replace it with PUT /api/v1/groups/${group.id}`);
  // The store checks again inside its transaction: another request may have created the group meanwhile.
  await obs.store.saveUserGroup(group, memberships, { create: true }).catch((error: unknown) => {
    throw error instanceof ConflictError
      ? new HttpError(409, `group ${group.id} already exists; replace it with PUT /api/v1/groups/${group.id}`)
      : error;
  });
  return saved(obs, group.id, 201);
}

/** PUT /groups/{id}: creates or replaces a user-defined group's names and members (bearer token required). */
export async function replaceGroup(c: Context, { obs, apiToken }: ApiOptions): Promise<Response> {
  requireToken(c.req.header('authorization'), apiToken);
  readQuery(c.req.url, QUERY.replaceGroup);
  const id = pathGroupId(c.req.param('id') ?? '');
  const body = await readJsonBody(c);
  const ref = await obs.ref();
  const { group, memberships } = parseUserGroup(body, ref, 'request body', USER_GROUP_SOURCE, id);
  const existing = ref.groups.get(id);
  refuseSourceGroup(existing, 'replaced');
  await obs.store.saveUserGroup(group, memberships);
  return saved(obs, id, existing ? 200 : 201);
}

/** DELETE /groups/{id}: deletes a user-defined group (bearer token required). */
export async function deleteGroup(c: Context, { obs, apiToken }: ApiOptions): Promise<Response> {
  requireToken(c.req.header('authorization'), apiToken);
  readQuery(c.req.url, QUERY.deleteGroup);
  const id = (c.req.param('id') ?? '').toUpperCase();
  const ref = await obs.ref();
  refuseSourceGroup(ref.groups.get(id), 'deleted');
  if (!(await obs.store.deleteUserGroup(id))) throw new HttpError(404, `no group "${id}" to delete`);
  await obs.refresh(true);
  return new Response(null, { status: 204 });
}

/** The answer to a write: the group as it now reads, after the service has seen the change. */
async function saved(obs: ApiOptions['obs'], id: string, status: 200 | 201): Promise<Response> {
  await obs.refresh(true);
  const ref = await obs.ref();
  const group = pathGroup(ref, id);
  return sendJson(groupDetail(ref, obs, group, obs.today()), status, {
    location: `/api/v1/groups/${encodeURIComponent(id)}`,
    'x-data-version': String(ref.version),
  });
}
