import type { Group, IsoDate } from '../../domain/group.ts';
import type { Services } from '../services/compose.ts';
import type { Observatory } from '../services/observatory.ts';
import type { Reference } from '../services/reference.ts';
import { readJsonBody } from './body.ts';
import { at, format, pathGroupParam } from './common.ts';
import { pathGroup, pathGroupId } from './params.ts';
import { membershipNotes } from '../../domain/groups/dated.ts';
import { entityName, groupJson, membershipJson } from './present.ts';
import { defineQuestion, type Exchange, type Reply } from './question.ts';
import { errors, ok, ref, string, WRITE } from './schema.ts';
import { requireToken } from './token.ts';

/** GET /groups: every group with its kind, names, World Bank code, source and today's member count. */
export const groups = defineQuestion({
  id: 'groups',
  method: 'get',
  path: '/groups',
  params: { format },
  doc: {
    summary: 'All groups',
    tags: ['groups'],
    responses: { '200': ok('Every group with its member count today.', 'GroupList', 'groups.csv'), ...errors('400') },
  },
  async answer(_input, { obs }) {
    const ref = await obs.ref();
    const today = obs.today();
    const list = [...ref.groups.values()].map((g) => {
      const counted = obs.membersOn(ref, g.id, today);
      const listed = obs.listedMembers(ref, g.id, today);
      // The note says why the two counts differ (the EU in the WTO); null when they agree.
      const countNote = listed.length !== counted.length ? (countNotes(ref, obs, g, today)[0]?.en ?? null) : null;
      return { ...groupJson(g), membersToday: counted.length, membersListed: listed.length, countNote };
    });
    return {
      json: () => ({ count: list.length, date: today, groups: list }),
      csv: () => ({
        filename: 'groups.csv',
        header: ['id', 'kind', 'name_en', 'name_fr', 'name_es', 'name_pt', 'wb_code', 'source', 'members_today', 'members_listed', 'count_note'],
        rows: list.map((g) => [g.id, g.kind, g.names.en, g.names.fr, g.names.es, g.names.pt, g.wbCode, g.source, g.membersToday, g.membersListed, g.countNote]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** The notes on a group's count on a date: members listed but not counted, dates unknown, departures scheduled. */
export function countNotes(ref: Reference, obs: Observatory, group: Group, on: IsoDate) {
  return membershipNotes({
    groupId: group.id,
    on,
    listed: obs.listedMembers(ref, group.id, on),
    counted: obs.membersOn(ref, group.id, on),
    memberships: group.kind === 'world' ? [] : (ref.memberships.get(group.id) ?? []),
  });
}

/** A group's definition, its dated memberships and its members on a date, with the notes on its count. */
function groupDetail(ref: Reference, obs: Observatory, group: Group, on: IsoDate) {
  const members = obs.membersOn(ref, group.id, on);
  return {
    ...groupJson(group),
    at: on,
    membersCounted: members.length,
    membersListed: obs.listedMembers(ref, group.id, on).length,
    notes: countNotes(ref, obs, group, on).map((n) => n.en),
    members: members.map((iso3) => ({ iso3, name: entityName(ref, iso3) })),
    memberships: (ref.memberships.get(group.id) ?? []).map((m) => membershipJson(m, entityName(ref, m.iso3), on)),
  };
}

/** GET /groups/{id}?at=YYYY-MM-DD: a group's definition, its dated memberships and its members on a date. */
export const group = defineQuestion({
  id: 'group',
  method: 'get',
  path: '/groups/{id}',
  // The date is checked before the group is looked up.
  params: { at, id: pathGroupParam },
  doc: {
    summary: 'One group',
    description: 'The group’s definition, its dated memberships, and its members on `at`.',
    tags: ['groups'],
    responses: { '200': ok('The group.', 'GroupDetail'), ...errors('400', '404') },
  },
  async answer({ at: on, id: found }, { obs }) {
    const ref = await obs.ref();
    return { json: () => groupDetail(ref, obs, found, on ?? obs.today()), headers: { 'x-data-version': String(ref.version) } };
  },
});

/** The writes need the server's API token, checked before anything else of the request. */
const authorize = (exchange: Exchange, { apiToken }: Services): void => requireToken(exchange.header('authorization'), apiToken);

/** The answer to a write: the group as it now reads, after the service has seen the change. */
async function saved(obs: Observatory, id: string, status: 200 | 201): Promise<Reply> {
  const ref = await obs.ref();
  const group = pathGroup(ref, id);
  return {
    json: () => groupDetail(ref, obs, group, obs.today()),
    status,
    headers: { location: `/api/v1/groups/${encodeURIComponent(id)}`, 'x-data-version': String(ref.version) },
  };
}

const STORED = ok('The group as stored.', 'GroupDetail');

/** POST /groups: creates a user-defined group (bearer token required). */
export const createGroup = defineQuestion({
  id: 'createGroup',
  method: 'post',
  path: '/groups',
  params: {},
  doc: {
    summary: 'Create a user-defined group',
    description: 'Needs the server’s API token. Refuses ids of groups defined by a source (400) and ids already taken by a user group (409).',
    tags: ['groups'],
    security: WRITE,
    requestBody: { required: true, content: { 'application/json': { schema: ref('UserGroupInput'), example: { id: 'MY_GROUP', names: { en: 'My group', fr: 'Mon groupe' }, members: ['NGA', 'KEN'] } } } },
    responses: {
      '201': { ...STORED, headers: { ...STORED.headers, location: { description: 'The group’s URL.', schema: string() } } },
      ...errors('400', '401', '403', '409', '413', '415'),
    },
  },
  authorize,
  async answer(_input, { obs, userGroups }, exchange) {
    const group = await userGroups.create(await readJsonBody(exchange), 'request body');
    return saved(obs, group.id, 201);
  },
});

/** `{id}` in the path of a replacement: a valid group identifier, which need not exist yet. */
const replacedId = { ...pathGroupParam, parse: (raw: string | undefined) => pathGroupId(raw ?? '') };

/** PUT /groups/{id}: creates or replaces a user-defined group's names and members (bearer token required). */
export const replaceGroup = defineQuestion({
  id: 'replaceGroup',
  method: 'put',
  path: '/groups/{id}',
  params: { id: replacedId },
  doc: {
    summary: 'Create or replace a user-defined group',
    description: 'Needs the server’s API token. Groups defined by a source cannot be replaced (400).',
    tags: ['groups'],
    security: WRITE,
    requestBody: { required: true, content: { 'application/json': { schema: ref('UserGroupInput') } } },
    responses: {
      '200': ok('The group, replaced.', 'GroupDetail'),
      '201': ok('The group, created.', 'GroupDetail'),
      ...errors('400', '401', '403', '409', '413', '415'),
    },
  },
  authorize,
  async answer({ id }, { obs, userGroups }, exchange) {
    const { created } = await userGroups.replace(id, await readJsonBody(exchange), 'request body');
    return saved(obs, id, created ? 201 : 200);
  },
});

/** `{id}` in the path of a deletion, as an upper-case identifier; a group that is not there is the service's 404. */
const deletedId = { ...pathGroupParam, parse: (raw: string | undefined) => (raw ?? '').toUpperCase() };

/** DELETE /groups/{id}: deletes a user-defined group (bearer token required). */
export const deleteGroup = defineQuestion({
  id: 'deleteGroup',
  method: 'delete',
  path: '/groups/{id}',
  params: { id: deletedId },
  doc: {
    summary: 'Delete a user-defined group',
    description: 'Needs the server’s API token. Groups defined by a source cannot be deleted (400).',
    tags: ['groups'],
    security: WRITE,
    responses: { '204': { description: 'Deleted.' }, ...errors('400', '401', '403', '404', '409') },
  },
  authorize,
  async answer({ id }, { userGroups }) {
    await userGroups.delete(id);
    return new Response(null, { status: 204 });
  },
});
