import { pick } from '../../../domain/lang.ts';
import { aggregates, missingLargeText } from '../../questions/indicators.ts';
import { imputeOptions } from '../../questions/impute-params.ts';
import { entityName } from '../../questions/present.ts';
import { FORMAT_OPTION, outputFormat, parse, UsageError, type Command } from '../command.ts';
import { flagParams, mention, parseOptions, queryOf, readFlags } from '../question-flags.ts';
import { globalSettings, withServices } from '../settings.ts';
import { print } from '../table.ts';

const flags = flagParams(aggregates)
  .map((p) => mention(p, p.choices ? 'choices' : 'flag'))
  .join(', ');

/**
 * `observatory aggregate <GROUP> <CODE>`: a group's values with their coverage and the World Bank's own figure.
 * Its flags, their checks and messages are the parameters of the API's aggregates question.
 * @example await aggregate.run(['LDC', 'IT.NET.USER.ZS', '--years', '2020-2022'], io)
 */
export const aggregate: Command = {
  name: 'aggregate',
  usage: [{ form: 'aggregate <GROUP> <CODE>', summary: `a group's values with coverage (${flags})` }],
  async run(args, io) {
    const { values, positionals } = parse(args, { ...FORMAT_OPTION, ...parseOptions([aggregates]) });
    const format = outputFormat(values.format as string | undefined);
    const [groupId, code] = positionals;
    if (!groupId || !code) throw new UsageError('aggregate needs a group id and an indicator code');
    queryOf(aggregates, values, [aggregates], 'aggregate');
    return withServices(globalSettings(values as Record<string, string | undefined>), async (services) => {
      const input = await readFlags(aggregates, values, [aggregates], 'aggregate', services, { id: groupId, code });
      const series = await services.obs.aggregateSeries(input.id.id, input.code.def.code, {
        ...(input.years ? { from: input.years.from, to: input.years.to } : {}),
        basis: input.basis,
        ...(input.at !== undefined ? { at: input.at } : {}),
        ...(input.minCoverage !== undefined ? { minCoverage: input.minCoverage } : {}),
        impute: imputeOptions(input.impute, input.impute_years),
        ...(input.compare !== undefined ? { compare: input.compare } : {}),
      });
      const ref = await services.obs.ref();
      io.err.write(`${pick(series.group.names, 'en')} — ${pick(series.indicator.def.names, 'en')} (${series.rule.kind}, ${series.basis} membership, ` +
        `${series.impute.method === 'none' ? 'no imputation' : `values carried forward at most ${series.impute.years} years`})\n`);
      print(
        io.out,
        format,
        ['year', 'value', 'status', 'members with data', 'members', 'population covered', 'left out (>10% of population)', 'carried forward', 'World Bank value', 'agrees'],
        series.rows.map((r) => [
          r.year,
          r.value,
          r.status,
          r.membersWithData,
          r.membersTotal,
          r.populationCovered,
          missingLargeText(r.missingLarge.map((m) => ({ country: m.iso3, name: entityName(ref, m.iso3), share: m.share }))) || null,
          r.imputed.map((m) => `${m.iso3} ${m.from}`).join('; ') || null,
          r.published?.worldBank ?? null,
          r.published && 'agrees' in r.published ? String(r.published.agrees) : null,
        ]),
      );
      return 0;
    });
  },
};
