import type { Question } from '../../questions/question.ts';
import { readinessCountry, readinessGroup } from '../../questions/readiness-places.ts';
import type { Services } from '../../services/compose.ts';
import { UsageError } from '../command.ts';
import { flagParams, mention, readFlags } from '../question-flags.ts';
import { printColumns } from '../table.ts';

/** The readiness questions of a country and a group, asked as `readiness country` and `readiness group`. */
export const PLACE_QUESTIONS: readonly Question<any, any>[] = [readinessCountry, readinessGroup];

const flags = (q: Question<any, any>) => flagParams(q).map((p) => mention(p, 'flag')).join(', ');

export const placeUsage = [
  { form: 'readiness country <METHOD> <ISO3>', summary: `a country's score, rank and components, the published edition beside (${flags(readinessCountry)})` },
  { form: 'readiness group <METHOD> <ID>', summary: `a group's average with coverage, its components and members (${flags(readinessGroup)})` },
];

export const isPlaceAction = (action: string): action is 'country' | 'group' => action === 'country' || action === 'group';

/** Checks the positionals of `readiness country|group` before the store is opened. */
export function checkPlace(action: 'country' | 'group', method: string | undefined, place: string | undefined): void {
  if (!method || !place) throw new UsageError(`readiness ${action} needs a method and ${action === 'country' ? 'an ISO3 code' : 'a group id'} (see readiness list)`);
}

/**
 * `readiness country <METHOD> <ISO3>` and `readiness group <METHOD> <ID>`: the API's answers as a table or CSV
 * (the question's CSV), with the headline figures under the table.
 */
export async function runPlace(
  action: 'country' | 'group',
  method: string,
  place: string,
  values: Readonly<Record<string, unknown>>,
  format: 'table' | 'csv',
  out: { write(text: string): unknown },
  services: Services,
  all: readonly Question<any, any>[],
): Promise<number> {
  const question: Question<any, any> = action === 'country' ? readinessCountry : readinessGroup;
  const path: Record<string, string> = action === 'country' ? { method, iso3: place } : { method, id: place };
  const input = await readFlags(question, values, all, `readiness ${action}`, services, path);
  const reply = await question.answer(input as never, services, { header: () => undefined, text: async () => '', session: null });
  if (reply instanceof Response) throw new Error('the readiness question answered with a response');
  const table = reply.csv?.();
  if (!table) throw new Error('the readiness question has no table');
  const columns =
    action === 'country' ? ['component', 'component_year', 'value', 'normalised', 'imputed', 'missing', 'mean_of_scored', 'max_of_scored'] : ['iso3', 'name', 'score', 'rank', 'status', 'treatment', 'lacking'];
  printColumns(out, format, { header: [...table.header], rows: [...table.rows] }, format === 'csv' ? table.header : columns);
  if (format !== 'table') return 0;
  const j = reply.json() as any;
  const f = (x: number | null) => (x === null ? '–' : String(x));
  if (action === 'country') {
    const tie = j.tiedWith.length ? `, tied with ${j.tiedWith.join(' ')}` : '';
    out.write(`\n${j.iso3} ${j.year} (missing components: ${j.missing}): score ${f(j.score)}, rank ${f(j.rank)} of ${j.of}${tie}\n`);
    const p = j.published;
    if (p) out.write(`published edition ${p.year}: score ${p.score}, rank ${f(p.rank)} of ${p.of}${p.computedScore !== null || p.computedRank !== null ? `; computed here for ${p.year}: ${f(p.computedScore)}, rank ${f(p.computedRank)} of ${f(p.computedOf)}` : ''}\n`);
    else out.write(j.editionYear === null ? 'no published edition stored\n' : `not ranked in the published edition of ${j.editionYear}\n`);
  } else {
    const a = j.average;
    out.write(`\n${j.group} ${j.year} (missing components: ${j.missing}): average ${f(a.value)} (${a.status}), ${a.membersWithData} of ${a.membersTotal} members scored, ${a.populationCovered === null ? '–' : Math.round(a.populationCovered * 100)}% of the population\n`);
    out.write(`components: ${j.components.map((c: any) => `${c.id} ${f(c.value)} (${c.membersWithData} of ${c.membersTotal})`).join(', ')}\n`);
  }
  return 0;
}
