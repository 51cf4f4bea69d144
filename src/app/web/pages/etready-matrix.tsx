import { raw } from 'hono/html';
import { pick } from '../../../domain/lang.ts';
import { canPropose } from '../../../domain/accounts.ts';
import type { MatrixShares } from '../../../domain/etready/matrix.ts';
import type { EtreadyChange } from '../../../domain/etready/edits.ts';
import type { ReviewCheckpoint } from '../../../domain/etready/reviews.ts';
import { ETREADY_STATUSES } from '../../../domain/etready/status.ts';
import { changeDates, sharesAt, statusAt, type Shares } from '../../../domain/tracking.ts';
import { etreadyGroups } from '../../questions/etready.ts';
import { etreadyDate } from '../../questions/etready-matrix.ts';
import { pathCountry } from '../../questions/params.ts';
import { parseParams } from '../../questions/question.ts';
import { etreadyCountry, etreadyRequests, type CountryMatrix, type RequestRow } from '../../services/etready-matrix.ts';
import { formatNumber } from '../format.ts';
import { renderShareBars } from '../render/share-bars.ts';
import { TEMPLATE_PATHS } from '../templates.ts';
import { href, type PageContext } from './context.ts';
import { Layout } from './layout.tsx';
import { ParamField } from './param-field.tsx';
import { MethodSection } from './widgets.tsx';

const pctText = (ctx: PageContext, x: number) => `${formatNumber(x, ctx.lang, 1)}${ctx.lang === 'fr' ? ' %' : '%'}`;

/** A share cell: "50% (2 of 4)", or a dash when nothing is counted. */
function shareCell(ctx: PageContext, share: number | null, n: number, of: number): string {
  return share === null ? '–' : ctx.t.etreadyMatrix.share(pctText(ctx, share), String(n), String(of));
}

/** The table of shares per area and overall, and its bar chart. */
export function SharesTable(props: { ctx: PageContext; shares: MatrixShares; chart?: boolean }) {
  const { ctx, shares } = props;
  const m = ctx.t.etreadyMatrix;
  const row = (label: string, s: Shares) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="num">{s.counted}</td>
      <td class="num">{shareCell(ctx, s.completedShare, s.completed, s.counted)}</td>
      <td class="num">{shareCell(ctx, s.underImplementationShare, s.underImplementation, s.counted)}</td>
      <td class="num">{s.dropped}</td>
    </tr>
  );
  const svg = props.chart
    ? renderShareBars({
        title: m.chartTitle(shares.date),
        description: m.chartAlt,
        bars: [...shares.byArea.map((a) => ({ label: m.areas[a.area] ?? a.area, completed: a.shares.completedShare, underImplementation: a.shares.underImplementationShare })), { label: m.overall, completed: shares.overall.completedShare, underImplementation: shares.overall.underImplementationShare }],
        completedLabel: m.completed,
        underImplementationLabel: m.underImplementation,
        noneLabel: '–',
        formatPct: (x) => pctText(ctx, x),
      })
    : null;
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">{m.area}</th>
            <th scope="col" class="num">{m.counted}</th>
            <th scope="col" class="num">{m.completed}</th>
            <th scope="col" class="num">{m.underImplementation}</th>
            <th scope="col" class="num">{m.dropped}</th>
          </tr>
        </thead>
        <tbody>
          {shares.byArea.map((a) => row(m.areas[a.area] ?? a.area, a.shares))}
          {row(m.overall, shares.overall)}
        </tbody>
      </table>
      {svg ? <figure class="chart">{raw(svg)}</figure> : null}
    </>
  );
}

/** The published reviews, quoted with their sources and caveats. */
export function PublishedReviews(props: { ctx: PageContext; reviews: readonly ReviewCheckpoint[]; named?: boolean }) {
  const m = props.ctx.t.etreadyMatrix;
  return (
    <ul>
      {props.reviews.map((r) => (
        <li>
          <strong>{r.review}</strong>
          {r.finding ? <q>{r.finding}</q> : <em> {m.notFound}</em>}
          {r.sources.length ? (
            <>
              {' '}
              ({m.sources}
              {props.ctx.t.common.colon}
              {r.sources.map((s, i) => (
                <>
                  {i ? ' · ' : ''}
                  <a href={s}>{new URL(s, 'https://x').hostname}</a>
                </>
              ))}
              )
            </>
          ) : null}
          {r.caveat ? (
            <span class="muted">
              {' '}
              {m.caveat}
              {props.ctx.t.common.colon}
              {r.caveat}
            </span>
          ) : null}
          {props.named && r.namedCountries.length ? <p class="note">{m.stockTakeNamed(String(r.namedCountries.length))}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function RequestTable(props: { ctx: PageContext; rows: readonly RequestRow[] }) {
  const { ctx } = props;
  const m = ctx.t.etreadyMatrix;
  const e = ctx.t.etready;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{e.country}</th>
          <th scope="col">{m.authority}</th>
          <th scope="col">{m.requested}</th>
          <th scope="col">{m.status}</th>
          <th scope="col" class="num">{m.waited}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">{r.iso3 ? <a href={href(ctx, `/etready/${r.iso3}`)}>{r.name}</a> : r.name}</th>
            <td>{r.authority ?? m.authorityMissing}</td>
            <td>{r.requested}</td>
            <td>{e.statuses[r.status] ?? r.status}</td>
            <td class="num">{r.waiting ? m.waiting(formatNumber(r.days, ctx.lang, 0), formatNumber(r.days / 365.25, ctx.lang, 1)) : m.answered(formatNumber(r.days, ctx.lang, 0), e.statuses[r.status] ?? r.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The overall shares on each day a status changed, up to the date asked for. */
function ProgressTable(props: { ctx: PageContext; c: CountryMatrix }) {
  const { ctx, c } = props;
  const m = ctx.t.etreadyMatrix;
  const dates = changeDates(c.recommendations).filter((d) => d <= c.date);
  if (dates.length === 0) return null;
  return (
    <section id="progress">
      <h3>{m.progressTitle}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{m.progressDate}</th>
            <th scope="col" class="num">{m.counted}</th>
            <th scope="col" class="num">{m.completed}</th>
            <th scope="col" class="num">{m.underImplementation}</th>
          </tr>
        </thead>
        <tbody>
          {dates.map((d) => {
            const s = sharesAt(c.recommendations, d);
            return (
              <tr>
                <th scope="row">{d}</th>
                <td class="num">{s.counted}</td>
                <td class="num">{shareCell(ctx, s.completedShare, s.completed, s.counted)}</td>
                <td class="num">{shareCell(ctx, s.underImplementationShare, s.underImplementation, s.counted)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function TemplateLinks(props: { ctx: PageContext }) {
  const m = props.ctx.t.etreadyMatrix;
  return (
    <section id="template">
      <h2>{m.templateTitle}</h2>
      <p>{m.templateText}</p>
      <p>
        <a href={TEMPLATE_PATHS.csv}>CSV</a> · <a href={TEMPLATE_PATHS.xlsx}>XLSX</a>
      </p>
    </section>
  );
}

/** /{lang}/etready/{iso3}: the country's assessment, requests, shares on a date per area with a chart, and the action matrix with its histories. */
export async function etreadyCountryPage(ctx: PageContext, params: Record<string, string>, search: URLSearchParams) {
  const { obs, t, lang } = ctx;
  const m = t.etreadyMatrix;
  const e = t.etready;
  const ref = await obs.ref();
  const country = pathCountry(ref, params.iso3 ?? '');
  const { date } = parseParams({ date: etreadyDate }, search, { ref, today: obs.today() });
  const c = await etreadyCountry(obs, country.iso3, date);
  const name = pick(country.names, lang);
  const a = c.assessment;
  const api = `/api/v1/etready/${c.iso3}?date=${date}`;
  return (
    <Layout ctx={ctx} title={m.countryTitle(name)} description={m.countryIntro}>
      <p>
        <a href={href(ctx, '/etready')}>{m.allAssessments}</a> · <a href={href(ctx, `/countries/${c.iso3}`)}>{name}</a>
      </p>
      <h1>{m.countryTitle(name)}</h1>
      <p class="lead">{m.countryIntro}</p>
      {ctx.account && canPropose(ctx.account, c.iso3) ? (
        <p>
          <a href={href(ctx, `/edit/etready/${c.iso3}`)}>{m.editLink}</a>
        </p>
      ) : null}
      <h2 id="assessment">{m.assessmentTitle}</h2>
      {a ? (
        <>
          <p>
            {m.latestStatus(e.statuses[a.status] ?? a.status)} {a.link ? <a href={a.link}>{a.symbol ?? a.title ?? a.link}</a> : (a.symbol ?? '')}
          </p>
          <ul>
            {ETREADY_STATUSES.filter((s) => a.dates[s]).map((s) => (
              <li>
                {e.statuses[s]}
                {t.common.colon}
                {a.dates[s]}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{m.notRecorded}</p>
      )}
      <h2 id="requests">{m.requestsTitle}</h2>
      {c.requests.length ? <RequestTable ctx={ctx} rows={c.requests} /> : <p>{m.noRequest}</p>}
      <h2 id="implementation">{m.sharesTitle(date)}</h2>
      <form method="get" action={href(ctx, `/etready/${c.iso3}`)}>
        <ParamField t={t} param={etreadyDate} value={date} />
        <button type="submit">{m.show}</button>
      </form>
      {c.shares === null ? <p class="note">{m.noMatrix}</p> : c.shares.overall.recorded === 0 ? <p>{m.nothingYet(date)}</p> : <SharesTable ctx={ctx} shares={c.shares} chart />}
      {c.recommendations.length ? <ProgressTable ctx={ctx} c={c} /> : null}
      {c.recommendations.length ? (
        <>
          <h2 id="matrix">{m.matrixTitle}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{m.id}</th>
                <th scope="col">{m.area}</th>
                <th scope="col">{m.recommendation}</th>
                <th scope="col">{m.priority}</th>
                <th scope="col">{m.lead}</th>
                <th scope="col">{m.partners}</th>
                <th scope="col">{m.timeline}</th>
                <th scope="col">{m.statusAt(date)}</th>
                <th scope="col">{m.history}</th>
              </tr>
            </thead>
            <tbody>
              {c.recommendations.map((r) => {
                const now = statusAt(r, date);
                return (
                  <tr>
                    <th scope="row">{r.id}</th>
                    <td>{m.areas[r.area] ?? r.area}</td>
                    <td>{r.text}</td>
                    <td>{r.priority ? (m.priorities[r.priority] ?? r.priority) : '–'}</td>
                    <td>{r.lead ?? '–'}</td>
                    <td>{r.partners ?? '–'}</td>
                    <td>{r.timeline ?? '–'}</td>
                    <td>{now ? (m.itemStatuses[now] ?? now) : m.notYet}</td>
                    <td>
                      <ul>
                        {[...r.history]
                          .sort((x, y) => x.date.localeCompare(y.date))
                          .map((h) => (
                            <li>
                              {h.date} {m.itemStatuses[h.status] ?? h.status}
                              {h.source ? <> ({/^https?:\/\//.test(h.source) ? <a href={h.source}>{h.source}</a> : h.source})</> : null}
                            </li>
                          ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : null}
      {c.reviews.length ? (
        <section id="published">
          <h2>{m.publishedTitle}</h2>
          <p>{m.publishedIntro}</p>
          <PublishedReviews ctx={ctx} reviews={c.reviews} />
        </section>
      ) : null}
      <p>
        <a href={api}>JSON</a> · <a href={`${api}&format=csv`}>CSV</a>
      </p>
      <TemplateLinks ctx={ctx} />
      <MethodSection title={m.methodTitle} items={m.method} />
    </Layout>
  );
}

/** /{lang}/etready/requests: the requests still waiting and for how long, by group, with the members not recorded, and every request. */
export async function etreadyRequestsPage(ctx: PageContext, _params: Record<string, string>, search: URLSearchParams) {
  const { obs, t, lang } = ctx;
  const m = t.etreadyMatrix;
  const ref = await obs.ref();
  const { groups } = parseParams({ groups: etreadyGroups }, search, { ref, today: obs.today() });
  const o = await etreadyRequests(obs, groups);
  const num = (x: number) => formatNumber(x, lang, 0);
  const api = `/api/v1/etready/requests${groups.length ? `?groups=${groups.join(',')}` : ''}`;
  return (
    <Layout ctx={ctx} title={m.requestsPageTitle} description={m.requestsIntro}>
      <p>
        <a href={href(ctx, '/etready')}>{m.allAssessments}</a>
      </p>
      <h1>{m.requestsPageTitle}</h1>
      <p class="lead">{m.requestsIntro}</p>
      <p class="note">{t.etready.partial}</p>
      {o.groups.map((g) => (
        <section>
          <h2>
            <a href={href(ctx, `/groups/${g.id}`)}>{pick(ref.groups.get(g.id)?.names ?? { en: g.id }, lang)}</a>
          </h2>
          <p>{m.groupLine(num(g.members), num(g.recorded), num(g.notRecorded))}</p>
          {g.waiting.length ? <RequestTable ctx={ctx} rows={g.waiting} /> : <p>{m.noneWaiting(num(g.notRecorded))}</p>}
        </section>
      ))}
      <h2 id="all">{m.allRequestsTitle}</h2>
      {o.requests.length ? <RequestTable ctx={ctx} rows={o.requests} /> : <p>{m.noRequest}</p>}
      {o.published.length ? (
        <section id="stock-takes">
          <h2>{m.stockTakeTitle}</h2>
          <PublishedReviews ctx={ctx} reviews={o.published} named />
        </section>
      ) : null}
      <p>
        <a href={api}>JSON</a> · <a href={`${api}${api.includes('?') ? '&' : '?'}format=csv`}>CSV</a>
      </p>
      <TemplateLinks ctx={ctx} />
    </Layout>
  );
}

/** A proposed or accepted eT Ready change, on the review queue: the status, its date and its source. */
export function EtreadyChangeView(props: { ctx: PageContext; change: EtreadyChange | null }) {
  const { ctx, change } = props;
  if (!change) return <p>–</p>;
  const m = ctx.t.etreadyMatrix;
  const status = change.target === 'assessment' ? (ctx.t.etready.statuses[change.status] ?? change.status) : (m.itemStatuses[change.status] ?? change.status);
  return (
    <p>
      {change.target === 'recommendation' ? `${change.id}: ` : ''}
      {status}, {change.date} ({change.source})
    </p>
  );
}
