import { readinessIndex } from '../../questions/readiness.ts';
import { FORMAT_OPTION, outputFormat, parse, UsageError, type Command } from '../command.ts';
import { flagParams, mention, parseOptions, queryOf, readFlags } from '../question-flags.ts';
import { globalSettings, withServices } from '../settings.ts';
import { print, printColumns } from '../table.ts';
import { checkPlace, isPlaceAction, PLACE_QUESTIONS, placeUsage, runPlace } from './readiness-places.ts';

/**
 * `observatory readiness [list] | show <METHOD>`: the readiness methods, and one index for a year beside the
 * published edition; the flags of `show` are the parameters of the API's readiness question.
 * @example await readiness.run(['show', 'unctad-b2c', '--year', '2020'], io)
 */
export const readiness: Command = {
  name: 'readiness',
  usage: [
    { form: 'readiness [list]', summary: 'readiness index methods' },
    { form: 'readiness show <METHOD>', summary: `scores and ranks beside the published index (${flagParams(readinessIndex).map((p) => mention(p, 'flag')).join(', ')})` },
    ...placeUsage,
  ],
  async run(args, io) {
    const { values, positionals } = parse(args, { ...FORMAT_OPTION, ...parseOptions([readinessIndex, ...PLACE_QUESTIONS]) });
    const format = outputFormat(values.format as string | undefined);
    const [action = 'list', method, place] = positionals;
    if (isPlaceAction(action)) checkPlace(action, method, place);
    else if (action === 'list') queryOf(readinessIndex, {}, [readinessIndex], 'readiness list');
    else if (action !== 'show') throw new UsageError(`unknown readiness action "${action}"; use list, show, country or group`);
    else if (!method) throw new UsageError('readiness show needs a method (see readiness list)');
    return withServices(globalSettings(values as Record<string, string | undefined>), async (services) => {
      if (isPlaceAction(action)) return runPlace(action, method as string, place as string, values, format, io.out, services, [readinessIndex, ...PLACE_QUESTIONS]);
      if (action === 'list') {
        print(
          io.out,
          format,
          ['method', 'name', 'version', 'components', 'missing'],
          services.readiness.methods().map((m) => [m.id, m.name, m.version, m.components.map((c) => `${c.id}=${c.indicator}×${c.weight}`).join(' '), m.missing]),
        );
        return 0;
      }
      const input = await readFlags(readinessIndex, values, [readinessIndex], 'readiness show', services, { method: method as string });
      const reply = await readinessIndex.answer(input, services, { header: () => undefined, text: async () => '', session: null });
      if (reply instanceof Response) throw new Error('the readiness question answered with a response');
      const table = reply.csv?.();
      if (!table) throw new Error('the readiness question has no table');
      printColumns(io.out, format, { header: [...table.header], rows: [...table.rows] }, ['iso3', 'name', 'score', 'rank', 'published_score', 'published_rank', 'difference', 'treatment', 'missing']);
      if (format === 'table') {
        const r = (reply.json() as { reproduction: { compared: number; meanAbsoluteDifference: number | null; spearman: number | null } | null }).reproduction;
        if (r && r.compared > 0) io.out.write(`\ncompared with the published index on ${r.compared} economies: mean absolute difference ${r.meanAbsoluteDifference?.toFixed(2)} points, Spearman ${r.spearman?.toFixed(3)}\n`);
      }
      return 0;
    });
  },
};
