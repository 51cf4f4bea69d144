import { raw } from 'hono/html';
import type { AggregateRow } from '../../services/observatory.ts';
import type { Reference } from '../../services/reference.ts';
import type { Group } from '../../../domain/group.ts';
import type { IndicatorDef } from '../../../domain/indicator.ts';
import { pick, type Lang } from '../../../domain/lang.ts';
import { formatShare, formatValue } from '../format.ts';
import { createWorldMap, describeMap, ENGLISH_MAP_SUMMARY, type WorldMap, type MapSummaryPhrase } from '../render/map.ts';
import { createColorScale } from '../render/scale.ts';
import { renderLineChart, type ChartSeries } from '../render/chart.ts';
import { href, type PageContext } from './context.ts';
import { LeftOut } from './left-out.tsx';

let worldMap: { key: string; map: WorldMap } | null = null;
const mapByReference = new WeakMap<Reference, WorldMap>();

/**
 * The projected world for the stored countries: built once, again only when the countries' M49 codes change,
 * and looked up by reference data object so a render does not re-derive the key.
 */
export function worldMapFor(ref: Reference): WorldMap {
  const known = mapByReference.get(ref);
  if (known) return known;
  const mapping = new Map<string, string>();
  for (const c of ref.countries.values()) if (c.m49) mapping.set(c.m49, c.iso3);
  const key = [...mapping].map(([m, i]) => `${m}${i}`).join('');
  if (!worldMap || worldMap.key !== key) worldMap = { key, map: createWorldMap(mapping) };
  mapByReference.set(ref, worldMap.map);
  return worldMap.map;
}

/** Country (and economy, and World Bank aggregate) names in the page's language. */
export function entityNames(ref: Reference, lang: Lang): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of ref.countries.values()) names.set(c.iso3, pick(c.names, lang));
  for (const e of ref.economies.values()) names.set(e.code, e.name);
  for (const e of ref.aggregates.values()) if (!names.has(e.code)) names.set(e.code, e.name);
  return names;
}

const MAP_SUMMARY: Record<Lang, MapSummaryPhrase> = {
  en: ENGLISH_MAP_SUMMARY,
  fr: (s, fmt) =>
    s.highest && s.lowest
      ? `Valeur la plus élevée : ${s.highest.name} (${fmt(s.highest.value)}) ; la plus basse : ${s.lowest.name} (${fmt(s.lowest.value)}) ; ${s.count} pays avec des données.`
      : 'Aucun pays n’a de données.',
  es: (s, fmt) =>
    s.highest && s.lowest
      ? `Valor más alto: ${s.highest.name} (${fmt(s.highest.value)}); más bajo: ${s.lowest.name} (${fmt(s.lowest.value)}); ${s.count} países con datos.`
      : 'Ningún país tiene datos.',
  pt: (s, fmt) =>
    s.highest && s.lowest
      ? `Valor mais alto: ${s.highest.name} (${fmt(s.highest.value)}); mais baixo: ${s.lowest.name} (${fmt(s.lowest.value)}); ${s.count} países com dados.`
      : 'Nenhum país tem dados.',
};

/** A choropleth of one indicator and year, with its legend, text alternative and links to country pages. */
export function IndicatorMap(props: {
  ctx: PageContext;
  ref: Reference;
  /** What the values are: their unit, decimals and which end of the scale is better. */
  def: Pick<IndicatorDef, 'unit' | 'decimals' | 'higherIsBetter'>;
  title: string;
  values: ReadonlyMap<string, number>;
  highlight?: ReadonlySet<string>;
  /** What countries without a value are called ("no data" unless the map shows a group's members only). */
  noDataLabel?: string;
}) {
  const { ctx, ref, def } = props;
  const names = entityNames(ref, ctx.lang);
  const countryValues = new Map([...props.values].filter(([k]) => ref.countries.has(k)));
  const fmt = (n: number) => formatValue(n, def, ctx.lang);
  const scale = createColorScale({ values: countryValues.values(), format: fmt, reversed: def.higherIsBetter === false });
  const text = describeMap(countryValues, names, fmt, MAP_SUMMARY[ctx.lang]);
  const svg = worldMapFor(ref).render({
    values: countryValues,
    scale,
    formatValue: fmt,
    title: props.title,
    description: text,
    labels: names,
    noDataLabel: props.noDataLabel ?? ctx.t.common.noData,
    linkHref: (iso3) => href(ctx, `/countries/${iso3}`),
    legendTitle: ctx.t.units[def.unit],
    ...(props.highlight ? { highlight: props.highlight } : {}),
  });
  return (
    <figure class="map">
      {raw(svg)}
      <figcaption>{text}</figcaption>
    </figure>
  );
}

/** A line chart over years with a data table as its text alternative. */
export function LineChart(props: { ctx: PageContext; def: IndicatorDef; title: string; series: ChartSeries[] }) {
  const { ctx, def } = props;
  const fmt = (n: number) => formatValue(n, def, ctx.lang);
  const series = props.series.filter((s) => s.points.length > 0);
  if (series.length === 0) return null;
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const description = series
    .map((s) => {
      const first = s.points[0];
      const last = s.points[s.points.length - 1];
      return first && last ? `${s.label}${ctx.t.common.colon}${fmt(first.value)} (${first.year}) → ${fmt(last.value)} (${last.year})` : s.label;
    })
    .join('; ');
  const svg = renderLineChart({ series, title: props.title, description, yLabel: ctx.t.units[def.unit], formatValue: fmt, maxGap: surveyGap(series) });
  return (
    <figure class="chart">
      {raw(svg)}
      <figcaption>{description}</figcaption>
      <details>
        <summary>{ctx.t.common.table}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{ctx.t.common.year}</th>
              {series.map((s) => (
                <th scope="col" class="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr>
                <th scope="row">{y}</th>
                {series.map((s) => {
                  const p = s.points.find((q) => q.year === y);
                  return <td class="num">{p ? fmt(p.value) : '–'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/**
 * The largest gap in years a line may bridge: one for annual series, so a missing year shows as a break;
 * four for survey series (Findex: 2011, 2014, 2017, 2021), which would otherwise show no line at all.
 */
function surveyGap(series: readonly ChartSeries[]): number {
  const steps = series.flatMap((s) => s.points.slice(1).map((p, i) => p.year - (s.points[i]?.year ?? p.year)));
  const annual = steps.filter((d) => d === 1).length;
  return steps.length > 0 && annual < steps.length / 2 ? 4 : 1;
}

/** Points of a group aggregate series that have a published value. */
export function aggregatePoints(rows: readonly AggregateRow[]): { year: number; value: number }[] {
  return rows.flatMap((r) => (r.value === null ? [] : [{ year: r.year, value: r.value }]));
}

/** A group value with its coverage and, where it differs, the World Bank's own value. */
export function AggregateCell(props: { ctx: PageContext; def: IndicatorDef; row: AggregateRow | undefined; names?: ReadonlyMap<string, string> }) {
  const { ctx, def, row, names } = props;
  const t = ctx.t;
  if (!row) return <td class="num">{t.common.noData}</td>;
  const share = row.populationCovered === null ? '–' : formatShare(row.populationCovered, ctx.lang);
  const coverage = t.common.coverageShort(row.membersWithData, row.membersTotal, share);
  const coverageFull = t.common.coverageText(row.membersWithData, row.membersTotal, share);
  const published = row.published;
  return (
    <td class="num">
      {row.value === null ? t.aggregateStatus[row.status] || t.common.noData : formatValue(row.value, def, ctx.lang)}
      {` (${row.year})`}
      <br />
      <small class="muted" title={coverageFull}>
        {coverage}
      </small>
      <LeftOut ctx={ctx} row={row} names={names} />
      {published && 'agrees' in published && !published.agrees ? (
        <>
          <br />
          <small class="differs">
            {t.common.worldBankValue}
            {t.common.colon}
            {formatValue(published.worldBank, def, ctx.lang)}
            {row.classification?.basis === 'recomputed' && row.classification.wbFiscalYear !== null
              ? ` (${t.wbClassification.recomputed(row.classification.wbFiscalYear)}${t.common.colon}${formatValue(published.observatory, def, ctx.lang)})`
              : ''}
          </small>
        </>
      ) : null}
      {notCompared(ctx, row) ? (
        <>
          <br />
          <small class="muted">{notCompared(ctx, row)}</small>
        </>
      ) : null}
    </td>
  );
}

/** Why the World Bank's value of a region or income group is not compared with the group value, if it is not. */
function notCompared(ctx: PageContext, row: AggregateRow): string | null {
  const c = row.classification;
  if (!c) return null;
  if (c.basis === 'undated_source') return ctx.t.wbClassification.notCompared.undated_source;
  if (c.basis === 'classification_not_held' && c.wbFiscalYear !== null) {
    return ctx.t.wbClassification.notCompared.classification_not_held(c.wbFiscalYear, c.membersFiscalYear);
  }
  return null;
}

/** The labelled group drop-down of a filter form (`?group=`), in the page's language. */
export function GroupSelect(props: { label: string; groups: readonly Group[]; selected: string; lang: Lang }) {
  return (
    <label>
      {props.label}
      <select name="group">
        {props.groups.map((g) => (
          <option value={g.id} selected={g.id === props.selected}>
            {pick(g.names, props.lang)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A page's "how these figures are made" section: its title and one list item per point (anchor #method). */
export function MethodSection(props: { title: string; items: readonly string[] }) {
  return (
    <section id="method">
      <h2>{props.title}</h2>
      <ul>
        {props.items.map((x) => (
          <li>{x}</li>
        ))}
      </ul>
    </section>
  );
}
