import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureReference, importFolder, planFolder, type PlannedFile } from '../../../src/adapters/importers/folder.ts';
import type { ImportResult } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { InputError } from '../../../src/domain/errors.ts';
import { WTO_MEMBERSHIPS } from '../../../src/domain/groups/index.ts';
import { FINDEX_MAPPED } from '../../fixtures/fixtures.ts';
import { freshStoreEach, ENGINES } from '../../support/engines.ts';
import { errorOf, snapshot, tempDir, values, writeFixtureFolder } from './support.ts';

const dir = tempDir();
let folderCount = 0;
const fresh = () => join(dir, `${folderCount++}`);

for (const engine of ENGINES) {
  describe(`importFolder on ${engine.name}`, () => {
    let store!: Store;
    freshStoreEach(engine, (s) => (store = s));

    it('imports every usable file of a folder in order, reporting the plan, the bytes read and each file done', async () => {
      const folder = writeFixtureFolder(fresh());
      const plan = (await planFolder(folder.root)).filter((p) => !p.skip);
      const events: string[] = [];
      const bytes: { file: string; read: number; total: number }[] = [];
      let current = '';
      let planned: PlannedFile[] = [];
      const results = await importFolder(store, folder.root, {
        onPlan: (files) => {
          planned = files;
          events.push(`plan ${files.length}`);
        },
        onFileStart: (file, i) => {
          current = file.label;
          events.push(`start ${i} ${file.label}`);
        },
        onBytes: (read, total) => bytes.push({ file: current, read, total }),
        onFileDone: (result: ImportResult, i) => events.push(`done ${i} ${result.file} ${result.status}`),
      });

      expect(planned).toEqual(plan);
      expect(events).toEqual([
        `plan ${plan.length}`,
        ...plan.flatMap((p, i) => [`start ${i} ${p.label}`, `done ${i} ${p.label} imported`]),
      ]);
      for (const p of plan) {
        const size = statSync(p.path).size;
        const seen = bytes.filter((b) => b.file === p.label);
        expect(seen.length, p.label).toBeGreaterThan(0);
        expect(seen.every((b) => b.total === size), p.label).toBe(true);
        const reads = seen.map((b) => b.read);
        expect(reads.every((r, k) => k === 0 || r >= (reads[k - 1] as number)), p.label).toBe(true);
        expect(reads.at(-1), p.label).toBe(size);
      }

      // Skipped files come first in the results, with their reasons; imported ones follow in plan order.
      const skipped = results.filter((r) => r.status === 'skipped');
      expect(skipped.map((r) => [r.file, r.reason])).toEqual([
        [relative(folder.root, folder.orgsSubset), `a subset of ${relative(folder.root, folder.orgs)}, which is imported instead`],
        [relative(folder.root, folder.findexSubset), `a subset of ${relative(folder.root, folder.findex.path)}, which is imported instead`],
        ['README.md', 'documentation'],
        ['tariffs/links.json', 'documentation'],
        ['tariffs/schedule.csv', 'not a format the Observatory imports'],
        ['wdi/PROVENANCE.md', 'documentation'],
      ]);
      expect(results.filter((r) => r.status === 'imported').map((r) => r.file)).toEqual(plan.map((p) => p.label));

      // Each imported file is a vintage of its own, named after its folder and file.
      const vintages = (await store.vintages()).reverse();
      expect(vintages.map((v) => v.dataset)).toEqual(['observatory/official-groups', ...plan.map((p) => p.label)]);
      expect(values(await store.observations({ indicators: ['IT.NET.USER.ZS'] }))).toEqual(values(folder.wide.expected));
      expect(values(await store.observations({ indicators: ['IT.NET.SECR.P6'] }))).toEqual(values(folder.secureServers.expected));
      expect(values(await store.observations({ indicators: ['SP.POP.TOTL'] }))).toEqual(values(folder.population.expected));
      const findex = ['FINDEX.POP.ADULT', ...FINDEX_MAPPED.map((m) => m.code)];
      expect(values(await store.observations({ indicators: findex }))).toEqual(values(folder.findex.expected));
      expect((await store.groups()).map((g) => g.id)).toEqual(
        ['ACP', 'AFRICA', 'AMERICAS', 'ASIA', 'EAS', 'ECOWAS', 'ECS', 'EUROPE', 'HIC', 'LCN', 'LDC', 'LIC', 'LLDC', 'LMC', 'MEA', 'NAC', 'OCEANIA', 'PIF', 'SAS', 'SIDS', 'SSF', 'UMC', 'WLD', 'WTO'],
      );

      // A second run finds every file unchanged.
      const version = await store.dataVersion();
      const again = await importFolder(store, folder.root);
      expect(again.filter((r) => r.status !== 'skipped').map((r) => r.status)).toEqual(plan.map(() => 'unchanged'));
      expect(await store.dataVersion()).toBe(version);
      expect(await store.vintages()).toHaveLength(vintages.length);
      // Forced, every file becomes a new vintage.
      const forced = await importFolder(store, folder.root, {}, { force: true });
      expect(forced.filter((r) => r.status === 'imported')).toHaveLength(plan.length);
      expect(await store.vintages()).toHaveLength(vintages.length + plan.length);
    });

    it('stops at the first bad file, keeping the files imported before it and naming file, line and field', async () => {
      const folder = writeFixtureFolder(fresh());
      const text = readFileSync(folder.population.path, 'utf8').split('\r\n');
      text[3] = text[3]?.replace(/,[^,]*$/, ',lots') as string;
      writeFileSync(folder.population.path, text.join('\r\n'));
      const plan = (await planFolder(folder.root)).filter((p) => !p.skip);
      const bad = plan.findIndex((p) => p.path === folder.population.path);
      const done: string[] = [];
      const error = await errorOf(() => importFolder(store, folder.root, { onFileDone: (r) => done.push(r.file) }));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe('wdi/sp.pop.totl.csv, line 4, field "Value": not a number: "lots"');
      expect(done).toEqual(plan.slice(0, bad).map((p) => p.label));
      expect((await store.vintages()).map((v) => v.dataset).reverse()).toEqual(['observatory/official-groups', ...done]);
      expect(await store.observations({ indicators: ['SP.POP.TOTL'] })).toEqual([]);
    });

    it('stores the Observatory’s own reference once per content', async () => {
      const first = await ensureReference(store);
      expect(first).toMatchObject({ dataset: 'observatory/official-groups', format: 'built-in', fileName: null, rowCount: WTO_MEMBERSHIPS.length });
      const before = await snapshot(store);
      expect(await ensureReference(store)).toBeNull();
      expect(await snapshot(store)).toEqual(before);
      expect((await store.groups()).map((g) => g.id)).toEqual(['WLD', 'WTO']);
      const eu = await store.memberships({ groupId: 'WTO', iso3: 'EUU' });
      expect(eu.map((m) => [m.status, m.from, m.to])).toEqual([['member', '1995-01-01', null]]);
    });
  });
}
