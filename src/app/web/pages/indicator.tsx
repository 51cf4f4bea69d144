import { isIndicatorCode } from '../../../domain/indicator.ts';
import { pick } from '../../../domain/lang.ts';
import { gapTo } from '../../../domain/rank.ts';
import { formatShare, formatValue } from '../format.ts';
import { FlagMark, subjectFlags } from './quality.tsx';
import { badParameter, HttpError } from '../http-error.ts';
import { href, type PageContext } from './context.ts';
import { Layout, SourceLine } from './layout.tsx';
import { aggregateOrNull, codeList, defaultYear, HEADLINE_GROUPS, redirect, ruleText } from './common.ts';
import { AggregateCell, aggregatePoints, entityNames, IndicatorMap, LineChart } from './widgets.tsx';
import type { ChartSeries } from '../render/chart.ts';
import { IMPUTE_NAMES, ImputeFields, pageImpute, withImpute } from './impute-form.tsx';

const TABLE_GROUPS = [...HEADLINE_GROUPS, 'LLDC', 'AFRICA', 'AMERICAS', 'ASIA', 'EUROPE', 'OCEANIA', 'LIC', 'LMC', 'UMC', 'HIC'];
const ACCEPTED = ['year', 'countries', 'groups', ...IMPUTE_NAMES];

/** An indicator: world map for a year, chart of chosen countries and groups, tables and downloads. */
export async function indicatorPage(ctx: PageContext, params: Record<string, string>, query: URLSearchParams) {
  const { obs, t, lang } = ctx;
  const code = params.code ?? '';
  if (!isIndicatorCode(code)) throw new HttpError(404, `no indicator ${code}`);
  const ref = await obs.ref();
  const info = ref.indicators.get(code) ?? ref.indicators.get(code.toUpperCase());
  if (!info) throw new HttpError(404, `no indicator ${code}`);
  if (info.def.code !== code) return redirect(href(ctx, `/indicators/${info.def.code}`));
  for (const key of query.keys()) {
    if (!ACCEPTED.includes(key)) throw badParameter(key, `unknown parameter; accepted: ${ACCEPTED.join(', ')}`);
  }
  const def = info.def;
  const imputing = pageImpute(query, { ref, today: obs.today() });
  const values = await obs.indicatorValues(code);
  let year = defaultYear(values.byYear, ref);
  const yearParam = query.get('year');
  if (yearParam !== null && yearParam !== '') {
    const y = Number(yearParam);
    if (!Number.isInteger(y) || !values.byYear.has(y)) {
      throw badParameter('year', `no data for ${JSON.stringify(yearParam)}; years with data: ${values.years[0]}–${values.years[values.years.length - 1]}`);
    }
    year = y;
  }
  const countries = codeList(query, 'countries', /^[A-Z0-9]{3}$/) ?? [];
  const unknown = countries.filter((c) => !ref.countries.has(c) && !ref.economies.has(c) && !ref.aggregates.has(c));
  if (unknown.length) throw badParameter('countries', `unknown codes: ${unknown.join(', ')}`);
  const chosenGroups = codeList(query, 'groups', /^[A-Z][A-Z0-9_-]{1,31}$/) ?? HEADLINE_GROUPS.filter((g) => ref.groups.has(g));
  const unknownGroups = chosenGroups.filter((g) => !ref.groups.has(g));
  if (unknownGroups.length) throw badParameter('groups', `unknown groups: ${unknownGroups.join(', ')}`);

  const names = entityNames(ref, lang);
  const name = pick(def.names, lang);
  const series: ChartSeries[] = countries.map((c) => ({
    key: c,
    label: names.get(c) ?? c,
    points: values.years.flatMap((y) => {
      const v = values.byYear.get(y)?.get(c);
      return v === undefined ? [] : [{ year: y, value: v }];
    }),
  }));
  if (def.rule.kind !== 'none') {
    for (const g of chosenGroups) {
      const s = await aggregateOrNull(obs, g, code, undefined, undefined, imputing);
      if (s) series.push({ key: g, label: pick(s.group.names, lang), points: aggregatePoints(s.rows), ...(g === 'WLD' ? { dashed: true } : {}) });
    }
  }

  const yearValues = year === null ? new Map<string, number>() : (values.byYear.get(year) ?? new Map<string, number>());
  const world = year === null ? null : await aggregateOrNull(obs, 'WLD', code, year, year, imputing);
  const worldValue = world?.rows[0]?.value ?? null;
  const flags = def.derived ? new Map() : await subjectFlags(ctx, code, info.vintages.map((v) => v.id));
  const tableRows = [...yearValues]
    .filter(([k]) => ref.countries.has(k) || ref.economies.has(k))
    .sort((a, b) => (def.higherIsBetter === false ? a[1] - b[1] : b[1] - a[1]));
  const groupRows =
    year === null || def.rule.kind === 'none'
      ? []
      : (
          await Promise.all(
            TABLE_GROUPS.map(async (g) => {
              const s = await aggregateOrNull(obs, g, code, year, year, imputing);
              return s ? { group: s.group, row: s.rows[0] } : null;
            }),
          )
        ).filter((r) => r !== null);
  const rule = ruleText(ctx, ref, def);
  // A rate compares with the world's rate; a count or an amount is a share of the world's total.
  const relativeToWorld = (v: number, world: number): string =>
    def.rule.kind === 'sum' ? formatShare(v / world, lang) : signed(gapTo(v, world).difference, (n) => formatValue(n, def, lang));
  const csvAll = `/api/v1/indicators/${code}/observations?format=csv`;

  return (
    <Layout ctx={ctx} title={name}>
      <h1>{name}</h1>
      <p class="muted">
        {code} · {t.indicator.unit}
        {t.common.colon}
        {t.units[def.unit]} · {t.indicator.rule}
        {t.common.colon}
        {rule}
        {def.derived ? ` · ${t.indicator.derived}${t.common.colon}${def.derived.formula}` : ''}
      </p>
      <SourceLine ctx={ctx} vintages={info.vintages} note={def.derived ? `${t.common.computedFrom} ${def.derived.inputs.join(', ')}` : undefined} />
      <form class="inline" method="get" action={href(ctx, `/indicators/${code}`)}>
        <label>
          {t.indicator.chooseYear}
          <select name="year">
            {[...values.years].reverse().map((y) => (
              <option value={String(y)} selected={y === year}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.indicator.countriesField}
          <input name="countries" value={countries.join(',')} placeholder="NGA,FJI,HTI" size={18} />
        </label>
        <label>
          {t.indicator.groupsField}
          <select name="groups" multiple size={4}>
            {[...ref.groups.values()].map((g) => (
              <option value={g.id} selected={chosenGroups.includes(g.id)}>
                {pick(g.names, lang)}
              </option>
            ))}
          </select>
        </label>
        {def.rule.kind !== 'none' ? <ImputeFields ctx={ctx} options={imputing} /> : null}
        <button type="submit">{t.indicator.update}</button>
      </form>
      {year !== null ? (
        <IndicatorMap ctx={ctx} ref={ref} def={def} title={t.indicator.mapTitle(name, year)} values={yearValues} />
      ) : null}
      <LineChart ctx={ctx} def={def} title={t.indicator.chartTitle(name)} series={series} />
      <SourceLine ctx={ctx} vintages={info.vintages} />
      <p>
        {t.common.download}
        {t.common.colon}
        <a href={csvAll}>{t.indicator.downloadAll}</a>
        {year !== null ? (
          <>
            {' · '}
            <a href={`/api/v1/indicators/${code}/observations?years=${year}&format=csv`}>{t.indicator.downloadYear(year)}</a>
          </>
        ) : null}
        {' · '}
        <a href={`/api/v1/indicators/${code}/observations`}>{t.common.downloadJson}</a>
      </p>
      {groupRows.length > 0 && year !== null ? (
        <>
          <h2>{t.indicator.groupsTitle(year)}</h2>
          <table>
            <caption>{t.group.aggregatesCaption}</caption>
            <tbody>
              {groupRows.map(({ group, row }) => (
                <tr>
                  <th scope="row">
                    <a href={withImpute(href(ctx, `/groups/${group.id}`), imputing)}>{pick(group.names, lang)}</a>
                  </th>
                  <AggregateCell ctx={ctx} def={def} row={row} names={names} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {year !== null ? (
        <>
          <h2>{t.indicator.tableTitle(year)}</h2>
          <table>
            <caption>{t.indicator.countriesWithData(tableRows.length)}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t.common.rank}
                </th>
                <th scope="col">{t.common.country}</th>
                <th scope="col" class="num">
                  {t.common.value}
                </th>
                {worldValue !== null ? (
                  <th scope="col" class="num">
                    {def.rule.kind === 'sum' ? t.common.shareOfWorld : t.common.gapToWorld}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {tableRows.map(([iso3, v], i) => (
                <tr>
                  <td class="num">{i + 1}</td>
                  <td>
                    <a href={href(ctx, `/countries/${iso3}`)}>{names.get(iso3) ?? iso3}</a>
                  </td>
                  <td class="num">
                    {formatValue(v, def, lang)}
                    <FlagMark ctx={ctx} flags={flags.get(`${iso3}|${year}`)} />
                  </td>
                  {worldValue !== null ? <td class="num">{relativeToWorld(v, worldValue)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Layout>
  );
}

function signed(n: number, fmt: (n: number) => string): string {
  return n > 0 ? `+${fmt(n)}` : n < 0 ? `−${fmt(-n)}` : fmt(0);
}
