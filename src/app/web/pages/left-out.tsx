import type { AggregateRow } from '../../services/observatory.ts';
import { formatShare } from '../format.ts';
import { href, type PageContext } from './context.ts';

/**
 * The note beside a group value that leaves out members holding more than 10% of the group's population,
 * by name, and that counts values carried from earlier years; nothing when it does neither.
 */
export function LeftOut(props: { ctx: PageContext; row: Pick<AggregateRow, 'missingLarge' | 'imputed'>; names?: ReadonlyMap<string, string> | undefined }) {
  const { ctx, row, names } = props;
  const t = ctx.t.imputation;
  const parts: string[] = [];
  if (row.missingLarge.length > 0) {
    const members = row.missingLarge.map((m) => t.member(names?.get(m.iso3) ?? m.iso3, formatShare(m.share, ctx.lang), m.latestYear));
    parts.push(t.without(members.join(', ')));
  }
  if (row.imputed.length > 0) parts.push(t.carried(row.imputed.length));
  if (parts.length === 0) return null;
  return (
    <>
      <br />
      <small class="left-out">
        <a href={`${href(ctx, '/about')}#missing-members`}>{parts.join(' · ')}</a>
      </small>
    </>
  );
}
