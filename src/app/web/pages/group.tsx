import { isActiveAt, type Membership } from '../../../domain/group.ts';
import { fromPrecision, membershipNotes, scheduleState, toPrecision } from '../../../domain/groups/dated.ts';
import { formatDated } from '../dated.ts';
import { pick } from '../../../domain/lang.ts';
import { formatDate } from '../format.ts';
import { HttpError } from '../http-error.ts';
import { href, type PageContext } from './context.ts';
import { GroupReadiness, ReadinessHidden } from './readiness-sections.tsx';
import { StrategiesCovering } from './strategy-parts.tsx';
import { Layout, SourceLine } from './layout.tsx';
import { aggregateOrNull, headlineIndicators, latestOk, redirect, uniqueVintages } from './common.ts';
import { ImputeFields, pageImpute, withImpute } from './impute-form.tsx';
import { AggregateCell, aggregatePoints, entityNames, IndicatorMap, LineChart } from './widgets.tsx';

const INTERNET = 'IT.NET.USER.ZS';

/** A group: its definition and source, its members with dates, its values with coverage, a chart and a map. */
export async function groupPage(ctx: PageContext, params: Record<string, string>, query: URLSearchParams = new URLSearchParams()) {
  const { obs, t, lang } = ctx;
  const id = (params.id ?? '').toUpperCase();
  const ref = await obs.ref();
  const group = ref.groups.get(id);
  if (!group) throw new HttpError(404, `no group ${id}`);
  if (params.id !== id) return redirect(href(ctx, `/groups/${id}`));
  const imputing = pageImpute(query, { ref, today: obs.today() });
  const names = entityNames(ref, lang);
  const today = obs.today();
  const memberships = ref.memberships.get(id) ?? [];
  const members = obs.membersOn(ref, id, today);
  const current = group.kind === 'world' ? [] : memberships.filter((m) => isActiveAt(m, today));
  const former = memberships.filter((m) => m.to !== null && m.to <= today);
  const name = pick(group.names, lang);
  const listed = obs.listedMembers(ref, id, today);
  const notes = membershipNotes({ groupId: id, on: today, listed, counted: members, memberships: group.kind === 'world' ? [] : memberships });
  const tm = t.memberships;
  /** A member's start as the sources give it: the day, month or year, or "date unknown" and from when it counts. */
  const since = (ms: Membership) => {
    if (fromPrecision(ms) !== 'unknown') return ms.from ? ` ${t.common.since} ${formatDated(ms.from, fromPrecision(ms), lang)}` : '';
    return ` (${tm.dateUnknown}; ${ms.from ? tm.attestedFrom(formatDate(ms.from, lang)) : tm.sinceBeforeRecords})`;
  };
  const scheduled = (ms: Membership) => {
    if (!ms.scheduledTo) return null;
    const date = formatDated(ms.scheduledTo.date, ms.scheduledTo.known, lang);
    const text = scheduleState(ms.scheduledTo, today) === 'unconfirmed' ? tm.unconfirmed(date) : tm.scheduled(date);
    return (
      <>
        <br />
        <strong class="scheduled">{text}</strong> <small class="muted">({ms.scheduledTo.source})</small>
      </>
    );
  };

  const indicators = headlineIndicators(ref);
  const rows = await Promise.all(indicators.map(async (def) => ({ def, row: latestOk(await aggregateOrNull(obs, id, def.code, undefined, undefined, imputing)) })));

  const internet = ref.indicators.get(INTERNET);
  let chart = null;
  let map = null;
  if (internet) {
    const series = [];
    for (const g of id === 'WLD' ? ['WLD'] : [id, 'WLD']) {
      const s = await aggregateOrNull(obs, g, INTERNET, undefined, undefined, imputing);
      if (s) series.push({ key: g, label: pick(s.group.names, lang), points: aggregatePoints(s.rows).filter((p) => p.year >= 2000), ...(g === 'WLD' && id !== 'WLD' ? { dashed: true } : {}) });
    }
    chart = <LineChart ctx={ctx} def={internet.def} title={t.group.chartTitle(name)} series={series} />;
    const values = await obs.indicatorValues(INTERNET);
    const year = latestOk(await aggregateOrNull(obs, id, INTERNET, undefined, undefined, imputing))?.year ?? values.years[values.years.length - 1];
    if (year !== undefined) {
      const memberValues = new Map([...(values.byYear.get(year) ?? [])].filter(([k]) => members.includes(k)));
      map = (
        <IndicatorMap
          ctx={ctx}
          ref={ref}
          def={internet.def}
          title={`${t.group.mapTitle(name)}${t.common.colon}${pick(internet.def.names, lang)}, ${year}`}
          values={memberValues}
          highlight={new Set(members)}
          noDataLabel={t.notMember}
        />
      );
    }
  }

  const readiness = await GroupReadiness({ ctx, id, query });

  return (
    <Layout ctx={ctx} title={name}>
      <h1>{name}</h1>
      {group.description ? <p class="lead">{pick(group.description, lang)}</p> : null}
      <p class="muted">
        {t.groupKinds[group.kind]} · {t.common.source}
        {t.common.colon}
        {group.source}
        {group.kind === 'user' ? ` · ${t.group.userDefined}` : ''}
      </p>
      <p>
        {t.group.membersToday(listed.length)}
        {listed.length !== members.length ? ` · ${tm.countedInAggregates(members.length)}` : ''}
      </p>
      {notes.length > 0 ? (
        <aside class="notes" aria-label={tm.notesTitle}>
          <ul>
            {notes.map((n) => (
              <li>{pick(n, lang)}</li>
            ))}
          </ul>
        </aside>
      ) : null}
      <h2>{t.group.aggregates}</h2>
      <form class="inline" method="get" action={href(ctx, `/groups/${id}`)}>
        <ImputeFields ctx={ctx} options={imputing} />
        <ReadinessHidden query={query} />
        <button type="submit">{t.imputation.apply}</button>
      </form>
      <table>
        <caption>{t.group.aggregatesCaption}</caption>
        <tbody>
          {rows.map(({ def, row }) => (
            <tr>
              <th scope="row">
                <a href={withImpute(href(ctx, `/indicators/${def.code}`), imputing)}>{pick(def.names, lang)}</a>
              </th>
              <AggregateCell ctx={ctx} def={def} row={row} names={names} />
              <td>
                <a href={withImpute(`/api/v1/groups/${id}/aggregates/${def.code}?format=csv`, imputing)}>CSV</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SourceLine ctx={ctx} vintages={uniqueVintages(indicators.flatMap((d) => ref.indicators.get(d.code)?.vintages ?? []))} />
      {chart}
      {map}
      {readiness}
      {await StrategiesCovering({ ctx, groupId: id })}
      {current.length > 0 ? (
        <>
          <h2>{t.common.members}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.common.country}</th>
                <th scope="col">{t.common.member}</th>
                <th scope="col">{t.common.source}</th>
              </tr>
            </thead>
            <tbody>
              {current
                .slice()
                .sort((a, b) => (names.get(a.iso3) ?? a.iso3).localeCompare(names.get(b.iso3) ?? b.iso3, lang))
                .map((m) => (
                  <tr>
                    <td>
                      {ref.countries.has(m.iso3) ? <a href={href(ctx, `/countries/${m.iso3}`)}>{names.get(m.iso3) ?? m.iso3}</a> : (names.get(m.iso3) ?? m.iso3)}
                    </td>
                    <td>
                      {t.statuses[m.status]}
                      {since(m)}
                      {m.note ? <small class="muted"> — {m.note}</small> : null}
                      {scheduled(m)}
                    </td>
                    <td>
                      <small>{m.source}</small>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      ) : null}
      {former.length > 0 ? (
        <>
          <h2>{t.group.formerMembers}</h2>
          <ul>
            {former.map((m) => (
              <li>
                {names.get(m.iso3) ?? m.iso3}
                {t.common.colon}
                {m.from && fromPrecision(m) !== 'unknown' ? `${formatDated(m.from, fromPrecision(m), lang)} – ` : ''}
                {formatDated(m.to ?? '', toPrecision(m), lang)} <small class="muted">({m.source})</small>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        {t.common.download}
        {t.common.colon}
        <a href={`/api/v1/groups/${id}`}>{t.common.members} (JSON)</a>
      </p>
    </Layout>
  );
}
