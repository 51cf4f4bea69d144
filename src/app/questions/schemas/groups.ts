import { DATE_PRECISIONS, GROUP_KINDS } from '../../../domain/group.ts';
import { MAX_BODY_BYTES } from '../body.ts';
import { array, boolean, GROUP_ID, integer, ISO3, object, orNull, ref, string, type Schema } from '../schema.ts';

const group = object(
  {
    id: string(undefined, { pattern: GROUP_ID }),
    kind: string(undefined, { enum: GROUP_KINDS }),
    names: ref('Localized'),
    description: ref('Localized'),
    wbCode: orNull(string('The World Bank’s code for its own aggregate of this group.')),
    source: string('Where the definition of the group comes from.'),
    editable: boolean('Whether the group is user-defined, so it can be replaced or deleted through the API.'),
  },
  undefined,
  ['description'],
);

const membership = object({
  iso3: string(),
  name: string(),
  status: string(undefined, { enum: ['member', 'associate', 'observer'] }),
  from: orNull(string('Start (inclusive); null: since before the records. With fromKnown "unknown", the earliest date a source attests the membership.', { format: 'date' })),
  fromKnown: string('How much of `from` a source gives: the day, the month (stored as its first day), the year (stored as 1 January), or unknown.', { enum: DATE_PRECISIONS }),
  to: orNull(string('End (exclusive); null: still a member.', { format: 'date' })),
  toKnown: string('How much of `to` a source gives.', { enum: DATE_PRECISIONS }),
  scheduledTo: orNull(
    object({
      date: string(undefined, { format: 'date' }),
      known: string(undefined, { enum: DATE_PRECISIONS }),
      source: string('The decision that set the date and what is known of its status.'),
      state: string('"scheduled" while the date is ahead; "unconfirmed" once passed with no source recording the departure (still counted).', { enum: ['scheduled', 'unconfirmed'] }),
    }),
  ),
  source: string(),
  note: orNull(string()),
});

/** The answers about groups: the list, one group with its dated memberships, and a user-defined group's body. */
export const groupSchemas: Record<string, Schema> = {
  Group: group,
  GroupSummary: {
    allOf: [
      ref('Group'),
      object({
        membersToday: integer('Members counted in aggregates today.'),
        membersListed: integer('Full members listed today, including members that are not countries (the European Union in the WTO).'),
        countNote: orNull(string('Why the two counts differ; null when they agree.')),
      }),
    ],
  },
  GroupList: object({ count: integer(), date: string(undefined, { format: 'date' }), groups: array(ref('GroupSummary')) }),
  Membership: membership,
  GroupDetail: {
    allOf: [
      ref('Group'),
      object({
        at: string('The date of `members`.', { format: 'date' }),
        membersCounted: integer('Members counted in aggregates on `at` (the length of `members`).'),
        membersListed: integer('Full members listed on `at`, including members that are not countries (the European Union in the WTO).'),
        notes: array(string(), 'What the count rests on: members not counted, dates of accession unknown, departures scheduled or unconfirmed.'),
        members: array(object({ iso3: string(), name: string() }), 'Full members on `at` (for the world: every country).'),
        memberships: array(ref('Membership'), 'Every dated membership, past and present.'),
      }),
    ],
  },
  UserGroupInput: {
    type: 'object',
    description: `A user-defined group (at most ${MAX_BODY_BYTES} bytes). In a PUT, id may be left out; if given it must match the URL.`,
    properties: {
      id: string(undefined, { pattern: GROUP_ID }),
      names: ref('Localized'),
      description: ref('Localized'),
      members: { type: 'array', items: string(undefined, { pattern: ISO3 }), minItems: 1 },
    },
    required: ['names', 'members'],
    additionalProperties: false,
  },
};
