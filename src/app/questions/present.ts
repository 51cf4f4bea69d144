import type { Vintage } from '../../adapters/storage/store.ts';
import type { Reference } from '../services/reference.ts';

/** What an answer tells about a vintage wherever a figure cites one. */
export interface VintageSummary {
  id: number;
  source: string;
  dataset: string;
  fileName: string | null;
  publishedAt: string | null;
  importedAt: string;
  licence: string | null;
  sourceUrl: string | null;
}

/** The provenance fields of a vintage. */
export function vintageSummary(v: Vintage): VintageSummary {
  return {
    id: v.id,
    source: v.source,
    dataset: v.dataset,
    fileName: v.fileName,
    publishedAt: v.publishedAt,
    importedAt: v.importedAt,
    licence: v.licence,
    sourceUrl: v.sourceUrl,
  };
}

/** The sources of some vintages as one line: "World Bank, World Development Indicators; ITU". */
export function sourceLine(vintages: readonly Pick<Vintage, 'source'>[]): string {
  return [...new Set(vintages.map((v) => v.source))].join('; ');
}

/** The vintage ids of some vintages as one CSV cell: "3" or "3+5". */
export function vintageCell(vintages: readonly Pick<Vintage, 'id'>[]): string {
  return vintages.map((v) => v.id).join('+');
}

/** The English name of a country, economy or World Bank aggregate; the code when it has none. */
export function entityName(ref: Reference, code: string): string {
  return ref.countries.get(code)?.names.en ?? ref.economies.get(code)?.name ?? ref.aggregates.get(code)?.name ?? code;
}
