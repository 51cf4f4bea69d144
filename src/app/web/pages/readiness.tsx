import { pick } from '../../../domain/lang.ts';
import { BUILT_IN_METHODS, type IndexMethod } from '../../../domain/readiness/method.ts';
import { defaultYear, groups, missing, pathMethod, version, year } from '../../questions/readiness.ts';
import { parseParams } from '../../questions/question.ts';
import { formatNumber } from '../format.ts';
import { href, type PageContext } from './context.ts';
import { Layout } from './layout.tsx';
import { ParamField } from './param-field.tsx';
import { ReadinessFigures } from './readiness-figures.tsx';
import { placeQuery } from '../../questions/readiness-places.ts';
import { DefineMethod, MethodByline, UserMethodList } from './readiness-methods.tsx';

/** /{lang}/readiness: the methods. */
export async function readinessIndexPage(ctx: PageContext) {
  const r = ctx.t.readiness;
  const all = await ctx.services.readiness.allMethods();
  return (
    <Layout ctx={ctx} title={r.title} description={r.intro}>
      <h1>{r.title}</h1>
      <p class="lead">{r.intro}</p>
      <h2>{ctx.t.readinessMethods.builtIn}</h2>
      <ul>
        {BUILT_IN_METHODS.map((m) => (
          <li>
            <a href={href(ctx, `/readiness/${m.id}`)}>{m.name}</a> ({r.version} {m.version})
          </li>
        ))}
      </ul>
      <UserMethodList ctx={ctx} methods={all} />
    </Layout>
  );
}

/** The method's section: components, rules, how close the reproduction is and why it differs. */
function MethodSection(props: { ctx: PageContext; method: IndexMethod; closeness: string }) {
  const { ctx, method } = props;
  const m = ctx.t.readiness.method;
  return (
    <section id="method">
      <h2>{m.title}</h2>
      <p>{method.description}</p>
      <h3>{m.components}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{m.indicator}</th>
            <th scope="col">{m.years}</th>
            <th scope="col">{m.transformation}</th>
            <th scope="col">{m.normalisation}</th>
            <th scope="col" class="num">{m.weight}</th>
          </tr>
        </thead>
        <tbody>
          {method.components.map((c) => (
            <tr>
              <th scope="row">
                {(method.authorship ? null : ctx.t.readiness.components[c.id]) ?? c.name} (<a href={href(ctx, `/indicators/${c.indicator}`)}>{c.indicator}</a>)
              </th>
              <td>{c.year.kind === 'latest' ? m.latest(c.year.window, c.year.lag) : m.fixed(c.year.year)}</td>
              <td>{m.transformations[c.transformation]}</td>
              <td>{c.normalisation.kind === 'min-max' ? m.minMax : m.goalposts(c.normalisation.low, c.normalisation.high)}</td>
              <td class="num">{formatNumber(c.weight, ctx.lang, Number.isInteger(c.weight) ? 0 : 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{m.score}</p>
      <p>{m.missingRule}</p>
      {method.published ? (
        <>
          <h3>{m.closeness}</h3>
          <p>{props.closeness}</p>
          <h3>{m.why}</h3>
          <ul>
            {m.whyItems.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
          <p>{m.published}</p>
        </>
      ) : null}
    </section>
  );
}

/** /{lang}/readiness/{method}: the ranked economies beside the published edition, and the method. */
export async function readinessPage(ctx: PageContext, params: Record<string, string>, search: URLSearchParams) {
  const { obs, t, lang } = ctx;
  const r = t.readiness;
  const ref = await obs.ref();
  const query = new URLSearchParams(search);
  query.set('method', params.method ?? '');
  const options = parseParams({ method: pathMethod, version, year, missing, groups }, query, { ref, today: obs.today() });
  // A method or version that is not there is a 404 (NotFoundError).
  const found = await ctx.services.readiness.resolve(options.method, options.version);
  const a = await ctx.services.readiness.compute(found, options.year ?? defaultYear(found), options.missing, options.groups);
  const fmt = (x: number | null, d = 1) => (x === null ? '–' : formatNumber(x, lang, d));
  const name = (iso3: string) => {
    const c = ref.countries.get(iso3);
    return c ? pick(c.names, lang) : iso3;
  };
  const rep = a.reproduction;
  const closeness = rep && rep.compared > 0 ? r.reproduction(formatNumber(rep.compared, lang), fmt(rep.meanAbsoluteDifference, 2), fmt(rep.maxAbsoluteDifference, 1), fmt(rep.spearman, 3)) : r.noPublished;
  const versionQuery = options.version === undefined ? '' : `&version=${options.version}`;
  const api = `/api/v1/readiness/${found.id}?year=${a.year}&missing=${a.missing}${versionQuery}`;
  // Country and group links open their readiness section on the same choice.
  const choice = placeQuery({ method: found.id, year: a.year, missing: a.missing });
  const title = `${found.name} ${a.year}`;
  // A user-defined method reproduces no published index: no columns or paragraphs about one.
  const hasPublished = found.published !== undefined;
  const componentName = (id: string) => (found.authorship ? undefined : r.components[id]) ?? found.components.find((c) => c.id === id)?.name ?? id;
  return (
    <Layout ctx={ctx} title={title} description={r.intro}>
      <h1>{title}</h1>
      <p class="lead">{r.intro}</p>
      <MethodByline ctx={ctx} method={found} year={a.year} />
      <form method="get" action={href(ctx, `/readiness/${found.id}`)}>
        {options.version === undefined ? null : <input type="hidden" name="version" value={String(options.version)} />}
        <ParamField t={t} param={year} value={String(a.year)} />
        <ParamField t={t} param={missing} value={a.missing} />
        <button type="submit">{r.show}</button>
      </form>
      {hasPublished ? <p>{closeness}</p> : null}
      {a.onlyPublished.length ? <p>{r.onlyPublished(a.onlyPublished.map(name).join(', '))}</p> : null}
      {a.onlyObservatory.length ? <p>{r.onlyObservatory(a.onlyObservatory.map(name).join(', '))}</p> : null}
      <ReadinessFigures ctx={ctx} ref={ref} answer={a} />
      {a.groups.length ? (
        <>
          <h2>{r.groupsTitle}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.common.group}</th>
                <th scope="col" class="num">{r.groupScore}</th>
                <th scope="col" class="num">{t.common.coverage}</th>
              </tr>
            </thead>
            <tbody>
              {a.groups.map((g) => (
                <tr>
                  <th scope="row">
                    <a href={href(ctx, `/groups/${g.id}?${choice}#readiness`)}>{pick(ref.groups.get(g.id)?.names ?? { en: g.id }, lang)}</a>
                  </th>
                  <td class="num">{fmt(g.value)}</td>
                  <td class="num">{r.coverage(formatNumber(g.membersWithData, lang), formatNumber(g.membersTotal, lang), g.populationCovered === null ? '–' : formatNumber(g.populationCovered * 100, lang, 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{r.groupsNote}</p>
        </>
      ) : null}
      <h2>{r.ranked}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col" class="num">{r.rank}</th>
            <th scope="col">{r.economy}</th>
            <th scope="col" class="num">{r.score}</th>
            {hasPublished ? (
              <>
                <th scope="col" class="num">{r.publishedScore}</th>
                <th scope="col" class="num">{r.publishedRank}</th>
                <th scope="col" class="num">{r.difference}</th>
              </>
            ) : null}
            <th scope="col">{r.missingCol}</th>
          </tr>
        </thead>
        <tbody>
          {a.rows.map((row) => (
            <tr>
              <td class="num">{row.rank ?? '–'}</td>
              <th scope="row">
                <a href={href(ctx, `/countries/${row.iso3}?${choice}#readiness`)}>{name(row.iso3)}</a>
              </th>
              <td class="num">{fmt(row.score)}</td>
              {hasPublished ? (
                <>
                  <td class="num">{fmt(row.published?.score ?? null)}</td>
                  <td class="num">{row.published ? row.published.rank : '–'}</td>
                  <td class="num">{fmt(row.difference)}</td>
                </>
              ) : null}
              <td>
                {row.treatment === 'complete' ? '' : `${r.treatments[row.treatment]}: `}
                {row.components
                  .filter((c) => c.missing !== null)
                  .map((c) => `${componentName(c.id)} (${r.reasons[c.missing ?? ''] ?? c.missing}${c.imputed ? `, ${r.imputed}` : ''})`)
                  .join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={api}>JSON</a> · <a href={`${api}&format=csv`}>CSV</a>
      </p>
      <MethodSection ctx={ctx} method={found} closeness={closeness} />
      {found.authorship ? null : (
        <>
          <p>{t.readinessViews.pagesNote}</p>
          <p>{t.readinessPlaces.pagesChoice}</p>
        </>
      )}
      <DefineMethod ctx={ctx} />
    </Layout>
  );
}
