import { describe, expect, it } from 'vitest';
import type { ReadRegistryStore, RegistryStore } from '../../src/adapters/storage/registry-store.ts';
import type { SqlStore } from '../../src/adapters/storage/sql-store.ts';
import type { ReadStore, Store } from '../../src/adapters/storage/store.ts';
import { ENGINES } from '../support/engines.ts';

/** True when the two types are the same (checked by the compiler: tsc runs over the tests). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// The store and the registry are read-only views of themselves, and the SQL store is a Store.
const storeReads: ReadStore = null as unknown as Store;
const registryReads: ReadRegistryStore = null as unknown as RegistryStore;
const sqlStore: Store = null as unknown as SqlStore;

// What a Store has beyond its read-only view: exactly its writes (and closing it).
const storeWrites: Equal<
  Exclude<keyof Store, keyof ReadStore>,
  'close' | 'importVintage' | 'saveUserGroup' | 'deleteUserGroup' | 'saveProductList' | 'deleteProductList' | 'refreshDutyBase' | 'saveReadinessMethod'
> = true;
const registryWrites: Equal<
  Exclude<keyof RegistryStore, keyof ReadRegistryStore>,
  | 'createAccount'
  | 'updateAccount'
  | 'createSession'
  | 'deleteSession'
  | 'deleteAccountSessions'
  | 'propose'
  | 'acceptProposal'
  | 'returnProposal'
  | 'withdrawProposal'
> = true;

/**
 * Never called: it only has to compile. Each line reads a write method off a read-only view, which the
 * compiler refuses (and an unused @ts-expect-error fails the type check if a write ever became visible).
 */
export function readOnlyViewHasNoWrites(store: ReadStore): unknown[] {
  return [
    // @ts-expect-error a read-only view cannot import
    store.importVintage,
    // @ts-expect-error a read-only view cannot save a group
    store.saveUserGroup,
    // @ts-expect-error a read-only view cannot delete a product list
    store.deleteProductList,
    // @ts-expect-error a read-only view cannot rebuild the duty base
    store.refreshDutyBase,
    // @ts-expect-error a read-only view cannot store a readiness method
    store.saveReadinessMethod,
    // @ts-expect-error a read-only view cannot close the store it was handed
    store.close,
    // @ts-expect-error the registry of a read-only view cannot accept a proposal
    store.registry.acceptProposal,
    // @ts-expect-error the registry of a read-only view cannot create an account
    store.registry.createAccount,
    // @ts-expect-error the registry of a read-only view cannot end sessions
    store.registry.deleteSession,
  ];
}

describe('the read-only view of the store', () => {
  it('is the Store itself, narrowed by type', () => {
    expect([storeReads, registryReads, sqlStore, storeWrites, registryWrites]).toEqual([null, null, null, true, true]);
  });

  for (const engine of ENGINES) {
    it(`reads through the view on ${engine.name}`, async () => {
      const { store, dispose } = await engine.open();
      try {
        const view: ReadStore = store;
        expect(await view.vintages()).toEqual([]);
        expect(await view.registry.proposals()).toEqual([]);
        expect(await view.dataVersion()).toBeGreaterThanOrEqual(0);
      } finally {
        await dispose();
      }
    });
  }
});
