/**
 * The readiness section's form on country and group pages, on both engines: its fields are the questions'
 * parameters (readiness_method, readiness_year, readiness_missing), submitting it switches the year and the
 * rule (and the figures with them), the choice in force is said, the page's other parameters ride along, the
 * links follow the choice, and a bad value is refused with a 400 naming the field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { Observatory } from '../../../src/app/services/observatory.ts';
import { createApp } from '../../../src/app/web/server.ts';
import { ENGINES } from '../../support/engines.ts';
import { KEN_2021, seedReadiness, servers } from '../../support/readiness-fixture.ts';
import { POP, TODAY } from '../api/fixture.ts';
import { parseHtml, select, selectOne, text, type Element } from './html.ts';

/** A number as the page writes it: one decimal, a trailing zero dropped. */
const one = (n: number) => String(Math.round(n * 10) / 10);

/** The query a browser sends for a GET form: every named field, with the values given. */
function submit(form: Element, change: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const input of select(form, 'input')) q.set(input.attrs.name!, change[input.attrs.name!] ?? input.attrs.value ?? '');
  for (const sel of select(form, 'select')) {
    const chosen = select(sel, 'option').find((o) => 'selected' in o.attrs) ?? select(sel, 'option')[0];
    q.set(sel.attrs.name!, change[sel.attrs.name!] ?? chosen?.attrs.value ?? '');
  }
  return `${form.attrs.action!.replace(/#.*$/, '')}?${q}`;
}

for (const engine of ENGINES) {
  describe(`the readiness form of country and group pages on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let folder: string;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      folder = mkdtempSync(join(tmpdir(), 'observatory-readiness-choice-'));
      await seedReadiness(store, folder);
      app = createApp({ obs: new Observatory(store, { today: () => TODAY, versionCheckMs: 0 }) });
    });
    afterAll(async () => {
      await dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    const section = async (path: string) => {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      return selectOne(parseHtml(await res.text()), 'section[id=readiness]');
    };

    it('offers the method, the year and the rule, the year and rule in force filled in', async () => {
      const s = await section('/en/countries/KEN');
      const form = selectOne(s, 'form');
      expect(form.attrs.action).toBe('/en/countries/KEN#readiness');
      expect(select(form, 'select').map((x) => x.attrs.name)).toEqual(['readiness_method', 'readiness_missing']);
      expect(selectOne(form, 'input[name=readiness_year]').attrs.value).toBe('2023');
      expect(text(s)).toContain('Shown: UNCTAD B2C E-commerce Index (version 2020.1), index year 2023 (the latest year the stored data score); an economy lacking a component is dropped (the method’s own rule).');
    });

    it('switches a country’s year: the edition of that year beside, the links following', async () => {
      const form = selectOne(await section('/en/countries/KEN'), 'form');
      const s = await section(submit(form, { readiness_year: '2021' }));
      const body = text(s);
      expect(body).toContain(`UNCTAD B2C E-commerce Index 2021: score ${one(KEN_2021)} of 100, rank 3 of 4.`);
      expect(body).toContain(`Published edition 2021: score 41.8, rank 3 of 4. Computed here: ${one(KEN_2021)}, rank 3 of 4; difference ${one(KEN_2021 - 41.8)} points.`);
      expect(body).not.toContain('computed here for');
      expect(body).toContain('index year 2021 (as chosen)');
      const links = select(s, 'a').map((a) => a.attrs.href);
      expect(links).toContain('/en/readiness/unctad-b2c?year=2021&missing=drop');
      expect(links).toContain('/api/v1/readiness/unctad-b2c/countries/KEN?year=2021&missing=drop&format=csv');
    });

    it('switches a country’s rule: re-weighted, ranked with the economy it ties with, charted', async () => {
      const form = selectOne(await section('/en/countries/TUV'), 'form');
      expect(text(await section('/en/countries/TUV'))).toContain('no score (4 economies scored)');
      const s = await section(submit(form, { readiness_missing: 'reweight' }));
      const body = text(s);
      expect(body).toContain('UNCTAD B2C E-commerce Index 2023: score 50 of 100, rank 3 of 9.');
      expect(body).toContain('Tied with Côte d’Ivoire, "Ivory Coast": economies with the same score share a rank, and the next rank is skipped.');
      expect(body).toContain('is re-weighted over the components it has (as chosen)');
      expect(selectOne(selectOne(s, 'select[name=readiness_missing]'), 'option[selected]').attrs.value).toBe('reweight');
      // The chart: Tuvalu's bars beside the mean and highest of the nine economies scored, each with a title.
      const chart = selectOne(s, 'figure.readiness-components');
      const titles = select(chart, 'title').map(text);
      expect(titles[0]).toBe('Tuvalu: normalised components of the UNCTAD B2C E-commerce Index 2023, beside the economies scored');
      expect(titles).toContain('Account ownership: Tuvalu missing: no value in the years read; mean of the economies scored 78; highest 94');
      expect(titles.find((x) => x.startsWith('Internet use: Tuvalu 50;'))).toBeDefined();
      expect(text(selectOne(chart, 'figcaption'))).toContain(`Secure servers missing: no value in the years read (${one((100 + servers(20_000) + servers(40) + 0 + servers(100)) / 5)}; 100)`);
    });

    it('switches a group’s rule and year: average, coverage and component averages follow; the members missing and why', async () => {
      const ldc = await section('/en/groups/LDC');
      expect(text(ldc)).toContain('Coverage: 0 of 3 members with a score, 0% of the population.');
      expect(text(selectOne(ldc, 'ul'))).toContain('Tuvalu: lacks Account ownership (no value in the years read), Secure servers (no value in the years read), Postal reliability (no value in the years read)');
      const s = await section(submit(selectOne(ldc, 'form'), { readiness_missing: 'reweight', readiness_year: '2021' }));
      const pop = POP.TUV! + POP.HTI! + POP.MLI!;
      const body = text(s);
      expect(body).toContain(`UNCTAD B2C E-commerce Index 2021: population-weighted average score ${one((40 * POP.TUV! + 30 * POP.HTI! + 30 * POP.MLI!) / pop)} of 100.`);
      expect(body).toContain('Coverage: 3 of 3 members with a score, 100% of the population.');
      expect(body).toContain('Every member has a score.');
      const internet = select(s, 'tr').find((tr) => text(tr).startsWith('Internet use'));
      expect(select(internet!, 'td').map(text)).toEqual([one((40 * POP.TUV! + 30 * POP.HTI! + 30 * POP.MLI!) / pop), '3 of 3 members, 100% of the population']);
      expect(select(s, 'a').map((a) => a.attrs.href)).toContain('/en/readiness/unctad-b2c?year=2021&groups=LDC&missing=reweight');
    });

    it('keeps the page’s other parameters in the form, and says it in French', async () => {
      const page = parseHtml(await (await app.request('/fr/groups/ACP?impute=carry-forward&impute_years=3&readiness_missing=impute')).text());
      // The imputation's form keeps the readiness choice, and the readiness form keeps the imputation.
      const imputeForm = select(page, 'form').find((f) => select(f, 'select[name=impute]').length > 0)!;
      expect(select(imputeForm, 'input[type=hidden]').map((i) => `${i.attrs.name}=${i.attrs.value}`)).toEqual(['readiness_missing=impute']);
      const s = selectOne(page, 'section[id=readiness]');
      const hidden = select(selectOne(s, 'form'), 'input[type=hidden]').map((i) => `${i.attrs.name}=${i.attrs.value}`);
      expect(hidden).toEqual(['impute=carry-forward', 'impute_years=3']);
      const body = text(s);
      expect(body).toContain('dotée de la moyenne des économies ayant la composante (règle choisie)');
      expect(body).toContain('Composantes : la moyenne des membres ayant un score');
    });

    it('explains the switches on the method page, in English and French', async () => {
      const en = text(parseHtml(await (await app.request('/en/readiness/unctad-b2c')).text()));
      expect(en).toContain('On those pages the section’s form switches the method, the index year and the rule for a missing component (readiness_method, readiness_year and readiness_missing in the address)');
      // The method page's countries and groups open their section on the same choice.
      const page = parseHtml(await (await app.request('/en/readiness/unctad-b2c?year=2021&missing=reweight&groups=LDC')).text());
      const hrefs = select(page, 'a').map((a) => a.attrs.href);
      expect(hrefs).toContain('/en/groups/LDC?readiness_year=2021&readiness_missing=reweight#readiness');
      expect(hrefs).toContain('/en/countries/KEN?readiness_year=2021&readiness_missing=reweight#readiness');
      const fr = text(parseHtml(await (await app.request('/fr/readiness/unctad-b2c')).text()));
      expect(fr).toContain('les économies de même score partagent un rang et sont nommées');
    });

    it('refuses a bad year or rule with a 400 naming the field', async () => {
      const res = await app.request('/en/countries/KEN?readiness_year=soon');
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('readiness_year');
      expect((await app.request('/en/groups/ACP?readiness_missing=guess')).status).toBe(400);
      expect((await app.request('/en/groups/ACP?readiness_method=nope')).status).toBe(400);
    });
  });
}
