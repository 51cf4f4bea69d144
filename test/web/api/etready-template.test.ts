/**
 * The eT Ready action-matrix template checked line by line on both engines: every field refused with the
 * file, line and field, and nothing stored; the same template filled in as a workbook imports alike.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../src/adapters/importers/import-file.ts';
import type { Store } from '../../../src/adapters/storage/store.ts';
import { toXlsx } from '../../../src/app/services/xlsx.ts';
import { ENGINES } from '../../support/engines.ts';
import { seed } from './fixture.ts';
import { HEADER, MATRIX_LINES } from './etready-matrix-fixture.ts';

const GOOD = 'recommendation,Mali,payments,PAY-1,Allow mobile money interoperability,high,Central Bank,,2020,not started,2019-06,Action matrix,';

/** A bad line 3 (after a good one) and the message it gets. */
const CASES: [string, string][] = [
  ['advice,Mali,payments,PAY-9,t,,,,,not started,2019,,', 'field "row_type": unknown row type "advice"'],
  ['recommendation,,payments,PAY-9,t,,,,,not started,2019,,', 'field "country": no country named'],
  ['recommendation,Atlantis,payments,PAY-9,t,,,,,not started,2019,,', 'field "country": unknown country "Atlantis"'],
  ['recommendation,Mali,tourism,PAY-9,t,,,,,not started,2019,,', 'field "area": unknown policy area "tourism"'],
  ['recommendation,Mali,,PAY-9,t,,,,,not started,2019,,', 'field "area": no policy area'],
  ['recommendation,Mali,payments,,t,,,,,not started,2019,,', 'field "recommendation_id": no recommendation id'],
  ['recommendation,Mali,payments,PAY-9,,,,,,not started,2019,,', 'field "recommendation": no text for recommendation PAY-9'],
  ['recommendation,Mali,payments,PAY-9,t,urgent,,,,not started,2019,,', 'field "priority": unknown priority "urgent"'],
  ['recommendation,Mali,payments,PAY-9,t,,,,,approved,2019,,', 'field "status": unknown status "approved"'],
  ['recommendation,Mali,payments,PAY-9,t,,,,,,2019,,', 'field "status": no status'],
  ['recommendation,Mali,payments,PAY-9,t,,,,,not started,,,', 'field "status_date": the date of the status is required'],
  ['recommendation,Mali,payments,PAY-9,t,,,,,not started,2019-13,,', 'field "status_date": not a date'],
  ['recommendation,Mali,payments,PAY-9,t,,,,,not started,2999-01-01,,', 'field "status_date": date in the future: 2999-01-01'],
  ['recommendation,Mali,payments,PAY-1,,,,,,completed,2019-06,,', 'field "status_date": recommendation PAY-1 already has a status on 2019-06 (line 2)'],
  ['recommendation,Mali,legal,PAY-1,,,,,,completed,2021,,', 'field "area": recommendation PAY-1 has area "legal" here but "payments" on line 2'],
  ['recommendation,Mali,payments,PAY-1,Another text,,,,,completed,2021,,', 'field "recommendation": recommendation PAY-1 has text "Another text" here'],
  ['request,Mali,,,,,,,,approved,2019,,', 'field "status": unknown status of a request "approved"'],
  ['request,Atlantis,,,,,,,,,2019,,', 'field "country": unknown country "Atlantis"'],
  ['request,Mali,,,,,,,,,2999,,', 'field "status_date": date in the future'],
];

for (const engine of ENGINES) {
  describe(`the action-matrix template on ${engine.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let folder: string;

    beforeAll(async () => {
      ({ store, dispose } = await engine.open());
      await seed(store);
      folder = mkdtempSync(join(tmpdir(), 'observatory-etready-template-'));
    });
    afterAll(async () => {
      await dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    it('refuses each bad field with file, line and field, and stores nothing', async () => {
      const before = await store.dataVersion();
      for (const [line, message] of CASES) {
        const path = join(folder, 'matrix-bad.csv');
        writeFileSync(path, [HEADER, GOOD, line].join('\n'));
        await expect(importFile(store, path, { force: true }), line).rejects.toThrow(`matrix-bad.csv, line 3, ${message}`);
      }
      expect(await store.dataVersion()).toBe(before);
      expect((await store.etreadyMatrix()).recommendations).toEqual([]);
      expect(await store.etreadyStatuses()).toEqual([]);
    });

    it('refuses a file without the required columns', async () => {
      const path = join(folder, 'matrix-header.csv');
      writeFileSync(path, ['row_type,recommendation_id,area', 'recommendation,PAY-1,payments'].join('\n'));
      await expect(importFile(store, path, { format: 'etready-matrix' })).rejects.toThrow('matrix-header.csv, line 1, field "country"');
    });

    it('imports the same lines from a workbook, and names the workbook’s row in an error', async () => {
      const rows = MATRIX_LINES.map((l) => l.split(','));
      // The partners cell of the first line holds a comma-free text in the CSV; in the workbook any text is one cell.
      const path = join(folder, 'matrix.xlsx');
      writeFileSync(path, toXlsx([{ name: 'action matrix', header: HEADER.split(','), rows }]));
      const r = await importFile(store, path, { format: 'etready-matrix' });
      expect(r.status).toBe('imported');
      const recs = (await store.etreadyMatrix()).recommendations;
      expect(recs.map((x) => [x.iso3, x.id, x.area, x.history.length]).sort()).toEqual([
        ['MLI', 'FIN-1', 'financing', 2],
        ['MLI', 'LEG-1', 'legal', 2],
        ['MLI', 'PAY-1', 'payments', 3],
        ['MLI', 'PAY-2', 'payments', 2],
        ['TUV', 'ICT-1', 'ict-infrastructure', 2],
      ]);
      expect((await store.etreadyStatuses()).filter((e) => e.status === 'requested').map((e) => [e.iso3, e.authority])).toEqual(
        expect.arrayContaining([
          ['HTI', 'Ministry of Commerce'],
          ['KEN', 'State Department for Trade'],
        ]),
      );
      const bad = join(folder, 'matrix-bad.xlsx');
      writeFileSync(bad, toXlsx([{ name: 'action matrix', header: HEADER.split(','), rows: [GOOD.split(','), CASES[3]![0].split(',')] }]));
      const version = await store.dataVersion();
      await expect(importFile(store, bad, { format: 'etready-matrix' })).rejects.toThrow('matrix-bad.xlsx, line 3, field "area": unknown policy area "tourism"');
      expect(await store.dataVersion()).toBe(version);
      const notZip = join(folder, 'broken.xlsx');
      writeFileSync(notZip, 'not a workbook');
      await expect(importFile(store, notZip, { format: 'etready-matrix' })).rejects.toThrow('broken.xlsx: not a workbook (.xlsx)');
    });
  });
}
