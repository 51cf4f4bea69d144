/**
 * The message catalogues: French is complete (every English message, translated), Spanish and
 * Portuguese are started (whatever they translate is well formed; the share translated is reported).
 */
import { describe, expect, it } from 'vitest';
import { en, es, fr, messages, pt, translatedPaths } from '../../../src/app/web/i18n/index.ts';
import { LANGS } from '../../../src/domain/lang.ts';

type Leaf = { path: string; value: unknown };

function leaves(value: unknown, prefix = ''): Leaf[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [{ path: prefix, value }];
}

function at(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), root);
}

/** Arguments that show up verbatim in a message, so a translation that drops one is caught. */
const ARGS = [1001, 1002, 1003, 1004, 1005];

function call(fn: unknown, arity: number): string {
  return (fn as (...args: unknown[]) => unknown)(...ARGS.slice(0, arity)) as string;
}

/**
 * Messages that are rightly the same in English and French: abbreviations, symbols, words spelt alike,
 * and a pattern with nothing to translate.
 */
const SAME_IN_FRENCH = new Set([
  'nav.sources',
  'nav.api',
  'nav.etready',
  'strategies.date',
  'strategies.source',
  'etreadyMatrix.sources',
  'strategies.budget',
  'common.source',
  'common.sources',
  'common.downloadJson',
  'common.licence',
  'units.percent',
  'topics.population',
  'country.codes',
  'indicator.downloadYear',
  'indicator.mapTitle',
  'country.mapTitle',
  'edit.version',
  'edit.questionnaire',
  'edit.cyberlawTitle',
  'edit.practiceTitle',
  'practices.questionnaire',
  'practices.questions',
  'practices.question',
  'practices.version',
  'practices.min',
  'practices.max',
  'readiness.version',
  'readiness.method.transformation',
  'readiness.method.normalisation',
]);

describe('the French catalogue', () => {
  const english = leaves(en);

  it('has every English message, of the same kind', () => {
    const french = new Map(leaves(fr).map((l) => [l.path, l.value]));
    expect([...french.keys()].sort()).toEqual(english.map((l) => l.path).sort());
    for (const { path, value } of english) {
      const f = french.get(path);
      expect(typeof f, path).toBe(typeof value);
      if (Array.isArray(value)) expect((f as unknown[]).length, path).toBe(value.length);
      if (typeof value === 'function') expect((f as (...a: unknown[]) => unknown).length, path).toBe(value.length);
    }
  });

  it('translates every message: non-empty, different from English unless spelt alike', () => {
    const untranslated: string[] = [];
    const empty: string[] = [];
    for (const { path, value } of english) {
      const f = at(fr, path);
      if (typeof value === 'string') {
        if (value !== '' && f === '') empty.push(path);
        if (f === value && value !== '') untranslated.push(path);
      } else if (typeof value === 'function') {
        const e = call(value, value.length);
        const out = call(f, value.length);
        expect(typeof out, path).toBe('string');
        if (out.trim() === '') empty.push(path);
        if (out === e) untranslated.push(path);
        // Every argument must reach the French sentence.
        for (const arg of ARGS.slice(0, value.length)) expect(out, `${path} keeps its argument ${arg}`).toContain(String(arg));
      } else if (Array.isArray(value)) {
        (f as unknown[]).forEach((x, i) => {
          if (typeof x !== 'string' || x.trim() === '') empty.push(`${path}[${i}]`);
          if (x === value[i]) untranslated.push(`${path}[${i}]`);
        });
      }
    }
    expect(empty).toEqual([]);
    // Any message left in English that is not in the list of words spelt alike fails here.
    expect(untranslated.sort()).toEqual([...SAME_IN_FRENCH].sort());
  });

  it('writes ranks as French ordinals: "1er", then "2e"', () => {
    // French writes the first as "1er" (premier); "1e" is a spelling mistake the country page would show
    // for every country ranked first in one of its groups.
    expect(fr.common.rankOf(1, 6)).toBe('1er sur 6');
    expect(fr.common.rankOf(2, 6)).toBe('2e sur 6');
  });
});

describe('the Spanish and Portuguese catalogues', () => {
  const all = translatedPaths(en);

  for (const [lang, partial] of [
    ['es', es],
    ['pt', pt],
  ] as const) {
    it(`${lang}: translates only messages English has, each non-empty and of the same kind`, () => {
      const done = translatedPaths(partial);
      expect(done.filter((p) => !all.includes(p))).toEqual([]);
      for (const path of done) {
        const value = at(partial, path);
        const english = at(en, path);
        expect(typeof value, path).toBe(typeof english);
        if (typeof value === 'string' && english !== '') expect(value.trim(), path).not.toBe('');
        if (typeof value === 'function') {
          const out = call(value, (english as (...a: unknown[]) => unknown).length);
          for (const arg of ARGS.slice(0, (english as (...a: unknown[]) => unknown).length)) expect(out, path).toContain(String(arg));
        }
      }
      // The page catalogue is complete, English filling the gaps.
      expect(translatedPaths(messages(lang)).sort()).toEqual([...all].sort());
      const share = done.length / all.length;
      console.log(`${lang}: ${done.length} of ${all.length} messages translated (${Math.round(share * 100)}%)`);
      expect(done.length).toBeGreaterThan(0);
    });
  }

  it('every language has its own name in the switcher', () => {
    const names = LANGS.map((l) => messages(l).languageName);
    expect(names).toEqual(['English', 'Français', 'Español', 'Português']);
  });
});
