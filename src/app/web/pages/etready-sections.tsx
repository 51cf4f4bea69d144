import { pick } from '../../../domain/lang.ts';
import { etreadyCountry, etreadyReviews } from '../../services/etready-matrix.ts';
import { formatNumber } from '../format.ts';
import { TEMPLATE_PATHS } from '../templates.ts';
import { href, type PageContext } from './context.ts';
import { PublishedReviews } from './etready-matrix.tsx';
import { ParamField } from './param-field.tsx';
import { etreadyDate, etreadyWeighting } from '../../questions/etready-matrix.ts';
import { parseParams } from '../../questions/question.ts';

const pctText = (ctx: PageContext, x: number | null) => (x === null ? '–' : `${formatNumber(x, ctx.lang, 1)}${ctx.lang === 'fr' ? ' %' : '%'}`);

/**
 * On /{lang}/etready: the implementation of the action matrices today, by group with its coverage and for
 * all of them, "no action matrix recorded" where none is; the published reviews beside; the links to the
 * requests page and the template.
 */
export async function EtreadyReviewsSection(props: { ctx: PageContext; groups: readonly string[]; search: URLSearchParams }) {
  const { ctx } = props;
  const m = ctx.t.etreadyMatrix;
  const ref = await ctx.obs.ref();
  const options = parseParams({ date: etreadyDate, weighting: etreadyWeighting }, props.search, { ref, today: ctx.obs.today() });
  const o = await etreadyReviews(ctx.obs, props.groups, options.date, options.weighting);
  const num = (x: number) => formatNumber(x, ctx.lang, 0);
  const rows = [
    { label: m.allMatrices, link: null as string | null, coverage: m.coverageValue(num(o.assessments.length), num(o.recorded)), shares: o.overall },
    ...o.groups.map((g) => ({ label: pick(ref.groups.get(g.id)?.names ?? { en: g.id }, ctx.lang), link: `/groups/${g.id}`, coverage: m.coverageValue(num(g.withMatrix), num(g.assessed)), shares: g.shares })),
  ];
  return (
    <section id="implementation">
      <p>
        <a href={href(ctx, '/etready/requests')}>{m.requestsLink}</a> · {m.templateTitle}
        {ctx.t.common.colon}
        <a href={TEMPLATE_PATHS.csv}>CSV</a> · <a href={TEMPLATE_PATHS.xlsx}>XLSX</a>
      </p>
      <h2>{m.reviewsTitle}</h2>
      <p>{m.reviewsIntro(o.date)}</p>
      <form method="get" action={`${href(ctx, '/etready')}#implementation`}>
        {props.search.get('groups') ? <input type="hidden" name="groups" value={props.search.get('groups') ?? ''} /> : null}
        <ParamField t={ctx.t} param={etreadyDate} value={options.date} />
        <ParamField t={ctx.t} param={etreadyWeighting} value={options.weighting} />
        <button type="submit">{m.show}</button>
      </form>
      <table>
        <thead>
          <tr>
            <th scope="col">{m.group}</th>
            <th scope="col">{m.coverage}</th>
            <th scope="col" class="num">{m.completed}</th>
            <th scope="col" class="num">{m.underImplementation}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.link ? <a href={href(ctx, r.link)}>{r.label}</a> : r.label}</th>
              <td>{r.coverage}</td>
              {r.shares === null ? (
                <td colspan={2}>{m.noMatrixShort}</td>
              ) : (
                <>
                  <td class="num">{pctText(ctx, r.shares.overall.completedShare)}</td>
                  <td class="num">{pctText(ctx, r.shares.overall.underImplementationShare)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {o.assessments.length ? (
        <ul>
          {o.assessments.map((a) => (
            <li>
              {a.iso3 ? <a href={href(ctx, `/etready/${a.iso3}`)}>{pick(ref.countries.get(a.iso3)?.names ?? { en: a.name }, ctx.lang)}</a> : a.name}
              {ctx.t.common.colon}
              {m.completed} {pctText(ctx, a.shares.overall.completedShare)}, {m.underImplementation.toLowerCase()} {pctText(ctx, a.shares.overall.underImplementationShare)}
            </li>
          ))}
        </ul>
      ) : null}
      {o.published.length ? (
        <>
          <h3>{m.publishedTitle}</h3>
          <p>{m.publishedIntro}</p>
          <PublishedReviews ctx={ctx} reviews={o.published} />
        </>
      ) : null}
    </section>
  );
}

/** On a country page: its eT Ready assessment's status, the shares of its action matrix today or "no action matrix recorded", and the link. */
export async function CountryEtready(props: { ctx: PageContext; iso3: string }) {
  const { ctx, iso3 } = props;
  const m = ctx.t.etreadyMatrix;
  const e = ctx.t.etready;
  const c = await etreadyCountry(ctx.obs, iso3, ctx.obs.today());
  if (c.assessment === null && c.recommendations.length === 0 && c.requests.length === 0) return null;
  const status = c.assessment ? (e.statuses[c.assessment.status] ?? c.assessment.status) : e.statuses['not-recorded'];
  return (
    <section id="etready">
      <h2>{e.title}</h2>
      <p>
        {m.latestStatus(status ?? '')}{' '}
        {c.shares === null
          ? m.noMatrixShort
          : `${m.completed}${ctx.t.common.colon}${pctText(ctx, c.shares.overall.completedShare)} · ${m.underImplementation}${ctx.t.common.colon}${pctText(ctx, c.shares.overall.underImplementationShare)}`}
      </p>
      <p>
        <a href={href(ctx, `/etready/${iso3}`)}>{m.countryTitle(pick((await ctx.obs.ref()).countries.get(iso3)?.names ?? { en: c.name }, ctx.lang))}</a>
      </p>
    </section>
  );
}
