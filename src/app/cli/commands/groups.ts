import { NotFoundError } from '../../../domain/errors.ts';
import { isActiveAt, isGroupId, isIsoDate, type IsoDate, type Membership } from '../../../domain/group.ts';
import { dateAsGiven, fromPrecision, scheduleState } from '../../../domain/groups/dated.ts';
import { pick } from '../../../domain/lang.ts';
import { FORMAT_OPTION, outputFormat, parse, UsageError, type Command } from '../command.ts';
import { globalSettings, withServices } from '../settings.ts';
import { countNotes } from '../../questions/groups.ts';
import { print } from '../table.ts';

/**
 * A membership's start as the source gives it with its precision (a start no source dates is the date a
 * source first attests it, "unknown"), and a departure that is scheduled but not applied: its date, whether
 * it is still ahead or passed without confirmation, and the decision that set it.
 */
function datedColumns(m: Membership | undefined, on: IsoDate): (string | null)[] {
  if (!m) return [null, null, null, null, null];
  const known = fromPrecision(m);
  const since = m.from === null ? null : dateAsGiven(m.from, known);
  const s = m.scheduledTo;
  return [since, known, s ? dateAsGiven(s.date, s.known) : null, s ? scheduleState(s, on) : null, s?.source ?? null];
}

/**
 * `observatory groups list | show | create | delete`: groups, their members on a date, and groups of one's own.
 * @example await groups.run(['show', 'ECOWAS', '--at', '2024-12-31'], io)
 */
export const groups: Command = {
  name: 'groups',
  usage: [
    { form: 'groups [list]', summary: "list groups with today's member counts" },
    { form: 'groups show <ID>', summary: 'members of a group on a date (--at YYYY-MM-DD), each since when and how precisely, departures scheduled' },
    { form: 'groups create <ID> --name "…" --members NGA,KEN,…', summary: 'define a group of your own (also --name-fr, --name-es, --name-pt)' },
    { form: 'groups delete <ID>', summary: 'delete a group you defined' },
  ],
  async run(args, io) {
    const { values, positionals } = parse(args, {
      ...FORMAT_OPTION,
      at: { type: 'string' },
      name: { type: 'string' },
      'name-fr': { type: 'string' },
      'name-es': { type: 'string' },
      'name-pt': { type: 'string' },
      members: { type: 'string' },
    });
    const format = outputFormat(values.format);
    const [action = 'list', id] = positionals;
    return withServices(globalSettings(values), async ({ obs, userGroups }) => {
      const ref = await obs.ref();
      if (values.at !== undefined && !isIsoDate(values.at)) throw new UsageError(`--at must be a date like 2024-12-31, got "${values.at}"`);
      const date = values.at ?? obs.today();
      switch (action) {
        case 'list': {
          const rows = [...ref.groups.values()].map((g) => [g.id, g.kind, pick(g.names, 'en'), obs.membersOn(ref, g.id, date).length]);
          print(io.out, format, ['id', 'kind', 'name', 'members'], rows);
          return 0;
        }
        case 'show': {
          if (!id) throw new UsageError('groups show needs a group id');
          const group = await obs.group(id.toUpperCase());
          const members = obs.membersOn(ref, group.id, date);
          const listed = obs.listedMembers(ref, group.id, date);
          const rows = members.map((iso3) => {
            const m = (ref.memberships.get(group.id) ?? []).find((x) => x.iso3 === iso3 && x.status === 'member' && isActiveAt(x, date));
            const name = ref.countries.get(iso3);
            return [iso3, name ? pick(name.names, 'en') : (ref.economies.get(iso3)?.name ?? iso3), ...datedColumns(m, date), m?.source ?? null];
          });
          io.err.write(`${pick(group.names, 'en')}: ${members.length} members on ${date}${listed.length !== members.length ? ` (${listed.length} listed)` : ''}\n`);
          for (const note of countNotes(ref, obs, group, date)) io.err.write(`  note: ${note.en}\n`);
          print(io.out, format, ['iso3', 'name', 'since', 'since_known', 'departure_scheduled', 'departure_state', 'departure_source', 'source'], rows);
          return 0;
        }
        case 'create': {
          if (!id) throw new UsageError('groups create needs a group id');
          if (!values.name) throw new UsageError('groups create needs --name');
          const existing = ref.groups.get(id);
          if (existing && existing.kind !== 'user') throw new UsageError(`group ${id} is defined by a source (${existing.source}); choose another id`);
          const names = {
            en: values.name,
            ...(values['name-fr'] ? { fr: values['name-fr'] } : {}),
            ...(values['name-es'] ? { es: values['name-es'] } : {}),
            ...(values['name-pt'] ? { pt: values['name-pt'] } : {}),
          };
          const members = (values.members ?? '').split(/[\s,]+/).filter((m) => m !== '');
          const { group, memberships } = await userGroups.replace(id, { id, names, members }, 'command line', 'user-defined (Observatory CLI)');
          io.err.write(`${existing ? 'replaced' : 'created'} group ${group.id} with ${memberships.length} members\n`);
          return 0;
        }
        case 'delete': {
          if (!id || !isGroupId(id)) throw new UsageError('groups delete needs a group id');
          const existing = ref.groups.get(id);
          if (existing && existing.kind !== 'user') throw new UsageError(`group ${id} is defined by a source and cannot be deleted`);
          await userGroups.delete(id).catch((error: unknown) => {
            throw error instanceof NotFoundError ? new NotFoundError(`no group ${id}`) : error;
          });
          io.err.write(`deleted group ${id}\n`);
          return 0;
        }
        default:
          throw new UsageError(`unknown groups action "${action}"; use list, show, create or delete`);
      }
    });
  },
};
