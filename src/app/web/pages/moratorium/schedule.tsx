import type { CountryYear } from '../../../services/moratorium-results.ts';
import type { PageContext } from '../context.ts';

/** A row's trade period: its year, and its fiscal-year names where it straddles two calendar years. */
export function PeriodCell(props: { row: CountryYear }) {
  const r = props.row;
  if (r.periodGregorian === String(r.year) && r.period === String(r.year)) return <>{r.year}</>;
  return (
    <>
      {r.periodGregorian}
      {r.period !== r.periodGregorian ? (
        <>
          <br />
          <small>{r.period}</small>
        </>
      ) : null}
    </>
  );
}

/** The schedule that priced a row, and how far it stands from the trade period when it was not in force for the whole of it. */
export function ScheduleNote(props: { ctx: PageContext; row: CountryYear }) {
  const t = props.ctx.t.moratoriumSchedules;
  const r = props.row;
  if (r.tariffMatch === null) return null;
  const notes: string[] = [];
  if (r.tariffMatch !== 'in-force' || r.gapMonths !== 0) notes.push(r.tariffMatch === 'in-force' ? t.partlyInForce(r.gapMonths ?? 0) : t.notInForce(r.gapMonths ?? 0));
  if (r.tariffWarning === 'over-a-year') notes.push(t.overAYear);
  if (r.tariffSchedules === 1 && r.tariffWarning !== null) notes.push(t.only);
  const label = r.tariffSchedule !== String(r.tariffYear) ? r.tariffSchedule : null;
  if (notes.length === 0 && label === null) return null;
  return (
    <>
      <br />
      <small class={r.tariffWarning ? 'flag' : undefined} data-flag={r.tariffWarning ?? undefined} title={`${r.tariffScheduleFrom} – ${r.tariffScheduleTo}`}>
        {[label, ...notes].filter((x) => x !== null).join(' · ')}
      </small>
    </>
  );
}

/** The remark on a year priced by a schedule that was not in force during it, in the page's language. */
export function scheduleRemark(
  t: PageContext['t']['moratoriumSchedules'],
  r: { reporter: string; period: string; schedule: string; scheduleFrom: string; scheduleTo: string; match: 'earlier' | 'later'; gapMonths: number; overAYear: boolean; only: boolean },
): string {
  return (
    t.remark(r.reporter, r.period, r.schedule, r.scheduleFrom, r.scheduleTo) +
    (r.match === 'later' ? t.remarkAfter(r.gapMonths) : t.remarkBefore(r.gapMonths)) +
    (r.overAYear ? t.remarkOverAYear : '') +
    (r.only ? t.remarkOnly : t.remarkNone)
  );
}
