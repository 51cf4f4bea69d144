import type { Account } from '../../domain/accounts.ts';
import { BodyError } from '../../domain/errors.ts';
import { MAX_BODY_BYTES } from './body.ts';
import { badParameter } from './params.ts';
import { methodJson } from './readiness.ts';
import type { Exchange } from './question.ts';
import { defineQuestion } from './question.ts';
import { CSRF_HEADER, errors, jsonOnly, ok, ref, SESSION, string } from './schema.ts';
import { EXAMPLE_METHOD } from './readiness-example.ts';

/** The method document of a request: JSON, at most MAX_BODY_BYTES. */
async function methodBody(exchange: Exchange): Promise<unknown> {
  if (!/^application\/json\b/i.test(exchange.header('content-type') ?? '')) throw new BodyError('unsupported-type', 'send the method as JSON, with "Content-Type: application/json"');
  const text = await exchange.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new BodyError('too-large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badParameter('body', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** GET /readiness/methods: every method with its versions, who stored each and when. */
export const readinessMethodVersions = defineQuestion({
  id: 'readinessMethodVersions',
  method: 'get',
  path: '/readiness/methods',
  params: {},
  doc: {
    summary: 'The readiness methods, built in and user-defined, with their versions',
    description:
      'Each method’s id, name and latest version; a user-defined method lists every version with its author, date and note (ask for one with /readiness/{method}?version=N).',
    tags: ['readiness'],
    responses: { '200': ok('The methods and their versions.', 'ReadinessMethodVersions'), ...errors('400') },
  },
  async answer(_p, { obs, readiness }) {
    const ref = await obs.ref();
    const methods = await readiness.allMethods();
    const stored = await obs.store.readinessMethods();
    const names = new Map<number, string>();
    for (const id of new Set(stored.flatMap((s) => (s.authorId === null ? [] : [s.authorId])))) {
      names.set(id, (await obs.store.registry.account(id))?.name ?? `account ${id}`);
    }
    return {
      json: () => ({
        methods: methods.map((m) => ({
          id: m.id,
          name: m.name,
          builtIn: m.authorship === undefined,
          version: m.version,
          versions: stored
            .filter((s) => s.id === m.id)
            .map((s) => ({ version: s.version, author: s.authorId === null ? 'command line' : (names.get(s.authorId) ?? ''), createdAt: s.createdAt, note: s.note })),
        })),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});

/** POST /readiness/methods: a new user-defined method, or the next version of one (signed-in accounts). */
export const createReadinessMethod = defineQuestion({
  id: 'createReadinessMethod',
  method: 'post',
  path: '/readiness/methods',
  params: {},
  doc: {
    summary: 'Define a readiness method, or store the next version of one',
    description:
      'Needs a session and its CSRF token in X-CSRF-Token; any signed-in account may define methods. The body is the method as JSON; ' +
      'each field is checked and each indicator must be stored (400 naming the field, nothing stored). `baseVersion` names the version ' +
      'this one replaces (0 for a new method): when another version was stored meanwhile the answer is a 409 whose body carries `current` ' +
      'and `currentVersion`. Built-in ids are reserved. Every write is in the audit log.',
    tags: ['readiness'],
    extraParameters: [CSRF_HEADER],
    security: SESSION,
    requestBody: { required: true, content: { 'application/json': { schema: ref('ReadinessMethodInput'), example: EXAMPLE_METHOD } } },
    responses: {
      '201': {
        ...jsonOnly('The method as stored, with its version.', 'ReadinessMethodSaved'),
        headers: { location: { description: 'The method’s index at this version.', schema: string() } },
      },
      ...errors('400', '401', '403', '409', '413', '415'),
    },
  },
  async answer(_input, { readinessMethods }, exchange: Exchange) {
    const account = (exchange.session as { account: Account }).account;
    const method = await readinessMethods.add(await methodBody(exchange), 'request body', account);
    const version = method.authorship?.version ?? 1;
    return { json: () => ({ method: methodJson(method) }), status: 201, headers: { location: `/api/v1/readiness/${method.id}?version=${version}` } };
  },
});
