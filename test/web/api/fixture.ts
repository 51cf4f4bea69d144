import type { Store } from '../../../src/adapters/storage/store.ts';
import type { NewVintage, Vintage } from '../../../src/domain/vintage.ts';
import type { Country } from '../../../src/domain/country.ts';
import type { Group, Membership } from '../../../src/domain/group.ts';

/** The fixed "today" of the tests: after Mali left ECOWAS (2025-01-29). */
export const TODAY = '2026-06-30';

const meta = (dataset: string, source: string, sha256: string): NewVintage => ({
  dataset,
  source,
  format: 'long',
  fileName: `${dataset}.csv`,
  sha256,
  licence: 'CC-BY-4.0',
  sourceUrl: `https://example.org/${dataset}`,
  publishedAt: '2026-05-01',
  note: null,
});

const country = (iso3: string, iso2: string, m49: string, en: string, fr?: string): Country => ({
  iso3,
  iso2,
  m49,
  names: fr ? { en, fr } : { en },
  region: null,
  subregion: null,
  intermediateRegion: null,
});

/** A name with a comma and a double quote, to exercise CSV quoting. */
export const CIV_NAME = 'Côte d’Ivoire, "Ivory Coast"';

const COUNTRIES: Country[] = [
  { ...country('NGA', 'NG', '566', 'Nigeria', 'Nigéria'), region: { code: '002', name: 'Africa' }, subregion: { code: '202', name: 'Sub-Saharan Africa' }, intermediateRegion: { code: '011', name: 'Western Africa' } },
  country('KEN', 'KE', '404', 'Kenya'),
  country('FJI', 'FJ', '242', 'Fiji', 'Fidji'),
  country('TUV', 'TV', '798', 'Tuvalu'),
  country('HTI', 'HT', '332', 'Haiti', 'Haïti'),
  country('USA', 'US', '840', 'United States'),
  country('FRA', 'FR', '250', 'France'),
  country('CIV', 'CI', '384', CIV_NAME),
  country('MLI', 'ML', '466', 'Mali'),
];

/** Population in people, the same in 2020, 2021 and 2022. */
export const POP: Record<string, number> = {
  NGA: 200_000_000,
  KEN: 50_000_000,
  FJI: 1_000_000,
  TUV: 10_000,
  HTI: 11_000_000,
  USA: 330_000_000,
  FRA: 67_000_000,
  CIV: 26_000_000,
  MLI: 20_000_000,
  WLD: 7_800_000_000,
};

/** Internet users (% of population) in the current vintage; NGA has no 2021 value. */
export const USERS: Record<number, Record<string, number>> = {
  2020: { NGA: 35, KEN: 30, FJI: 70, TUV: 40, HTI: 30, USA: 90, FRA: 85, CIV: 40, MLI: 30, WLD: 65.5 },
  2021: { KEN: 40, FJI: 72, TUV: 45, HTI: 32, USA: 91, FRA: 86, CIV: 45, MLI: 33, WLD: 66 },
  2022: { NGA: 55, KEN: 45, FJI: 75, TUV: 50, HTI: 35, USA: 92, FRA: 87, CIV: 50, MLI: 35, WLD: 70 },
};

/** Secure internet servers per million people, 2020. */
export const SECURE: Record<string, number> = { NGA: 12.5, KEN: 40, FJI: 100, USA: 50_000, FRA: 20_000 };

const ACP_MEMBERS = ['NGA', 'KEN', 'FJI', 'TUV', 'HTI', 'CIV', 'MLI'];
const member = (groupId: string, iso3: string, to: string | null = null): Membership => ({
  groupId,
  iso3,
  status: 'member',
  from: null,
  to,
  source: 'fixture',
});

const GROUPS: Group[] = [
  { id: 'WLD', kind: 'world', names: { en: 'World', fr: 'Monde' }, wbCode: 'WLD', source: 'World Bank' },
  { id: 'ACP', kind: 'alliance', names: { en: 'ACP States', fr: 'États ACP' }, wbCode: null, source: 'OACPS' },
  { id: 'LDC', kind: 'un', names: { en: 'Least developed countries' }, wbCode: 'LDC', source: 'UN-OHRLLS' },
  { id: 'ECOWAS', kind: 'regional', names: { en: 'ECOWAS', fr: 'CEDEAO' }, wbCode: null, source: 'ECOWAS Commission' },
];

const MEMBERSHIPS: Membership[] = [
  ...ACP_MEMBERS.map((iso3) => member('ACP', iso3)),
  ...['TUV', 'HTI', 'MLI'].map((iso3) => member('LDC', iso3)),
  member('ECOWAS', 'NGA'),
  member('ECOWAS', 'CIV'),
  member('ECOWAS', 'MLI', '2025-01-29'),
];

/** The vintages the fixture imports, by role. */
export interface Seeded {
  population: Vintage;
  usersOld: Vintage;
  secure: Vintage;
  users: Vintage;
}

/** Fills a fresh store: countries, groups and WLD in the population vintage, then internet users (twice) and secure servers. */
export async function seed(store: Store): Promise<Seeded> {
  const population = await store.importVintage(meta('wdi/sp.pop.totl', 'World Bank, World Development Indicators', 'p1'), async (w) => {
    await w.upsertCountries(COUNTRIES);
    await w.upsertEntities([{ code: 'WLD', name: 'World', kind: 'aggregate' }]);
    await w.replaceGroups(GROUPS, MEMBERSHIPS);
    await w.nameIndicator('SP.POP.TOTL', 'Population, total');
    await w.addObservations(
      [2020, 2021, 2022].flatMap((year) => Object.entries(POP).map(([entity, value]) => ({ indicator: 'SP.POP.TOTL', entity, year, value }))),
    );
  });
  const usersOld = await store.importVintage(meta('itu/it.net.user.zs', 'ITU', 'u1'), async (w) => {
    await w.addObservations([
      { indicator: 'IT.NET.USER.ZS', entity: 'NGA', year: 2020, value: 33 },
      { indicator: 'IT.NET.USER.ZS', entity: 'KEN', year: 2020, value: 29 },
    ]);
  });
  const secure = await store.importVintage(meta('wdi/it.net.secr.p6', 'Netcraft via World Bank', 's1'), async (w) => {
    await w.addObservations(Object.entries(SECURE).map(([entity, value]) => ({ indicator: 'IT.NET.SECR.P6', entity, year: 2020, value })));
  });
  const users = await store.importVintage(meta('itu/it.net.user.zs', 'ITU', 'u2'), async (w) => {
    await w.nameIndicator('IT.NET.USER.ZS', 'Individuals using the Internet (% of population)');
    await w.addObservations(
      Object.entries(USERS).flatMap(([year, values]) =>
        Object.entries(values).map(([entity, value]) => ({ indicator: 'IT.NET.USER.ZS', entity, year: Number(year), value })),
      ),
    );
  });
  return { population, usersOld, secure, users };
}
