import type { HelpEntry } from '../command.ts';
import { MORATORIUM_OPTIONS, option, type Action, type Flag, type MoratoriumOption } from './moratorium-options.ts';

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

/** An option as a summary names it: the flag, with its example value or its choices, and its note. */
function mention(o: MoratoriumOption, show: 'example' | 'choices' | 'flag'): string {
  const value = show === 'example' ? o.example : show === 'choices' ? o.choices?.join('|') : undefined;
  return [`--${o.flag}`, value, o.note].filter((part) => part !== undefined).join(' ');
}

const takenBy = (action: Action) => MORATORIUM_OPTIONS.filter((o: MoratoriumOption) => o.actions.includes(action));

/** The estimate's summary: the country or group, then every other option with its choices. */
function estimateSummary(): string {
  const options = takenBy('estimate');
  const targets = options.filter((o) => o.kind === 'target').map((o) => mention(o, 'example'));
  const others = options.filter((o) => o.kind !== 'target').map((o) => mention(o, 'choices'));
  return `customs revenue forgone on digitisable imports (${targets.join(' or ')}; ${others.join(', ')})`;
}

/** The design's summary: the country and the rate, the elasticity, and the base with the options that shape it. */
function designSummary(): string {
  const example = (flag: Flag) => mention(option(flag), 'example');
  const shaping = takenBy('design')
    .filter((o) => o.kind === 'assumption' && o.flag !== 'elasticity')
    .map((o) => mention(o, 'flag'));
  return (
    `a duty on electronic transmissions for one country: ${example('country')} ${example('rate')} [${example('elasticity')}] ` +
    `[${example('base')}, else the listed lines' imports; ${shaping.join(', ')} shape that base]: revenue, cost to consumers`
  );
}

/** What each action does, in the order the general help lists them. */
const SUMMARIES: Record<Action, () => string> = {
  estimate: () => wrap(estimateSummary(), SUMMARY_WIDTH),
  sensitivity: () => 'the same estimate with each assumption varied in turn (same options)',
  vat: () => "VAT/GST at each country's registry rate on the same base as the duty (same options)",
  'vat-registry': () => 'VAT/GST on digital supplies per country: rate, start, threshold, model, status, sources',
  design: () => wrap(designSummary(), SUMMARY_WIDTH),
  lists: () => 'product lists of digitisable goods with their HS6 lines',
  coverage: () => 'reporters, years and HS editions with imports, and their tariff years',
};

/**
 * The lines of `observatory moratorium` in the general help, one per action.
 * @example moratoriumUsage()[0]?.form // 'moratorium estimate'
 */
export function moratoriumUsage(): HelpEntry[] {
  return Object.entries(SUMMARIES).map(([action, summary]) => ({ form: `moratorium ${action}`, summary: summary() }));
}
