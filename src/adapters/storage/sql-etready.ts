import { parseStatus, type EtreadyEvent } from '../../domain/etready/status.ts';
import type { SqlClient, Transaction } from './sql.ts';
import { readEdits } from './sql-etready-edits.ts';

/** The dated statuses of eTrade Readiness Assessments a vintage gives (table etready_status, migrations 11 and 14). */
export async function writeEtready(tx: Transaction, events: readonly EtreadyEvent[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'etready_status',
    ['vintage_id', 'iso3', 'name', 'status', 'status_date', 'title', 'symbol', 'link', 'note', 'authority'],
    ['integer', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
    events.map((e) => [vintageId, e.iso3, e.name, e.status, e.date, e.title, e.symbol, e.link, e.note, e.authority ?? null]),
  );
}

/** The statuses of the current vintage of each dataset, then the assessment statuses countries proposed and curators accepted. */
export async function readEtready(db: SqlClient): Promise<EtreadyEvent[]> {
  const edits: EtreadyEvent[] = (await readEdits(db)).flatMap((e) => {
    if (e.target !== 'assessment') return [];
    const link = /^https?:\/\//.test(e.source) ? e.source : null;
    return [{ iso3: e.iso3, name: e.name, status: e.status, date: e.date, title: null, symbol: null, link, note: link ? null : e.source, authority: null }];
  });
  const rows = await db.query<{ iso3: string | null; name: string; status: string; status_date: string; title: string | null; symbol: string | null; link: string | null; note: string | null; authority: string | null }>(
    `SELECT iso3, name, status, status_date, title, symbol, link, note, authority FROM etready_status
     WHERE vintage_id IN (SELECT MAX(id) FROM vintage GROUP BY dataset) ORDER BY name, status_date, vintage_id`,
  );
  return [
    ...rows.flatMap((r) => {
      const status = parseStatus(r.status);
      return status ? [{ iso3: r.iso3, name: r.name, status, date: r.status_date, title: r.title, symbol: r.symbol, link: r.link, note: r.note, authority: r.authority }] : [];
    }),
    ...edits,
  ];
}
