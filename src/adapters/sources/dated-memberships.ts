import { isIso3 } from '../../domain/country.ts';
import { InputError, type InputLocation } from '../../domain/errors.ts';
import { partialDate } from '../../domain/groups/dated.ts';
import type { AcpEvidenceRecord, LdcDatesRecord } from '../../domain/groups/dated-lists.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';
import { yearCell } from './fields.ts';

function iso3Cell(text: string, where: InputLocation): string {
  if (!isIso3(text)) throw new InputError(text === '' ? 'empty ISO3 code' : `not an ISO 3166 alpha-3 code: ${JSON.stringify(text)}`, where);
  return text;
}

function optionalYear(text: string, where: InputLocation): number | null {
  return text === '' ? null : yearCell(text, where);
}

/** A date to the day, month or year ("2023-12-13", "2023-12", "2023"), or empty. */
function partialDateCell(text: string, where: InputLocation): string {
  if (text !== '' && !partialDate(text)) throw new InputError(`expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found ${JSON.stringify(text)}`, where);
  return text;
}

function yesNo(text: string, where: InputLocation): boolean {
  const t = text.toLowerCase();
  if (t.startsWith('yes')) return true;
  if (t.startsWith('no')) return false;
  throw new InputError(`expected "yes" or "no", found ${JSON.stringify(text)}`, where);
}

/** The columns of a dated list of least developed countries (UN inclusion years and graduations). */
export const LDC_DATES = columns({
  iso3: { header: 'iso3', required: true, parse: iso3Cell },
  country: { header: 'country' },
  inclusionYear: { header: 'inclusion_year', required: true, parse: yearCell },
  status: { header: ['status_as_of_2026_06', 'status'], required: true },
  graduationYear: { header: 'graduation_year', parse: optionalYear },
  graduationDate: { header: 'graduation_date', parse: partialDateCell },
  scheduledYear: { header: 'scheduled_graduation_year', parse: optionalYear },
  scheduledDate: { header: 'scheduled_graduation_date', parse: partialDateCell },
  dateNote: { header: 'date_source_or_note' },
  yearSources: { header: 'year_sources' },
});

/**
 * Reads a dated LDC list: one row per country ever on the list, its inclusion year, its status, its
 * graduation (date or year) and any scheduled graduation. A graduated country without a graduation date
 * or year is an error, as is a status other than graduated or current.
 */
export async function readLdcDates(input: Chunks, file: string): Promise<LdcDatesRecord[]> {
  const out: LdcDatesRecord[] = [];
  const seen = new Set<string>();
  for await (const rows of readTable(input, file, LDC_DATES)) {
    for (const row of rows) {
      const iso3 = row.get('iso3');
      if (seen.has(iso3)) throw new InputError(`${iso3} appears twice`, row.at('iso3'));
      seen.add(iso3);
      const status = row.text('status');
      const graduated = /^graduated/i.test(status);
      if (!graduated && !/^current/i.test(status)) throw new InputError(`expected "graduated" or "current LDC…", found ${JSON.stringify(status)}`, row.at('status'));
      const record: LdcDatesRecord = {
        iso3,
        country: row.text('country'),
        inclusionYear: row.get('inclusionYear'),
        status,
        graduationYear: row.get('graduationYear'),
        graduationDate: row.get('graduationDate'),
        scheduledYear: row.get('scheduledYear'),
        scheduledDate: row.get('scheduledDate'),
        dateNote: row.text('dateNote'),
        yearSources: row.text('yearSources'),
        line: row.line,
      };
      if (graduated && record.graduationDate === '' && record.graduationYear === null) {
        throw new InputError('a graduated country needs a graduation date or year', row.at('graduationYear'));
      }
      out.push(record);
    }
  }
  return out;
}

/** The columns of the ACP/OACPS membership evidence. */
export const ACP_EVIDENCE = columns({
  iso3: { header: 'iso3', required: true, parse: iso3Cell },
  onRoster: { header: 'in_lawin_79_list', required: true, parse: yesNo },
  inList1985: { header: 'in_Lome_III_ACP_list_1985', required: true, parse: yesNo },
  eventDate: { header: 'event_date', required: true, parse: partialDateCell },
  event: { header: 'event' },
  eventSource: { header: 'event_source' },
  note: { header: 'note' },
});

/** Reads the ACP/OACPS membership evidence: one row per State, the lists it is on and any dated event. */
export async function readAcpEvidence(input: Chunks, file: string): Promise<AcpEvidenceRecord[]> {
  const out: AcpEvidenceRecord[] = [];
  const seen = new Set<string>();
  for await (const rows of readTable(input, file, ACP_EVIDENCE)) {
    for (const row of rows) {
      const iso3 = row.get('iso3');
      if (seen.has(iso3)) throw new InputError(`${iso3} appears twice`, row.at('iso3'));
      seen.add(iso3);
      const eventDate = row.get('eventDate');
      const event = row.text('event');
      if (eventDate !== '' && event === '') throw new InputError('a dated row needs its event', row.at('event'));
      out.push({
        iso3,
        onRoster: row.get('onRoster'),
        inList1985: row.get('inList1985'),
        eventDate,
        event,
        eventSource: row.text('eventSource'),
        note: row.text('note'),
        line: row.line,
      });
    }
  }
  return out;
}
