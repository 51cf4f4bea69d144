/**
 * `observatory readiness method add | list` and `readiness show --version`: a user-defined method stored from a
 * JSON file as the command line (audited), its next version, the first still shown on request; a bad file is
 * refused naming the file and the field, with a non-zero exit, and the store is left as it was.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/storage/open.ts';
import { main } from '../../../src/app/cli/main.ts';
import { parseCsv } from '../../support/csv.ts';
import { seed } from '../../web/api/fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'observatory-cli-readiness-methods-'));
const dataDir = join(dir, 'data');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...args, '--data-dir', dataDir], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

const doc = (serversWeight: unknown, baseVersion = 0) => ({
  id: 'connect',
  name: 'Connectivity',
  missing: 'reweight',
  baseVersion,
  components: [
    { id: 'internet', indicator: 'IT.NET.USER.ZS', year: { kind: 'latest', window: 1, lag: 0 }, normalisation: { kind: 'goalposts', low: 0, high: 100 }, weight: 1 },
    { id: 'servers', indicator: 'IT.NET.SECR.P6', year: { kind: 'fixed', year: 2020 }, normalisation: { kind: 'goalposts', low: 0, high: 100 }, weight: serversWeight },
  ],
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

async function stored() {
  const store = await openStore({ dataDir });
  try {
    return { versions: await store.readinessMethods(), audit: await store.registry.auditLog({ entity: 'readiness-method' }), dataVersion: await store.dataVersion() };
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  const store = await openStore({ dataDir });
  try {
    await seed(store);
  } finally {
    await store.close();
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('observatory readiness method', () => {
  it('stores a method from a file as the command line, audited with the reason given', async () => {
    const r = await run(['readiness', 'method', 'add', file('connect.json', doc(1)), '--why', 'first version']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('stored connect version 1 (2 components, missing rule reweight)\n');
    const s = await stored();
    expect(s.versions.map((v) => [v.id, v.version, v.authorId, v.note])).toEqual([['connect', 1, null, 'first version']]);
    expect(s.audit.map((e) => [e.action, e.actor, e.why])).toEqual([['readiness-method.create', null, 'first version']]);
  });

  it('refuses a bad file naming the file and the field, leaving the store unchanged', async () => {
    const before = await stored();
    const bad = await run(['readiness', 'method', 'add', file('heavier.json', doc('abc', 1))]);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('observatory readiness: heavier.json, field "components[1].weight": "abc" is not a number\n');
    const unknown = doc(1, 1);
    unknown.components[0]!.indicator = 'NO.SUCH';
    const u = await run(['readiness', 'method', 'add', file('unknown.json', unknown)]);
    expect(u.code).toBe(1);
    expect(u.err).toContain('unknown.json, field "components[0].indicator": unknown indicator "NO.SUCH"');
    const notJson = await run(['readiness', 'method', 'add', file('broken.json', '{"id": "x",')]);
    expect(notJson.code).toBe(1);
    expect(notJson.err).toContain('broken.json: not valid JSON');
    const stale = await run(['readiness', 'method', 'add', file('stale.json', doc(2, 0))]);
    expect(stale.code).toBe(1);
    expect(stale.err).toContain('version 0, now 1');
    expect(await stored()).toEqual(before);
    expect((await run(['readiness', 'method', 'add'])).code).toBe(2);
    expect((await run(['readiness', 'list', '--why', 'x'])).code).toBe(2);
  });

  it('stores the next version, lists both and shows either', async () => {
    const r = await run(['readiness', 'method', 'add', file('heavier.json', doc(3, 1)), '--why', 'servers count three times']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('stored connect version 2');

    const list = await run(['readiness', 'method', 'list', '--format', 'csv']);
    expect(list.code, list.err).toBe(0);
    const rows = parseCsv(list.out).map((row) => [row[0], row[2], row[3], row[5]]);
    expect(rows).toEqual([
      ['method', 'version', 'author', 'note'],
      ['unctad-b2c', '2020.1', 'built-in', ''],
      ['connect', '1', 'command line', 'first version'],
      ['connect', '2', 'command line', 'servers count three times'],
    ]);
    const latest = await run(['readiness', 'list']);
    expect(latest.out).toMatch(/connect\s+Connectivity\s+2\s+command line\s+internet=IT.NET.USER.ZS×1 servers=IT.NET.SECR.P6×3/);

    const score = async (version: string[]) => {
      const out = await run(['readiness', 'show', 'connect', '--year', '2020', ...version, '--format', 'csv']);
      expect(out.code, out.err).toBe(0);
      const [header, ...lines] = parseCsv(out.out);
      const nga = lines.find((l) => l[0] === 'NGA')!;
      return [Number(nga[header!.indexOf('score')]), nga[header!.indexOf('version')]];
    };
    // (35 + 3 × 12.5) / 4 = 18.125, (35 + 12.5) / 2 = 23.75, to two decimals.
    expect(await score([])).toEqual([18.13, '2']);
    expect(await score(['--version', '1'])).toEqual([23.75, '1']);
    const missing = await run(['readiness', 'show', 'connect', '--version', '5']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('readiness method connect has no version 5; its versions are 1, 2');
    const table = await run(['readiness', 'show', 'connect', '--year', '2020', '--version', '1']);
    expect(table.err).toMatch(/^connect version 1 of 1, 2, by command line, \d{4}-\d\d-\d\d\n$/);
  });
});
