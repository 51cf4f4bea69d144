import { describe, expect, it } from 'vitest';
import type { NewProposal } from '../../src/adapters/storage/registry-store.ts';
import type { Store } from '../../src/adapters/storage/store.ts';
import { ConflictError } from '../../src/domain/errors.ts';
import { StaleVersionError } from '../../src/domain/review.ts';
import { ENGINES, freshStoreEach } from '../support/engines.ts';

const entry = (status: 'legislation' | 'draft' | 'none', title: string) => ({
  status,
  asOf: '2026-05-01',
  source: 'submission',
  laws: [{ title, year: 2025, url: 'https://example.org/law' }],
});

const proposal = (by: number, baseVersion: number, title: string): NewProposal => ({
  kind: 'cyberlaw',
  iso3: 'NPL',
  key: 'data-protection',
  payload: { kind: 'cyberlaw', entry: entry('legislation', title) },
  baseVersion,
  why: `adopted: ${title}`,
  proposedBy: by,
});

for (const engine of ENGINES) {
  describe(`the registry on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    const accounts = async () => {
      const r = store.registry;
      const editor = await r.createAccount({ email: 'Editor@np.example', name: 'Editor', role: 'editor', countries: ['NPL'], passwordHash: 'h1' }, null, 'setup');
      const curator = await r.createAccount({ email: 'curator@secretariat.example', name: 'Curator', role: 'curator', countries: [], passwordHash: 'h2' }, null, 'setup');
      return { editor, curator };
    };

    it('keeps one account per e-mail address, case aside', async () => {
      await accounts();
      await expect(
        store.registry.createAccount({ email: 'editor@NP.example', name: 'Other', role: 'editor', countries: [], passwordHash: 'x' }, null, 'again'),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await store.registry.accountByEmail('EDITOR@np.example'))?.passwordHash).toBe('h1');
    });

    it('finds live sessions only, and a new password ends them', async () => {
      const { editor } = await accounts();
      await store.registry.createSession('hash-a', editor.id, 'csrf-a', '2030-01-01T00:00:00.000Z');
      await store.registry.createSession('hash-b', editor.id, 'csrf-b', '2020-01-01T00:00:00.000Z');
      const now = '2026-11-27T00:00:00.000Z';
      expect((await store.registry.session('hash-a', now))?.account.email).toBe('editor@np.example');
      expect(await store.registry.session('hash-b', now)).toBeNull();
      await store.registry.updateAccount(editor.id, { passwordHash: 'h1b' }, editor.id, 'password changed');
      expect(await store.registry.session('hash-a', now)).toBeNull();
    });

    it('publishes a proposal only when accepted, as the next version, with every step in the audit log', async () => {
      const { editor, curator } = await accounts();
      const p = await store.registry.propose(proposal(editor.id, 0, 'Privacy Act 2075'));
      expect(await store.registry.cyberlawEntries({ iso3: 'NPL' })).toEqual([]);
      const accepted = await store.registry.acceptProposal(p.id, curator.id, 'checked against the gazette');
      expect(accepted.status).toBe('accepted');
      expect(await store.registry.cyberlawEntries({ iso3: 'NPL' })).toEqual([
        { iso3: 'NPL', area: 'data-protection', version: 1, vintageId: null, ...entry('legislation', 'Privacy Act 2075') },
      ]);
      await expect(store.registry.acceptProposal(p.id, curator.id, null)).rejects.toBeInstanceOf(ConflictError);
      const log = await store.registry.auditLog();
      expect(log.map((e) => e.action)).toEqual(['accept', 'propose', 'create', 'create']);
      expect(log[0]).toMatchObject({ actor: curator.id, entity: 'cyberlaw', entityId: 'NPL/data-protection', before: null, why: 'adopted: Privacy Act 2075' });
      expect(JSON.stringify(log)).not.toContain('h1');
    });

    it('refuses a proposal made from a stale version with the current record (409), never overwriting', async () => {
      const { editor, curator } = await accounts();
      const first = await store.registry.propose(proposal(editor.id, 0, 'first'));
      const second = await store.registry.propose(proposal(editor.id, 0, 'second'));
      await store.registry.acceptProposal(first.id, curator.id, null);
      const error = await store.registry.acceptProposal(second.id, curator.id, null).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StaleVersionError);
      expect((error as StaleVersionError).currentVersion).toBe(1);
      expect((error as StaleVersionError).current).toMatchObject({ laws: [{ title: 'first' }] });
      expect((await store.registry.proposal(second.id))?.status).toBe('pending');
    });

    it('loses nothing when 20 editors propose at once and a curator accepts them concurrently', async () => {
      const { curator } = await accounts();
      const editors = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.registry.createAccount({ email: `e${i}@np.example`, name: `E${i}`, role: 'editor', countries: ['NPL'], passwordHash: 'h' }, null, 'setup'),
        ),
      );
      const proposals = await Promise.all(editors.map((e, i) => store.registry.propose(proposal(e.id, 0, `law ${i}`))));
      expect(new Set(proposals.map((p) => p.id)).size).toBe(20);
      const outcomes = await Promise.allSettled(proposals.map((p) => store.registry.acceptProposal(p.id, curator.id, null)));
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ConflictError);
      expect(await store.registry.cyberlawEntries({ iso3: 'NPL' })).toHaveLength(1);
      const stored = await store.registry.proposals({ iso3: 'NPL' });
      expect(stored).toHaveLength(20);
      expect(stored.filter((p) => p.status === 'pending')).toHaveLength(19);
      expect((await store.registry.auditLog({ limit: 100 })).filter((e) => e.action === 'propose')).toHaveLength(20);
    });

    it('keeps questionnaire answers per version and returns proposals with a comment', async () => {
      const { editor, curator } = await accounts();
      const p = await store.registry.propose({
        kind: 'practice',
        iso3: 'NPL',
        key: 'digital-vat',
        payload: { kind: 'practice', questionnaireVersion: 1, answers: { rate: 13, start: '2022-07-17' } },
        baseVersion: 0,
        why: 'Finance Act',
        proposedBy: editor.id,
      });
      const returned = await store.registry.returnProposal(p.id, curator.id, 'give the legal basis');
      expect(returned).toMatchObject({ status: 'returned', comment: 'give the legal basis' });
      expect(await store.registry.practiceAnswers()).toEqual([]);
      const again = await store.registry.propose({ ...p, payload: { kind: 'practice', questionnaireVersion: 1, answers: { rate: 13, start: '2022-07-17', 'legal-basis': 'https://example.org/fa' } }, proposedBy: editor.id });
      await store.registry.acceptProposal(again.id, curator.id, null);
      expect(await store.registry.practiceAnswers({ questionnaire: 'digital-vat' })).toMatchObject([{ iso3: 'NPL', version: 1, answers: { rate: 13 } }]);
    });
  });
}
