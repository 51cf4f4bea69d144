import { composeServices } from '../../../src/app/services/compose.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { openStore } from '../../../src/adapters/storage/open.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { API_QUESTIONS, openApiDocument } from '../../../src/app/web/api/openapi.ts';
import type { Params } from '../../../src/app/questions/question.ts';
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

  it('lists for each operation exactly the path and query parameters its question reads', () => {
    const questions = new Map(API_QUESTIONS.map((q) => [q.id, q]));
    const operations = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
      (Object.entries(item) as [Method, NonNullable<(typeof item)[Method]>][]).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.map((o) => o.op.operationId).sort()).toEqual([...questions.keys()].sort());
    for (const { path, method, op } of operations) {
      const question = questions.get(op.operationId)!;
      expect([question.method, question.path], op.operationId).toEqual([method, path]);
      const params = Object.values(question.params as Params);
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name), op.operationId).toEqual(inPath);
      expect(params.filter((p) => p.in === 'path').map((p) => p.name).sort(), op.operationId).toEqual([...inPath].sort());
      expect(op.parameters.filter((p) => p.in === 'query').map((p) => p.name), op.operationId).toEqual(params.filter((p) => p.in === 'query').map((p) => p.name));
      for (const p of op.parameters) expect(p.schema, `${op.operationId} ${p.name}`).toBeTruthy();
      for (const p of params) expect(p.description.length, `${op.operationId} ${p.name} is described`).toBeGreaterThan(10);
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
