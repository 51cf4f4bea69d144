import { raw } from 'hono/html';
import type { Lang } from '../../../domain/lang.ts';
import { pick } from '../../../domain/lang.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { ESTIMATE_PARAMS, formatShare, ROLLUPS, TARIFF_MEASURES, VALUATIONS, type EstimateOptions } from '../../../domain/moratorium/options.ts';
import type { MergedVatEntry } from '../../../domain/moratorium/vat.ts';
import { MoratoriumService, type MoratoriumReport, type CountryYear, type DutyDesign, type EstimateResult, type EstimateTarget, type Remark, type SensitivityRow, type VatRow } from '../../services/moratorium.ts';
import type { Reference } from '../../services/reference.ts';
import { estimateParams, readDesignParams, readEstimateOptions, readTarget } from '../api/moratorium.ts';
import { formatDate, formatNumber, formatValue } from '../format.ts';
import { badParameter } from '../http-error.ts';
import { renderLineChart } from '../render/chart.ts';
import { href, type PageContext } from './context.ts';
import type { Messages } from '../i18n/en.ts';
import { Layout, SourceLine } from './layout.tsx';
import { entityNames, IndicatorMap } from './widgets.tsx';

const WHERE = 'the moratorium page';
/** The duty design's own fields: its rate, its optional base, and for a group the member it is for. */
const DESIGN_PARAMS = ['rate', 'base', 'design_country'] as const;
const PAGE_PARAMS: readonly string[] = ['target', 'country', 'group', ...ESTIMATE_PARAMS, ...DESIGN_PARAMS];
/**
 * The duty the design section opens on, percent: a round figure in the range of the MFN rates on the
 * listed lines, for the reader to change; not a recommendation.
 */
const DEFAULT_DUTY_PCT = 10;
/** The country the page opens on when it has imports: an LDC with a full bilateral series in the shared data. */
const PREFERRED_DEFAULT = 'NPL';
const USD = { unit: 'usd', decimals: 0, higherIsBetter: null } as const;
const LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', pt: 'pt-PT' };

const shareFormats = new Map<Lang, Intl.NumberFormat>();
/** A small share of revenue as a percentage with three significant digits ("0.0254%"). */
function formatSmallShare(share: number, lang: Lang): string {
  let f = shareFormats.get(lang);
  if (!f) shareFormats.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumSignificantDigits: 3 })));
  return f.format(share);
}

const usd = (n: number, lang: Lang) => formatNumber(n, lang, 0);

const changeFormats = new Map<Lang, Intl.NumberFormat>();
/** A change against the base case as a signed percentage ("+70.5%", "−50%"). */
function formatChange(change: number, lang: Lang): string {
  let f = changeFormats.get(lang);
  if (!f) changeFormats.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' })));
  return f.format(change);
}
const usdShort = (n: number, lang: Lang) => formatValue(n, USD, lang);

const rateFormats = new Map<Lang, Intl.NumberFormat>();
/** A duty or VAT rate given in percent ("10%", "12,5 %"). */
function formatRate(pct: number, lang: Lang): string {
  let f = rateFormats.get(lang);
  if (!f) rateFormats.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 2 })));
  return f.format(pct / 100);
}

/** What the design section shows: a simulation, a country without a base, or a group waiting for a member. */
type DesignState =
  | { kind: 'design'; design: DutyDesign }
  | { kind: 'no base'; iso3: string }
  | { kind: 'ask country' };

interface DesignInput {
  ratePct: number;
  baseText: string;
  /** The member chosen for a group target ('' when none). */
  country: string;
  /** The members a group's design can be for, by name. */
  members: { iso3: string; name: string }[];
}

/**
 * Reads the page's query: `target=country:NPL` or `target=group:LDC` (the form's one select), or the API's
 * own `country=` / `group=`, so that an API query pasted after /moratorium opens the same estimate.
 */
function targetQuery(query: URLSearchParams): { country?: string; group?: string } | null {
  for (const name of new Set(query.keys())) {
    if (!PAGE_PARAMS.includes(name)) throw badParameter(name, `unknown parameter; accepted: ${PAGE_PARAMS.join(', ')}`);
    if (query.getAll(name).length > 1) throw badParameter(name, 'given more than once');
  }
  const target = query.get('target') ?? '';
  const country = query.get('country') ?? '';
  const group = query.get('group') ?? '';
  if (target !== '') {
    if (country !== '' || group !== '') throw badParameter('target', 'give target, or country or group, not both');
    const m = /^(country|group):([A-Za-z0-9_-]{2,32})$/.exec(target);
    if (!m?.[1] || !m[2]) throw badParameter('target', `expected "country:" or "group:" and a code, such as country:NPL or group:LDC, got "${target}"`);
    return m[1] === 'country' ? { country: m[2] } : { group: m[2] };
  }
  if (country === '' && group === '') return null;
  return { ...(country !== '' ? { country } : {}), ...(group !== '' ? { group } : {}) };
}

/** The moratorium estimator: a GET form, the estimate per year, chart, map, lines, sensitivity, method and downloads. */
export async function moratoriumPage(ctx: PageContext, _params: Record<string, string>, query: URLSearchParams) {
  const { obs, t, lang } = ctx;
  const m = t.moratorium;
  const service = new MoratoriumService(obs);
  const ref = await obs.ref();
  const names = entityNames(ref, lang);
  const options = readEstimateOptions(new Map([...query].filter(([k]) => (ESTIMATE_PARAMS as readonly string[]).includes(k))), WHERE);
  const coverage = await service.coverage();
  const reporters = [...new Set(coverage.map((c) => c.reporter))];
  let asked = targetQuery(query);
  if (!asked) {
    const first = reporters.includes(PREFERRED_DEFAULT) ? PREFERRED_DEFAULT : reporters[0];
    asked = first ? { country: first } : null;
  }
  const lists = await service.lists();
  const target = asked ? await readTarget(service, new Map(Object.entries(asked)), WHERE) : null;
  // One read of the duty base serves the estimate, its sensitivity, VAT and the duty design.
  const report = target ? await service.report(target, options) : null;
  const result = report?.result ?? null;
  const sensitivity = report?.sensitivity ?? null;
  const vat = report?.vat ?? null;
  const designInput = target && result ? readDesignInput(query, target, result, names) : null;
  const design = report && designInput ? await designState(report, designInput) : null;

  const countryOptions = [...new Set([...reporters, ...(target?.kind === 'country' ? [target.id] : [])])]
    .map((iso3) => ({ iso3, name: names.get(iso3) ?? iso3 }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  const groups = [...ref.groups.values()].map((g) => ({ id: g.id, name: pick(g.names, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang));
  const selected = target ? `${target.kind}:${target.id}` : '';
  const targetName = result ? (result.target.kind === 'country' ? (names.get(result.target.id) ?? result.target.name) : (groups.find((g) => g.id === result.target.id)?.name ?? result.target.name)) : '';
  const apiQuery = target ? new URLSearchParams(estimateParams(target, options)).toString() : '';

  return (
    <Layout ctx={ctx} title={m.title} description={m.intro}>
      <h1>{m.title}</h1>
      <p class="lead">{m.intro}</p>
      <form method="get" action={href(ctx, '/moratorium')} class="estimate">
        <fieldset>
          <legend>{m.formTitle}</legend>
          <p>
            <label>
              {m.target}{' '}
              <select name="target">
                <optgroup label={m.targetCountries}>
                  {countryOptions.map((c) => (
                    <option value={`country:${c.iso3}`} selected={selected === `country:${c.iso3}`}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={m.targetGroups}>
                  {groups.map((g) => (
                    <option value={`group:${g.id}`} selected={selected === `group:${g.id}`}>
                      {g.name}
                    </option>
                  ))}
                </optgroup>
              </select>
            </label>
          </p>
          <p>
            <label>
              {m.years} <input name="years" size={10} value={query.get('years') ?? ''} inputmode="numeric" pattern="\s*\d{0,4}\s*-?\s*\d{0,4}\s*" />
            </label>
          </p>
          <SelectField label={m.list} name="list" choices={lists.map((l) => [l.id, l.name])} selected={options.list} />
          <SelectField label={m.tariff} name="tariff" choices={TARIFF_MEASURES.map((x) => [x, m.tariffs[x]])} selected={options.tariff} />
          <SelectField label={m.rollup} name="rollup" choices={ROLLUPS.map((x) => [x, m.rollups[x]])} selected={options.rollup} />
          <p>
            <label>
              {m.share} <input name="share" size={16} value={formatShare(options.share)} />
            </label>
          </p>
          <SelectField label={m.valuation} name="valuation" choices={VALUATIONS.map((x) => [x, m.valuations[x]])} selected={options.valuation} />
          <p>
            <label>
              {m.carrierShare} <input name="carrier_share" size={6} value={String(options.carrierShare)} inputmode="decimal" />
            </label>
          </p>
          <p>
            <label>
              {m.elasticity} <input name="elasticity" size={6} value={String(options.elasticity)} inputmode="decimal" />
            </label>
          </p>
          {DESIGN_PARAMS.map((name) => (query.get(name) ? <input type="hidden" name={name} value={query.get(name) ?? ''} /> : null))}
          <p>
            <button type="submit">{m.submit}</button>
          </p>
        </fieldset>
      </form>
      {result && sensitivity ? (
        <Estimate
          ctx={ctx}
          ref={ref}
          names={names}
          result={result}
          sensitivity={sensitivity}
          name={targetName}
          apiQuery={apiQuery}
          vat={vat ?? []}
          design={design && designInput ? { state: design, input: designInput, hidden: [['target', selected], ...estimateParams(result.target, options).slice(1)] } : null}
        />
      ) : (
        <p class="notice">{m.noTrade}</p>
      )}
      <h2 id="method">{m.methodTitle}</h2>
      {m.method.map((p) => (
        <p>{p}</p>
      ))}
    </Layout>
  );
}

/**
 * The design's fields from the page's query: the rate (the default when empty), the base as typed, and for
 * a group the member chosen. A `design_country` is ignored for a country target, so that switching the
 * main form from a group to a country keeps working; for a group it must be one of its members.
 */
function readDesignInput(query: URLSearchParams, target: EstimateTarget, result: EstimateResult, names: ReadonlyMap<string, string>): DesignInput {
  const { ratePct } = readDesignParams(new Map([['rate', query.get('rate') || String(DEFAULT_DUTY_PCT)], ['base', query.get('base') ?? '']]), WHERE);
  const baseText = query.get('base') ?? '';
  if (target.kind === 'country') return { ratePct, baseText, country: target.id, members: [] };
  const members = [...new Set([...result.rows.map((r) => r.reporter), ...result.noData])]
    .map((iso3) => ({ iso3, name: names.get(iso3) ?? iso3 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const country = (query.get('design_country') ?? '').trim().toUpperCase();
  if (country !== '' && !members.some((x) => x.iso3 === country)) {
    throw badParameter('design_country', `"${country}" is not a member of ${target.id} in the estimate`);
  }
  return { ratePct, baseText, country, members };
}

async function designState(report: MoratoriumReport, input: DesignInput): Promise<DesignState> {
  if (input.country === '') return { kind: 'ask country' };
  const { baseUsd } = readDesignParams(new Map([['rate', String(input.ratePct)], ['base', input.baseText]]), WHERE);
  try {
    return { kind: 'design', design: await report.design(input.country, input.ratePct, baseUsd) };
  } catch (error) {
    // A country without imports of the listed lines can still be simulated on a value the reader gives.
    if (error instanceof NotFoundError && baseUsd === undefined) return { kind: 'no base', iso3: input.country };
    throw error;
  }
}

function Estimate(props: {
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
  const noData = <span class="nodata">{t.common.noData}</span>;
  const api = `/api/v1/moratorium/estimate?${props.apiQuery}`;
  const isGroup = result.groupRows !== null;

  // The headline: the latest year with a revenue figure, for the country or the group.
  const latestCountry = rated[rated.length - 1];
  const latestGroup = result.groupRows?.filter((g) => g.revenueUsd !== null).at(-1);
  const summary = isGroup
    ? latestGroup && latestGroup.revenueUsd !== null
      ? m.summary(name, latestGroup.year, usdShort(latestGroup.revenueUsd, lang), usdShort(latestGroup.importsUsd, lang))
      : null
    : latestCountry && latestCountry.revenueUsd !== null
      ? `${m.summary(name, latestCountry.year, usdShort(latestCountry.revenueUsd, lang), usdShort(latestCountry.importsUsd, lang))}${latestCountry.shareOfCustoms !== null ? ` ${m.summaryShare(formatSmallShare(latestCountry.shareOfCustoms, lang))}` : ''}`
      : null;

  const points = isGroup
    ? (result.groupRows ?? []).flatMap((g) => (g.revenueUsd === null ? [] : [{ year: g.year, value: g.revenueUsd }]))
    : rated.map((r) => ({ year: r.year, value: r.revenueUsd as number }));
  const chartDescription = points.map((p) => `${p.year}${t.common.colon}${usdShort(p.value, lang)}`).join('; ');
  const chart =
    points.length > 0
      ? renderLineChart({
          series: [{ key: result.target.id, label: name, points }],
          title: m.chartTitle(name),
          description: chartDescription,
          yLabel: t.units.usd,
          formatValue: (n) => usdShort(n, lang),
          id: 'moratorium-chart',
        })
      : null;

  // The map and the members table show the latest year any member has a figure for.
  const memberYear = isGroup ? Math.max(...result.rows.map((r) => r.year)) : null;
  const memberRows = memberYear !== null ? result.rows.filter((r) => r.year === memberYear) : [];
  const memberValues = new Map(memberRows.flatMap((r) => (r.revenueUsd === null ? [] : [[r.reporter, r.revenueUsd] as [string, number]])));

  // Per line: the latest year with imports (summed over members for a group).
  const lineYear = result.lines.length ? Math.max(...result.lines.map((l) => l.year)) : null;
  const byLine = new Map<string, { hs6: string; match: string; importsUsd: number; revenueUsd: number | null; ratePct: number | null }>();
  for (const l of result.lines.filter((x) => x.year === lineYear)) {
    const e = byLine.get(l.hs6);
    if (!e) byLine.set(l.hs6, { hs6: l.hs6, match: l.match, importsUsd: l.importsUsd, revenueUsd: l.revenueUsd, ratePct: isGroup ? null : l.ratePct });
    else {
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
                <td class="num">{g.revenueUsd === null ? noData : usd(g.revenueUsd, lang)}</td>
                <td class="num">{usd(g.importsUsd, lang)}</td>
                <td class="num">{`${g.membersWithData} / ${g.membersTotal}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <CountryTable ctx={ctx} names={names} rows={result.rows} id="results" caption={m.caption} />
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
          <CountryTable ctx={ctx} names={names} rows={memberRows} caption={m.membersCaption(memberYear)} members />
        </>
      ) : null}
      {result.noData.length > 0 && isGroup ? (
        <>
          <h3>{m.noDataMembers}</h3>
          <p>
            {result.noData
              .map((iso3) => names.get(iso3) ?? iso3)
              .sort((a, b) => a.localeCompare(b, lang))
              .join(', ')}
          </p>
        </>
      ) : null}
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
              <th scope="col" class="num">{m.revenue}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr>
                <th scope="row">{`${l.hs6.slice(0, 4)}.${l.hs6.slice(4)}`}</th>
                <td>{m.matches[l.match as keyof typeof m.matches] ?? l.match}</td>
                <td class="num">{usd(l.importsUsd, lang)}</td>
                {isGroup ? null : <td class="num">{l.ratePct === null ? m.noRate : formatNumber(l.ratePct, lang, 2)}</td>}
                <td class="num">{l.revenueUsd === null ? noData : usd(l.revenueUsd, lang)}</td>
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
              <td class="num">{r.revenueUsd === null ? noData : r.base ? <strong>{usd(r.revenueUsd, lang)}</strong> : usd(r.revenueUsd, lang)}</td>
              <td class="num">{r.change === null ? '–' : r.base ? '' : formatChange(r.change, lang)}</td>
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
                <small>{remarkIn(m.remarks, r)}</small>
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
function CountryTable(props: { ctx: PageContext; names: ReadonlyMap<string, string>; rows: readonly CountryYear[]; caption: string; id?: string; members?: boolean }) {
  const { ctx, names } = props;
  const { t, lang } = ctx;
  const m = t.moratorium;
  const noData = <span class="nodata">{t.common.noData}</span>;
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
          {rows.map((r) => (
            <tr>
              <th scope="row">{props.members ? <a href={href(ctx, `/countries/${r.reporter}`)}>{names.get(r.reporter) ?? r.name}</a> : r.year}</th>
              <td class="num">{r.revenueUsd === null ? noData : usd(r.revenueUsd, lang)}</td>
              <td class="num">{usd(r.importsUsd, lang)}</td>
              <td class="num">{usd(r.importsRatedUsd, lang)}</td>
              <td class="num">{`${r.linesWithRate} / ${r.linesWithoutRate}`}</td>
              <td class="num">{r.tariffYear ?? noData}</td>
              <td class="num">{r.shareOfCustoms === null ? noData : formatSmallShare(r.shareOfCustoms, lang)}</td>
              <td class="num">{r.shareOfGovernment === null ? noData : formatSmallShare(r.shareOfGovernment, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A registry entry's cells: rate, start, threshold, model, legislative status; "no data" where the registry is silent. */
function VatEntryCells(props: { ctx: PageContext; entry: MergedVatEntry | null }) {
  const { t, lang } = props.ctx;
  const v = t.moratorium.vat;
  const e = props.entry;
  const noData = <span class="nodata">{t.common.noData}</span>;
  return (
    <>
      <td class="num">{e?.rate === null || e?.rate === undefined ? noData : formatNumber(e.rate, lang, 2)}</td>
      <td>{e?.start ? formatDate(e.start, lang) : '–'}</td>
      <td>{e?.threshold ? `${formatNumber(e.threshold.amount, lang, 0)} ${e.threshold.currency ?? v.nationalCurrency}` : '–'}</td>
      <td>{e?.model ? (v.models[e.model] ?? e.model) : '–'}</td>
      <td>{!e || e.legislated === 'no data' ? noData : (v.statuses[e.legislated] ?? e.legislated)}</td>
    </>
  );
}

/**
 * Duty against VAT/GST on the same base: per year for a country, per member in the latest year for a group
 * (the CSV has every year), with each registry entry and its sources.
 */
function VatComparison(props: { ctx: PageContext; names: ReadonlyMap<string, string>; result: EstimateResult; rows: readonly VatRow[]; year: number | null; apiQuery: string }) {
  const { ctx, names, result } = props;
  const { t, lang } = ctx;
  const v = t.moratorium.vat;
  const isGroup = result.groupRows !== null;
  const noData = <span class="nodata">{t.common.noData}</span>;
  const rows = isGroup
    ? props.rows.filter((r) => r.year === props.year).sort((a, b) => (names.get(a.reporter) ?? a.name).localeCompare(names.get(b.reporter) ?? b.name, lang))
    : props.rows;
  const entries = [...new Map(rows.flatMap((r) => (r.entry ? [[r.reporter, r.entry] as const] : []))).values()];
  const without = [...new Set(rows.filter((r) => !r.entry).map((r) => r.reporter))];
  return (
    <section aria-labelledby="vat-title">
      <h2 id="vat-title">{v.title}</h2>
      <p>{v.intro}</p>
      <div class="wide">
        <table id="vat">
          <caption>{isGroup && props.year !== null ? v.membersCaption(props.year) : v.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{isGroup ? t.common.country : t.common.year}</th>
              <th scope="col" class="num">{v.duty}</th>
              <th scope="col" class="num">{v.vatRevenue}</th>
              <th scope="col" class="num">{v.rate}</th>
              <th scope="col">{v.start}</th>
              <th scope="col">{v.threshold}</th>
              <th scope="col">{v.model}</th>
              <th scope="col">{v.legislated}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{isGroup ? <a href={href(ctx, `/countries/${r.reporter}`)}>{names.get(r.reporter) ?? r.name}</a> : r.year}</th>
                <td class="num">{r.dutyRevenueUsd === null ? noData : usd(r.dutyRevenueUsd, lang)}</td>
                <td class="num">{r.vatRevenueUsd === null ? noData : usd(r.vatRevenueUsd, lang)}</td>
                <VatEntryCells ctx={ctx} entry={r.entry} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{v.sourcesTitle}</h3>
      <ul class="notes vat-sources">
        {entries.map((e) => (
          <li>
            <small>
              <strong>{names.get(e.iso3) ?? e.iso3}</strong>
              {t.common.colon}
              {e.sourceUrl ? <a href={e.sourceUrl}>{e.sources.join('; ')}</a> : e.sources.join('; ')}
              {e.asOf ? ` (${v.asOf(formatDate(e.asOf, lang))})` : ''}
              {e.note ? `. ${e.note}` : ''}
            </small>
          </li>
        ))}
        {without.map((iso3) => (
          <li>
            <small>
              <strong>{names.get(iso3) ?? iso3}</strong>
              {t.common.colon}
              {v.noEntry}
            </small>
          </li>
        ))}
      </ul>
      <p class="vat-downloads">
        <a href={`/api/v1/moratorium/vat?${props.apiQuery}&format=csv`} download>
          {v.download}
        </a>
        {' · '}
        <a href="/api/v1/moratorium/vat-registry?format=csv" download>
          {v.downloadRegistry}
        </a>
      </p>
    </section>
  );
}

/**
 * The duty design: its own GET form (the estimate's choices travel as hidden fields, so the elasticity and
 * the base's assumptions are the main form's), then the simulation, the revenue-maximising rate and the
 * curve of revenue and cost to consumers over rates, with a text alternative.
 */
function Design(props: {
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
    const list = (points: { year: number; value: number }[]) => points.map((p) => `${formatRate(p.year, lang)}${t.common.colon}${usdShort(p.value, lang)}`).join('; ');
    description = `${d.seriesRevenue}${t.common.colon}${list(revenue)}. ${d.seriesCost}${t.common.colon}${list(cost)}.`;
    chart = renderLineChart({
      series: [
        { key: 'revenue', label: d.seriesRevenue, points: revenue },
        { key: 'cost', label: d.seriesCost, points: cost, dashed: true },
      ],
      title: d.chartTitle(countryName),
      description,
      yLabel: d.chartAxis,
      formatValue: (n) => usdShort(n, lang),
      yearFormatter: (r) => formatRate(r, lang),
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
              {d.resultsTitle(countryName, formatRate(design.simulation.ratePct, lang))}. {d.caption}
            </caption>
            <tbody>
              <tr>
                <th scope="row">{d.baseLabel}</th>
                <td class="num">{usd(design.baseUsd, lang)}</td>
                <td>
                  <small class="muted">{design.baseFrom === 'given' || design.year === null ? d.baseGiven : d.baseFromLines(design.year)}</small>
                </td>
              </tr>
              <tr>
                <th scope="row">{d.importsAfter}</th>
                <td class="num">{usd(design.simulation.importsAfterUsd, lang)}</td>
                <td />
              </tr>
              <tr>
                <th scope="row">{d.revenue}</th>
                <td class="num">
                  <strong>{usd(design.simulation.revenueUsd, lang)}</strong>
                </td>
                <td />
              </tr>
              <tr>
                <th scope="row">{d.consumerCost}</th>
                <td class="num">{usd(design.simulation.consumerCostUsd, lang)}</td>
                <td />
              </tr>
              <tr>
                <th scope="row">{d.deadweightLoss}</th>
                <td class="num">{usd(design.simulation.deadweightLossUsd, lang)}</td>
                <td />
              </tr>
              <tr>
                <th scope="row">{d.peak}</th>
                <td colspan={2}>
                  {design.laffer.peak ? d.peakValue(formatRate(design.laffer.peak.ratePct, lang), usdShort(design.laffer.peak.revenueUsd, lang)) : d.noPeak}
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

/** A labelled drop-down of the estimate form: values with their labels, one selected. */
function SelectField(props: { label: string; name: string; choices: readonly (readonly [value: string, label: string])[]; selected: string }) {
  return (
    <p>
      <label>
        {props.label}{' '}
        <select name={props.name}>
          {props.choices.map(([value, label]) => (
            <option value={value} selected={value === props.selected}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}
