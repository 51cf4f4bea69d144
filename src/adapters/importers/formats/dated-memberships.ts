import { basename } from 'node:path';
import { readAcpEvidence, readLdcDates } from '../../sources/dated-memberships.ts';
import { writeAcpEvidence, writeLdcDates } from '../dated-groups.ts';
import { defineFormat } from '../format.ts';

/**
 * A dated list of least developed countries: inclusion year, graduation (day, month or year) and scheduled
 * graduation of every country ever on the UN list, with sources. It replaces the undated LDC flags of M49.
 */
export const ldcDates = defineFormat({
  id: 'ldc-dates',
  source: {
    source: 'UN DESA, LDC category: inclusion and graduation of each country (consolidated with UN-OHRLLS, CDP and General Assembly sources)',
    licence: 'UN public information',
    url: 'https://policy.desa.un.org/themes/least-developed-countries-category',
  },
  // After the country tables, whose LDC flags it replaces.
  order: 3,
  recognise: {
    extension: 'csv',
    header: (h) => /^iso3,country,inclusion_year,/.test(h.first),
  },
  prepare: async ({ path, file, source, chunks }) => ({
    write: async (writer) => {
      const records = await readLdcDates(chunks(), file);
      await writeLdcDates(writer, records, `${source.source}, ${basename(path)}`);
    },
  }),
});

/**
 * Dated evidence of ACP/OACPS membership: the 65 ACP States of 1985, accessions and admissions with their
 * sources. It replaces the undated ACP rows of the organisation table.
 */
export const acpEvidence = defineFormat({
  id: 'acp-evidence',
  source: {
    source: 'OACPS/ACP membership evidence: The Courier ACP-EEC, EC information memos, OACPS and member States’ statements',
    licence: 'public information',
    url: 'https://www.oacps.org/',
  },
  // After the organisation table, whose ACP rows it replaces.
  order: 3,
  recognise: {
    extension: 'csv',
    header: (h) => h.first.includes('in_lome_iii_acp_list_1985') && h.first.includes('event_date'),
  },
  prepare: async ({ path, file, source, chunks }) => ({
    write: async (writer, warnings) => {
      const records = await readAcpEvidence(chunks(), file);
      warnings.push(...(await writeAcpEvidence(writer, records, `${source.source}, ${basename(path)}`)));
    },
  }),
});
