import { pick } from '../../../domain/lang.ts';
import { observations, wantedEntities } from '../../questions/indicators.ts';
import { FORMAT_OPTION, outputFormat, parse, UsageError, type Command } from '../command.ts';
import { flagParams, mention, parseOptions, queryOf, readFlags } from '../question-flags.ts';
import { globalSettings, withServices } from '../settings.ts';
import { print } from '../table.ts';

/**
 * `observatory indicators list | show <CODE>`: the indicators with data, and one indicator's values; the
 * flags of `show`, their checks and messages are the parameters of the API's observations question.
 * @example await indicators.run(['show', 'IT.NET.USER.ZS', '--countries', 'NPL,KEN', '--years', '2020-2022'], io)
 */
export const indicators: Command = {
  name: 'indicators',
  usage: [
    { form: 'indicators [list]', summary: 'indicators with data, their years and sources' },
    { form: 'indicators show <CODE>', summary: `values (${flagParams(observations).map((p) => mention(p, 'flag')).join(', ')})` },
  ],
  async run(args, io) {
    const { values, positionals } = parse(args, { ...FORMAT_OPTION, ...parseOptions([observations]) });
    const format = outputFormat(values.format as string | undefined);
    const [action = 'list', code] = positionals;
    if (action === 'list') queryOf(observations, {}, [observations], 'indicators list');
    else queryOf(observations, values, [observations], 'indicators show');
    return withServices(globalSettings(values as Record<string, string | undefined>), async (services) => {
      const { obs } = services;
      const ref = await obs.ref();
      if (action === 'list') {
        const rows = [...ref.indicators.values()].map((i) => [
          i.def.code,
          pick(i.def.names, 'en'),
          i.record?.firstYear ?? null,
          i.record?.lastYear ?? null,
          i.record?.observations ?? null,
          i.vintages.map((v) => `${v.id}`).join('+'),
          i.def.rule.kind,
        ]);
        print(io.out, format, ['code', 'name', 'first', 'last', 'values', 'vintage', 'group rule'], rows);
        return 0;
      }
      if (action !== 'show') throw new UsageError(`unknown indicators action "${action}"; use list or show`);
      if (!code) throw new UsageError('indicators show needs an indicator code');
      const input = await readFlags(observations, values, [observations], 'indicators show', services, { code });
      const entities = wantedEntities(obs, ref, input.countries, input.groups);
      const rows = await obs.observations(input.code.def.code, {
        ...(input.years ? { from: input.years.from, to: input.years.to } : {}),
        ...(entities ? { entities } : {}),
        ...(input.vintage !== undefined ? { vintageId: input.vintage } : {}),
      });
      const names = new Map([...ref.countries.values()].map((c) => [c.iso3, c.names.en]));
      print(
        io.out,
        format,
        ['country', 'name', 'year', 'value', 'vintage'],
        rows.map((o) => [o.entity, names.get(o.entity) ?? ref.aggregates.get(o.entity)?.name ?? ref.economies.get(o.entity)?.name ?? '', o.year, o.value, o.vintageId]),
      );
      return 0;
    });
  },
};
