import type { Checkpoint } from '../../../domain/strategies/checkpoints.ts';
import { strategiesOverview } from '../../services/strategies.ts';
import { formatNumber } from '../format.ts';
import type { PageContext } from './context.ts';
import { Layout } from './layout.tsx';

/** /{lang}/strategies: each strategy's published checkpoints, with their quotes and sources. */
export async function strategiesPage(ctx: PageContext) {
  const { obs, t, lang } = ctx;
  const e = t.strategies;
  const o = await strategiesOverview(obs);
  const pct = (x: number | null) => (x === null ? e.notGiven : `${formatNumber(x, lang, Number.isInteger(x) ? 0 : 1)}${lang === 'fr' ? '\u00a0%' : '%'}`);
  const Checkpoints = (props: { list: readonly Checkpoint[] }) => (
    <table>
      <thead>
        <tr>
          <th scope="col">{e.date}</th>
          <th scope="col" class="num">{e.underImplementation}</th>
          <th scope="col" class="num">{e.completed}</th>
          <th scope="col" class="num">{e.measures}</th>
          <th scope="col">{e.quote}</th>
          <th scope="col">{e.source}</th>
        </tr>
      </thead>
      <tbody>
        {props.list.map((c) => (
          <tr>
            <th scope="row">{c.date}</th>
            <td class="num">{pct(c.underImplementation)}</td>
            <td class="num">{pct(c.completed)}</td>
            <td class="num">{c.measures === null ? e.notGiven : formatNumber(c.measures, lang, 0)}</td>
            <td>
              {c.quotes.map((q) => (
                <blockquote>“{q}”</blockquote>
              ))}
            </td>
            <td>
              {c.sources.map((s) => (
                <div>
                  <a href={s}>{s}</a>
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Layout ctx={ctx} title={e.title} description={e.intro}>
      <h1>{e.title}</h1>
      <p class="lead">{e.intro}</p>
      <p class="note" id="tracker">{e.tracker}</p>
      {o.strategies.length === 0 ? <p>{e.none}</p> : null}
      {o.strategies.map((s) => (
        <section id={`strategy-${s.id}`}>
          <h2>{s.name}</h2>
          <p>
            {e.scope[s.scope] ?? s.scope} · {e.coverage}: {s.coverage} · {e.period}: {s.period ?? e.noPeriod}
          </p>
          {s.checkpoints.length ? <Checkpoints list={s.checkpoints} /> : <p>{e.noCheckpoint}</p>}
        </section>
      ))}
      <p>
        <a href="/api/v1/strategies">JSON</a> · <a href="/api/v1/strategies?format=csv">CSV</a>
      </p>
      <section id="method">
        <h2>{e.methodTitle}</h2>
        <ul>
          {e.method.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
