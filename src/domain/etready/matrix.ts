/**
 * The action matrix of an eTrade Readiness Assessment: its recommendations, one per line of the matrix,
 * each in one of the seven policy areas, with its priority, lead agency, partners and timeline, and the
 * dated history of its implementation (domain/tracking.ts). The template a country fills in is defined
 * here once (MATRIX_COLUMNS): the CSV and the workbook, the reader and the documentation follow from it.
 */
import { sharesAt, sharesByArea, type PolicyArea, type Shares, type TrackedItem } from '../tracking.ts';

/** One recommendation of an assessment's action matrix. */
export interface Recommendation extends TrackedItem {
  /** The assessed country's ISO3 code, or null for a regional assessment. */
  iso3: string | null;
  /** The country or region as the file names it. */
  assessment: string;
  text: string;
  priority: Priority | null;
  lead: string | null;
  partners: string | null;
  /** As the matrix gives it ("2020-2021", "short term"). */
  timeline: string | null;
}

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A priority as written ("High", "MEDIUM"), or null when it is none of the three. */
export function parsePriority(text: string): Priority | null {
  const k = text.trim().toLowerCase();
  return (PRIORITIES as readonly string[]).includes(k) ? (k as Priority) : null;
}

/** What identifies an assessment: its country, else the region's name. */
export function assessmentKey(iso3: string | null, name: string): string {
  return iso3 ?? `region:${name}`;
}

/** The kinds of line a filled-in template holds. */
export const ROW_TYPES = ['recommendation', 'request'] as const;
export type RowType = (typeof ROW_TYPES)[number];

/** One column of the action-matrix template: its header, whether a recommendation line needs it, and what it holds. */
export interface TemplateColumn {
  name: string;
  /** Which lines must fill it in. */
  requiredFor: readonly RowType[];
  example: string;
  en: string;
  fr: string;
}

/** The template's columns, in the order of the file. */
export const MATRIX_COLUMNS: readonly TemplateColumn[] = [
  { name: 'row_type', requiredFor: ['recommendation', 'request'], example: 'recommendation', en: '"recommendation" (a line of the action matrix) or "request" (a request for an assessment, or a later status of it)', fr: '« recommendation » (une ligne de la matrice d’action) ou « request » (une demande d’évaluation, ou un statut ultérieur de celle-ci)' },
  { name: 'country', requiredFor: ['recommendation', 'request'], example: 'Mali', en: 'ISO3 code or English or French name of the country; a regional assessment is named "… (regional)"', fr: 'Code ISO3 ou nom anglais ou français du pays ; une évaluation régionale se nomme « … (regional) »' },
  { name: 'area', requiredFor: ['recommendation'], example: 'payment solutions', en: 'One of the seven policy areas: strategy formulation, ICT infrastructure and services, trade logistics and facilitation, payment solutions, legal and regulatory frameworks, skills development, access to financing', fr: 'L’un des sept domaines : strategy formulation, ICT infrastructure and services, trade logistics and facilitation, payment solutions, legal and regulatory frameworks, skills development, access to financing' },
  { name: 'recommendation_id', requiredFor: ['recommendation'], example: 'PAY-1', en: 'The recommendation’s number in the matrix; one line per dated status, the same id on each', fr: 'Le numéro de la recommandation dans la matrice ; une ligne par statut daté, avec le même identifiant' },
  { name: 'recommendation', requiredFor: ['recommendation'], example: 'Allow mobile money interoperability', en: 'The recommendation’s text (on its first line at least; later lines may leave it empty)', fr: 'Le texte de la recommandation (au moins sur sa première ligne ; les suivantes peuvent le laisser vide)' },
  { name: 'priority', requiredFor: [], example: 'high', en: 'high, medium or low', fr: 'high, medium ou low (haute, moyenne, basse)' },
  { name: 'lead_agency', requiredFor: [], example: 'Central Bank', en: 'The agency leading its implementation', fr: 'L’organisme chef de file de la mise en œuvre' },
  { name: 'partners', requiredFor: [], example: 'Ministry of Trade; UNCDF', en: 'Partners, separated by semicolons', fr: 'Partenaires, séparés par des points-virgules' },
  { name: 'timeline', requiredFor: [], example: '2020-2022', en: 'The timeline the matrix gives', fr: 'Le calendrier que donne la matrice' },
  { name: 'status', requiredFor: ['recommendation'], example: 'under implementation', en: 'Recommendation: not started, under implementation, completed or dropped. Request: requested (by default), in preparation, published or implementation review', fr: 'Recommandation : not started, under implementation, completed ou dropped. Demande : requested (par défaut), in preparation, published ou implementation review' },
  { name: 'status_date', requiredFor: ['recommendation', 'request'], example: '2021-06', en: 'The date of the status: YYYY, YYYY-MM or YYYY-MM-DD, not after today', fr: 'La date du statut : AAAA, AAAA-MM ou AAAA-MM-JJ, pas après aujourd’hui' },
  { name: 'source', requiredFor: [], example: 'Implementation review 2021', en: 'The report, meeting, letter or link the status comes from', fr: 'Le rapport, la réunion, la lettre ou le lien dont vient le statut' },
  { name: 'requesting_authority', requiredFor: [], example: 'Ministry of Trade', en: 'Request lines: the authority that asked for the assessment', fr: 'Lignes de demande : l’autorité qui a demandé l’évaluation' },
];

/** The header line of the template. */
export const MATRIX_HEADER = MATRIX_COLUMNS.map((c) => c.name);

/** Whether a header is the action-matrix template's: `row_type` first, with `recommendation_id`. */
export function isMatrixHeader(first: string): boolean {
  const names = first.split(',').map((n) => n.trim().replace(/^"|"$/g, '').toLowerCase());
  return names[0] === 'row_type' && names.includes('recommendation_id');
}

/** The shares of an assessment's recommendations on a date, overall and per area. */
export interface MatrixShares {
  date: string;
  overall: Shares;
  byArea: { area: PolicyArea; shares: Shares }[];
}

export function matrixShares(items: readonly TrackedItem[], date: string): MatrixShares {
  return { date, overall: sharesAt(items, date), byArea: sharesByArea(items, date) };
}

/**
 * How a group's (or all assessments') shares are made: `recommendations` pools every recommendation of the
 * assessments (a long matrix weighs more), `assessments` is the mean of each assessment's own share (each
 * country weighs the same, as a review averaging national rates does).
 */
export const WEIGHTINGS = ['recommendations', 'assessments'] as const;
export type Weighting = (typeof WEIGHTINGS)[number];

const mean = (xs: readonly (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

function averaged(pooled: Shares, parts: readonly Shares[]): Shares {
  return { ...pooled, underImplementationShare: mean(parts.map((p) => p.underImplementationShare)), completedShare: mean(parts.map((p) => p.completedShare)) };
}

/**
 * The shares of several assessments' recommendations on a date, by the weighting asked for. The counts are
 * always the pooled counts; with `assessments`, the percents are the means of the assessments' percents
 * (an assessment with nothing counted in an area is left out of that area's mean).
 */
export function groupShares(matrices: readonly (readonly TrackedItem[])[], date: string, weighting: Weighting): MatrixShares | null {
  const all = matrices.flat();
  if (all.length === 0) return null;
  const pooled = matrixShares(all, date);
  if (weighting === 'recommendations') return pooled;
  const each = matrices.map((m) => matrixShares(m, date));
  return {
    date,
    overall: averaged(pooled.overall, each.map((e) => e.overall)),
    byArea: pooled.byArea.map((a) => ({
      area: a.area,
      shares: averaged(a.shares, each.flatMap((e) => e.byArea.filter((x) => x.area === a.area).map((x) => x.shares))),
    })),
  };
}

export const isWeighting = (v: string): v is Weighting => (WEIGHTINGS as readonly string[]).includes(v);

