import { basename } from 'node:path';
import { collect } from '../../sources/batches.ts';
import { readOrgMemberships } from '../../sources/org-memberships.ts';
import { defineFormat } from '../format.ts';
import { groupsHeldByDatedLists } from '../dated-groups.ts';
import { ORGANISATION_GROUPS, writeOrganisations } from '../groups.ts';

/** dieghernan's tables of organisation memberships (derived subset, or the full long table). */
export const orgMemberships = defineFormat({
  id: 'org-memberships',
  source: {
    source: 'CIA World Factbook, Appendix B, via dieghernan/Country-Codes-and-International-Organizations; corrected from official sources',
    licence: 'MIT (compilation)',
    url: 'https://github.com/dieghernan/Country-Codes-and-International-Organizations',
  },
  order: 2,
  onePerFolder: true,
  recognise: {
    extension: 'csv',
    header: (h) => /^iso3,iso2,name,org_id,/.test(h.first) || (h.first.includes('iso_3166_3') && h.first.includes('org_id')),
  },
  prepare: async ({ store, path, file, source, chunks }) => ({
    write: async (writer) => {
      const { records } = await collect(readOrgMemberships(chunks(), file));
      const held = await groupsHeldByDatedLists(store, ORGANISATION_GROUPS);
      await writeOrganisations(writer, records, `${source.source}, ${basename(path)}`, held);
    },
  }),
});
