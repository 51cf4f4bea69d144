/**
 * The thresholds' reasons on the data-quality page: French gives every stated reason in French (none falls back
 * to the English wording of domain/quality.ts), and a threshold that is only its unit's range names the unit.
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/app/web/i18n/index.ts';
import type { PageContext } from '../../../src/app/web/pages/context.ts';
import { thresholdWhy } from '../../../src/app/web/pages/quality.tsx';
import { documentedChecks, hasStatedChecks } from '../../../src/domain/quality.ts';

const ctxOf = (lang: 'en' | 'fr') => ({ lang, t: messages(lang) }) as unknown as PageContext;

describe('reasons of the thresholds', () => {
  const checks = documentedChecks().map((c) => ({ indicator: c.code, unit: c.unit, ...c.checks }));

  it('are stated for some indicators and taken from the unit for the others', () => {
    expect(checks.filter((c) => hasStatedChecks(c.indicator)).map((c) => c.indicator)).toContain('IT.CEL.SETS.P2');
    expect(checks.some((c) => !hasStatedChecks(c.indicator))).toBe(true);
  });

  it('are in French on the French page, for every indicator', () => {
    const fr = ctxOf('fr');
    for (const c of checks) {
      const why = thresholdWhy(fr, c);
      expect(why, c.indicator).not.toBe(c.why);
      expect(why, c.indicator).not.toMatch(/\b(in a year|not negative|no upper bound|share of|per 100 people)\b/);
    }
    const mobile = checks.find((c) => c.indicator === 'IT.CEL.SETS.P2');
    expect(thresholdWhy(fr, mobile!)).toContain('400 abonnements pour 100 personnes');
    const users = checks.find((c) => c.indicator === 'SP.POP.TOTL');
    expect(thresholdWhy(fr, users!)).toBe('personnes : jamais négatif');
  });

  it('keep the rule’s own wording in English, with the unit named for a unit’s range', () => {
    const en = ctxOf('en');
    const mobile = checks.find((c) => c.indicator === 'IT.CEL.SETS.P2')!;
    expect(thresholdWhy(en, mobile)).toBe(mobile.why);
    const pop = checks.find((c) => c.indicator === 'SP.POP.TOTL')!;
    expect(thresholdWhy(en, pop)).toBe('people: not negative');
  });
});
