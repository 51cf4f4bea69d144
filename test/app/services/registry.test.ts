import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/storage/open.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import type { Account } from '../../../src/domain/accounts.ts';
import type { Country } from '../../../src/domain/country.ts';
import { ForbiddenError, InputError } from '../../../src/domain/errors.ts';
import { AuthService, csrfMatches, hashPassword, RateLimitedError, verifyPassword } from '../../../src/app/services/auth.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { RegistryService } from '../../../src/app/services/registry.ts';

const country = (iso3: string, en: string): Country => ({ iso3, iso2: null, m49: null, names: { en }, region: null, subregion: null, intermediateRegion: null });

let store: Store;
let auth: AuthService;
let service: RegistryService;
let editor: Account;
let curator: Account;
let clock = new Date('2026-11-27T10:00:00Z');

beforeAll(async () => {
  store = await openStore({ duckdbPath: ':memory:' });
  await store.importVintage(
    { dataset: 'countries', source: 'test', format: 'test', fileName: null, sha256: 'c', licence: null, sourceUrl: null, publishedAt: null, note: null },
    async (w) => {
      await w.upsertCountries([country('NPL', 'Nepal'), country('FJI', 'Fiji'), country('HTI', 'Haiti')]);
      await w.replaceGroups(
        [{ id: 'LDC', kind: 'un', names: { en: 'LDCs' }, wbCode: null, source: 'test' }],
        ['NPL', 'HTI'].map((iso3) => ({ groupId: 'LDC', iso3, status: 'member' as const, from: null, to: null, source: 'test' })),
      );
    },
  );
  auth = new AuthService(store.registry, { maxFailures: 3, windowMinutes: 15, now: () => clock });
  service = new RegistryService(new Observatory(store, { today: () => '2026-11-27', versionCheckMs: 0 }), store.registry);
  editor = await auth.createAccount({ email: 'editor@np.example', name: 'Editor', role: 'editor', countries: ['NPL'], password: 'correct horse battery' }, null, 'setup');
  curator = await auth.createAccount({ email: 'curator@sec.example', name: 'Curator', role: 'curator', countries: [], password: 'another long passphrase' }, null, 'setup');
});

afterAll(() => store.close());

describe('passwords and sessions', () => {
  it('hashes with scrypt and a salt, and verifies', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });

  it('refuses short passwords and editors without a country, naming the field', async () => {
    await expect(auth.createAccount({ email: 'x@y.example', name: 'X', role: 'editor', countries: ['NPL'], password: 'short' }, null, 't')).rejects.toThrow('field "password"');
    await expect(auth.createAccount({ email: 'x@y.example', name: 'X', role: 'editor', countries: [], password: 'long enough pass' }, null, 't')).rejects.toThrow('field "countries"');
  });

  it('signs in, finds the session by its token, signs out', async () => {
    const s = await auth.signIn('Editor@np.example', 'correct horse battery', '127.0.0.1');
    expect(s?.account.id).toBe(editor.id);
    const found = await auth.session(s?.token);
    expect(found?.account.email).toBe('editor@np.example');
    expect(csrfMatches(found?.csrf ?? '', s?.csrf)).toBe(true);
    expect(csrfMatches(found?.csrf ?? '', 'forged')).toBe(false);
    await auth.signOut(s?.token);
    expect(await auth.session(s?.token)).toBeNull();
  });

  it('expires sessions', async () => {
    const s = await auth.signIn('editor@np.example', 'correct horse battery', '127.0.0.2');
    clock = new Date(clock.getTime() + 9 * 3_600_000);
    expect(await auth.session(s?.token)).toBeNull();
  });

  it('limits failed sign-ins per address, whatever the password, and tells when to retry', async () => {
    for (let i = 0; i < 3; i++) expect(await auth.signIn('curator@sec.example', `wrong ${i}`, `10.0.0.${i}`)).toBeNull();
    const error = await auth.signIn('curator@sec.example', 'another long passphrase', '10.0.0.9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await auth.signIn('curator@sec.example', 'another long passphrase', '10.0.0.9'))?.account.id).toBe(curator.id);
  });

  it('lets only an administrator disable an account, never their own, ending its sessions and logging why', async () => {
    const admin = await auth.createAccount({ email: 'admin@sec.example', name: 'Admin', role: 'admin', countries: [], password: 'an admin passphrase' }, null, 'setup');
    const other = await auth.createAccount({ email: 'other@np.example', name: 'Other', role: 'editor', countries: ['NPL'], password: 'other long passphrase' }, null, 'setup');
    const s = await auth.signIn('other@np.example', 'other long passphrase', '10.0.1.1');
    expect(await auth.session(s?.token)).not.toBeNull();
    await expect(auth.disable(curator, other.id, 'not an admin')).rejects.toThrow(ForbiddenError);
    await expect(auth.disable(admin, admin.id, 'oneself')).rejects.toThrow('does not disable their own account');
    const disabled = await auth.disable(admin, other.id, 'left the ministry');
    expect(disabled.disabled).toBe(true);
    expect((await auth.list()).find((a) => a.id === other.id)?.disabled).toBe(true);
    expect(await auth.session(s?.token)).toBeNull();
    expect(await auth.signIn('other@np.example', 'other long passphrase', '10.0.1.2')).toBeNull();
    const [logged] = await store.registry.auditLog({ entity: 'account', limit: 1 });
    expect(logged).toMatchObject({ actor: admin.id, entityId: String(other.id), why: 'left the ministry' });
  });
});

describe('the review workflow', () => {
  const change = (iso3: string) => ({
    kind: 'cyberlaw' as const,
    iso3,
    key: 'data-protection',
    baseVersion: 0,
    why: 'the act was adopted',
    payload: { status: 'legislation', asOf: '2026-05-01', source: 'Nepal Gazette', laws: [{ title: 'Individual Privacy Act', year: '2018', url: 'https://example.org/act' }] },
  });

  it('lets an editor propose for its own country only', async () => {
    await expect(service.propose(editor, change('FJI'), 'form')).rejects.toBeInstanceOf(ForbiddenError);
    const p = await service.propose(editor, change('NPL'), 'form');
    expect(p.status).toBe('pending');
  });

  it('keeps a proposal invisible to readers until a curator accepts it', async () => {
    const before = await service.coverage('LDC');
    expect(before.areas.find((a) => a.area === 'data-protection')?.counts).toEqual({ legislation: 0, draft: 0, none: 0, 'no-data': 2 });
    const [pending] = await service.proposalsFor(curator, 'pending');
    await expect(service.accept(editor, pending?.id ?? 0, null)).rejects.toBeInstanceOf(ForbiddenError);
    await service.accept(curator, pending?.id ?? 0, null);
    const after = await service.coverage('LDC');
    expect(after.areas.find((a) => a.area === 'data-protection')).toMatchObject({
      counts: { legislation: 1, draft: 0, none: 0, 'no-data': 1 },
      shareWithLegislation: 0.5,
      members: { legislation: ['NPL'], 'no-data': ['HTI'] },
    });
    expect((await service.country('NPL')).areas.find((a) => a.area === 'data-protection')?.current?.laws).toEqual([
      { title: 'Individual Privacy Act', year: 2018, url: 'https://example.org/act' },
    ]);
  });

  it('checks every field of a proposal and names the one that is wrong', async () => {
    const bad = (payload: Record<string, unknown>) => service.propose(editor, { ...change('NPL'), payload: { ...change('NPL').payload, ...payload } }, 'form');
    await expect(bad({ status: 'passed' })).rejects.toThrow('field "status"');
    await expect(bad({ asOf: '2026-13-01' })).rejects.toThrow('field "asOf"');
    await expect(bad({ laws: [] })).rejects.toThrow('field "laws"');
    await expect(bad({ laws: [{ title: 'Act', url: 'javascript:alert(1)' }] })).rejects.toThrow('field "laws[0].url"');
    await expect(service.propose(editor, { ...change('NPL'), why: ' ' }, 'form')).rejects.toBeInstanceOf(InputError);
  });

  it('checks questionnaire answers by their type and compiles accepted ones per group', async () => {
    const answers = { kind: 'practice' as const, iso3: 'NPL', key: 'digital-vat', baseVersion: 0, why: 'Finance Act 2079' };
    await expect(service.propose(editor, { ...answers, payload: { rate: 'thirteen', start: '2022-07-17' } }, 'form')).rejects.toThrow('field "rate"');
    const p = await service.propose(editor, { ...answers, payload: { rate: '13', start: '2022-07-17', 'collection-model': 'vendor-registration' } }, 'form');
    expect((await service.comparison('digital-vat', 'LDC')).find((r) => r.iso3 === 'NPL')?.answers).toBeNull();
    await service.accept(curator, p.id, 'checked');
    expect(await service.comparison('digital-vat', 'LDC')).toMatchObject([
      { iso3: 'HTI', answers: null },
      { iso3: 'NPL', answers: { rate: 13, start: '2022-07-17', 'collection-model': 'vendor-registration' } },
    ]);
  });
});
