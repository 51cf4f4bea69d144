import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, propose } from '../../src/app/questions/review.ts';
import { countries } from '../../src/app/questions/countries.ts';
import { createGroup } from '../../src/app/questions/groups.ts';
import { defineQuestion } from '../../src/app/questions/question.ts';
import type { ReadServices, Services } from '../../src/app/services/compose.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/** True when the two types are the same (checked by the compiler: tsc runs over the tests). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// A GET question receives the read-only view of the services; a question that writes receives them all.
const getReads: Equal<Parameters<typeof countries.answer>[1], ReadServices> = true;
const auditReads: Equal<Parameters<typeof audit.answer>[1], ReadServices> = true;
const proposeWrites: Equal<Parameters<typeof propose.answer>[1], Services> = true;
const createGroupWrites: Equal<Parameters<typeof createGroup.answer>[1], Services> = true;

/**
 * Never asked: it only has to compile. Each line reaches for a write from a GET question's answer, which
 * the compiler refuses (and an unused @ts-expect-error fails the type check if a write ever became visible).
 */
export const getCannotWrite = defineQuestion({
  id: 'getCannotWrite',
  method: 'get',
  path: '/get-cannot-write',
  params: {},
  doc: { summary: 'A GET question that tries to write', tags: [], responses: {} },
  async answer(_input, services) {
    const reached: unknown[] = [
      // @ts-expect-error the Observatory's store cannot save a group
      services.obs.store.saveUserGroup,
      // @ts-expect-error the Observatory's store cannot import a vintage
      services.obs.store.importVintage,
      // @ts-expect-error the registry store seen through the Observatory cannot accept a proposal
      services.obs.store.registry.acceptProposal,
      // @ts-expect-error the registry store seen through the Observatory cannot disable an account
      services.obs.store.registry.updateAccount,
      // @ts-expect-error a GET question cannot propose a change
      services.registry.propose,
      // @ts-expect-error a GET question cannot accept a proposal
      services.registry.accept,
      // @ts-expect-error a GET question cannot withdraw a proposal
      services.registry.withdraw,
      // @ts-expect-error a GET question cannot disable an account
      services.auth.disable,
      // @ts-expect-error a GET question cannot create an account
      services.auth.createAccount,
      // @ts-expect-error a GET question cannot sign anyone in
      services.auth.signIn,
      // @ts-expect-error a GET question has no user-defined groups to write
      services.userGroups,
      // @ts-expect-error a GET question cannot store a readiness method
      services.readinessMethods,
    ];
    return { json: () => reached.length };
  },
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const STORE_MODULE = /\/adapters\/storage\/(store|registry-store)\.ts$/;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s+['"]([^'"]+)['"]|(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(\*|\w+)[^'"]*from\s+['"]([^'"]+)['"]/g;
const STORE_WRITE = /\bstore(?:\.registry)?\.(importVintage|saveUserGroup|deleteUserGroup|saveProductList|deleteProductList|refreshDutyBase|createAccount|updateAccount|createSession|deleteSession|deleteAccountSessions|propose|acceptProposal|returnProposal|withdrawProposal)\b/g;

/**
 * What a module of the web application or of the questions does that could write without a service: an
 * import of the store's types other than its read-only views (Read…), a write method called on a store,
 * or a request for the Observatory's writable store, which only the composition root makes.
 */
export function writesAround(file: string, text: string): string[] {
  const where = relative(ROOT, file);
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const names = m[1] ?? m[3] ?? '';
    const spec = m[2] ?? m[4] ?? '';
    if (STORE_MODULE.test(spec)) {
      const named = names.split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? '').filter((n) => n !== '');
      for (const name of m[3] ? [m[3]] : named) if (!name.startsWith('Read')) found.push(`${where} imports ${name} from ${spec}: only the read-only views (Read…)`);
    }
    if (/\bwritableStore\b/.test(names)) found.push(`${where} asks for the Observatory's writable store: only the composition root does`);
  }
  for (const m of text.matchAll(STORE_WRITE)) found.push(`${where} writes through a store (${m[0]}): writes go through a service`);
  return found;
}

describe('reads cannot write', () => {
  it('the web application and the questions import only read-only views of the store, and write through services', () => {
    const files = [...sourceFiles(join(SRC, 'app/web')), ...sourceFiles(join(SRC, 'app/questions'))];
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap((f) => writesAround(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('only the composition root asks an Observatory for its writable store', () => {
    const askers = sourceFiles(SRC).filter((f) => /\bwritableStore\(/.test(readFileSync(f, 'utf8')));
    expect(askers.map((f) => relative(SRC, f)).sort()).toEqual(['app/services/compose.ts', 'app/services/observatory.ts']);
  });

  it('catches writes around the services', () => {
    const page = join(SRC, 'app/web/pages/x.tsx');
    expect(writesAround(page, "import type { RegistryStore } from '../../../adapters/storage/registry-store.ts';")).toHaveLength(1);
    expect(writesAround(page, "import type { ReadStore, Store } from '../../../adapters/storage/store.ts';")).toHaveLength(1);
    expect(writesAround(page, "import type { ReadRegistryStore } from '../../../adapters/storage/registry-store.ts';")).toEqual([]);
    expect(writesAround(page, 'await store.updateAccount(id, { disabled: true }, me.id, why);')).toHaveLength(1);
    expect(writesAround(page, 'await obs.store.registry.acceptProposal(id, me.id, null);')).toHaveLength(1);
    expect(writesAround(page, "import { writableStore } from '../../services/observatory.ts';")).toHaveLength(1);
    expect(writesAround(page, "await registry.propose(session.account, input, 'form');")).toEqual([]);
  });

  it('types the services of each question by its method', () => {
    expect([getReads, auditReads, proposeWrites, createGroupWrites]).toEqual([true, true, true, true]);
    expect(getCannotWrite.method).toBe('get');
  });
});
