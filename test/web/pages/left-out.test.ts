/**
 * The note beside a group value that leaves out a member holding more than 10% of the group's population:
 * on the fixture, the world's population is a sum without the members that lack a value, and the country
 * page, the group page and the method page must say so, by name, in English and French.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, fr } from '../../../src/app/web/i18n/index.ts';
import { formatShare } from '../../../src/app/web/format.ts';
import { buildObservatoryFixture, type ObservatoryFixture } from '../../support/observatory-fixture.ts';

const POPULATION = 'SP.POP.TOTL';

let fx: ObservatoryFixture;
beforeAll(async () => {
  fx = await buildObservatoryFixture();
});
afterAll(async () => {
  await fx?.dispose();
});

const html = async (url: string) => {
  const res = await fx.app.request(url);
  expect(res.status, url).toBe(200);
  return (await res.text()).replace(/&#39;/g, "'");
};

describe('a world value that leaves out a large member', () => {
  it('is named on the country page, in English and in French', async () => {
    const latest = await fx.obs.latest(POPULATION, 'NGA');
    expect(latest).not.toBeNull();
    const world = await fx.obs.gapToWorld(POPULATION, latest!.year, latest!.value);
    const missing = world?.row.missingLarge ?? [];
    // The fixture leaves at least one large member without a population that year; else this test proves nothing.
    expect(missing.length).toBeGreaterThan(0);
    const ref = await fx.obs.ref();
    for (const [lang, t] of [['en', en], ['fr', fr]] as const) {
      const names = missing.map((m) => t.imputation.member(ref.countries.get(m.iso3)?.names[lang] ?? m.iso3, formatShare(m.share, lang), m.latestYear));
      const page = await html(`/${lang}/countries/NGA`);
      expect(page).toContain(t.imputation.without(names.join(', ')));
    }
  });

  it('is named nowhere when imputation covers it, and the API says which values were carried', async () => {
    const series = await fx.obs.aggregateSeries('WLD', POPULATION, { impute: { method: 'carry-forward', years: 10 } });
    const none = await fx.obs.aggregateSeries('WLD', POPULATION);
    const carried = series.rows.flatMap((r) => r.imputed);
    expect(carried.length).toBeGreaterThan(0);
    for (const [i, r] of series.rows.entries()) {
      for (const m of r.missingLarge) expect(m.latestYear === null || m.latestYear < r.year - 10, `${m.iso3} ${r.year}`).toBe(true);
      expect(r.missingLarge.length).toBeLessThanOrEqual(none.rows[i]?.missingLarge.length ?? 0);
    }
    const res = await fx.app.request(`/api/v1/groups/WLD/aggregates/${POPULATION}?impute=carry-forward&impute_years=10`);
    const body = (await res.json()) as { impute: string; imputeYears: number; rows: { imputed: unknown[] }[] };
    expect(body.impute).toBe('carry-forward');
    expect(body.imputeYears).toBe(10);
    expect(body.rows.flatMap((r) => r.imputed).length).toBe(carried.length);
  });

  it('refuses impute_years without carry-forward, and out of range, naming the parameter', async () => {
    for (const q of ['impute_years=3', 'impute=carry-forward&impute_years=11', 'impute=last']) {
      const res = await fx.app.request(`/api/v1/groups/WLD/aggregates/${POPULATION}?${q}`);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { parameter: string } };
      expect(body.error.parameter, q).toBe(q.includes('impute_years') ? 'impute_years' : 'impute');
    }
  });

  it('is explained on the method page, in English and French', async () => {
    for (const [lang, t] of [['en', en], ['fr', fr]] as const) {
      const page = await html(`/${lang}/about`);
      expect(page).toContain('id="missing-members"');
      expect(page).toContain(t.imputation.methodTitle);
    }
  });
});
