import { pick } from '../../../domain/lang.ts';
import { parseParams } from '../../questions/question.ts';
import { trackerArea, trackerCountry, trackerDate, trackerStrategy } from '../../questions/strategy-params.ts';
import { strategyTracker } from '../../services/strategy-tracker.ts';
import { TEMPLATE_PATHS } from '../../services/strategy-template.ts';
import { href, type PageContext } from './context.ts';
import { Layout } from './layout.tsx';
import { CheckpointsTable, pct, SharesCells, SharesHead, TrackerForm } from './strategy-parts.tsx';
import { MethodSection } from './widgets.tsx';

/** /{lang}/strategies: every strategy's shares on a date, per area and per country, and the published checkpoints. */
export async function strategiesPage(ctx: PageContext, _params: Record<string, string> = {}, search: URLSearchParams = new URLSearchParams()) {
  const { obs, t } = ctx;
  const e = t.strategies;
  const ref = await obs.ref();
  const q = parseParams({ date: trackerDate, strategy: trackerStrategy, area: trackerArea, country: trackerCountry }, search, { ref, today: obs.today() });
  const a = await strategyTracker(obs, q);
  const query = new URLSearchParams(Object.entries({ date: q.date, area: q.area, country: q.country }).filter((kv): kv is [string, string] => kv[1] !== undefined)).toString();
  const anyMeasures = a.strategies.some((s) => s.hasMeasures);
  return (
    <Layout ctx={ctx} title={e.title} description={e.intro}>
      <h1>{e.title}</h1>
      <p class="lead">{e.intro}</p>
      <TrackerForm ctx={ctx} action={href(ctx, '/strategies')} date={q.date} area={q.area} country={q.country} />
      <p class="note" id="tracker">{e.tracker}</p>
      {a.strategies.length === 0 ? <p>{e.none}</p> : null}
      {a.strategies.length > 0 ? (
        <table id="shares">
          <caption>
            {e.sharesOn} {q.date}
          </caption>
          <SharesHead ctx={ctx} first={e.strategy} />
          <tbody>
            {a.strategies.map((s) => (
              <tr>
                <th scope="row">
                  <a href={`${href(ctx, `/strategies/${s.strategy.id}`)}?${query}`}>{s.strategy.name}</a>
                </th>
                <SharesCells ctx={ctx} shares={s.hasMeasures ? s.shares : null} missing={e.noMeasures} />
              </tr>
            ))}
            {anyMeasures ? (
              <tr>
                <th scope="row">{e.overall}</th>
                <SharesCells ctx={ctx} shares={a.overall} />
              </tr>
            ) : null}
          </tbody>
        </table>
      ) : null}
      {a.byArea.length > 0 ? (
        <table id="areas">
          <SharesHead ctx={ctx} first={e.area} />
          <tbody>
            {a.byArea.map((x) => (
              <tr>
                <th scope="row">{e.areas[x.area] ?? x.area}</th>
                <SharesCells ctx={ctx} shares={x.shares} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {a.byCountry.length > 0 && anyMeasures ? (
        <table id="countries">
          <caption>{e.byCountry}</caption>
          <SharesHead ctx={ctx} first={e.country} />
          <tbody>
            {a.byCountry.map((c) => {
              const country = ref.countries.get(c.iso3);
              return (
                <tr>
                  <th scope="row">
                    <a href={href(ctx, `/countries/${c.iso3}`)}>{country ? pick(country.names, ctx.lang) : c.iso3}</a>
                  </th>
                  <SharesCells ctx={ctx} shares={c.shares} />
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {a.strategies.map((s) => (
        <section id={`strategy-${s.strategy.id}`}>
          <h2>
            <a href={`${href(ctx, `/strategies/${s.strategy.id}`)}?${query}`}>{s.strategy.name}</a>
          </h2>
          <p>
            {e.scope[s.strategy.scope] ?? s.strategy.scope} · {e.coverage}: {s.strategy.coverage || '–'} · {e.period}: {s.strategy.period ?? e.noPeriod}
          </p>
          {s.hasMeasures ? (
            <p>
              {e.sharesOn} {q.date}: {e.underImplementation} {pct(ctx, s.shares.underImplementationShare)}, {e.completed} {pct(ctx, s.shares.completedShare)} ·{' '}
              <a href={`${href(ctx, `/strategies/${s.strategy.id}`)}?${query}`}>{e.details}</a>
            </p>
          ) : (
            <p class="note">{e.noMeasures}</p>
          )}
          {s.published.length ? <CheckpointsTable ctx={ctx} list={s.published} /> : <p>{e.noCheckpoint}</p>}
        </section>
      ))}
      <p>
        <a href={`/api/v1/strategies?${query}`}>JSON</a> · <a href={`/api/v1/strategies?${query}&format=csv`}>CSV</a>
      </p>
      <section id="template">
        <h2>{e.templateTitle}</h2>
        <p>{e.templateText}</p>
        <p>
          <a href={TEMPLATE_PATHS.csv} download>{e.templateCsv}</a> · <a href={TEMPLATE_PATHS.xlsx} download>{e.templateXlsx}</a>
        </p>
      </section>
      <MethodSection title={e.methodTitle} items={e.method} />
    </Layout>
  );
}
