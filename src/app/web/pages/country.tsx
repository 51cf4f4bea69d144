import { raw } from 'hono/html';
import { isActiveAt } from '../../../domain/group.ts';
import { GDP, POPULATION } from '../../../domain/indicator.ts';
import { pick } from '../../../domain/lang.ts';
import { formatDate, formatValue } from '../format.ts';
import { HttpError } from '../http-error.ts';
import { href, type PageContext } from './context.ts';
import { Layout, SourceLine } from './layout.tsx';
import { aggregateOrNull, redirect, shortName, uniqueVintages } from './common.ts';
import { aggregatePoints, entityNames, IndicatorMap, LineChart } from './widgets.tsx';
import { LeftOut } from './left-out.tsx';
import { CountryCyberlaw } from './cyberlaw.tsx';
import { CountryReadiness } from './readiness-sections.tsx';
import { CountryEtready } from './etready-sections.tsx';
import { StrategiesCovering } from './strategy-parts.tsx';
import { countryFlags, FlagMark } from './quality.tsx';
import { renderSparkline } from '../render/sparkline.ts';

const PROFILE = ['IT.NET.USER.ZS', 'OBS.OFFLINE.COUNT', 'IT.NET.SECR.P6', 'OBS.SECR.COUNT', 'EG.ELC.ACCS.ZS', 'IT.NET.BBND.P2', 'IT.CEL.SETS.P2', 'FX.OWN.TOTL.ZS', 'FINDEX.BUY.ONLINE', 'BX.GSR.CCIS.CD', GDP, 'NY.GDP.PCAP.CD', POPULATION];
/** Groups a country is ranked in, when it is a member, in this order. */
const RANK_GROUPS = ['ACP', 'LDC', 'SIDS', 'LLDC', 'AU', 'ECOWAS', 'SADC', 'EAC', 'COMESA', 'CARICOM', 'PIF'];
const CHART_GROUPS = ['ACP', 'LDC', 'SIDS', 'LLDC'];
const MAP_INDICATOR = 'IT.NET.USER.ZS';
/** The first year a profile's small trend charts show: before it most of these series are empty. */
const TREND_FROM = 2000;

/** A small inline chart of a country's series since 2000, with its first and last values as text alternative. */
function trend(ctx: PageContext, points: readonly { year: number; value: number }[], name: string, fmt: (n: number) => string) {
  const recent = points.filter((p) => p.year >= TREND_FROM);
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (!first || !last || recent.length < 2) return null;
  return raw(
    renderSparkline(recent, {
      title: `${name}${ctx.t.common.colon}${fmt(first.value)} (${first.year}) → ${fmt(last.value)} (${last.year})`,
      formatValue: fmt,
      maxGap: 4,
    }),
  );
}

/** A country's profile: memberships, key figures with gap to the world and ranks, a chart and a map. */
export async function countryPage(ctx: PageContext, params: Record<string, string>, query: URLSearchParams = new URLSearchParams()) {
  const { obs, t, lang } = ctx;
  const iso3 = (params.iso3 ?? '').toUpperCase();
  const ref = await obs.ref();
  const country = ref.countries.get(iso3);
  const economy = ref.economies.get(iso3);
  if (!country && !economy) throw new HttpError(404, `no country ${iso3}`);
  if (params.iso3 !== iso3) return redirect(href(ctx, `/countries/${iso3}`));
  const name = country ? pick(country.names, lang) : (economy?.name ?? iso3);
  const today = obs.today();
  const memberships = ref.membershipsByCountry.get(iso3) ?? [];
  const current = memberships.filter((m) => isActiveAt(m, today));
  const former = memberships.filter((m) => m.to !== null && m.to <= today);
  const currentGroups = new Set(current.filter((m) => m.status === 'member').map((m) => m.groupId));

  const names = entityNames(ref, lang);
  const flags = await countryFlags(ctx, iso3);
  const rows = [];
  for (const code of PROFILE) {
    const info = ref.indicators.get(code);
    if (!info) continue;
    const latest = await obs.latest(code, iso3);
    if (!latest) continue;
    const world = await obs.gapToWorld(code, latest.year, latest.value).catch(() => null);
    const ranks = [];
    for (const g of RANK_GROUPS) {
      if (!currentGroups.has(g) || ranks.length >= 3) continue;
      const r = await obs.rank(code, latest.year, g, iso3);
      const group = ref.groups.get(g);
      if (r && group) ranks.push({ group, rank: r });
    }
    const values = await obs.indicatorValues(code);
    const points = values.years.flatMap((y) => {
      const v = values.byYear.get(y)?.get(iso3);
      return v === undefined ? [] : [{ year: y, value: v }];
    });
    rows.push({ info, latest, world, ranks, points });
  }

  const mapInfo = ref.indicators.get(MAP_INDICATOR);
  let chart = null;
  let map = null;
  if (mapInfo) {
    const own = rows.find((r) => r.info.def.code === MAP_INDICATOR);
    const groups = [...CHART_GROUPS.filter((g) => currentGroups.has(g)), 'WLD'];
    const series = [{ key: iso3, label: name, points: own?.points ?? [] }];
    for (const g of groups) {
      const s = await aggregateOrNull(obs, g, MAP_INDICATOR);
      if (s) series.push({ key: g, label: pick(s.group.names, lang), points: aggregatePoints(s.rows), ...(g === 'WLD' ? { dashed: true } : {}) });
    }
    const from = own?.points[0]?.year ?? 2000;
    chart = (
      <LineChart
        ctx={ctx}
        def={mapInfo.def}
        title={t.country.chartTitle(pick(mapInfo.def.names, lang), name)}
        series={series.map((s) => ({ ...s, points: s.points.filter((p) => p.year >= from) }))}
      />
    );
    const values = await obs.indicatorValues(MAP_INDICATOR);
    const year = own?.latest.year ?? values.years[values.years.length - 1];
    if (year !== undefined) {
      map = (
        <IndicatorMap
          ctx={ctx}
          ref={ref}
          def={mapInfo.def}
          title={t.country.mapTitle(pick(mapInfo.def.names, lang), year)}
          values={values.byYear.get(year) ?? new Map()}
          highlight={new Set([iso3])}
        />
      );
    }
  }

  const cyberlaw = country ? await CountryCyberlaw({ ctx, iso3 }) : null;
  const readiness = country ? await CountryReadiness({ ctx, iso3, query }) : null;

  return (
    <Layout ctx={ctx} title={name} description={t.country.title(name)}>
      <h1>{name}</h1>
      <p class="muted">
        {t.country.codes}
        {t.common.colon}ISO {iso3}
        {country?.iso2 ? ` / ${country.iso2}` : ''}
        {country?.m49 ? ` · M49 ${country.m49}` : ''}
        {country?.region ? ` · ${t.country.region}${t.common.colon}${country.subregion?.name ?? country.region.name}` : ''}
      </p>
      {current.length > 0 ? (
        <>
          <h2>{t.country.memberOf}</h2>
          <ul class="badges">
            {current.map((m) => {
              const g = ref.groups.get(m.groupId);
              return (
                <li title={m.source}>
                  <a href={href(ctx, `/groups/${m.groupId}`)}>{g ? pick(g.names, lang) : m.groupId}</a>
                  {m.status !== 'member' ? ` (${t.statuses[m.status]})` : ''}
                  {m.from ? ` · ${t.common.since} ${formatDate(m.from, lang)}` : ''}
                </li>
              );
            })}
          </ul>
          {former.length > 0 ? (
            <p class="muted">
              {t.country.formerMemberOf}
              {t.common.colon}
              {former.map((m, i) => {
                const g = ref.groups.get(m.groupId);
                return (
                  <>
                    {i > 0 ? '; ' : ''}
                    <a href={href(ctx, `/groups/${m.groupId}`)}>{g ? pick(g.names, lang) : m.groupId}</a> ({t.common.until}{' '}
                    {formatDate(m.to ?? '', lang)})
                  </>
                );
              })}
            </p>
          ) : null}
        </>
      ) : null}
      <h2>{t.country.keyFigures}</h2>
      {rows.length === 0 ? (
        <p>{t.country.noFigures}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.common.indicator}</th>
              <th scope="col" class="num">
                {t.country.latest}
              </th>
              <th scope="col" class="num">
                {t.common.world}
              </th>
              <th scope="col">{t.country.trend}</th>
              <th scope="col">{t.country.ranks}</th>
              <th scope="col">{t.common.download}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">
                  <a href={href(ctx, `/indicators/${r.info.def.code}`)}>{pick(r.info.def.names, lang)}</a>
                </th>
                <td class="num">
                  {formatValue(r.latest.value, r.info.def, lang)} ({r.latest.year})
                  <FlagMark ctx={ctx} flags={flags.get(`${r.info.def.code}|${r.latest.year}`)} />
                </td>
                <td class="num">
                  {r.world ? formatValue(r.world.world, r.info.def, lang) : '–'}
                  {r.world ? <LeftOut ctx={ctx} row={r.world.row} names={names} /> : null}
                </td>
                <td>{trend(ctx, r.points, pick(r.info.def.names, lang), (n) => formatValue(n, r.info.def, lang))}</td>
                <td>
                  {r.ranks.map((x, i) => (
                    <>
                      {i > 0 ? <br /> : null}
                      <abbr title={pick(x.group.names, lang)}>{shortName(x.group, lang)}</abbr>
                      {t.common.colon}
                      {t.common.rankOf(x.rank.rank, x.rank.of)}
                    </>
                  ))}
                </td>
                <td>
                  <a href={`/api/v1/indicators/${r.info.def.code}/observations?countries=${iso3}&format=csv`}>CSV</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SourceLine ctx={ctx} vintages={uniqueVintages(rows.flatMap((r) => r.info.vintages))} />
      {chart}
      {map}
      {mapInfo ? <SourceLine ctx={ctx} vintages={mapInfo.vintages} /> : null}
      {readiness}
      {country ? await CountryEtready({ ctx, iso3 }) : null}
      {country ? await StrategiesCovering({ ctx, iso3 }) : null}
      {cyberlaw}
    </Layout>
  );
}
