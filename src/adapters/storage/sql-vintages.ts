import type { CyberlawEntry } from '../../domain/cyberlaw.ts';
import type { NewVintage, Vintage } from '../../domain/vintage.ts';
import { bumpDataVersion, nextId } from './sql-counters.ts';
import { writeAliases, writeCountries, writeEntities, writeGroups } from './sql-groups.ts';
import { duplicateObservations, IndicatorTally, writeObservations } from './sql-indicators.ts';
import {
  rebuildDutyBase,
  replacesTradeData,
  writeHsLinks,
  writeSchemeMembers,
  writeTariffLines,
  writeTradeFlows,
  writeVatEntries,
  writeVatRates,
} from './sql-moratorium-store.ts';
import { writeQualityFlags } from './sql-quality.ts';
import { writePeriods } from './sql-periods.ts';
import { writeEtready } from './sql-etready.ts';
import { writeStrategies } from './sql-strategies.ts';
import { writeMatrix, writeReviews } from './sql-etready-matrix.ts';
import { writeStrategyMeasures } from './sql-strategy-measures.ts';
import { placeholders, type Database, type Transaction } from './sql.ts';
import type { ImportWriter } from './store.ts';

interface VintageRow {
  id: number;
  dataset: string;
  source: string;
  format: string;
  file_name: string | null;
  sha256: string;
  licence: string | null;
  source_url: string | null;
  published_at: string | null;
  imported_at: string;
  row_count: number;
  note: string | null;
}

function parseVintage(r: VintageRow): Vintage {
  return {
    id: r.id,
    dataset: r.dataset,
    source: r.source,
    format: r.format,
    fileName: r.file_name,
    sha256: r.sha256,
    licence: r.licence,
    sourceUrl: r.source_url,
    publishedAt: r.published_at,
    importedAt: r.imported_at,
    rowCount: r.row_count,
    note: r.note,
  };
}

const VINTAGE_COLUMNS = `id, dataset, source, format, file_name, sha256, licence, source_url, published_at, imported_at, row_count, note`;

/** Writes a tracker edition's cyberlaw entries inside an import's transaction; returns how many it wrote. */
export type CyberlawImport = (tx: Transaction, entries: readonly Omit<CyberlawEntry, 'version'>[], vintageId: number, why: string) => Promise<number>;

/** Vintages: each import of a file as one transaction, and the record of what was imported when. */
export class SqlVintages {
  constructor(
    private readonly db: Database,
    private readonly writeCyberlaw: CyberlawImport,
  ) {}

  async findVintage(dataset: string, sha256: string): Promise<Vintage | null> {
    const rows = await this.db.query<VintageRow>(
      `SELECT ${VINTAGE_COLUMNS} FROM vintage WHERE dataset = $1 AND sha256 = $2 ORDER BY id DESC LIMIT 1`,
      [dataset, sha256],
    );
    return rows[0] ? parseVintage(rows[0]) : null;
  }

  async vintages(): Promise<Vintage[]> {
    const rows = await this.db.query<VintageRow>(`SELECT ${VINTAGE_COLUMNS} FROM vintage ORDER BY id DESC`);
    return rows.map(parseVintage);
  }

  async vintage(id: number): Promise<Vintage | null> {
    const rows = await this.db.query<VintageRow>(`SELECT ${VINTAGE_COLUMNS} FROM vintage WHERE id = $1`, [id]);
    return rows[0] ? parseVintage(rows[0]) : null;
  }

  async importVintage(meta: NewVintage, fill: (writer: ImportWriter) => Promise<void>): Promise<Vintage> {
    return this.db.transaction(async (tx) => {
      const vintageId = await nextId(tx, 'vintage_id_seq');
      const importedAt = new Date().toISOString();
      await tx.run(`INSERT INTO vintage (${VINTAGE_COLUMNS}) VALUES (${placeholders(12)})`, [
        vintageId,
        meta.dataset,
        meta.source,
        meta.format,
        meta.fileName,
        meta.sha256,
        meta.licence,
        meta.sourceUrl,
        meta.publishedAt,
        importedAt,
        0,
        meta.note,
      ]);
      const indicators = new IndicatorTally();
      let rowCount = 0;
      let dutyBaseStale = false;
      /** Counts the rows written; rows of trade, tariffs or schemes make the duty base stale. */
      const wrote = (rows: number, dutyBase = false) => {
        rowCount += rows;
        if (dutyBase && rows > 0) dutyBaseStale = true;
      };
      const writer: ImportWriter = {
        vintageId,
        upsertCountries: async (countries) => {
          await writeCountries(tx, countries, vintageId);
          wrote(countries.length);
        },
        upsertEntities: (entities) => writeEntities(tx, entities),
        replaceGroups: async (groups, memberships) => {
          await writeGroups(tx, groups, memberships, vintageId);
          wrote(memberships.length);
        },
        nameIndicator: async (code, name) => indicators.name(code, name),
        addObservations: async (rows) => {
          indicators.count(rows);
          await writeObservations(tx, rows, vintageId);
          wrote(rows.length);
        },
        addAliases: (aliases) => writeAliases(tx, aliases, vintageId),
        duplicates: (limit = 5) => duplicateObservations(tx, vintageId, limit),
        addTradeFlows: async (rows) => {
          await writeTradeFlows(tx, rows, vintageId);
          wrote(rows.length, true);
        },
        addTariffLines: async (rows) => {
          await writeTariffLines(tx, rows, vintageId);
          wrote(rows.length, true);
        },
        addSchemeMembers: async (rows) => {
          await writeSchemeMembers(tx, rows, vintageId);
          wrote(rows.length, true);
        },
        addHsLinks: async (rows) => {
          await writeHsLinks(tx, rows, vintageId);
          wrote(rows.length);
        },
        addCyberlawEntries: async (entries, why) => {
          wrote(await this.writeCyberlaw(tx, entries, vintageId, why));
        },
        addVatRates: async (rates) => {
          await writeVatRates(tx, rates, vintageId);
        },
        addVatEntries: async (entries) => {
          await writeVatEntries(tx, entries, vintageId);
          wrote(entries.length);
        },
        addQualityFlags: (flags) => writeQualityFlags(tx, flags, vintageId),
        addPeriods: (kind, periods) => writePeriods(tx, kind, periods, vintageId),
        addEtready: async (events) => {
          await writeEtready(tx, events, vintageId);
          wrote(events.length);
        },
        addStrategies: async (strategies, checkpoints) => {
          await writeStrategies(tx, strategies, checkpoints, vintageId);
          wrote(strategies.length + checkpoints.length);
        },
        addEtreadyMatrix: async (recs) => {
          await writeMatrix(tx, recs, vintageId);
          wrote(recs.length);
        },
        addEtreadyReviews: async (reviews) => {
          await writeReviews(tx, reviews, vintageId);
          wrote(reviews.length);
        },
        addStrategyMeasures: async (measures) => {
          await writeStrategyMeasures(tx, measures, vintageId);
          wrote(measures.length);
        },
      };
      await fill(writer);
      // A new vintage of a dataset replaces the previous one in the duty base; readers see the old base until commit.
      if (dutyBaseStale || (await replacesTradeData(tx, meta.dataset, vintageId))) await rebuildDutyBase(tx);
      await indicators.makeCurrent(tx, vintageId, importedAt);
      await tx.run(`UPDATE vintage SET row_count = $1 WHERE id = $2`, [rowCount, vintageId]);
      await bumpDataVersion(tx);
      return { ...meta, id: vintageId, importedAt, rowCount };
    });
  }
}
