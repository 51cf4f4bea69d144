import { nameKeyCandidates } from '../../../domain/names.ts';
import { isMatrixHeader } from '../../../domain/etready/matrix.ts';
import { readMatrix, type ResolveCountry } from '../../sources/etready-matrix.ts';
import { isReviewStatementsHeader, readReviewStatements } from '../../sources/etready-reviews.ts';
import { xlsxRows, rowsToCsv } from '../../sources/xlsx-rows.ts';
import type { Store } from '../../storage/store.ts';
import { defineFormat, today } from '../format.ts';
import { countryCodes } from './etready.ts';

/** Countries by ISO3 code or name (English, French, aliases); a region is a name ending "(regional)". */
async function resolver(store: Store): Promise<ResolveCountry> {
  const codes = await countryCodes(store);
  const iso3s = new Set((await store.countries()).map((c) => c.iso3));
  return (name) => {
    if (/\(regional\)\s*$/i.test(name)) return { iso3: null, name };
    const upper = name.toUpperCase();
    if (iso3s.has(upper)) return { iso3: upper, name };
    const iso3 = nameKeyCandidates(name).map((k) => codes.get(k)).find((c) => c !== undefined);
    return iso3 === undefined ? undefined : { iso3, name };
  };
}

async function* asCsv(path: string, file: string, chunks: () => AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array | string> {
  if (!/\.xlsx$/i.test(path)) {
    yield* chunks();
    return;
  }
  const parts: Uint8Array[] = [];
  for await (const c of chunks()) parts.push(c);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  yield rowsToCsv(xlsxRows(bytes, file));
}

/**
 * A filled-in eT Ready action-matrix template (CSV, or the workbook with `--format etready-matrix`): the
 * recommendations of a country's or a region's assessment by policy area, each with its dated statuses
 * and their sources, and request lines (who asked for an assessment, when, and its later statuses). Every
 * line is checked; the first bad one refuses the file with its line and field, and nothing is stored.
 */
export const etreadyMatrix = defineFormat({
  id: 'etready-matrix',
  source: {
    source: 'eT Ready action matrix filled in by the country or the region (the Observatory’s template)',
    licence: 'As supplied by the country or region',
    url: null,
  },
  order: 7,
  recognise: { extension: 'csv', header: (h) => isMatrixHeader(h.first) },
  prepare: async ({ store, path, file, chunks }) => {
    const m = await readMatrix(asCsv(path, file, chunks), file, today(), await resolver(store));
    const assessments = new Set(m.recommendations.map((r) => r.iso3 ?? r.assessment)).size;
    return {
      note: `${m.recommendations.length} recommendations of ${assessments} assessments, ${m.recommendations.reduce((n, r) => n + r.history.length, 0)} dated statuses; ${m.requests.length} request lines`,
      write: async (writer) => {
        if (m.recommendations.length) await writer.addEtreadyMatrix(m.recommendations);
        if (m.requests.length) await writer.addEtready(m.requests);
      },
    };
  },
});

/**
 * The published results of the eT Ready implementation reviews and stock-takes, quoted with their
 * sources and caveats: kept as checkpoints beside the shares computed from action matrices.
 */
export const etreadyReviews = defineFormat({
  id: 'etready-reviews',
  source: {
    source: 'UNCTAD, eT Ready implementation reviews and stock-takes, as quoted by UNCTAD, IISD and Digital Watch pages',
    licence: 'Short factual quotes with attribution; the pages are (c) their publishers',
    url: 'https://unctad.org/topic/ecommerce-and-digital-economy/etrade-readiness-assessments-of-LDCs',
  },
  order: 6,
  recognise: { extension: 'csv', header: (h) => isReviewStatementsHeader(h.first) },
  prepare: async ({ file, chunks }) => {
    const reviews = await readReviewStatements(chunks(), file, today());
    return {
      note: `${reviews.length} published reviews, ${reviews.filter((r) => r.finding === null).length} of them not found`,
      write: async (writer) => {
        await writer.addEtreadyReviews(reviews);
      },
    };
  },
});
