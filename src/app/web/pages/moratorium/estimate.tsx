import { raw } from 'hono/html';
import { formatShare, type EstimateOptions } from '../../../../domain/moratorium/options.ts';
import type { CountryYear, EstimateResult, Remark, SensitivityRow, VatRow } from '../../../services/moratorium-results.ts';
import type { Reference } from '../../../services/reference.ts';
import { formatChange, formatNumber, formatSmallShare, formatUsdShort, USD } from '../../format.ts';
import type { Messages } from '../../i18n/en.ts';
import { renderLineChart } from '../../render/chart.ts';
import { href, type PageContext } from '../context.ts';
import { SourceLine } from '../layout.tsx';
import { IndicatorMap } from '../widgets.tsx';
import { Design, type DesignInput, type DesignState } from './design.tsx';
import { VatComparison } from './vat.tsx';
import { Absences, ProcurementNotice, Why } from './flags.tsx';
import { PeriodCell, ScheduleNote, scheduleRemark } from './schedule.tsx';
import { groupYearMissing, lineMissing, lineProcurement, noDataMissing, rowMissing } from '../../../services/moratorium-missing.ts';

/** The estimate's results: summary, tables, chart, map, lines, sensitivity, VAT, design, assumptions, notes, downloads. */
export function Estimate(props: {
  ctx: PageContext;
  ref: Reference;
  names: ReadonlyMap<string, string>;
  result: EstimateResult;
  sensitivity: SensitivityRow[];
  name: string;
  apiQuery: string;
  vat: readonly VatRow[];
  design: { state: DesignState; input: DesignInput; hidden: [string, string][] } | null;
}) {
  const { ctx, result, name, names } = props;
  const { t, lang } = ctx;
  const m = t.moratorium;
  const rated = result.rows.filter((r) => r.revenueUsd !== null);
  const api = `/api/v1/moratorium/estimate?${props.apiQuery}`;
  const isGroup = result.groupRows !== null;

  // The headline: the latest year with a revenue figure, for the country or the group.
  const latestCountry = rated[rated.length - 1];
  const latestGroup = result.groupRows?.filter((g) => g.revenueUsd !== null).at(-1);
  const summary = isGroup
    ? latestGroup && latestGroup.revenueUsd !== null
      ? m.summary(name, latestGroup.year, formatUsdShort(latestGroup.revenueUsd, lang), formatUsdShort(latestGroup.importsUsd, lang))
      : null
    : latestCountry && latestCountry.revenueUsd !== null
      ? `${m.summary(name, latestCountry.periodGregorian, formatUsdShort(latestCountry.revenueUsd, lang), formatUsdShort(latestCountry.importsUsd, lang))}${latestCountry.shareOfCustoms !== null ? ` ${m.summaryShare(formatSmallShare(latestCountry.shareOfCustoms, lang))}` : ''}`
      : null;

  const points = isGroup
    ? (result.groupRows ?? []).flatMap((g) => (g.revenueUsd === null ? [] : [{ year: g.year, value: g.revenueUsd }]))
    : rated.map((r) => ({ year: r.year, value: r.revenueUsd as number }));
  const chartDescription = points.map((p) => `${p.year}${t.common.colon}${formatUsdShort(p.value, lang)}`).join('; ');
  const chart =
    points.length > 0
      ? renderLineChart({
          series: [{ key: result.target.id, label: name, points }],
          title: m.chartTitle(name),
          description: chartDescription,
          yLabel: t.units.usd,
          formatValue: (n) => formatUsdShort(n, lang),
          id: 'moratorium-chart',
        })
      : null;

  // The map and the members table show the latest year any member has a figure for.
  const memberYear = isGroup ? Math.max(...result.rows.map((r) => r.year)) : null;
  const memberRows = memberYear !== null ? result.rows.filter((r) => r.year === memberYear) : [];
  const memberValues = new Map(memberRows.flatMap((r) => (r.revenueUsd === null ? [] : [[r.reporter, r.revenueUsd] as [string, number]])));

  // Per line: the latest year with imports (summed over members for a group).
  const lineYear = result.lines.length ? Math.max(...result.lines.map((l) => l.year)) : null;
  const byLine = new Map<string, { hs6: string; match: string; importsUsd: number; revenueUsd: number | null; ratePct: number | null; pricing: string | null; why: ReturnType<typeof lineMissing>; procurement: boolean }>();
  for (const l of result.lines.filter((x) => x.year === lineYear)) {
    const e = byLine.get(l.hs6);
    const procurement = lineProcurement(l) !== null;
    if (!e) byLine.set(l.hs6, { hs6: l.hs6, match: l.match, importsUsd: l.importsUsd, revenueUsd: l.revenueUsd, ratePct: isGroup ? null : l.ratePct, pricing: l.pricing, why: lineMissing(l, result), procurement });
    else {
      if (e.pricing !== l.pricing) e.pricing = e.pricing === null ? l.pricing : l.pricing === null ? e.pricing : 'mixed';
      e.importsUsd += l.importsUsd;
      if (l.revenueUsd !== null) e.revenueUsd = (e.revenueUsd ?? 0) + l.revenueUsd;
    }
  }
  const lines = [...byLine.values()].sort((a, b) => a.hs6.localeCompare(b.hs6));

  const sensitivityValue = (r: SensitivityRow): string => {
    if (r.assumption === 'tariff measure') return m.tariffs[r.value as EstimateOptions['tariff']] ?? r.value;
    if (r.assumption === 'national lines to HS6') return m.rollups[r.value as EstimateOptions['rollup']] ?? r.value;
    if (r.assumption === 'valuation') return m.valuations[r.value as EstimateOptions['valuation']] ?? r.value;
    if (r.assumption === 'import-demand elasticity' && r.value === '0') return m.static;
    return r.value.replace('.', lang === 'en' ? '.' : ',');
  };
  const o = result.options;

  return (
    <section aria-labelledby="estimate-title">
      <h2 id="estimate-title">{m.resultsTitle(name)}</h2>
      {summary ? <p class="lead">{summary}</p> : <p class="notice">{m.noEstimate}</p>}
      {isGroup ? (
        <table id="results">
          <caption>{m.groupCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.common.year}</th>
              <th scope="col" class="num">{m.revenue}</th>
              <th scope="col" class="num">{m.imports}</th>
              <th scope="col" class="num">{m.membersWithData}</th>
            </tr>
          </thead>
          <tbody>
            {(result.groupRows ?? []).map((g) => (
              <tr>
                <th scope="row">{g.year}</th>
                <td class="num">{g.revenueUsd === null ? <Why ctx={ctx} reason={groupYearMissing(result, g.year)} /> : formatNumber(g.revenueUsd, lang)}</td>
                <td class="num">{formatNumber(g.importsUsd, lang)}</td>
                <td class="num">{`${g.membersWithData} / ${g.membersTotal}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <CountryTable ctx={ctx} names={names} rows={result.rows} id="results" caption={m.caption} result={result} />
      )}
      <SourceLine ctx={ctx} vintages={result.vintages} />
      {chart ? (
        <figure class="chart" id="results-chart">
          {raw(chart)}
          <figcaption>{chartDescription}</figcaption>
        </figure>
      ) : null}
      {isGroup && memberYear !== null && Number.isFinite(memberYear) ? (
        <>
          <IndicatorMap
            ctx={ctx}
            ref={props.ref}
            def={USD}
            title={m.mapTitle(name, memberYear)}
            values={memberValues}
            highlight={new Set([...result.rows.map((r) => r.reporter), ...result.noData])}
          />
          <CountryTable ctx={ctx} names={names} rows={memberRows} caption={m.membersCaption(memberYear)} members result={result} />
        </>
      ) : null}
      {result.noData.length > 0 && isGroup ? (
        <>
          <h3>{m.noDataMembers}</h3>
          <p>
            {result.noData
              .map((iso3) => ({ iso3, name: names.get(iso3) ?? iso3 }))
              .sort((a, b) => a.name.localeCompare(b.name, lang))
              .map((x, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  {x.name} <small>(<Why ctx={ctx} reason={noDataMissing(result, x.iso3)} />)</small>
                </>
              ))}
          </p>
        </>
      ) : null}
      <Absences ctx={ctx} result={result} names={names} />
      <ProcurementNotice ctx={ctx} result={result} />
      {lines.length > 0 && lineYear !== null ? (
        <table id="lines">
          <caption>
            {m.linesTitle(lineYear)}. {m.linesCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{m.hs6}</th>
              <th scope="col">{m.match}</th>
              <th scope="col" class="num">{m.imports}</th>
              {isGroup ? null : <th scope="col" class="num">{m.rate}</th>}
              <th scope="col">{m.pricing}</th>
              <th scope="col" class="num">{m.revenue}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr>
                <th scope="row">
                  {`${l.hs6.slice(0, 4)}.${l.hs6.slice(4)}`}
                  {l.procurement ? <small class="flag" data-flag="procurement">{` ${t.moratoriumLists.procurementMark}`}</small> : null}
                </th>
                <td>{m.matches[l.match as keyof typeof m.matches] ?? l.match}</td>
                <td class="num">{formatNumber(l.importsUsd, lang)}</td>
                {isGroup ? null : <td class="num">{l.ratePct === null ? <Why ctx={ctx} reason={l.why} /> : formatNumber(l.ratePct, lang, 2)}</td>}
                <td>{l.pricing === null ? '–' : (m.pricings[l.pricing as keyof typeof m.pricings] ?? l.pricing)}</td>
                <td class="num">{l.revenueUsd === null ? <Why ctx={ctx} reason={l.why} /> : formatNumber(l.revenueUsd, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <table id="sensitivity">
        <caption>
          {m.sensitivityTitle}. {m.sensitivityCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.assumption}</th>
            <th scope="col">{m.option}</th>
            <th scope="col" class="num">{m.total}</th>
            <th scope="col" class="num">{m.change}</th>
          </tr>
        </thead>
        <tbody>
          {props.sensitivity.map((r) => (
            <tr class={r.base ? 'base' : undefined}>
              <th scope="row">{m.assumptions[r.assumption] ?? r.assumption}</th>
              <td>
                {r.base ? <strong>{sensitivityValue(r)}</strong> : sensitivityValue(r)}
                {r.base ? <small class="muted"> ({m.baseCase})</small> : null}
              </td>
              <td class="num">{r.revenueUsd === null ? <Why ctx={ctx} reason={r.missing.revenueUsd} /> : r.base ? <strong>{formatNumber(r.revenueUsd, lang)}</strong> : formatNumber(r.revenueUsd, lang)}</td>
              <td class="num">{r.change === null ? (r.missing.change && r.revenueUsd !== null ? <Why ctx={ctx} reason={r.missing.change} /> : '–') : r.base ? '' : formatChange(r.change, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <VatComparison ctx={ctx} names={names} result={result} rows={props.vat} year={memberYear} apiQuery={props.apiQuery} />
      {props.design ? <Design ctx={ctx} names={names} result={result} name={name} {...props.design} /> : null}
      <h3>{m.assumptionsTitle}</h3>
      <dl class="record assumptions">
        <dt>{m.assumptions['product list']}</dt>
        <dd>
          {result.list.name} <small class="muted">({result.list.id}, {result.list.edition})</small>
        </dd>
        <dt>{m.assumptions['tariff measure']}</dt>
        <dd>{m.tariffs[o.tariff]}</dd>
        <dt>{m.assumptions['national lines to HS6']}</dt>
        <dd>{m.rollups[o.rollup]}</dd>
        <dt>{m.assumptions['share digitised']}</dt>
        <dd>{formatShare(o.share)}</dd>
        <dt>{m.assumptions.valuation}</dt>
        <dd>
          {m.valuations[o.valuation]}
          {o.valuation === 'carrier' ? ` (${formatNumber(o.carrierShare, lang, 3)})` : ''}
        </dd>
        <dt>{m.assumptions['import-demand elasticity']}</dt>
        <dd>{o.elasticity === 0 ? m.static : formatNumber(o.elasticity, lang, 2)}</dd>
        <dt>{m.assumptions.years}</dt>
        <dd>{o.years ? [...new Set(result.rows.map((r) => r.year))].sort().join(', ') || '–' : m.allYears}</dd>
      </dl>
      {result.remarks.length > 0 ? (
        <>
          <h3>{m.notesTitle}</h3>
          <ul class="notes">
            {result.remarks.map((r) => (
              <li>
                <small>{r.kind === 'tariff-year' ? scheduleRemark(t.moratoriumSchedules, r) : remarkIn(m.remarks, r)}</small>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="downloads">
        {m.downloads}
        {t.common.colon}
        <a href={`${api}&format=csv`} download>
          {m.downloadResults}
        </a>
        {' · '}
        <a href={`${api}&lines=true&format=csv`} download>
          {m.downloadLines}
        </a>
        {' · '}
        <a href={`${api}&format=xlsx`} download>
          {m.downloadWorkbook}
        </a>
        {' · '}
        <a href={`/api/v1/moratorium/sensitivity?${props.apiQuery}&format=csv`} download>
          {m.downloadSensitivity}
        </a>
        {' · '}
        <a href={`${api}&lines=true`}>{m.downloadJson}</a>
      </p>
    </section>
  );
}

/**
 * Revenue per year for one country, or per member for a group's year: imports, the rated part, lines with
 * and without a rate, the tariff year used, and the revenue's share of customs and government revenue.
 */
function CountryTable(props: { ctx: PageContext; names: ReadonlyMap<string, string>; rows: readonly CountryYear[]; caption: string; id?: string; members?: boolean; result: EstimateResult }) {
  const { ctx, names } = props;
  const { t, lang } = ctx;
  const m = t.moratorium;
  const rows = props.members ? [...props.rows].sort((a, b) => (b.revenueUsd ?? -1) - (a.revenueUsd ?? -1)) : props.rows;
  return (
    <div class="wide">
      <table id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.members ? t.common.country : t.common.year}</th>
            <th scope="col" class="num">{m.revenue}</th>
            <th scope="col" class="num">{m.imports}</th>
            <th scope="col" class="num">{m.importsRated}</th>
            <th scope="col" class="num">{m.lines}</th>
            <th scope="col" class="num">{m.tariffYear}</th>
            <th scope="col" class="num">{m.shareOfCustoms}</th>
            <th scope="col" class="num">{m.shareOfGovernment}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const why = rowMissing(r, props.result);
            return (
            <tr>
              <th scope="row">{props.members ? <a href={href(ctx, `/countries/${r.reporter}`)}>{names.get(r.reporter) ?? r.name}</a> : <PeriodCell row={r} />}</th>
              <td class="num">{r.revenueUsd === null ? <Why ctx={ctx} reason={why.revenueUsd} /> : formatNumber(r.revenueUsd, lang)}</td>
              <td class="num">{formatNumber(r.importsUsd, lang)}</td>
              <td class="num">{formatNumber(r.importsRatedUsd, lang)}</td>
              <td class="num">{`${r.linesWithRate} / ${r.linesWithoutRate}`}</td>
              <td class="num">{r.tariffYear === null ? <Why ctx={ctx} reason={why.tariffYear} /> : <>{r.tariffYear}<ScheduleNote ctx={ctx} row={r} /></>}</td>
              <td class="num">{r.shareOfCustoms === null ? <Why ctx={ctx} reason={why.shareOfCustoms} /> : formatSmallShare(r.shareOfCustoms, lang)}</td>
              <td class="num">{r.shareOfGovernment === null ? <Why ctx={ctx} reason={why.shareOfGovernment} /> : formatSmallShare(r.shareOfGovernment, lang)}</td>
            </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}


/** A remark of the estimate in the page's language. */
function remarkIn(t: Messages['moratorium']['remarks'], r: Remark): string {
  switch (r.kind) {
    case 'tariff-year':
      return t.tariffYear(r.reporter, r.tariffYear, r.year);
    case 'more-tariff-years':
      return t.moreTariffYears(r.count);
    case 'concorded':
      return t.concorded(r.from, r.to, r.lines.map((l) => `${l.hs6} ${t.match[l.match] ?? l.match}`).join(', '));
    case 'not-concorded':
      return t.notConcorded(r.codes.length, r.from, r.to, r.codes.join(', '));
  }
}

