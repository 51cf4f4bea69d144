import { InputError } from '../../domain/errors.ts';
import { isNotFound, namedCountries, reviewDate, reviewFigures, type ReviewCheckpoint } from '../../domain/etready/reviews.ts';
import { isFuture, startOf } from '../../domain/etready/status.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';

/** Whether a header is the implementation reviews' statements: `id,review,finding,source_url,caveat`. */
export function isReviewStatementsHeader(first: string): boolean {
  const names = first.split(',').map((n) => n.trim().toLowerCase());
  return names[0] === 'id' && names.includes('review') && names.includes('finding') && names.includes('caveat');
}

const TABLE = columns({
  id: { header: 'id', required: true },
  review: { header: 'review', required: true },
  finding: { header: 'finding', required: true },
  sources: { header: 'source_url' },
  caveat: { header: 'caveat' },
});

/**
 * Reads the published results of the implementation reviews: one review or stock-take per line, its
 * finding quoted, its sources separated by " ; ". A finding "NOT FOUND" is kept as a review whose
 * results were not found. A line without id, review or finding, a repeated id or a review dated after
 * `today` is refused with the file, line and field.
 */
export async function readReviewStatements(input: Chunks, file: string, today: string): Promise<ReviewCheckpoint[]> {
  const out: ReviewCheckpoint[] = [];
  const seen = new Map<string, number>();
  for await (const rows of readTable(input, file, TABLE)) {
    for (const r of rows) {
      const id = r.get('id');
      if (id === '') throw new InputError('no id', r.at('id'));
      const before = seen.get(id);
      if (before !== undefined) throw new InputError(`id ${id} is given on line ${before} already`, r.at('id'));
      seen.set(id, r.line);
      const review = r.get('review');
      if (review === '') throw new InputError('no review named', r.at('review'));
      const findingText = r.get('finding');
      if (findingText === '') throw new InputError('no finding (write NOT FOUND when the review’s results were not found)', r.at('finding'));
      const date = reviewDate(review);
      if (date !== null && isFuture(startOf(date), today)) throw new InputError(`the review is dated ${date}, after today (${today})`, r.at('review'));
      const finding = isNotFound(findingText) ? null : findingText;
      const caveat = r.get('caveat');
      out.push({
        id,
        review,
        date,
        finding,
        figures: reviewFigures(finding ?? ''),
        namedCountries: namedCountries(caveat),
        sources: r.get('sources').split(/\s+;\s+|\s*;\s*(?=https?:)/).map((s) => s.trim()).filter((s) => s !== ''),
        caveat: caveat === '' ? null : caveat,
      });
    }
  }
  return out;
}
