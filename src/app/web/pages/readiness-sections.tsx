import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { pick } from '../../../domain/lang.ts';
import type { IndexMethod, MissingRule } from '../../../domain/readiness/method.ts';
import { parseParams } from '../../questions/question.ts';
import { PLACE_PAGE_PARAMS } from '../../questions/readiness-places.ts';
import { resolveMethod } from '../../questions/readiness.ts';
import { ParameterError } from '../../../domain/errors.ts';
import { economyReadiness, groupReadiness, type EconomyReadiness, type GroupReadiness } from '../../services/readiness-places.ts';
import type { Reference } from '../../services/reference.ts';
import { formatNumber, formatValue } from '../format.ts';
import { renderComponentBars, type ComponentBarRow } from '../render/component-bars.ts';
import { href, type PageContext } from './context.ts';
import { ParamField } from './param-field.tsx';

const PLACE_NAMES = new Set(Object.values(PLACE_PAGE_PARAMS).map((p) => p.name));

/** The readiness choice a country or group page's query asks for, read by the questions' own parameters; a method not there is refused as readiness_method. */
async function choiceOf(ctx: PageContext, ref: Reference, query: URLSearchParams) {
  const values = parseParams(PLACE_PAGE_PARAMS, query, { ref, today: ctx.obs.today() });
  try {
    const { method } = await resolveMethod(ctx.services.readiness, values.method, undefined, undefined);
    return { ...values, method, methods: (await ctx.services.readiness.allMethods()).map((m) => [m.id, m.name] as const) };
  } catch (error) {
    if (error instanceof ParameterError) throw new ParameterError(PLACE_PAGE_PARAMS.method.name, error.reason);
    throw error;
  }
}

/** The form switching the method, the year and the rule; the page's other parameters ride along. */
function ChoiceForm(props: { ctx: PageContext; action: string; query: URLSearchParams; method: IndexMethod; methods: readonly (readonly [string, string])[]; year: number | null; missing: MissingRule }) {
  const { ctx, query } = props;
  const { t } = ctx;
  const others = [...query.entries()].filter(([k]) => !PLACE_NAMES.has(k));
  return (
    <form method="get" action={`${props.action}#readiness`} class="readiness-choice" aria-label={t.readinessPlaces.choose}>
      {others.map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <ParamField t={t} param={PLACE_PAGE_PARAMS.method} value={props.method.id} choices={props.methods} />
      <ParamField t={t} param={PLACE_PAGE_PARAMS.year} value={props.year === null ? '' : String(props.year)} />
      <ParamField t={t} param={PLACE_PAGE_PARAMS.missing} value={props.missing} />
      <button type="submit">{t.readiness.show}</button>
    </form>
  );
}

/** The readiness choice of the page's query as hidden fields, for the page's other forms to keep it. */
export function ReadinessHidden(props: { query: URLSearchParams }) {
  return (
    <>
      {[...props.query.entries()]
        .filter(([k]) => PLACE_NAMES.has(k))
        .map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
    </>
  );
}

/** The choices in force: which method and version, which year and why, which rule and why. */
function InForce(props: { ctx: PageContext; view: EconomyReadiness | GroupReadiness; ruleChosen: boolean }) {
  const { ctx, view } = props;
  const p = ctx.t.readinessPlaces;
  return (
    <p class="muted">
      {p.inForce(view.method.name, view.method.version, view.year, view.chosen ? p.yearChosen : p.yearLatest, p.rules[view.missing] ?? view.missing, props.ruleChosen ? p.ruleChosen : p.ruleOwn)}
    </p>
  );
}

/** Links to the method page for the same choice, and to the same figures as JSON and CSV. */
function Links(props: { ctx: PageContext; method: IndexMethod; year: number | null; missing: MissingRule | undefined; groups?: string; api: string }) {
  const { ctx, method, year, missing } = props;
  const q = new URLSearchParams();
  if (year !== null) q.set('year', String(year));
  if (props.groups) q.set('groups', props.groups);
  if (missing !== undefined) q.set('missing', missing);
  const page = `/readiness/${method.id}${q.size ? `?${q}` : ''}`;
  const api = new URLSearchParams();
  if (year !== null) api.set('year', String(year));
  if (missing !== undefined) api.set('missing', missing);
  const base = `/api/v1/readiness/${method.id}/${props.api}`;
  const json = api.size ? `${base}?${api}` : base;
  return (
    <p>
      <a href={href(ctx, page)}>{ctx.t.readinessViews.methodLink}</a>
      {year !== null ? (
        <>
          {' · '}
          {ctx.t.readinessPlaces.downloads}
          {ctx.t.common.colon}
          <a href={json}>JSON</a> · <a href={`${json}${api.size ? '&' : '?'}format=csv`}>CSV</a>
        </>
      ) : null}
    </p>
  );
}

/** The section when no year can be scored: says so, offers the form and links to the method page. */
function NoYear(props: { ctx: PageContext; name: string; form: Child; link: Child }) {
  const v = props.ctx.t.readinessViews;
  return (
    <section id="readiness">
      <h2>{v.title}</h2>
      {props.form}
      <p>{v.noYear(props.name)}</p>
      {props.link}
    </section>
  );
}

const componentLabel = (ctx: PageContext, method: IndexMethod, id: string) => ctx.t.readiness.components[id] ?? method.components.find((c) => c.id === id)?.name ?? id;
const economyName = (ctx: PageContext, ref: Reference, iso3: string) => {
  const c = ref.countries.get(iso3);
  return c ? pick(c.names, ctx.lang) : (ref.economies.get(iso3)?.name ?? iso3);
};

/** The published score and rank of an economy beside the computed one, or why there is none. */
function publishedLine(ctx: PageContext, e: EconomyReadiness): string {
  const v = ctx.t.readinessViews;
  const fmt = (x: number | null) => (x === null ? '–' : formatNumber(x, ctx.lang, 1));
  const p = e.published;
  if (!p) return e.editionYear === null ? v.noEdition : v.notPublished(e.editionYear);
  const rank = p.rank === null ? '–' : String(p.rank);
  if (!p.computed) {
    const own = e.score !== null && e.rank !== null ? ` ${ctx.t.readinessPlaces.computedBeside(fmt(e.score), e.rank.rank, e.rank.of, `${e.score - p.score > 0 ? '+' : ''}${formatNumber(e.score - p.score, ctx.lang, 1)}`)}` : '';
    return `${v.published(p.year, fmt(p.score), rank, p.of)}${own}`;
  }
  return v.publishedBeside(p.year, fmt(p.score), rank, p.of, fmt(p.computed.score), p.computed.rank ? String(p.computed.rank.rank) : '–', p.computed.scored);
}

/** The chart of an economy's normalised components beside the mean and the highest of the economies scored. */
function EconomyChart(props: { ctx: PageContext; e: EconomyReadiness; name: string }) {
  const { ctx, e, name } = props;
  const p = ctx.t.readinessPlaces;
  const fmt = (n: number) => formatNumber(n, ctx.lang, 1);
  const f = (n: number | null) => (n === null ? '–' : fmt(n));
  if (e.components.every((c) => c.mean === null)) return null;
  const rows: ComponentBarRow[] = e.components.map((c) => {
    const label = componentLabel(ctx, e.method, c.id);
    const missing = c.missing !== null && !c.imputed;
    const own = missing ? ctx.t.readinessViews.missingReason(ctx.t.readiness.reasons[c.missing ?? ''] ?? String(c.missing)) : `${f(c.score)}${c.imputed ? ` (${ctx.t.readiness.imputed})` : ''}`;
    return { label, value: missing ? null : c.score, reference: c.mean, max: c.max, missing: own, title: p.barTitle(label, name, own, f(c.mean), f(c.max)) };
  });
  const description = p.chartDescription(rows.map((r) => p.chartPart(r.label, r.value === null ? (r.missing ?? '–') : f(r.value), f(r.reference), f(r.max))).join(', '));
  const svg = renderComponentBars({ title: p.chartTitle(name, e.method.name, e.year), description, valueLabel: name, referenceLabel: p.meanLabel, maxLabel: p.maxLabel, rows, formatValue: fmt });
  return (
    <figure class="readiness-components">
      {raw(svg)}
      <figcaption>{description}</figcaption>
    </figure>
  );
}

/** A country page's section: the score and rank for the method, year and rule chosen, each component beside the others, the published edition beside. */
export async function CountryReadiness(props: { ctx: PageContext; iso3: string; query?: URLSearchParams }) {
  const { ctx, iso3 } = props;
  const query = props.query ?? new URLSearchParams();
  const { t, lang } = ctx;
  const v = t.readinessViews;
  const ref = await ctx.obs.ref();
  const choice = await choiceOf(ctx, ref, query);
  const method = choice.method;
  const e = await economyReadiness(ctx.services.readiness, ctx.obs, method, iso3, { year: choice.year, missing: choice.missing });
  const form = <ChoiceForm ctx={ctx} action={href(ctx, `/countries/${iso3}`)} query={query} method={method} methods={choice.methods} year={e?.year ?? null} missing={e?.missing ?? choice.missing ?? method.missing} />;
  const link = <Links ctx={ctx} method={method} year={e?.year ?? null} missing={choice.missing} api={`countries/${iso3}`} />;
  if (!e) return <NoYear ctx={ctx} name={method.name} form={form} link={link} />;
  const name = economyName(ctx, ref, iso3);
  const row = e.answer.rows.find((r) => r.iso3 === iso3) ?? e.answer.unlisted.find((r) => r.iso3 === iso3);
  const fmt1 = (x: number) => formatNumber(x, lang, 1);
  return (
    <section id="readiness">
      <h2>{v.title}</h2>
      {form}
      <InForce ctx={ctx} view={e} ruleChosen={choice.missing !== undefined} />
      <p>{e.score !== null && e.rank !== null ? v.headline(method.name, e.year, fmt1(e.score), e.rank.rank, e.rank.of) : v.noScore(method.name, e.year, e.scored)}</p>
      {e.rank && e.rank.tiedWith.length > 0 ? <p>{t.readinessPlaces.tied(e.rank.tiedWith.map((x) => economyName(ctx, ref, x)).join(', '))}</p> : null}
      <p>{publishedLine(ctx, e)}</p>
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
            {e.components.map((c) => {
              const comp = method.components.find((k) => k.id === c.id);
              const def = comp ? ref.indicators.get(comp.indicator)?.def : undefined;
              return (
                <tr>
                  <th scope="row">{comp ? <a href={href(ctx, `/indicators/${comp.indicator}`)}>{componentLabel(ctx, method, c.id)}</a> : c.id}</th>
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
      <EconomyChart ctx={ctx} e={e} name={name} />
      {e.chosen ? null : <p class="muted">{v.latestNote(e.year)}</p>}
      {link}
    </section>
  );
}

/** Beyond this many members without a score, their list is folded. */
const FOLDED_FROM = 12;

/** A group's missing members and why: the components they lack, no population, or not an economy the index covers. */
function MissingMembers(props: { ctx: PageContext; ref: Reference; g: GroupReadiness }) {
  const { ctx, ref, g } = props;
  const p = ctx.t.readinessPlaces;
  const missing = g.members.filter((m) => m.status !== 'scored');
  const list = (
    <ul>
      {missing.map((m) => {
        const why =
          m.status === 'not-covered'
            ? p.notCovered
            : m.status === 'no-population'
              ? p.noPopulation
              : p.lacks(m.lacking.map((l) => `${componentLabel(ctx, g.method, l.id)} (${ctx.t.readiness.reasons[l.reason] ?? l.reason})`).join(', '));
        return (
          <li>
            {ref.countries.has(m.iso3) ? <a href={href(ctx, `/countries/${m.iso3}`)}>{economyName(ctx, ref, m.iso3)}</a> : economyName(ctx, ref, m.iso3)}
            {ctx.t.common.colon}
            {why}
          </li>
        );
      })}
    </ul>
  );
  return (
    <>
      <h3>{p.membersMissing}</h3>
      {missing.length === 0 ? (
        <p>{p.allScored}</p>
      ) : missing.length > FOLDED_FROM ? (
        <details>
          <summary>{p.membersMissingCount(formatNumber(missing.length, ctx.lang), formatNumber(g.members.length, ctx.lang))}</summary>
          {list}
        </details>
      ) : (
        list
      )}
    </>
  );
}

/** A group's components: each one's population-weighted average over the members scored, with coverage, as a chart and a table. */
function GroupComponents(props: { ctx: PageContext; g: GroupReadiness; name: string }) {
  const { ctx, g, name } = props;
  const { lang } = ctx;
  const p = ctx.t.readinessPlaces;
  const fmt = (n: number) => formatNumber(n, lang, 1);
  const f = (n: number | null) => (n === null ? '–' : fmt(n));
  const stats = new Map(
    g.method.components.map((c, i) => {
      const values = g.answer.rows.flatMap((r) => (r.score === null ? [] : [r.components[i]?.score ?? null])).filter((x): x is number => x !== null);
      return [c.id, { mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null, max: values.length ? Math.max(...values) : null }];
    }),
  );
  const rows: ComponentBarRow[] = g.components.map((c) => {
    const label = componentLabel(ctx, g.method, c.id);
    const s = stats.get(c.id);
    const own = c.average.value === null ? p.withheld : fmt(c.average.value);
    return { label, value: c.average.value, reference: s?.mean ?? null, max: s?.max ?? null, missing: own, title: p.barTitle(label, name, own, f(s?.mean ?? null), f(s?.max ?? null)) };
  });
  const description = p.chartDescription(rows.map((r) => p.chartPart(r.label, r.value === null ? p.withheld : f(r.value), f(r.reference), f(r.max))).join(', '));
  const drawn = rows.some((r) => r.value !== null || r.reference !== null);
  return (
    <>
      <h3>{p.groupComponents}</h3>
      {drawn ? (
        <figure class="readiness-components">
          {raw(renderComponentBars({ title: p.groupChartTitle(name, g.method.name, g.year), description, valueLabel: name, referenceLabel: p.meanLabel, maxLabel: p.maxLabel, rows, formatValue: fmt }))}
          <figcaption>{description}</figcaption>
        </figure>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{ctx.t.readinessViews.component}</th>
            <th scope="col" class="num">{p.average}</th>
            <th scope="col" class="num">{p.coverage}</th>
          </tr>
        </thead>
        <tbody>
          {g.components.map((c) => (
            <tr>
              <th scope="row">{componentLabel(ctx, g.method, c.id)}</th>
              <td class="num">{c.average.value === null ? p.withheld : fmt(c.average.value)}</td>
              <td class="num">{ctx.t.readiness.coverage(formatNumber(c.average.membersWithData, lang), formatNumber(c.average.membersTotal, lang), c.average.populationCovered === null ? '–' : formatNumber(c.average.populationCovered * 100, lang, 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A group page's section: the population-weighted average for the method, year and rule chosen, with coverage, each component's, the members missing and why. */
export async function GroupReadiness(props: { ctx: PageContext; id: string; query?: URLSearchParams }) {
  const { ctx, id } = props;
  const query = props.query ?? new URLSearchParams();
  const { lang } = ctx;
  const v = ctx.t.readinessViews;
  const ref = await ctx.obs.ref();
  const choice = await choiceOf(ctx, ref, query);
  const method = choice.method;
  const g = await groupReadiness(ctx.services.readiness, ctx.obs, method, id, { year: choice.year, missing: choice.missing });
  const form = <ChoiceForm ctx={ctx} action={href(ctx, `/groups/${id}`)} query={query} method={method} methods={choice.methods} year={g?.year ?? null} missing={g?.missing ?? choice.missing ?? method.missing} />;
  const link = <Links ctx={ctx} method={method} year={g?.year ?? null} missing={choice.missing} groups={id} api={`groups/${id}`} />;
  if (!g) return <NoYear ctx={ctx} name={method.name} form={form} link={link} />;
  const a = g.average;
  const group = ref.groups.get(id);
  const name = group ? pick(group.names, lang) : id;
  return (
    <section id="readiness">
      <h2>{v.title}</h2>
      {form}
      <InForce ctx={ctx} view={g} ruleChosen={choice.missing !== undefined} />
      <p>{a.value !== null ? v.groupHeadline(method.name, g.year, formatNumber(a.value, lang, 1)) : v.groupWithheld(method.name, g.year)}</p>
      <p>{v.groupCoverage(formatNumber(a.membersWithData, lang), formatNumber(a.membersTotal, lang), a.populationCovered === null ? '–' : formatNumber(a.populationCovered * 100, lang, 0))}</p>
      <GroupComponents ctx={ctx} g={g} name={name} />
      <MissingMembers ctx={ctx} ref={ref} g={g} />
      {g.chosen ? null : <p class="muted">{v.latestNote(g.year)}</p>}
      {link}
    </section>
  );
}
