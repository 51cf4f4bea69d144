import { GROUP_KINDS } from '../../../domain/group.ts';
import { array, boolean, integer, number, object, orNull, ref, string, type Schema } from '../schema.ts';
import { UNITS } from './common.ts';

/** The answers about countries: the list and one country with its memberships and headline figures. */
export const countrySchemas: Record<string, Schema> = {
  M49Area: object({ code: string(undefined, { pattern: '^\\d{3}$' }), name: string() }),
  Country: object({
    iso3: string(undefined, { pattern: '^[A-Z]{3}$' }),
    iso2: orNull(string(undefined, { pattern: '^[A-Z]{2}$' })),
    m49: orNull(string(undefined, { pattern: '^\\d{3}$' })),
    names: ref('Localized'),
    region: orNull(ref('M49Area')),
    subregion: orNull(ref('M49Area')),
    intermediateRegion: orNull(ref('M49Area')),
  }),
  CountryList: object({ count: integer(), countries: array(ref('Country')) }),
  CountryDetail: {
    allOf: [
      ref('Country'),
      object({
        name: string(),
        memberships: array(
          object({
            group: string(),
            groupNames: ref('Localized'),
            kind: orNull(string(undefined, { enum: GROUP_KINDS })),
            status: string(undefined, { enum: ['member', 'associate', 'observer'] }),
            from: orNull(string(undefined, { format: 'date' })),
            to: orNull(string(undefined, { format: 'date' })),
            source: string(),
            note: orNull(string()),
            current: boolean('A full member today.'),
          }),
        ),
        groupsToday: array(string(), 'Groups the country is a full member of today.'),
        headline: array(
          object({
            indicator: string(),
            names: ref('Localized'),
            unit: string(undefined, { enum: UNITS }),
            year: orNull(integer('The latest year with a value.')),
            value: orNull(number()),
            vintages: array(ref('VintageSummary')),
          }),
          'The latest value of each headline indicator with data.',
        ),
      }),
    ],
  },
};
