import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * A bad parameter gets one message, whoever asks: the API's 400, the page's error and the command line's
 * usage error. The three answers are the golden files of the same bad value (golden.test.ts checks that the
 * application still gives them).
 */
const file = (name: string) => readFileSync(new URL(`files/${name}`, import.meta.url), 'utf8');
const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'");

describe('one message for a bad parameter', () => {
  it('is the same from the API, the page and the command line', () => {
    const api = (JSON.parse(file('api-error-moratorium-estimate-bad-tariff.json')) as { error: { message: string; parameter: string } }).error;
    expect(api.message).toBe('parameter "tariff": "wto" is not one of bound, mfn, applied');
    expect(api.parameter).toBe('tariff');
    for (const page of ['page-en-error-moratorium-bad-tariff.html', 'page-fr-error-moratorium-bad-tariff.html']) expect(unescape(file(page))).toContain(api.message);
    expect(file('cli-error-moratorium-estimate-bad-tariff.txt')).toContain(`observatory moratorium: ${api.message}\n`);
  });
});
