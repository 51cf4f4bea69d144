import type { MergedVatEntry } from '../../../../domain/moratorium/vat.ts';
import type { EstimateResult, VatRow } from '../../../services/moratorium-results.ts';
import { FX_SOURCE } from '../../../../domain/moratorium/shares.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { href, type PageContext } from '../context.ts';

/**
 * The rate the comparison used and where it comes from: the registry's (with the rate tables' beside it where
 * they differ) or the best-ranked table's, each with its source and date; where there is none, why.
 */
function RateCells(props: { ctx: PageContext; row: VatRow }) {
  const { t, lang } = props.ctx;
  const r = props.row.rate;
  const w = t.moratoriumVatRates;
  if (r.ratePct === null) {
    return (
      <>
        <td class="num">
          <span class="nodata" data-missing="no-vat-rate" title={w.noRateReason}>
            {w.noRate}
          </span>
        </td>
        <td>{w.noRateReason}</td>
      </>
    );
  }
  const table = r.origin === 'table' ? props.row.standard?.source : null;
  return (
    <>
      <td class="num" data-rate-origin={r.origin ?? ''}>
        {formatNumber(r.ratePct, lang, 2)}
        {r.tableRatePct !== null ? (
          <small class="flag" data-flag="table-rate-differs" title={w.tableDiffersTitle}>
            {` (${w.tableDiffers(formatNumber(r.tableRatePct, lang, 2))})`}
          </small>
        ) : null}
      </td>
      <td class="rate-source">
        <small>
          {table ? (w.tables[table] ?? table) : (w.origins[r.origin ?? ''] ?? r.origin)}
          {t.common.colon}
          {r.source}
          {` (${r.asOf ? w.asOf(formatDate(r.asOf, lang)) : w.undated})`}
        </small>
      </td>
    </>
  );
}

/** A registry entry's cells: start, threshold, model, legislative status; "no data" where the registry is silent. */
function VatEntryCells(props: { ctx: PageContext; entry: MergedVatEntry | null }) {
  const { t, lang } = props.ctx;
  const v = t.moratorium.vat;
  const e = props.entry;
  const noData = <span class="nodata">{t.common.noData}</span>;
  return (
    <>
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
export function VatComparison(props: { ctx: PageContext; names: ReadonlyMap<string, string>; result: EstimateResult; rows: readonly VatRow[]; year: number | null; apiQuery: string }) {
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
  const w = t.moratoriumVatRates;
  const standard = [...new Map(rows.map((r) => [r.reporter, r] as const)).values()];
  return (
    <section aria-labelledby="vat-title">
      <h2 id="vat-title">{v.title}</h2>
      <p>{v.intro}</p>
      <p class="vat-base">
        {w.base}
        {t.common.colon}
        <strong>{t.moratoriumShares.vatBases[result.options.vatBase] ?? result.options.vatBase}</strong> (vat_base={result.options.vatBase}). {w.exchangeRates(FX_SOURCE)}
      </p>
      <div class="wide">
        <table id="vat">
          <caption>{isGroup && props.year !== null ? v.membersCaption(props.year) : v.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{isGroup ? t.common.country : t.common.year}</th>
              <th scope="col" class="num">{v.duty}</th>
              <th scope="col" class="num">{v.vatRevenue}</th>
              <th scope="col" class="num">{w.rateUsed}</th>
              <th scope="col">{w.rateSource}</th>
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
                <td class="num">{r.dutyRevenueUsd === null ? noData : formatNumber(r.dutyRevenueUsd, lang)}</td>
                <td class="num">{r.vatRevenueUsd === null ? noData : formatNumber(r.vatRevenueUsd, lang)}</td>
                <RateCells ctx={ctx} row={r} />
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
      <h3>{w.standardTitle}</h3>
      <ul class="notes vat-standard-rates">
        {standard.map((r) => (
          <li data-iso3={r.reporter}>
            <small>
              <strong>{names.get(r.reporter) ?? r.name}</strong>
              {t.common.colon}
              {r.standard
                ? `${w.standardLine(formatNumber(r.standard.ratePct, lang, 2), w.tables[r.standard.source] ?? r.standard.source, r.standard.citation)}, ${r.standard.asOf ? w.asOf(formatDate(r.standard.asOf, lang)) : w.undated}${r.standard.disagree ? `; ${w.disagree}` : ''}`
                : w.noStandard}
            </small>
          </li>
        ))}
      </ul>
      <p class="vat-downloads">
        <a href={`/api/v1/moratorium/vat?${props.apiQuery}&format=csv`} download>
          {v.download}
        </a>
        {' · '}
        <a href={`/api/v1/moratorium/vat?${props.apiQuery}&format=xlsx`} download>
          {w.downloadWorkbook}
        </a>
        {' · '}
        <a href="/api/v1/moratorium/vat-registry?format=csv" download>
          {v.downloadRegistry}
        </a>
      </p>
    </section>
  );
}

