import { pick } from '../../../domain/lang.ts';
import { formatValue } from '../format.ts';
import { href, type PageContext } from './context.ts';
import { Layout, SourceLine } from './layout.tsx';
import { aggregateOrNull, HEADLINE_GROUPS, headlineIndicators, latestOk, uniqueVintages } from './common.ts';
import { AggregateCell, aggregatePoints, entityNames, LineChart } from './widgets.tsx';

const INTERNET = 'IT.NET.USER.ZS';
/** The population share both values of the headline sentence must cover. */
const HEADLINE_MIN_COVERAGE = 0.9;

/** Home: the digital-divide headline for ACP, LDC, SIDS and the world, and ways into the data. */
export async function homePage(ctx: PageContext) {
  const { obs, t, lang } = ctx;
  const ref = await obs.ref();
  const groups = HEADLINE_GROUPS.flatMap((id) => {
    const g = ref.groups.get(id);
    return g ? [g] : [];
  });
  const indicators = headlineIndicators(ref);
  const table = await Promise.all(
    indicators.map(async (def) => ({
      def,
      cells: await Promise.all(groups.map(async (g) => latestOk(await aggregateOrNull(obs, g.id, def.code)))),
    })),
  );

  const internet = ref.indicators.get(INTERNET);
  let headline: string | null = null;
  let chart = null;
  if (internet) {
    const series = await Promise.all(groups.map((g) => aggregateOrNull(obs, g.id, INTERNET)));
    const world = series.find((s) => s?.group.id === 'WLD');
    const ldc = series.find((s) => s?.group.id === 'LDC') ?? series.find((s) => s && s.group.id !== 'WLD');
    if (world && ldc) {
      // The sentence compares like with like: the latest year in which both values cover most of their population.
      const covered = (r: { value: number | null; populationCovered: number | null }) =>
        r.value !== null && (r.populationCovered ?? 0) >= HEADLINE_MIN_COVERAGE;
      const years = ldc.rows.filter((r) => covered(r) && world.rows.some((w) => w.year === r.year && covered(w)));
      const row = years[years.length - 1];
      const w = world.rows.find((r) => r.year === row?.year);
      if (row?.value != null && w?.value != null) {
        headline = t.home.headline(pick(ldc.group.names, lang), formatValue(row.value, internet.def, lang), formatValue(w.value, internet.def, lang), row.year);
      }
    }
    chart = (
      <LineChart
        ctx={ctx}
        def={internet.def}
        title={pick(internet.def.names, lang)}
        series={series.flatMap((s) =>
          s ? [{ key: s.group.id, label: pick(s.group.names, lang), points: aggregatePoints(s.rows).filter((p) => p.year >= 2000), dashed: s.group.id === 'WLD' }] : [],
        )}
      />
    );
  }

  const countries = [...ref.countries.values()].sort((a, b) => pick(a.names, lang).localeCompare(pick(b.names, lang), lang));
  return (
    <Layout ctx={ctx} title={t.home.title} description={t.home.intro}>
      <h1>{t.home.title}</h1>
      <p class="lead">{t.home.intro}</p>
      {ref.indicators.size === 0 && !ctx.loading ? (
        <p class="notice">
          <strong>{t.common.empty}</strong> {t.common.emptyText}
        </p>
      ) : null}
      {headline ? <p class="headline">{headline}</p> : null}
      <div class="cols">
        <form class="inline" method="get" action={href(ctx, '/countries')}>
          <label>
            {t.home.pickCountry}
            <select name="iso3">
              {countries.map((c) => (
                <option value={c.iso3}>{pick(c.names, lang)}</option>
              ))}
            </select>
          </label>
          <button type="submit">{t.home.go}</button>
        </form>
        <form class="inline" method="get" action={href(ctx, '/groups')}>
          <label>
            {t.home.pickGroup}
            <select name="id">
              {[...ref.groups.values()].map((g) => (
                <option value={g.id}>{pick(g.names, lang)}</option>
              ))}
            </select>
          </label>
          <button type="submit">{t.home.go}</button>
        </form>
      </div>
      {table.length > 0 && groups.length > 0 ? (
        <>
          <h2>{t.home.divideTitle}</h2>
          <div class="wide">
          <table>
            <caption>{t.home.divideCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.common.indicator}</th>
                {groups.map((g) => (
                  <th scope="col" class="num">
                    <a href={href(ctx, `/groups/${g.id}`)}>{pick(g.names, lang)}</a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.map(({ def, cells }) => (
                <tr>
                  <th scope="row">
                    <a href={href(ctx, `/indicators/${def.code}`)}>{pick(def.names, lang)}</a>
                  </th>
                  {cells.map((row) => (
                    <AggregateCell ctx={ctx} def={def} row={row} names={entityNames(ref, lang)} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <SourceLine ctx={ctx} vintages={uniqueVintages(indicators.flatMap((d) => ref.indicators.get(d.code)?.vintages ?? []))} />
        </>
      ) : null}
      {chart}
      {internet ? <SourceLine ctx={ctx} vintages={internet.vintages} /> : null}
    </Layout>
  );
}
