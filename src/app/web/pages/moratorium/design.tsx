import { raw } from 'hono/html';
import type { DutyDesign, EstimateResult } from '../../../services/moratorium-results.ts';
import { formatNumber, formatRatePct, formatUsdShort } from '../../format.ts';
import { renderLineChart } from '../../render/chart.ts';
import { href, type PageContext } from '../context.ts';

/** What the design section shows: a simulation, a country without a base, or a group waiting for a member. */
export type DesignState =
  | { kind: 'design'; design: DutyDesign }
  | { kind: 'no base'; iso3: string }
  | { kind: 'ask country' };

/** The design form's fields as read from the page's query. */
export interface DesignInput {
  ratePct: number;
  baseText: string;
  /** The member chosen for a group target ('' when none). */
  country: string;
  /** The members a group's design can be for, by name. */
  members: { iso3: string; name: string }[];
}

/**
 * The duty design: its own GET form (the estimate's choices travel as hidden fields, so the elasticity and
 * the base's assumptions are the main form's), then the simulation, the revenue-maximising rate and the
 * curve of revenue and cost to consumers over rates, with a text alternative.
 */
export function Design(props: {
  ctx: PageContext;
  names: ReadonlyMap<string, string>;
  result: EstimateResult;
  name: string;
  state: DesignState;
  input: DesignInput;
  hidden: [string, string][];
}) {
  const { ctx, names, result, state, input } = props;
  const { t, lang } = ctx;
  const d = t.moratorium.design;
  const m = t.moratorium;
  const isGroup = result.groupRows !== null;
  const o = result.options;
  const design = state.kind === 'design' ? state.design : null;
  const countryName = design ? (names.get(design.iso3) ?? design.iso3) : '';

  let chart: string | null = null;
  let description = '';
  if (design) {
    const revenue = design.laffer.points.map((p) => ({ year: p.ratePct, value: p.revenueUsd }));
    const cost = design.laffer.points.map((p) => ({ year: p.ratePct, value: p.consumerCostUsd }));
    const list = (points: { year: number; value: number }[]) => points.map((p) => `${formatRatePct(p.year, lang)}${t.common.colon}${formatUsdShort(p.value, lang)}`).join('; ');
    description = `${d.seriesRevenue}${t.common.colon}${list(revenue)}. ${d.seriesCost}${t.common.colon}${list(cost)}.`;
    chart = renderLineChart({
      series: [
        { key: 'revenue', label: d.seriesRevenue, points: revenue },
        { key: 'cost', label: d.seriesCost, points: cost, dashed: true },
      ],
      title: d.chartTitle(countryName),
      description,
      yLabel: d.chartAxis,
      formatValue: (n) => formatUsdShort(n, lang),
      yearFormatter: (r) => formatRatePct(r, lang),
      maxGap: 2.5,
      id: 'design-chart',
    });
  }
  const api = design
    ? `/api/v1/moratorium/design?${new URLSearchParams([
        ['country', design.iso3],
        ['rate', String(design.simulation.ratePct)],
        ...(design.baseFrom === 'given' ? [['base', String(design.baseUsd)] as [string, string]] : []),
        ['elasticity', String(o.elasticity)],
        // The base's assumptions only: the design API takes no tariff measure or roll-up.
        ...props.hidden.filter(([k]) => ['years', 'list', 'share', 'valuation', 'carrier_share'].includes(k)),
      ] satisfies [string, string][]).toString()}`
    : '';

  return (
    <section aria-labelledby="design-title" id="design">
      <h2 id="design-title">{d.title}</h2>
      <p>{d.intro}</p>
      <form method="get" action={`${href(ctx, '/moratorium')}#design`} class="estimate design">
        <fieldset>
          <legend>{d.formTitle}</legend>
          {props.hidden.map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}
          {isGroup ? (
            <p>
              <label>
                {d.country}{' '}
                <select name="design_country">
                  <option value="" selected={input.country === ''}>
                    {d.chooseCountry}
                  </option>
                  {input.members.map((c) => (
                    <option value={c.iso3} selected={c.iso3 === input.country}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
            </p>
          ) : null}
          <p>
            <label>
              {d.rate} <input name="rate" size={6} value={String(input.ratePct)} inputmode="decimal" />
            </label>
          </p>
          <p>
            <label>
              {d.base} <input name="base" size={16} value={input.baseText} inputmode="decimal" />
            </label>
          </p>
          <p>{d.elasticity(o.elasticity === 0 ? m.static : formatNumber(o.elasticity, lang, 2))}</p>
          <p>
            <button type="submit">{d.submit}</button>
          </p>
        </fieldset>
      </form>
      {state.kind === 'ask country' ? <p class="notice">{d.askCountry(props.name)}</p> : null}
      {state.kind === 'no base' ? <p class="notice">{d.noBase}</p> : null}
      {design ? (
        <>
          <table id="design-results">
            <caption>
              {d.resultsTitle(countryName, formatRatePct(design.simulation.ratePct, lang))}. {d.caption}
            </caption>
            <tbody>
              <tr>
                <th scope="row">{d.baseLabel}</th>
                <td class="num">{formatNumber(design.baseUsd, lang)}</td>
                <td>
                  <small class="muted">{design.baseFrom === 'given' || design.year === null ? d.baseGiven : d.baseFromLines(design.year)}</small>
                </td>
              </tr>
              <tr>
                <th scope="row">{d.importsAfter}</th>
                <td class="num">{formatNumber(design.simulation.importsAfterUsd, lang)}</td>
                <td />
              </tr>
              <tr>
                <th scope="row">{d.revenue}</th>
                <td class="num">
                  <strong>{formatNumber(design.simulation.revenueUsd, lang)}</strong>
                </td>
                <td />
              </tr>
              <tr>
                <th scope="row">{d.consumerCost}</th>
                <td class="num">{formatNumber(design.simulation.consumerCostUsd, lang)}</td>
                <td />
              </tr>
              <tr>
                <th scope="row">{d.deadweightLoss}</th>
                <td class="num">{formatNumber(design.simulation.deadweightLossUsd, lang)}</td>
                <td />
              </tr>
              <tr>
                <th scope="row">{d.peak}</th>
                <td colspan={2}>
                  {design.laffer.peak ? d.peakValue(formatRatePct(design.laffer.peak.ratePct, lang), formatUsdShort(design.laffer.peak.revenueUsd, lang)) : d.noPeak}
                </td>
              </tr>
            </tbody>
          </table>
          {chart ? (
            <figure class="chart" id="design-chart">
              {raw(chart)}
              <figcaption>{description}</figcaption>
            </figure>
          ) : null}
          <p class="design-downloads">
            <a href={`${api}&format=csv`} download>
              {d.download}
            </a>
            {' · '}
            <a href={api}>{d.downloadJson}</a>
          </p>
        </>
      ) : null}
    </section>
  );
}

