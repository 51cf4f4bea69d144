import type { Param } from '../../questions/question.ts';
import type { HelpEntry } from '../command.ts';
import { flagParams, mention } from '../question-flags.ts';
import { ACTION_QUESTIONS, type Action } from './moratorium-options.ts';

/** The width of the general help's summary column where a summary lists options. */
const SUMMARY_WIDTH = 83;

/** Words wrapped into lines of at most `width` characters, joined by newlines. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

const isTarget = (p: Param<unknown>) => p.name === 'country' || p.name === 'group';

/** The estimate's summary: the country or group, then every other parameter with its choices. */
function estimateSummary(): string {
  const params = flagParams(ACTION_QUESTIONS.estimate);
  const targets = params.filter(isTarget).map((p) => mention(p, 'example'));
  const others = params.filter((p) => !isTarget(p)).map((p) => (p.name === 'lines' ? `${mention(p, 'flag')} for each HS6 line` : mention(p, 'choices')));
  return `customs revenue forgone on digitisable imports (${targets.join(' or ')}; ${others.join(', ')})`;
}

/** The design's summary: the country and the rate, the elasticity, and the base with the parameters that shape it. */
function designSummary(): string {
  const params = new Map(flagParams(ACTION_QUESTIONS.design).map((p) => [p.name, p]));
  const example = (name: string) => mention(params.get(name) as Param<unknown>, 'example');
  const shaping = [...params.values()].filter((p) => !['country', 'rate', 'base', 'elasticity'].includes(p.name)).map((p) => mention(p, 'flag'));
  return (
    `a duty on electronic transmissions for one country: ${example('country')} ${example('rate')} [${example('elasticity')}] ` +
    `[${mention(params.get('base') as Param<unknown>, 'flag')} USD, else the listed lines' imports; ${shaping.join(', ')} shape that base]: revenue, cost to consumers`
  );
}

/** What each action does, in the order the general help lists them. */
const SUMMARIES: Record<Action, () => string> = {
  estimate: () => wrap(estimateSummary(), SUMMARY_WIDTH),
  sensitivity: () => 'the same estimate with each assumption varied in turn, and why a total is missing (same options)',
  vat: () => "VAT/GST at each country's rate (registry, else rate table; source, date) on the duty's base (same options)",
  'vat-registry': () => 'VAT/GST on digital supplies per country: rate, start, threshold, model, status, sources, table rate, rate used',
  design: () => wrap(designSummary(), SUMMARY_WIDTH),
  lists: () => 'product lists of digitisable goods with their HS6 lines',
  coverage: () => 'reporters, years and HS editions with imports, and their tariff years',
};

/**
 * The lines of `observatory moratorium` in the general help, one per action, made from the questions' parameters.
 * @example moratoriumUsage()[0]?.form // 'moratorium estimate'
 */
export function moratoriumUsage(): HelpEntry[] {
  return Object.entries(SUMMARIES).map(([action, summary]) => ({ form: `moratorium ${action}`, summary: summary() }));
}
