import { composeServices } from '../../../src/app/services/compose.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { openStore } from '../../../src/adapters/storage/open.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { QUERY } from '../../../src/app/web/api/contract.ts';
import { API_QUESTIONS, openApiDocument } from '../../../src/app/web/api/openapi.ts';
import type { Method } from '../../../src/app/questions/schema.ts';
import { apiRoutes } from '../../../src/app/web/api/routes.ts';

/** "GET /groups/{id}" for a route registered as GET /groups/:id. */
function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

describe('OpenAPI document', () => {
  let store: Store;
  let api: Hono;

  beforeAll(async () => {
    store = await openStore({ duckdbPath: ':memory:' });
    api = apiRoutes(composeServices(new Observatory(store)));
  });
  afterAll(async () => {
    await store.close();
  });

  const documented = () =>
    Object.entries(openApiDocument.paths).flatMap(([path, item]) => Object.keys(item).map((method) => routeKey(method, path)));

  it('describes every registered route, and no other', () => {
    const registered = api.routes.filter((r) => r.method !== 'ALL').map((r) => routeKey(r.method, r.path));
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual([...documented()].sort());
  });

  it('lists for each operation exactly its path parameters and the query parameters the route accepts', () => {
    // A question's route reads exactly the query parameters it defines; the other routes those of QUERY.
    const accepted: Record<string, readonly string[]> = {
      ...QUERY,
      ...Object.fromEntries(API_QUESTIONS.map((q) => [q.id, Object.values(q.params as Record<string, { name: string; in: string }>).filter((p) => p.in === 'query').map((p) => p.name)])),
    };
    const operations = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
      (Object.entries(item) as [Method, NonNullable<(typeof item)[Method]>][]).map(([, op]) => ({ path, op })),
    );
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(Object.keys(accepted).sort());
    for (const { path, op } of operations) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name), op.operationId).toEqual(inPath);
      expect(op.parameters.filter((p) => p.in === 'query').map((p) => p.name), op.operationId).toEqual([...(accepted[op.operationId] ?? [])]);
      for (const p of op.parameters) expect(p.schema, `${op.operationId} ${p.name}`).toBeTruthy();
      expect(Object.keys(op.responses).some((s) => s.startsWith('2')), op.operationId).toBe(true);
    }
  });

  it('resolves every reference and describes the error body', () => {
    const doc = openApiDocument as unknown as Record<string, any>;
    for (const r of refsIn(openApiDocument)) {
      const target = r.replace(/^#\//, '').split('/').reduce((node: any, key) => node?.[key], doc);
      expect(target, r).toBeTruthy();
    }
    expect(openApiDocument.openapi).toBe('3.1.0');
    expect(openApiDocument.components.schemas.Error).toMatchObject({ properties: { error: { required: ['status', 'message'] } } });
  });

  it('is served as JSON at /openapi.json', async () => {
    const res = await api.request('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });
});
