import { BROAD_STUDY, HS2022_LIST_LINES, inNarrowList, NARROW_STUDY } from '../../../../domain/moratorium/list-lines.ts';
import type { MissingReason } from '../../../../domain/moratorium/missing.ts';
import { procurementLines } from '../../../services/moratorium-missing.ts';
import type { EstimateResult } from '../../../services/moratorium-results.ts';
import { formatNumber, formatSmallShare } from '../../format.ts';
import type { PageContext } from '../context.ts';

/** A missing figure with its reason: "no MFN tariff", "no correlation HS2022→HS2012" …, never a bare "no data". */
export function Why(props: { ctx: PageContext; reason: MissingReason | null | undefined }) {
  const { ctx, reason } = props;
  const t = ctx.t.moratoriumLists;
  if (!reason) return <span class="nodata">{ctx.t.common.noData}</span>;
  const label =
    reason.code === 'no-tariff' || reason.code === 'no-rate'
      ? t.missing[reason.code](t.measures[reason.measure] ?? reason.measure)
      : reason.code === 'no-correlation'
        ? t.missing[reason.code](reason.from, reason.to)
        : t.missing[reason.code];
  return (
    <span class="nodata" title={t.missingTitle[reason.code]} data-missing={reason.code}>
      {label}
    </span>
  );
}

/** The imports the estimate cannot use, by reporter and edition, with why. */
export function Absences(props: { ctx: PageContext; result: EstimateResult; names: ReadonlyMap<string, string> }) {
  const { ctx, result, names } = props;
  const t = ctx.t.moratoriumLists;
  if (result.absences.length === 0) return null;
  return (
    <>
      <h3>{t.absencesTitle}</h3>
      <ul class="notes" id="absences">
        {result.absences.map((a) => (
          <li data-missing={a.reason.code}>
            {t.absence(names.get(a.reporter) ?? a.reporter, a.firstYear === a.lastYear ? String(a.firstYear) : `${a.firstYear}–${a.lastYear}`, a.edition, result.list.edition)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The lines of the estimate whose imports look like government procurement, with their part of the revenue. */
export function ProcurementNotice(props: { ctx: PageContext; result: EstimateResult }) {
  const { ctx, result } = props;
  const { lang } = ctx;
  const t = ctx.t.moratoriumLists;
  const flagged = procurementLines(result);
  if (flagged.length === 0) return null;
  return (
    <div class="notice" id="procurement">
      <h3>{t.procurementTitle}</h3>
      <p>{t.procurementIntro}</p>
      <ul>
        {flagged.map((f) => (
          <li>
            {t.procurementLine(
              `${f.hs6.slice(0, 4)}.${f.hs6.slice(4)}`,
              f.year,
              f.revenueUsd === null ? ctx.t.common.noData : `US$ ${formatNumber(f.revenueUsd, lang)}`,
              f.shareOfRevenue === null ? '–' : formatSmallShare(f.shareOfRevenue, lang),
            )}
            {f.flag.nationalLines.length ? (
              <small class="muted">
                {` (${t.procurementNational}: ${f.flag.nationalLines.map((l) => `${l.line} ${l.description}`).join('; ')})`}
              </small>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The method page's account of the two lists, with every line of the studies' list, in or out and why. */
export function ListsMethod(props: { ctx: PageContext }) {
  const t = props.ctx.t.moratoriumLists;
  return (
    <section aria-labelledby="lists-method">
      <h3 id="lists-method">{t.listsTitle}</h3>
      {t.method.map((p) => (
        <p>{p}</p>
      ))}
      <table id="list-lines">
        <caption>{t.studyNote(BROAD_STUDY, NARROW_STUDY)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.lineColumn}</th>
            <th scope="col">{t.descriptionColumn}</th>
            <th scope="col">{t.narrowColumn}</th>
            <th scope="col">{t.reasonColumn}</th>
          </tr>
        </thead>
        <tbody>
          {HS2022_LIST_LINES.map((l) => (
            <tr data-reason={l.reason}>
              <th scope="row">{`${l.hs6.slice(0, 4)}.${l.hs6.slice(4)}`}</th>
              <td lang="en">{l.description}</td>
              <td>{inNarrowList(l.reason) ? t.inList : t.outList}</td>
              <td>{t.reasons[l.reason]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
