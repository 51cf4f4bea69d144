import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../../../domain/errors.ts';
import type { IndexMethod } from '../../../domain/readiness/method.ts';
import { readinessIndex, readinessMethods } from '../../questions/readiness.ts';
import { FORMAT_OPTION, outputFormat, parse, UsageError, type Command } from '../command.ts';
import { flagParams, mention, parseOptions, queryOf, readFlags } from '../question-flags.ts';
import { globalSettings, withServices } from '../settings.ts';
import { print, printColumns } from '../table.ts';
import { checkPlace, isPlaceAction, PLACE_QUESTIONS, placeUsage, runPlace } from './readiness-places.ts';

const author = (m: IndexMethod) => m.authorship?.author ?? 'built-in';

/** A method document read from a file: refused with the file's name when it is not there or not JSON. */
function readMethodFile(path: string): { json: unknown; where: string } {
  const where = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: path });
  }
  try {
    return { json: JSON.parse(text) as unknown, where };
  } catch (error) {
    throw new InputError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`, { file: where });
  }
}

/**
 * `observatory readiness [list] | show <METHOD> | method list | method add <FILE.json>`: the readiness methods,
 * one index for a year beside the published edition (the flags of `show` are the parameters of the API's
 * readiness question, `--version` among them), and user-defined methods stored from a JSON file.
 * @example await readiness.run(['method', 'add', 'connect.json', '--why', 'first version'], io)
 */
export const readiness: Command = {
  name: 'readiness',
  usage: [
    { form: 'readiness [list]', summary: 'readiness index methods, built in and user-defined (latest versions)' },
    { form: 'readiness show <METHOD>', summary: `scores and ranks beside the published index (${flagParams(readinessIndex).map((p) => mention(p, 'flag')).join(', ')})` },
    { form: 'readiness method list', summary: 'every version of the methods, with author, date and note' },
    { form: 'readiness method add <FILE>', summary: 'store a user-defined method (JSON) or its next version ("baseVersion" in the file; --why TEXT)' },
    ...placeUsage,
  ],
  async run(args, io) {
    const { values, positionals } = parse(args, { ...FORMAT_OPTION, why: { type: 'string' }, ...parseOptions([readinessIndex, ...PLACE_QUESTIONS]) });
    const format = outputFormat(values.format as string | undefined);
    const [action = 'list', target, file] = positionals;
    if (isPlaceAction(action)) {
      checkPlace(action, target, file);
      if (values.why !== undefined) throw new UsageError('--why is for readiness method add');
    } else if (action === 'method') {
      if (target !== 'list' && target !== 'add') throw new UsageError(`unknown readiness method action "${target ?? ''}"; use list or add`);
      if (target === 'add' && !file) throw new UsageError('readiness method add needs a JSON file');
      queryOf(readinessMethods, values, [readinessIndex], `readiness method ${target}`);
    } else if (values.why !== undefined) throw new UsageError('--why is for readiness method add');
    else if (action === 'list') queryOf(readinessMethods, values, [readinessIndex], 'readiness list');
    else if (action !== 'show') throw new UsageError(`unknown readiness action "${action}"; use list, show, method, country or group`);
    else if (!target) throw new UsageError('readiness show needs a method (see readiness list)');
    // The file is read and checked as JSON before the store is opened.
    const document = action === 'method' && target === 'add' ? readMethodFile(file as string) : null;
    return withServices(globalSettings(values as Record<string, string | undefined>), async (services) => {
      if (isPlaceAction(action)) return runPlace(action, target as string, file as string, values, format, io.out, services, [readinessIndex, ...PLACE_QUESTIONS]);
      if (action === 'list') {
        print(
          io.out,
          format,
          ['method', 'name', 'version', 'author', 'components', 'missing'],
          (await services.readiness.allMethods()).map((m) => [m.id, m.name, m.version, author(m), m.components.map((c) => `${c.id}=${c.indicator}×${c.weight}`).join(' '), m.missing]),
        );
        return 0;
      }
      if (action === 'method' && document) {
        const m = await services.readinessMethods.add(document.json, document.where, null, values.why as string | undefined);
        io.out.write(`stored ${m.id} version ${m.version} (${m.components.length} components, missing rule ${m.missing})\n`);
        return 0;
      }
      if (action === 'method') {
        const methods = await services.readiness.allMethods();
        const stored = await services.obs.store.readinessMethods();
        const names = new Map<number, string>();
        for (const s of stored) if (s.authorId !== null && !names.has(s.authorId)) names.set(s.authorId, (await services.obs.store.registry.account(s.authorId))?.name ?? `account ${s.authorId}`);
        const rows = methods.flatMap((m) =>
          m.authorship
            ? stored.filter((s) => s.id === m.id).map((s) => [m.id, m.name, String(s.version), s.authorId === null ? 'command line' : (names.get(s.authorId) ?? ''), s.createdAt, s.note])
            : [[m.id, m.name, m.version, 'built-in', null, null]],
        );
        print(io.out, format, ['method', 'name', 'version', 'author', 'created_at', 'note'], rows);
        return 0;
      }
      const input = await readFlags(readinessIndex, values, [readinessIndex], 'readiness show', services, { method: target as string });
      const reply = await readinessIndex.answer(input, services, { header: () => undefined, text: async () => '', session: null });
      if (reply instanceof Response) throw new Error('the readiness question answered with a response');
      const table = reply.csv?.();
      if (!table) throw new Error('the readiness question has no table');
      if (format === 'table' && input.method.authorship) {
        const a = input.method.authorship;
        io.err.write(`${input.method.id} version ${a.version} of ${a.versions.join(', ')}, by ${a.author}, ${a.createdAt.slice(0, 10)}\n`);
      }
      printColumns(io.out, format, { header: [...table.header], rows: [...table.rows] }, ['iso3', 'name', 'score', 'rank', 'published_score', 'published_rank', 'difference', 'treatment', 'missing']);
      if (format === 'table') {
        const r = (reply.json() as { reproduction: { compared: number; meanAbsoluteDifference: number | null; spearman: number | null } | null }).reproduction;
        if (r && r.compared > 0) io.out.write(`\ncompared with the published index on ${r.compared} economies: mean absolute difference ${r.meanAbsoluteDifference?.toFixed(2)} points, Spearman ${r.spearman?.toFixed(3)}\n`);
      }
      return 0;
    });
  },
};
