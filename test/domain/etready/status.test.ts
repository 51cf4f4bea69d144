import { describe, expect, it } from 'vitest';
import { assessments, daysSince, isFuture, parsePartialDate, parseStatus, waitingRequests, type EtreadyEvent } from '../../../src/domain/etready/status.ts';

const event = (iso3: string | null, name: string, status: EtreadyEvent['status'], date: string, symbol: string | null = null): EtreadyEvent => ({ iso3, name, status, date, title: null, symbol, link: null, note: null });

describe('eT Ready statuses', () => {
  it('reads the four statuses however they are spelt, and nothing else', () => {
    expect(['Requested', 'in preparation', 'IN_PREPARATION', 'implementation review', 'published'].map(parseStatus)).toEqual(['requested', 'in-preparation', 'in-preparation', 'implementation-review', 'published']);
    expect(parseStatus('none')).toBeNull();
    expect(parseStatus('approved')).toBeNull();
  });

  it('keeps a date as precise as given and refuses impossible ones', () => {
    expect(['2018', '2018-07', '2018-07-18', '2020-02-29'].map(parsePartialDate)).toEqual(['2018', '2018-07', '2018-07-18', '2020-02-29']);
    expect(['2019-02-29', '2018-13', '18', '2018/07', ''].map(parsePartialDate)).toEqual([null, null, null, null, null]);
  });

  it('counts a year from 1 January and a month from its first day; a date is future when its first day is', () => {
    expect(daysSince('2018', '2018-12-31')).toBe(364);
    expect(daysSince('2018-03', '2018-03-31')).toBe(30);
    expect(isFuture('2026', '2026-06-30')).toBe(false);
    expect(isFuture('2026-07', '2026-06-30')).toBe(true);
  });

  it('takes the latest status, the one further along on the same date, and keeps each status date', () => {
    const [a] = assessments([event('MWI', 'Malawi', 'published', '2019', 'S/1'), event('MWI', 'Malawi', 'in-preparation', '2019'), event('MWI', 'Malawi', 'requested', '2018-05')]);
    expect(a).toMatchObject({ status: 'published', dates: { requested: '2018-05', 'in-preparation': '2019', published: '2019' }, symbol: 'S/1' });
  });

  it('lists the requests still waiting, the longest first; a region is kept apart from its members', () => {
    const list = assessments([
      event('NPL', 'Nepal', 'requested', '2018'),
      event('BTN', 'Bhutan', 'requested', '2016-06-01'),
      event('BTN', 'Bhutan', 'published', '2019'),
      event('TZA', 'Tanzania', 'requested', '2020-01-01'),
      event(null, 'ECOWAS (regional)', 'requested', '2019'),
    ]);
    expect(list.map((a) => [a.iso3, a.status])).toEqual([
      ['BTN', 'published'],
      [null, 'requested'],
      ['NPL', 'requested'],
      ['TZA', 'requested'],
    ]);
    expect(waitingRequests(list, '2020-01-01').map((w) => [w.assessment.name, w.days])).toEqual([
      ['Nepal', 730],
      ['ECOWAS (regional)', 365],
      ['Tanzania', 0],
    ]);
  });
});
