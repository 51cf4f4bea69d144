import { basename } from 'node:path';
import { InputError } from '../../../domain/errors.ts';
import { readAfcftaSchedule } from '../../sources/trade/afcfta.ts';
import { defineFormat, type ImportInput, type PreparedImport, type SourceInfo } from '../format.ts';
import { tradeContext, writeTradeBatches } from '../trade.ts';

/** The group whose members on 31 December 2026 apply the EAC schedule (the EAC Common External Tariff). */
const EAC = 'EAC';
const EAC_SCHEDULE_YEAR = 2026;

/** AfCFTA schedules as AfriConnect digitised them: one layout, two schedules (the EAC's and Ethiopia's). */
const source = (whose: string): SourceInfo => ({
  source: `AfCFTA provisional schedule of tariff concessions of ${whose} (Category A), digitised by AfriConnectTechnologies/africonnect`,
  licence: 'Not stated (schedules are public AfCFTA documents; digitisation all rights reserved)',
  url: 'https://github.com/AfriConnectTechnologies/africonnect',
});

/** The schedule of the EAC partner states, applied to every member of the EAC. */
export const afcftaEac = defineFormat({
  id: 'afcfta-eac',
  source: source('the EAC'),
  order: 6,
  recognise: { extension: 'csv', header: (h) => /^hs_code,description,unit,base_rate,category,rate_\d{4}/.test(h.first) },
  prepare: (input) => prepareSchedule(input, 'eac'),
});

/** Ethiopia's schedule. */
export const afcftaEthiopia = defineFormat({
  id: 'afcfta-ethiopia',
  source: source('Ethiopia'),
  order: 6,
  recognise: { extension: 'csv', header: (h) => /^hs_code,english_name,amharic_name,unit,base_rate,category,rate_\d{4}/.test(h.first) },
  prepare: (input) => prepareSchedule(input, 'ethiopia'),
});

async function prepareSchedule({ store, path, file, chunks }: ImportInput, schedule: 'eac' | 'ethiopia'): Promise<PreparedImport> {
  const name = basename(path);
  const context = await tradeContext(store);
  const reporters = schedule === 'ethiopia' ? ['ETH'] : context.members(EAC, EAC_SCHEDULE_YEAR);
  if (reporters.length === 0) {
    throw new InputError(`the group ${EAC} has no members in ${EAC_SCHEDULE_YEAR}: import the organisation memberships first`, { file });
  }
  const who = schedule === 'ethiopia' ? 'Ethiopia (ETH)' : `every EAC partner state in ${EAC_SCHEDULE_YEAR} (${reporters.join(', ')})`;
  const base = schedule === 'ethiopia' ? 'base rate' : 'base rate (the EAC Common External Tariff)';
  return {
    note:
      `AfCFTA schedule of tariff concessions, Category A lines only, applied to ${who}; HS 2022 national lines. ` +
      `The ${base} is the MFN rate of each year 2026–2030 (the base applies through the phase-down); a blank base rate is no MFN rate. ` +
      'The rate of each year is the AfCFTA preference. Members of the African Union in each year stand in for the list of AfCFTA State Parties.',
    write: async (writer, warnings) => {
      const summary = await writeTradeBatches(readAfcftaSchedule(chunks(), file, context, { reporters }), writer);
      if (summary.repaired.length > 0) {
        warnings.push(`${name}: ${summary.repaired.length} codes read without stray marks around them: ${summary.repaired.join('; ')}`);
      }
    },
  };
}
