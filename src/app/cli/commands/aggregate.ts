import { pick } from '../../../domain/lang.ts';
import type { MembershipBasis } from '../../services/observatory.ts';
import { FORMAT_OPTION, outputFormat, parse, UsageError, yearsOption, type Command } from '../command.ts';
import { globalSettings, withServices } from '../settings.ts';
import { print } from '../table.ts';

/**
 * `observatory aggregate <GROUP> <CODE>`: a group's values with their coverage and the World Bank's own figure.
 * @example await aggregate.run(['LDC', 'IT.NET.USER.ZS', '--years', '2020-2022'], io)
 */
export const aggregate: Command = {
  name: 'aggregate',
  usage: [{ form: 'aggregate <GROUP> <CODE>', summary: "a group's values with coverage (--years, --basis current|historical, --min-coverage)" }],
  async run(args, io) {
    const { values, positionals } = parse(args, {
      ...FORMAT_OPTION,
      years: { type: 'string' },
      basis: { type: 'string' },
      'min-coverage': { type: 'string' },
    });
    const format = outputFormat(values.format);
    const [groupId, code] = positionals;
    if (!groupId || !code) throw new UsageError('aggregate needs a group id and an indicator code');
    const basis = values.basis ?? 'current';
    if (basis !== 'current' && basis !== 'historical') throw new UsageError(`--basis must be current or historical, got "${basis}"`);
    const minCoverage = values['min-coverage'] === undefined ? undefined : Number(values['min-coverage']);
    if (minCoverage !== undefined && !(minCoverage >= 0 && minCoverage <= 1)) throw new UsageError('--min-coverage must be between 0 and 1');
    return withServices(globalSettings(values), async ({ obs }) => {
      const series = await obs.aggregateSeries(groupId.toUpperCase(), code, {
        ...yearsOption(values.years),
        basis: basis as MembershipBasis,
        ...(minCoverage !== undefined ? { minCoverage } : {}),
      });
      io.err.write(`${pick(series.group.names, 'en')} — ${pick(series.indicator.def.names, 'en')} (${series.rule.kind}, ${series.basis} membership)\n`);
      print(
        io.out,
        format,
        ['year', 'value', 'status', 'members with data', 'members', 'population covered', 'World Bank value', 'agrees'],
        series.rows.map((r) => [
          r.year,
          r.value,
          r.status,
          r.membersWithData,
          r.membersTotal,
          r.populationCovered,
          r.published?.worldBank ?? null,
          r.published && 'agrees' in r.published ? String(r.published.agrees) : null,
        ]),
      );
      return 0;
    });
  },
};
