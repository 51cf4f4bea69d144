/** One import of one source file (or API download): what it was, where it came from, when. */
export interface Vintage {
  id: number;
  /** Stable name of the dataset across vintages, e.g. "datasets-wdi/sp.pop.totl.csv". */
  dataset: string;
  /** Who publishes the data, e.g. "World Bank, World Development Indicators". */
  source: string;
  format: string;
  fileName: string | null;
  sha256: string;
  licence: string | null;
  sourceUrl: string | null;
  /** The source's own "last updated" date, when it gives one. */
  publishedAt: string | null;
  importedAt: string;
  rowCount: number;
  note: string | null;
}

/** What an importer knows of a vintage before it is stored: the file and its provenance. */
export type NewVintage = Omit<Vintage, 'id' | 'importedAt' | 'rowCount'>;

/** An indicator with data, and the vintage its current figures come from. */
export interface IndicatorRecord {
  code: string;
  name: string;
  vintageId: number;
  observations: number;
  firstYear: number | null;
  lastYear: number | null;
}
