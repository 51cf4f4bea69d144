import { pick } from '../../../domain/lang.ts';
import { FORMAT_OPTION, outputFormat, parse, UsageError, yearsOption, type Command } from '../command.ts';
import { globalSettings, withServices } from '../settings.ts';
import { print } from '../table.ts';

/**
 * `observatory indicators list | show <CODE>`: the indicators with data, and one indicator's values.
 * @example await indicators.run(['show', 'IT.NET.USER.ZS', '--countries', 'NPL,KEN', '--years', '2020-2022'], io)
 */
export const indicators: Command = {
  name: 'indicators',
  usage: [
    { form: 'indicators [list]', summary: 'indicators with data, their years and sources' },
    { form: 'indicators show <CODE>', summary: 'values (--countries, --groups, --years)' },
  ],
  async run(args, io) {
    const { values, positionals } = parse(args, {
      ...FORMAT_OPTION,
      countries: { type: 'string' },
      groups: { type: 'string' },
      years: { type: 'string' },
    });
    const format = outputFormat(values.format);
    const [action = 'list', code] = positionals;
    return withServices(globalSettings(values), async ({ obs }) => {
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
      const entities = new Set((values.countries ?? '').split(/[\s,]+/).filter((c) => c !== '').map((c) => c.toUpperCase()));
      for (const g of (values.groups ?? '').split(/[\s,]+/).filter((c) => c !== '')) {
        for (const iso3 of obs.membersOn(ref, g.toUpperCase(), obs.today())) entities.add(iso3);
      }
      const unknown = [...entities].filter((e) => !ref.countries.has(e) && !ref.economies.has(e) && !ref.aggregates.has(e));
      if (unknown.length) throw new UsageError(`unknown country codes: ${unknown.join(', ')}`);
      const rows = await obs.observations(code, { ...yearsOption(values.years), ...(entities.size ? { entities: [...entities] } : {}) });
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
