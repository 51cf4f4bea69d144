/**
 * User-defined readiness methods in the store, on both engines: every version kept with its author, date and
 * note; a new version must name the latest as its base (a stale base is a 409 with the current definition, and
 * nothing is written); every write is in the audit log and moves the data version on.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/adapters/storage/store.ts';
import { ConflictError } from '../../src/domain/errors.ts';
import { parseMethod } from '../../src/domain/readiness/user-methods.ts';
import { StaleVersionError } from '../../src/domain/review.ts';
import { ENGINES, freshStoreEach } from '../support/engines.ts';

const method = (weight: number) =>
  parseMethod({ id: 'connect', name: 'Connectivity', components: [{ id: 'internet', indicator: 'IT.NET.USER.ZS', weight }, { id: 'servers', indicator: 'IT.NET.SECR.P6', weight: 1 }] }, 'test');

for (const engine of ENGINES) {
  describe(`readiness methods on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    it('keeps every version with its author and note, and audits each write', async () => {
      const before = await store.dataVersion();
      const v1 = await store.saveReadinessMethod({ method: method(1), baseVersion: 0, author: null, note: 'first' });
      expect(v1).toMatchObject({ id: 'connect', version: 1, authorId: null, note: 'first' });
      const v2 = await store.saveReadinessMethod({ method: method(3), baseVersion: 1, author: 7, note: null });
      expect(v2.version).toBe(2);
      expect(await store.dataVersion()).toBe(before + 2);

      const all = await store.readinessMethods();
      expect(all.map((v) => [v.id, v.version, v.authorId, v.note, v.method.components[0]?.weight, v.method.version])).toEqual([
        ['connect', 1, null, 'first', 1, '1'],
        ['connect', 2, 7, null, 3, '2'],
      ]);
      expect(all[1]!.method).toMatchObject({ name: 'Connectivity', missing: 'drop', components: [{ indicator: 'IT.NET.USER.ZS', year: { kind: 'latest', window: 3, lag: 1 } }, { id: 'servers' }] });
      expect(await store.readinessMethods('nope')).toEqual([]);

      const log = await store.registry.auditLog({ entity: 'readiness-method' });
      expect(log.map((e) => [e.action, e.entityId, e.actor, e.why])).toEqual([
        ['readiness-method.version', 'connect@2', 7, null],
        ['readiness-method.create', 'connect@1', null, 'first'],
      ]);
      expect((log[0]!.before as any).components[0].weight).toBe(1);
      expect((log[0]!.after as any).components[0].weight).toBe(3);
    });

    it('refuses a stale base with the current definition, writing nothing', async () => {
      await store.saveReadinessMethod({ method: method(1), baseVersion: 0, author: null, note: null });
      await store.saveReadinessMethod({ method: method(2), baseVersion: 1, author: null, note: null });
      const before = await store.dataVersion();
      const stale = store.saveReadinessMethod({ method: method(5), baseVersion: 1, author: 3, note: null });
      await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      const error = (await stale.catch((e: unknown) => e)) as StaleVersionError;
      expect(error.currentVersion).toBe(2);
      expect((error.current as any).components[0].weight).toBe(2);
      // A new method over an existing id is a stale base of 0.
      await expect(store.saveReadinessMethod({ method: method(5), baseVersion: 0, author: 3, note: null })).rejects.toThrow('version 0, now 2');
      expect((await store.readinessMethods()).length).toBe(2);
      expect(await store.dataVersion()).toBe(before);
      expect((await store.registry.auditLog({ entity: 'readiness-method' })).length).toBe(2);
    });

    it('lets one of two writes on the same base win, the other a conflict', async () => {
      await store.saveReadinessMethod({ method: method(1), baseVersion: 0, author: null, note: null });
      const results = await Promise.allSettled([2, 3, 4].map((w) => store.saveReadinessMethod({ method: method(w), baseVersion: 1, author: w, note: null })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
      expect((await store.readinessMethods()).map((v) => v.version)).toEqual([1, 2]);
      expect((await store.registry.auditLog({ entity: 'readiness-method' })).length).toBe(2);
    });
  });
}
