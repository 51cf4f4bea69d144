import { membersAt } from '../../../domain/group.ts';
import type { Checkpoint } from '../../../domain/strategies/checkpoints.ts';
import type { Funding } from '../../../domain/strategies/measures.ts';
import { POLICY_AREAS, type Shares } from '../../../domain/tracking.ts';
import { trackerArea, trackerCountry, trackerDate } from '../../questions/strategy-params.ts';
import { strategiesCovering } from '../../services/strategy-tracker.ts';
import { formatNumber } from '../format.ts';
import { href, type PageContext } from './context.ts';
import { ParamField } from './param-field.tsx';

/** A percentage in the page's language; a missing share says why. */
export function pct(ctx: PageContext, x: number | null, missing?: string): string {
  if (x === null) return missing ?? '–';
  return `${formatNumber(x, ctx.lang, Number.isInteger(x) ? 0 : 1)}${ctx.lang === 'fr' ? '\u00a0%' : '%'}`;
}

/** The cells of a set of shares: counted, under implementation, completed, dropped. */
export function SharesCells(props: { ctx: PageContext; shares: Shares | null; missing?: string }) {
  const { ctx, shares: s } = props;
  if (s === null) return <td colspan={4}>{props.missing ?? '–'}</td>;
  return (
    <>
      <td class="num">{formatNumber(s.counted, ctx.lang, 0)}</td>
      <td class="num">{`${pct(ctx, s.underImplementationShare)} (${s.underImplementation})`}</td>
      <td class="num">{`${pct(ctx, s.completedShare)} (${s.completed})`}</td>
      <td class="num">{formatNumber(s.dropped, ctx.lang, 0)}</td>
    </>
  );
}

/** The head of a shares table whose first column is `first`. */
export function SharesHead(props: { ctx: PageContext; first: string }) {
  const e = props.ctx.t.strategies;
  return (
    <thead>
      <tr>
        <th scope="col">{props.first}</th>
        <th scope="col" class="num">{e.counted}</th>
        <th scope="col" class="num">{e.underImplementation}</th>
        <th scope="col" class="num">{e.completed}</th>
        <th scope="col" class="num">{e.dropped}</th>
      </tr>
    </thead>
  );
}

/** The form of the tracker's options, its fields from the question's parameters. */
export function TrackerForm(props: { ctx: PageContext; action: string; date: string; area: string | undefined; country: string | undefined }) {
  const { ctx } = props;
  const e = ctx.t.strategies;
  return (
    <form class="inline" method="get" action={props.action}>
      <ParamField t={ctx.t} param={trackerDate} value={props.date} />
      <ParamField t={ctx.t} param={trackerArea} value={props.area ?? ''} choices={[['', e.allAreas], ...POLICY_AREAS.map((a) => [a, e.areas[a] ?? a] as const)]} />
      <ParamField t={ctx.t} param={trackerCountry} value={props.country ?? ''} />
      <button type="submit">{e.show}</button>
    </form>
  );
}

/** A strategy's published checkpoints, with their quotes and sources. */
export function CheckpointsTable(props: { ctx: PageContext; list: readonly Checkpoint[] }) {
  const { ctx } = props;
  const e = ctx.t.strategies;
  return (
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
            <td class="num">{pct(ctx, c.underImplementation, e.notGiven)}</td>
            <td class="num">{pct(ctx, c.completed, e.notGiven)}</td>
            <td class="num">{c.measures === null ? e.notGiven : formatNumber(c.measures, ctx.lang, 0)}</td>
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
}

/** Budget against funding committed, one row per currency. */
export function FundingTable(props: { ctx: PageContext; rows: readonly Funding[]; caption?: string }) {
  const { ctx } = props;
  const e = ctx.t.strategies;
  if (props.rows.length === 0) return <p>{e.noFunding}</p>;
  const amount = (n: number) => formatNumber(n, ctx.lang, 0);
  return (
    <table>
      {props.caption ? <caption>{props.caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{e.currency}</th>
          <th scope="col" class="num">{e.measures}</th>
          <th scope="col" class="num">{e.budget}</th>
          <th scope="col" class="num">{e.committed}</th>
          <th scope="col" class="num">{e.committedShare}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((f) => (
          <tr>
            <th scope="row">{f.currency}</th>
            <td class="num">{formatNumber(f.measures, ctx.lang, 0)}</td>
            <td class="num">{amount(f.budget)}</td>
            <td class="num">{amount(f.committed)}</td>
            <td class="num">{pct(ctx, f.committedShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The strategies covering a country, or any member of a group today, with their shares today (or, without
 * measures, their latest published figures): the section of country and group pages.
 */
export async function StrategiesCovering(props: { ctx: PageContext; iso3?: string; groupId?: string }) {
  const { ctx } = props;
  const e = ctx.t.strategies;
  const today = ctx.obs.today();
  const ref = await ctx.obs.ref();
  const iso3s = props.iso3 ? [props.iso3] : membersAt(ref.memberships.get(props.groupId ?? '') ?? [], today);
  const list = await strategiesCovering(ctx.obs, iso3s, today);
  return (
    <section id="strategies">
      <h2>{e.sectionTitle}</h2>
      {list.length === 0 ? (
        <p>{e.sectionNone}</p>
      ) : (
        <table>
          <SharesHead ctx={ctx} first={e.strategy} />
          <tbody>
            {list.map((s) => {
              const last = s.published.at(-1);
              return (
                <tr>
                  <th scope="row">
                    <a href={href(ctx, `/strategies/${s.strategy.id}`)}>{s.strategy.name}</a>
                  </th>
                  <SharesCells
                    ctx={ctx}
                    shares={s.hasMeasures ? s.shares : null}
                    missing={last ? `${e.noMeasures} ${last.date}: ${pct(ctx, last.underImplementation, e.notGiven)} / ${pct(ctx, last.completed, e.notGiven)}` : e.noMeasures}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
