import { basename } from 'node:path';
import { InputError } from '../../../domain/errors.ts';
import { nepalTariffYearOf, readNepalTariff } from '../../sources/trade/nepal.ts';
import { nepalFiscalYear } from '../../../domain/moratorium/periods.ts';
import { defineFormat } from '../format.ts';
import { writeTradeBatches } from '../trade.ts';

/** The Customs Tariff of Nepal: general (MFN) and SAARC duties per national line. */
export const nepalTariff = defineFormat({
  id: 'nepal-tariff',
  source: {
    source: 'Department of Customs, Government of Nepal, Customs Tariff, via sabinevolve-hue/nepal-hs-code-finder',
    licence: 'Not stated (official publication of the Government of Nepal)',
    url: 'https://www.customs.gov.np/',
  },
  order: 6,
  recognise: { extension: 'csv', header: (h) => h.first.startsWith('hs_code_as_published,hs6,duty_saarc_pct,duty_general_mfn_pct') },
  prepare: async ({ path, file, chunks }) => {
    const year = nepalTariffYearOf(basename(path));
    if (year === null) throw new InputError('the file name does not give the tariff year ("…_tariff_2026_27_…")', { file });
    // The schedule is in force for Nepal's fiscal year (from Shrawan 1, mid-July), as its provenance says.
    const schedule = nepalFiscalYear('NPL', year, `the file name (${basename(path)}): Customs Tariff ${year - 1}/${String(year).slice(2)}, in force from mid-July ${year - 1}`);
    return {
      note:
        `Customs Tariff of Nepal for the fiscal year ending in ${year} (tariff year ${year}, in force ${schedule.from} to ${schedule.to}, ${schedule.label}), HS 2022 national lines. ` +
        'General duty as the MFN rate, SAARC duty as the SAFTA preference; "Free" is 0 %, a blank rate is no rate. ' +
        'SAFTA members: Bangladesh, Bhutan, India, Maldives, Nepal, Pakistan, Sri Lanka from 2006 (in force 1 January 2006), Afghanistan from 2011.',
      write: async (writer) => {
        await writeTradeBatches(readNepalTariff(chunks(), file, { year }), writer);
        await writer.addPeriods('tariff', [schedule]);
      },
    };
  },
});
