import type { Child } from 'hono/jsx';
import { UNCTAD_B2C } from '../../../domain/readiness/method.ts';
import { latestIndex } from '../../services/readiness-latest.ts';
import type { ReadinessAnswer, ReadinessRow } from '../../services/readiness.ts';
import { formatNumber, formatValue } from '../format.ts';
import { href, type PageContext } from './context.ts';

/** The method country and group pages show: the built-in UNCTAD B2C E-commerce Index. */
const METHOD = UNCTAD_B2C.id;

const scored = (a: ReadinessAnswer) => a.rows.filter((r) => r.score !== null).length;
/** The economies an edition ranks: those stored, or its lowest rank when names it ranks could not be matched. */
const publishedCount = (a: ReadinessAnswer) => {
  const ranked = a.rows.flatMap((r) => (r.published ? [Number.isFinite(r.published.rank) ? r.published.rank : 0] : []));
  return Math.max(ranked.length, ...ranked);
};
const rowOf = (a: ReadinessAnswer, iso3: string): ReadinessRow | undefined => a.rows.find((r) => r.iso3 === iso3) ?? a.unlisted.find((r) => r.iso3 === iso3);

/** The published score and rank of an economy beside the computed one, or why there is none. */
function publishedLine(ctx: PageContext, latest: ReadinessAnswer, edition: ReadinessAnswer | null, iso3: string): string {
  const v = ctx.t.readinessViews;
  const fmt = (x: number | null) => (x === null ? '–' : formatNumber(x, ctx.lang, 1));
  const own = rowOf(latest, iso3);
  if (own?.published) return v.published(latest.year, fmt(own.published.score), String(own.published.rank), publishedCount(latest));
  if (!edition) return latest.reproduction ? v.notPublished(latest.year) : v.noEdition;
  const row = rowOf(edition, iso3);
  if (!row?.published) return v.notPublished(edition.year);
  return v.publishedBeside(edition.year, fmt(row.published.score), String(row.published.rank), publishedCount(edition), fmt(row.score), row.rank === null ? '–' : String(row.rank), scored(edition));
}

/** The section when no year can be scored: says so and links to the method page. */
function NoYear(props: { ctx: PageContext; name: string; link: Child }) {
  const v = props.ctx.t.readinessViews;
  return (
    <section id="readiness">
      <h2>{v.title}</h2>
      <p>{v.noYear(props.name)}</p>
      {props.link}
    </section>
  );
}

/** A country page's section: the latest index score and rank, each component normalised or why it is missing, the published edition beside. */
export async function CountryReadiness(props: { ctx: PageContext; iso3: string }) {
  const { ctx, iso3 } = props;
  const { t, lang } = ctx;
  const v = t.readinessViews;
  const method = ctx.services.readiness.method(METHOD);
  const { latest, edition } = await latestIndex(ctx.services.readiness, ctx.obs, METHOD);
  const link = (
    <p>
      <a href={href(ctx, `/readiness/${METHOD}${latest ? `?year=${latest.year}` : ''}`)}>{v.methodLink}</a>
    </p>
  );
  if (!latest) return <NoYear ctx={ctx} name={method.name} link={link} />;
  const ref = await ctx.obs.ref();
  const row = rowOf(latest, iso3);
  const fmt1 = (x: number) => formatNumber(x, lang, 1);
  return (
    <section id="readiness">
      <h2>{v.title}</h2>
      <p>{row?.score != null && row.rank !== null ? v.headline(method.name, latest.year, fmt1(row.score), row.rank, scored(latest)) : v.noScore(method.name, latest.year, scored(latest))}</p>
      {row ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{v.component}</th>
              <th scope="col" class="num">{v.yearRead}</th>
              <th scope="col" class="num">{v.value}</th>
              <th scope="col" class="num">{v.normalised}</th>
            </tr>
          </thead>
          <tbody>
            {row.components.map((c) => {
              const comp = method.components.find((k) => k.id === c.id);
              const def = comp ? ref.indicators.get(comp.indicator)?.def : undefined;
              return (
                <tr>
                  <th scope="row">
                    {comp ? <a href={href(ctx, `/indicators/${comp.indicator}`)}>{t.readiness.components[c.id] ?? comp.name}</a> : c.id}
                  </th>
                  <td class="num">{c.year ?? '–'}</td>
                  <td class="num">{c.raw === null ? '–' : def ? formatValue(c.raw, def, lang) : fmt1(c.raw)}</td>
                  <td class="num">
                    {c.missing !== null && !c.imputed ? v.missingReason(t.readiness.reasons[c.missing] ?? c.missing) : c.score === null ? '–' : `${fmt1(c.score)}${c.imputed ? ` (${t.readiness.imputed})` : ''}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <p>{publishedLine(ctx, latest, edition, iso3)}</p>
      <p class="muted">{v.latestNote(latest.year)}</p>
      {link}
    </section>
  );
}

/** A group page's section: the population-weighted average of the latest index, with its coverage. */
export async function GroupReadiness(props: { ctx: PageContext; id: string }) {
  const { ctx, id } = props;
  const { lang } = ctx;
  const v = ctx.t.readinessViews;
  const method = ctx.services.readiness.method(METHOD);
  const { latest } = await latestIndex(ctx.services.readiness, ctx.obs, METHOD);
  const link = (
    <p>
      <a href={href(ctx, `/readiness/${METHOD}${latest ? `?year=${latest.year}&groups=${id}` : ''}`)}>{v.methodLink}</a>
    </p>
  );
  if (!latest) return <NoYear ctx={ctx} name={method.name} link={link} />;
  const g = (await ctx.services.readiness.compute(METHOD, latest.year, undefined, [id])).groups[0];
  return (
    <section id="readiness">
      <h2>{v.title}</h2>
      <p>{g?.value != null ? v.groupHeadline(method.name, latest.year, formatNumber(g.value, lang, 1)) : v.groupWithheld(method.name, latest.year)}</p>
      {g ? (
        <p>
          {v.groupCoverage(formatNumber(g.membersWithData, lang), formatNumber(g.membersTotal, lang), g.populationCovered === null ? '–' : formatNumber(g.populationCovered * 100, lang, 0))}
        </p>
      ) : null}
      <p class="muted">{v.latestNote(latest.year)}</p>
      {link}
    </section>
  );
}
