import { pick } from '../../../domain/lang.ts';
import type { Assessment, WaitingRequest } from '../../../domain/etready/status.ts';
import { etreadyGroups } from '../../questions/etready.ts';
import { parseParams } from '../../questions/question.ts';
import { etreadyOverview } from '../../services/etready.ts';
import { formatNumber } from '../format.ts';
import { href, type PageContext } from './context.ts';
import { Layout } from './layout.tsx';
import { EtreadyReviewsSection } from './etready-sections.tsx';
import { MethodSection } from './widgets.tsx';

function WaitingTable(props: { ctx: PageContext; rows: readonly WaitingRequest[]; name: (a: Assessment) => string }) {
  const { ctx } = props;
  const e = ctx.t.etready;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{e.country}</th>
          <th scope="col">{e.requestedOn}</th>
          <th scope="col" class="num">{e.waited}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((w) => (
          <tr>
            <th scope="row">{props.name(w.assessment)}</th>
            <td>{w.requested}</td>
            <td class="num">{e.waitedValue(formatNumber(w.days, ctx.lang, 0), formatNumber(w.days / 365.25, ctx.lang, 1))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /{lang}/etready: the assessments recorded, the requests still waiting by group, and why the list is partial. */
export async function etreadyPage(ctx: PageContext, _params: Record<string, string>, search: URLSearchParams) {
  const { obs, t, lang } = ctx;
  const e = t.etready;
  const ref = await obs.ref();
  const options = parseParams({ groups: etreadyGroups }, search, { ref, today: obs.today() });
  const o = await etreadyOverview(obs, options.groups);
  const num = (x: number) => formatNumber(x, lang, 0);
  const name = (a: Assessment) => {
    const c = a.iso3 ? ref.countries.get(a.iso3) : undefined;
    return c ? pick(c.names, lang) : a.name;
  };
  const countryCell = (a: Assessment) => (a.iso3 ? <a href={href(ctx, `/etready/${a.iso3}`)}>{name(a)}</a> : name(a));
  const recorded = o.countries.flatMap((c) => (c.assessment ? [c.assessment] : []));
  const notRecorded = o.countries.length - recorded.length;
  const inGroups = new Set(o.groups.flatMap((g) => g.waiting.map((w) => w.assessment)));
  const others = o.waiting.filter((w) => !inGroups.has(w.assessment));
  const api = `/api/v1/etready${options.groups.length ? `?groups=${options.groups.join(',')}` : ''}`;
  const AssessmentRows = (props: { list: readonly Assessment[] }) => (
    <table>
      <thead>
        <tr>
          <th scope="col">{e.country}</th>
          <th scope="col">{e.status}</th>
          <th scope="col">{e.requestedOn}</th>
          <th scope="col">{e.inPreparation}</th>
          <th scope="col">{e.published}</th>
          <th scope="col">{e.review}</th>
          <th scope="col">{e.symbol}</th>
        </tr>
      </thead>
      <tbody>
        {props.list.map((a) => (
          <tr>
            <th scope="row">{countryCell(a)}</th>
            <td>{e.statuses[a.status] ?? a.status}</td>
            <td>{a.dates.requested ?? '–'}</td>
            <td>{a.dates['in-preparation'] ?? '–'}</td>
            <td>{a.dates.published ?? '–'}</td>
            <td>{a.dates['implementation-review'] ?? '–'}</td>
            <td>{a.link ? <a href={a.link}>{a.symbol ?? e.symbolMissing}</a> : (a.symbol ?? e.symbolMissing)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Layout ctx={ctx} title={e.title} description={e.intro}>
      <h1>{e.title}</h1>
      <p class="lead">{e.intro}</p>
      <p class="note" id="partial">{e.partial}</p>
      <p>{e.summary(num(recorded.length), num(o.regions.length), num(o.waiting.length), num(notRecorded))}</p>
      {await EtreadyReviewsSection({ ctx, groups: options.groups, search })}
      <h2 id="waiting">{e.waitingTitle}</h2>
      <p>{e.waitingIntro}</p>
      {o.groups.map((g) => (
        <section>
          <h3>
            <a href={href(ctx, `/groups/${g.id}`)}>{pick(ref.groups.get(g.id)?.names ?? { en: g.id }, lang)}</a>
          </h3>
          <p>{e.groupSummary(num(g.members), num(g.recorded), num(g.byStatus.published + g.byStatus['implementation-review']))}</p>
          {g.waiting.length ? <WaitingTable ctx={ctx} rows={g.waiting} name={name} /> : <p>{e.noWaiting}</p>}
        </section>
      ))}
      {others.length ? (
        <section>
          <h3>{e.otherCountries}</h3>
          <WaitingTable ctx={ctx} rows={others} name={name} />
        </section>
      ) : null}
      <h2 id="assessments">{e.assessmentsTitle}</h2>
      <AssessmentRows list={[...recorded].sort((a, b) => name(a).localeCompare(name(b), lang))} />
      {o.regions.length ? (
        <>
          <h2 id="regions">{e.regionsTitle}</h2>
          <AssessmentRows list={o.regions} />
        </>
      ) : null}
      <h2 id="not-recorded">{e.notRecordedTitle}</h2>
      <p>{e.notRecordedText(num(notRecorded))}</p>
      <p>
        <a href={api}>JSON</a> · <a href={`${api}${api.includes('?') ? '&' : '?'}format=csv`}>CSV</a>
      </p>
      <MethodSection title={e.methodTitle} items={e.method} />
    </Layout>
  );
}
