import { raw } from 'hono/html';
import { pick } from '../../../domain/lang.ts';
import { statusAt } from '../../../domain/tracking.ts';
import { parseParams } from '../../questions/question.ts';
import { oneTrack, pathStrategy } from '../../questions/strategy.ts';
import { trackerArea, trackerCountry, trackerDate } from '../../questions/strategy-params.ts';
import { renderProgressChart } from '../render/strategy-progress.ts';
import { formatNumber } from '../format.ts';
import { href, type PageContext } from './context.ts';
import { Layout } from './layout.tsx';
import { CheckpointsTable, FundingTable, pct, SharesCells, SharesHead, TrackerForm } from './strategy-parts.tsx';
import { MethodSection } from './widgets.tsx';

/** /{lang}/strategies/{id}: one strategy on a date: the chart, shares per area, checkpoints compared, funding, measures with their histories. */
export async function strategyPage(ctx: PageContext, params: Record<string, string>, search: URLSearchParams) {
  const { obs, t, lang } = ctx;
  const e = t.strategies;
  const ref = await obs.ref();
  const id = pathStrategy.parse(params.id);
  const q = parseParams({ date: trackerDate, area: trackerArea, country: trackerCountry }, search, { ref, today: obs.today() });
  const s = await oneTrack(obs, id, q);
  const query = new URLSearchParams(Object.entries({ date: q.date, area: q.area, country: q.country }).filter((kv): kv is [string, string] => kv[1] !== undefined)).toString();
  const diff = (x: number | null) => (x === null ? '–' : `${x > 0 ? '+' : ''}${formatNumber(x, lang, 1)}`);
  const countryName = (iso3: string) => {
    const c = ref.countries.get(iso3);
    return c ? pick(c.names, lang) : iso3;
  };
  // A signed-in editor proposes changes for the measures that apply to its countries.
  const editorOf = ctx.account?.role === 'editor' ? ctx.account.countries : [];
  const editable = (countries: readonly string[]) => (countries.length ? countries : (s.countries ?? [])).filter((c) => editorOf.includes(c));
  const svg = s.hasMeasures
    ? renderProgressChart(s.progress, s.published, { title: `${e.progressTitle}: ${s.strategy.name}`, description: e.chartAlt, labels: { underImplementation: e.underImplementation, completed: e.completed, published: e.published } })
    : null;
  return (
    <Layout ctx={ctx} title={s.strategy.name} description={e.intro}>
      <p>
        <a href={`${href(ctx, '/strategies')}?${query}`}>← {e.back}</a>
      </p>
      <h1>{s.strategy.name}</h1>
      <p>
        {e.scope[s.strategy.scope] ?? s.strategy.scope} · {e.period}: {s.strategy.period ?? e.noPeriod} · {e.coverage}:{' '}
        {s.countries === null ? `${s.strategy.coverage} (${e.unresolved})` : s.countries.map(countryName).join(', ')}
      </p>
      <TrackerForm ctx={ctx} action={href(ctx, `/strategies/${s.strategy.id}`)} date={q.date} area={q.area} country={q.country} />
      {s.hasMeasures ? (
        <>
          <p class="note">{e.tracker}</p>
          <table id="shares">
            <caption>
              {e.sharesOn} {q.date}
            </caption>
            <SharesHead ctx={ctx} first={e.area} />
            <tbody>
              {s.byArea.map((x) => (
                <tr>
                  <th scope="row">{e.areas[x.area] ?? x.area}</th>
                  <SharesCells ctx={ctx} shares={x.shares} />
                </tr>
              ))}
              <tr>
                <th scope="row">{e.measures}</th>
                <SharesCells ctx={ctx} shares={s.shares} />
              </tr>
            </tbody>
          </table>
          <h2>{e.progressTitle}</h2>
          <figure class="chart">{raw(svg ?? '')}</figure>
        </>
      ) : (
        <p class="note" id="no-measures">{e.noMeasures}</p>
      )}
      <h2>{e.checkpointsTitle}</h2>
      {s.published.length === 0 ? <p>{e.noCheckpoint}</p> : null}
      {s.hasMeasures && s.checkpoints.length > 0 ? (
        <table id="checkpoints">
          <thead>
            <tr>
              <th scope="col">{e.date}</th>
              <th scope="col" class="num">{`${e.underImplementation}: ${e.published}`}</th>
              <th scope="col" class="num">{e.computed}</th>
              <th scope="col" class="num">{e.difference}</th>
              <th scope="col" class="num">{`${e.completed}: ${e.published}`}</th>
              <th scope="col" class="num">{e.computed}</th>
              <th scope="col" class="num">{e.difference}</th>
            </tr>
          </thead>
          <tbody>
            {s.checkpoints.map((c) => (
              <tr>
                <th scope="row">{c.date}</th>
                <td class="num">{pct(ctx, c.published.underImplementation, e.notGiven)}</td>
                <td class="num">{pct(ctx, c.computed.underImplementationShare)}</td>
                <td class="num">{diff(c.difference.underImplementation)}</td>
                <td class="num">{pct(ctx, c.published.completed, e.notGiven)}</td>
                <td class="num">{pct(ctx, c.computed.completedShare)}</td>
                <td class="num">{diff(c.difference.completed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {s.published.length > 0 ? <CheckpointsTable ctx={ctx} list={s.published} /> : null}
      {s.hasMeasures ? (
        <>
          <h2>{e.fundingTitle}</h2>
          <p class="note">{e.fundingNote}</p>
          <FundingTable ctx={ctx} rows={s.funding} />
          {s.fundingByArea.filter((a) => a.funding.length > 0).map((a) => (
            <FundingTable ctx={ctx} rows={a.funding} caption={e.areas[a.area] ?? a.area} />
          ))}
          <h2>{e.measuresTitle}</h2>
          <table id="measures">
            <thead>
              <tr>
                <th scope="col">{e.measure}</th>
                <th scope="col">{e.area}</th>
                <th scope="col">{e.priority}</th>
                <th scope="col">{e.lead}</th>
                <th scope="col">{e.partners}</th>
                <th scope="col">{e.indicator}</th>
                <th scope="col">{e.appliesTo}</th>
                <th scope="col">{e.statusOnDate}</th>
                <th scope="col">{e.history}</th>
                {editorOf.length ? <th scope="col">{e.proposeTitle}</th> : null}
              </tr>
            </thead>
            <tbody>
              {s.measures.map((m) => {
                const status = statusAt(m, q.date);
                return (
                  <tr id={`measure-${m.id}`}>
                    <th scope="row">
                      {m.id} {m.text}
                    </th>
                    <td>{e.areas[m.area] ?? m.area}</td>
                    <td>{m.priority ? (e.priorities[m.priority] ?? m.priority) : '–'}</td>
                    <td>{m.leadAgency ?? '–'}</td>
                    <td>{[m.partners, m.donors].filter((x) => x).join('; ') || '–'}</td>
                    <td>{m.indicator ? `${m.indicator} (${m.baseline ?? '–'} → ${m.target ?? '–'})` : '–'}</td>
                    <td>{m.countries.length ? m.countries.map(countryName).join(', ') : e.allCountries}</td>
                    <td>{status ? (e.statuses[status] ?? status) : '–'}</td>
                    <td>
                      <ul>
                        {m.history.map((c) => (
                          <li>
                            {c.date}: {e.statuses[c.status] ?? c.status}
                            {c.source ? ` (${c.source})` : ''}
                          </li>
                        ))}
                      </ul>
                    </td>
                    {editorOf.length ? (
                      <td>
                        {editable(m.countries).map((c) => (
                          <a href={href(ctx, `/edit/strategies/${c}/${s.strategy.id}/${encodeURIComponent(m.id)}`)}>{`${e.proposeFor} ${c}`} </a>
                        ))}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : null}
      <p>
        <a href={`/api/v1/strategies/${s.strategy.id}?${query}`}>JSON</a> · <a href={`/api/v1/strategies/${s.strategy.id}?${query}&format=csv`}>CSV</a>
      </p>
      <MethodSection title={e.methodTitle} items={e.method} />
    </Layout>
  );
}
