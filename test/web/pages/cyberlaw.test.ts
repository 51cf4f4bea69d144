/**
 * The cyberlaw pages over the page fixture with two tracker editions imported (as of 2021-12-31 and
 * 2026-03-05): the registry page in English and French (coverage per area, the map of one area with its
 * legend and text alternative, the country × area table filtered by group, history by date), the section
 * of the country profile, and the information note in English, French and Spanish with its print rules.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import { CYBERLAW_AREAS } from '../../../src/domain/cyberlaw.ts';
import type { Lang } from '../../../src/domain/lang.ts';
import { messages } from '../../../src/app/web/i18n/index.ts';
import { STYLE_CSS } from '../../../src/app/web/static/assets.ts';
import { EDITION_2021, EDITION_2026, TRACKER_AREA_COLUMNS, writeTracker, type TrackerRow } from '../../fixtures/cyberlaw.ts';
import { buildObservatoryFixture, type ObservatoryFixture } from '../../support/observatory-fixture.ts';
import { parseHtml, select, selectOne, text, type Element } from './html.ts';

const BUDGET = 150 * 1024;
const STATUS_WORDS: Record<string, 'legislation' | 'draft' | 'none' | 'no-data'> = {
  Legislation: 'legislation',
  'Draft Legislation': 'draft',
  'No Legislation': 'none',
  'No Data': 'no-data',
};

let fx: ObservatoryFixture;
let vintage2026: number;

beforeAll(async () => {
  fx = await buildObservatoryFixture();
  await importFile(fx.store, writeTracker(join(fx.folder, 'tracker-2021'), EDITION_2021).status, { asOf: '2021-12-31' });
  const latest = await importFile(fx.store, writeTracker(join(fx.folder, 'tracker-2026'), EDITION_2026).status, { asOf: '2026-03-05' });
  vintage2026 = latest.vintage?.id ?? 0;
});
afterAll(async () => {
  await fx?.dispose();
});

async function page(url: string): Promise<{ body: string; doc: Element }> {
  const res = await fx.app.request(url);
  const body = await res.text();
  expect(res.status, `${url}: ${body.slice(0, 300)}`).toBe(200);
  return { body, doc: parseHtml(body) };
}

/** The fixture's members of a group, from the files the fixture wrote. */
function members(groupId: 'ACP' | 'SIDS' | 'WLD'): string[] {
  if (groupId === 'WLD') return fx.facts.countries.map((c) => c.iso3);
  if (groupId === 'SIDS') return fx.facts.countries.filter((c) => c.sids).map((c) => c.iso3);
  return fx.facts.memberships.filter((m) => m.orgId === 'ACP' && m.status === 'member').map((m) => m.iso3);
}

/** The status a tracker edition gives a country in an area (by ISO3 through the fixture's M49 codes). */
function statusIn(edition: readonly TrackerRow[], iso3: string, area: number): 'legislation' | 'draft' | 'none' | 'no-data' {
  const m49 = fx.facts.countries.find((c) => c.iso3 === iso3)?.m49;
  const row = edition.find((r) => r.m49 === m49);
  return row ? (STATUS_WORDS[row.statuses[area] as string] ?? 'no-data') : 'no-data';
}

function expectedCounts(edition: readonly TrackerRow[], groupId: 'ACP' | 'SIDS' | 'WLD', area: number): Record<string, number> {
  const counts: Record<string, number> = { legislation: 0, draft: 0, none: 0, 'no-data': 0 };
  for (const iso3 of members(groupId)) counts[statusIn(edition, iso3, area)]! += 1;
  return counts;
}

function countsIn(doc: Element, areaId: string): Record<string, number> {
  const row = selectOne(doc, `table.cyberlaw-coverage tr[data-area=${areaId}]`);
  return Object.fromEntries(select(row, 'td[data-status]').map((td) => [td.attrs['data-status'], Number(text(td))]));
}

for (const lang of ['en', 'fr'] as const satisfies readonly Lang[]) {
  describe(`/${lang}/cyberlaw`, () => {
    const t = messages(lang);

    it('counts the chosen group’s members per area and status, equal to the tracker file', async () => {
      const { doc } = await page(`/${lang}/cyberlaw?group=ACP`);
      expect(text(selectOne(doc, 'h1'))).toBe(t.cyberlaw.title);
      CYBERLAW_AREAS.forEach((a, i) => expect(countsIn(doc, a.id), a.id).toEqual(expectedCounts(EDITION_2026, 'ACP', i)));
      // Every figure names its source and vintage.
      const source = select(doc, 'p.source').map(text).join(' ');
      expect(source).toContain('UNCTAD Global Cyberlaw Tracker');
      expect(select(doc, 'p.source a').some((a) => a.attrs.href === `/${lang}/sources#v${vintage2026}`)).toBe(true);
    });

    it('draws the map of one area with a legend of the statuses and a text alternative', async () => {
      const { doc } = await page(`/${lang}/cyberlaw?group=ACP&area=data-protection`);
      const figure = selectOne(doc, 'figure.map');
      const svg = selectOne(figure, 'svg[role=img]');
      const svgText = select(svg, 'text').map(text);
      for (const s of ['legislation', 'draft', 'none', 'no-data'] as const) expect(svgText).toContain(t.cyberlaw.statuses[s]);
      const caption = text(selectOne(figure, 'figcaption'));
      const area = CYBERLAW_AREAS.findIndex((a) => a.id === 'data-protection');
      const world = expectedCounts(EDITION_2026, 'WLD', area);
      expect(caption).toContain(`${t.cyberlaw.statuses.legislation} ${world.legislation}`);
      expect(caption).toContain(`${t.cyberlaw.statuses['no-data']} ${world['no-data']}`);
      // Each country shape says its status and links to its profile; Nigeria's data protection law is in the 2026 edition.
      const nga = select(svg, '[data-iso3=NGA]')[0];
      expect(text(selectOne(nga as Element, 'title'))).toContain(t.cyberlaw.statuses.legislation);
      expect(select(svg, 'a').some((a) => a.attrs.href === `/${lang}/countries/NGA`)).toBe(true);
      // The area tabs keep the group.
      const tabs = select(doc, 'ul.tabs a');
      expect(tabs).toHaveLength(CYBERLAW_AREAS.length);
      expect(tabs.find((a) => a.attrs['aria-current'] === 'true')?.attrs.href).toContain('area=data-protection');
      expect(tabs.every((a) => (a.attrs.href ?? '').includes('group=ACP'))).toBe(true);
    });

    it('lists the group’s members by area in the table, and filters it by group with a plain form', async () => {
      const acp = await page(`/${lang}/cyberlaw?group=ACP`);
      const rows = select(acp.doc, 'table.cyberlaw-table tbody tr');
      expect(rows.map((r) => r.attrs['data-iso3']).sort()).toEqual([...members('ACP')].sort());
      const hti = rows.find((r) => r.attrs['data-iso3'] === 'HTI') as Element;
      const cells = select(hti, 'td').map(text);
      expect(cells).toEqual(TRACKER_AREA_COLUMNS.map((_, i) => t.cyberlaw.statuses[statusIn(EDITION_2026, 'HTI', i)]));

      const form = selectOne(acp.doc, 'form');
      expect(form.attrs.method).toBe('get');
      expect(form.attrs.action).toBe(`/${lang}/cyberlaw`);
      expect(select(form, 'option').find((o) => 'selected' in o.attrs)?.attrs.value).toBe('ACP');

      const sids = await page(`/${lang}/cyberlaw?group=SIDS`);
      expect(select(sids.doc, 'table.cyberlaw-table tbody tr').map((r) => r.attrs['data-iso3']).sort()).toEqual([...members('SIDS')].sort());
      CYBERLAW_AREAS.forEach((a, i) => expect(countsIn(sids.doc, a.id)).toEqual(expectedCounts(EDITION_2026, 'SIDS', i)));
    });

    it('shows where the group stood on an earlier date', async () => {
      const { doc } = await page(`/${lang}/cyberlaw?group=ACP&date=2021-12-31`);
      CYBERLAW_AREAS.forEach((a, i) => expect(countsIn(doc, a.id), a.id).toEqual(expectedCounts(EDITION_2021, 'ACP', i)));
      expect(select(doc, 'input[name=date]')[0]?.attrs.value).toBe('2021-12-31');
    });

    it('adds the statuses, dates, sources and linked laws to the country profile', async () => {
      const { doc } = await page(`/${lang}/countries/NGA`);
      const section = selectOne(doc, 'section[id=cyberlaw]');
      expect(text(selectOne(section, 'h2'))).toBe(t.cyberlaw.countryTitle);
      const data = selectOne(section, 'tr[data-area=data-protection]');
      expect(text(data)).toContain(t.cyberlaw.statuses.legislation);
      expect(text(data)).toContain(t.cyberlaw.history(1));
      expect(select(data, 'a').some((a) => a.attrs.href === 'https://example.org/ng/ndpa-2023.pdf' && text(a) === 'Nigeria Data Protection Act, 2023')).toBe(true);
      expect(select(data, 'a').some((a) => a.attrs.href === `/${lang}/sources#v${vintage2026}`)).toBe(true);
      expect(text(selectOne(section, 'p.source'))).toContain('UNCTAD Global Cyberlaw Tracker');
    });
  });
}

describe('the cyberlaw pages’ errors and weight', () => {
  it('answers 404 for an unknown group, 400 for a bad date or area, and the English note to readers of Portuguese', async () => {
    expect((await fx.app.request('/en/cyberlaw?group=NOPE')).status).toBe(404);
    expect((await fx.app.request('/en/cyberlaw?date=2021-31-12')).status).toBe(400);
    expect((await fx.app.request('/en/cyberlaw?area=tax')).status).toBe(400);
    const pt = await fx.app.request('/pt/cyberlaw/note?group=ACP');
    expect(pt.status).toBe(302);
    expect(pt.headers.get('location')).toBe('/en/cyberlaw/note?group=ACP');
  });

  it('says so on a country profile when the registry holds nothing for it', async () => {
    const { doc } = await page('/en/countries/NPL');
    expect(text(selectOne(doc, 'section[id=cyberlaw]'))).toContain(messages('en').cyberlaw.noEntries);
  });

  it('keeps every cyberlaw page under the budget, compressed, and without scripts', async () => {
    for (const url of ['/en/cyberlaw?group=WLD', '/fr/cyberlaw?group=ACP', '/en/cyberlaw/note?group=WLD', '/es/cyberlaw/note?group=WLD']) {
      const { body } = await page(url);
      expect(gzipSync(body).byteLength, url).toBeLessThan(BUDGET);
      expect(body).not.toContain('<script');
    }
  });
});

describe('the information note', () => {
  for (const lang of ['en', 'fr', 'es'] as const) {
    it(`lists every law of every member with its link, by country and area, in ${lang}`, async () => {
      const t = messages(lang);
      const { doc } = await page(`/${lang}/cyberlaw/note?group=ACP`);
      const acp = (await fx.obs.ref()).groups.get('ACP');
      expect(text(selectOne(doc, 'h1'))).toBe(t.cyberlaw.note.title(acp?.names[lang] ?? acp?.names.en ?? ''));
      expect(text(doc)).toContain(t.cyberlaw.note.mandate);
      const sections = select(doc, 'section.note-country');
      expect(sections.map((s) => (s.attrs.id ?? '').slice(2)).sort()).toEqual([...members('ACP')].sort());
      // Every law of the members in the 2026 edition, with its link where it has one.
      for (const iso3 of members('ACP')) {
        const m49 = fx.facts.countries.find((c) => c.iso3 === iso3)?.m49;
        const row = EDITION_2026.find((r) => r.m49 === m49);
        const section = selectOne(doc, `section[id=c-${iso3}]`);
        const links = select(section, 'ul.laws li');
        const expected = Object.values(row?.laws ?? {}).flatMap((list) => list.filter((x): x is [string, string] => Array.isArray(x)));
        expect(links, iso3).toHaveLength(expected.length);
        for (const [url, title] of expected) {
          const item = links.find((li) => text(li).startsWith(title));
          expect(item, `${iso3}: ${title}`).toBeDefined();
          if (/^https?:/.test(url)) expect(selectOne(item as Element, 'a').attrs.href).toBe(url);
        }
        expect(select(section, 'dt')).toHaveLength(CYBERLAW_AREAS.length);
      }
      const nga = selectOne(doc, 'section[id=c-NGA]');
      const dts = select(nga, 'dt').map(text);
      expect(dts[0]).toContain(CYBERLAW_AREAS[0]?.names[lang] as string);
      expect(dts[0]).toContain(t.cyberlaw.statuses.legislation);
      // The summary table counts the same members.
      CYBERLAW_AREAS.forEach((a, i) => expect(countsIn(doc, a.id)).toEqual(expectedCounts(EDITION_2026, 'ACP', i)));
      expect(select(doc, 'p.source').length).toBeGreaterThan(0);
      // The other languages of the note are a link away.
      const others = select(doc, 'p.no-print a').map((a) => a.attrs.href);
      expect(others).toEqual(['en', 'fr', 'es'].filter((l) => l !== lang).map((l) => `/${l}/cyberlaw/note?group=ACP`));
    });
  }

  it('prints cleanly: the stylesheet hides the site’s navigation and prints the links in full', () => {
    const print = STYLE_CSS.slice(STYLE_CSS.lastIndexOf('@media print'));
    expect(print).toMatch(/header\.site[^{]*\{\s*display:\s*none/);
    expect(print).toContain('.note a[href^="http"]::after');
    expect(print).toContain('.note-country');
  });
});
