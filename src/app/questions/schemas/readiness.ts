import { array, boolean, integer, number, object, orNull, ref, string, type Schema } from '../schema.ts';

/** A component's year rule: the latest in a window of years ending a lag before the index year, or a fixed year. */
const YEAR_RULE = object(
  { kind: string('latest (window, lag) or fixed (year)', { enum: ['latest', 'fixed'] }), window: integer('Years looked at (latest).'), lag: integer('Years before the index year the window ends (latest).'), year: integer('The year read (fixed).') },
  undefined,
  ['window', 'lag', 'year'],
);
/** A component's normalisation: min-max over the economies covered, or fixed goalposts. */
const NORMALISATION = object({ kind: string('min-max or goalposts (low, high)', { enum: ['min-max', 'goalposts'] }), low: number(), high: number() }, undefined, ['low', 'high']);

/** The answers of the readiness questions. */
export const readinessSchemas: Record<string, Schema> = {
  ReadinessComponent: object({
    id: string(),
    indicator: string(),
    name: string(),
    year: YEAR_RULE,
    transformation: string(undefined, { enum: ['as-is', 'log', 'per-capita'] }),
    normalisation: NORMALISATION,
    weight: number(),
    editions: boolean('Values gathered from every imported edition, the latest winning.'),
  }),
  ReadinessMethod: object({
    id: string(),
    name: string(),
    version: string(),
    description: string(),
    missing: string(undefined, { enum: ['drop', 'reweight', 'impute'] }),
    components: array(ref('ReadinessComponent')),
    publishedYears: array(integer()),
    builtIn: boolean('True for a method the Observatory ships; false for a user-defined one.'),
    versions: array(integer(), 'Every version of a user-defined method, oldest first; empty for a built-in one.'),
    author: orNull(string('Who stored this version: the account’s name, or "command line"; null for a built-in method.')),
    createdAt: orNull(string('When this version was stored.', { format: 'date-time' })),
    note: orNull(string('Why this version was stored.')),
  }),
  ReadinessMethods: object({ methods: array(ref('ReadinessMethod')) }),
  ReadinessMethodVersions: object({
    methods: array(
      object({
        id: string(),
        name: string(),
        builtIn: boolean(),
        version: string('The latest version.'),
        versions: array(
          object({
            version: integer(),
            author: string('The account’s name, or "command line".'),
            createdAt: string(undefined, { format: 'date-time' }),
            note: orNull(string()),
          }),
          'Every version of a user-defined method, oldest first; empty for a built-in one.',
        ),
      }),
    ),
  }),
  ReadinessMethodInput: object(
    {
      id: string('The method’s id: lower-case letters, digits and hyphens, starting with a letter; not a built-in id.', { pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' }),
      name: string(),
      description: string(),
      missing: string('The rule for an economy lacking a component (drop by default).', { enum: ['drop', 'reweight', 'impute'] }),
      components: array(
        object(
          {
            id: string('A slug, unique within the method.'),
            indicator: string('A stored indicator code.'),
            name: string('By default the indicator code.'),
            year: { ...YEAR_RULE, description: 'By default the latest of 3 years (window ≥ 1) ending 1 year (lag) before the index year.' },
            transformation: string('as-is by default.', { enum: ['as-is', 'log', 'per-capita'] }),
            normalisation: { ...NORMALISATION, description: 'min-max by default; goalposts need low < high.' },
            weight: { ...number('Zero or more, not all zero; 1 by default.'), minimum: 0 },
            editions: boolean('Gather values from every imported edition, the latest winning.'),
          },
          undefined,
          ['name', 'year', 'transformation', 'normalisation', 'weight', 'editions'],
        ),
      ),
      baseVersion: integer('The version this one replaces: 0 (the default) for a new method, else the latest version; a stale base is refused with a 409.', { minimum: 0 }),
      note: string('Why this version is stored (in the audit log).'),
    },
    'A user-defined readiness method.',
    ['description', 'missing', 'baseVersion', 'note'],
  ),
  ReadinessMethodSaved: object({ method: ref('ReadinessMethod') }),
  ReadinessRow: object({
    iso3: string(),
    name: string(),
    score: orNull(number('0-100; null when dropped.')),
    rank: orNull(integer()),
    publishedScore: orNull(number()),
    publishedRank: orNull(integer()),
    difference: orNull(number('Observatory − published, index points.')),
    treatment: string(undefined, { enum: ['complete', 'dropped', 'reweighted', 'imputed'] }),
    components: array(
      object({
        id: string(),
        year: orNull(integer()),
        raw: orNull(number()),
        score: orNull(number()),
        imputed: boolean(),
        missing: orNull(string('Why the component is missing; null when present.', { enum: ['no-value-in-window', 'not-transformable', 'no-population', null] })),
      }),
    ),
  }),
  ReadinessIndex: object({
    method: ref('ReadinessMethod'),
    year: integer(),
    missing: string(),
    reproduction: orNull(
      object({
        compared: integer(),
        meanAbsoluteDifference: orNull(number()),
        maxAbsoluteDifference: orNull(number()),
        spearman: orNull(number()),
      }),
    ),
    onlyPublished: array(string(), 'Economies the edition ranks that the Observatory cannot score.'),
    onlyObservatory: array(string(), 'Economies scored that the edition does not rank.'),
    groups: array(
      object({
        id: string(),
        date: string('Members on this date.'),
        populationYear: integer('The year of the population weights.'),
        value: orNull(number('Population-weighted mean score; null when coverage is insufficient or no member has a score.')),
        status: string(undefined, { enum: ['ok', 'insufficient_coverage', 'no_data', 'not_aggregable'] }),
        membersWithData: integer(),
        membersTotal: integer(),
        populationCovered: orNull(number('Share 0-1 of the group population in members with a score.')),
        missingLarge: array(object({ iso3: string(), share: number() })),
      }),
    ),
    source: string(),
    vintages: array(ref('VintageSummary')),
    rows: array(ref('ReadinessRow')),
  }),
};
