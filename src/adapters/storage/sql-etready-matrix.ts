import { parsePriority, type Recommendation } from '../../domain/etready/matrix.ts';
import type { ReviewCheckpoint, ReviewFigures } from '../../domain/etready/reviews.ts';
import { parseItemStatus, parsePolicyArea, type StatusChange } from '../../domain/tracking.ts';
import type { SqlClient, Transaction } from './sql.ts';
import { readEdits } from './sql-etready-edits.ts';

/** The recommendations of the current vintages, and the vintages they come from. */
export interface StoredMatrix {
  recommendations: (Recommendation & { vintageId: number })[];
}

/** The published reviews of the current vintages. */
export interface StoredReviews {
  reviews: (ReviewCheckpoint & { vintageId: number })[];
}

const CURRENT = `vintage_id IN (SELECT MAX(id) FROM vintage GROUP BY dataset)`;

/** An action matrix's recommendations and their dated statuses (tables etready_recommendation and etready_recommendation_status, migration 14). */
export async function writeMatrix(tx: Transaction, recs: readonly Recommendation[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'etready_recommendation',
    ['vintage_id', 'iso3', 'assessment', 'id', 'area', 'text', 'priority', 'lead_agency', 'partners', 'timeline'],
    ['integer', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
    recs.map((r) => [vintageId, r.iso3, r.assessment, r.id, r.area, r.text, r.priority, r.lead, r.partners, r.timeline]),
  );
  await tx.bulkInsert(
    'etready_recommendation_status',
    ['vintage_id', 'iso3', 'assessment', 'recommendation_id', 'status', 'status_date', 'source'],
    ['integer', 'text', 'text', 'text', 'text', 'text', 'text'],
    recs.flatMap((r) => r.history.map((c) => [vintageId, r.iso3, r.assessment, r.id, c.status, c.date, c.source])),
  );
}

export async function readMatrix(db: SqlClient): Promise<StoredMatrix> {
  const recs = await db.query<{ vintage_id: number; iso3: string | null; assessment: string; id: string; area: string; text: string; priority: string | null; lead_agency: string | null; partners: string | null; timeline: string | null }>(
    `SELECT vintage_id, iso3, assessment, id, area, text, priority, lead_agency, partners, timeline FROM etready_recommendation WHERE ${CURRENT} ORDER BY assessment, vintage_id`,
  );
  const statuses = await db.query<{ vintage_id: number; iso3: string | null; assessment: string; recommendation_id: string; status: string; status_date: string; source: string | null }>(
    `SELECT vintage_id, iso3, assessment, recommendation_id, status, status_date, source FROM etready_recommendation_status WHERE ${CURRENT} ORDER BY status_date`,
  );
  const key = (v: number, iso3: string | null, assessment: string, id: string) => `${v}|${iso3 ?? ''}|${assessment}|${id}`;
  const history = new Map<string, StatusChange[]>();
  for (const s of statuses) {
    const status = parseItemStatus(s.status);
    if (!status) continue;
    const k = key(Number(s.vintage_id), s.iso3, s.assessment, s.recommendation_id);
    history.set(k, [...(history.get(k) ?? []), { status, date: s.status_date, source: s.source }]);
  }
  // Statuses countries proposed and curators accepted follow the imported history of the same recommendation.
  const edits = new Map<string, StatusChange[]>();
  for (const e of await readEdits(db)) {
    if (e.target !== 'recommendation') continue;
    const k = `${e.iso3}|${e.id}`;
    edits.set(k, [...(edits.get(k) ?? []), { status: e.status, date: e.date, source: e.source }]);
  }
  return {
    recommendations: recs.flatMap((r) => {
      const area = parsePolicyArea(r.area);
      if (!area) return [];
      const vintageId = Number(r.vintage_id);
      return [{ vintageId, iso3: r.iso3, assessment: r.assessment, id: r.id, area, text: r.text, priority: r.priority ? parsePriority(r.priority) : null, lead: r.lead_agency, partners: r.partners, timeline: r.timeline, history: [...(history.get(key(vintageId, r.iso3, r.assessment, r.id)) ?? []), ...(r.iso3 ? (edits.get(`${r.iso3}|${r.id}`) ?? []) : [])] }];
    }),
  };
}

/** The published implementation reviews (table etready_review, migration 14). */
export async function writeReviews(tx: Transaction, reviews: readonly ReviewCheckpoint[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'etready_review',
    ['vintage_id', 'id', 'review', 'review_date', 'finding', 'figures', 'named_countries', 'sources', 'caveat'],
    ['integer', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
    reviews.map((r) => [vintageId, r.id, r.review, r.date, r.finding, JSON.stringify(r.figures), JSON.stringify(r.namedCountries), JSON.stringify(r.sources), r.caveat]),
  );
}

export async function readReviews(db: SqlClient): Promise<StoredReviews> {
  const rows = await db.query<{ vintage_id: number; id: string; review: string; review_date: string | null; finding: string | null; figures: string; named_countries: string; sources: string; caveat: string | null }>(
    `SELECT vintage_id, id, review, review_date, finding, figures, named_countries, sources, caveat FROM etready_review WHERE ${CURRENT} ORDER BY id, vintage_id`,
  );
  return {
    reviews: rows.map((r) => ({
      vintageId: Number(r.vintage_id),
      id: r.id,
      review: r.review,
      date: r.review_date,
      finding: r.finding,
      figures: JSON.parse(r.figures) as ReviewFigures,
      namedCountries: JSON.parse(r.named_countries) as string[],
      sources: JSON.parse(r.sources) as string[],
      caveat: r.caveat,
    })),
  };
}
