import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/app/services/csv.ts';
import { parseBasis, parseFormat, parseMinCoverage, parseYears, readQuery, yearsLabel } from '../../src/app/questions/params.ts';
import { ParameterError } from '../../src/domain/errors.ts';

function refusal(run: () => unknown): ParameterError {
  try {
    run();
  } catch (error) {
    if (error instanceof ParameterError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('query parameters', () => {
  it('reads years, open ranges included, and labels them for file names', () => {
    expect(parseYears('2020')).toEqual({ from: 2020, to: 2020 });
    expect(parseYears('2015-')).toEqual({ from: 2015, to: 2100 });
    expect(yearsLabel(parseYears('2015-')!)).toBe('2015-');
    expect(yearsLabel(parseYears('-2010')!)).toBe('-2010');
    expect(yearsLabel(parseYears('2020-2022')!)).toBe('2020-2022');
    expect(parseYears(undefined)).toBeUndefined();
    for (const bad of ['20x', '2022-2020', '1900', '', '2020-2021-2022']) expect(refusal(() => parseYears(bad)).parameter).toBe('years');
  });

  it('reads coverage shares from 0 to 1 only', () => {
    expect(parseMinCoverage('.5')).toBe(0.5);
    expect(parseMinCoverage('0')).toBe(0);
    expect(parseMinCoverage('1.0')).toBe(1);
    for (const bad of ['2', '1.01', '-0.1', '50%', 'abc', '', '1e-1', 'NaN']) expect(refusal(() => parseMinCoverage(bad)).parameter).toBe('minCoverage');
  });

  it('reads the basis', () => {
    expect(parseBasis('historical')).toBe('historical');
    expect(refusal(() => parseBasis('Current')).message).toContain('"current"');
  });

  it('chooses CSV only when asked by format= or preferred in Accept', () => {
    expect(parseFormat('CSV', undefined)).toEqual({ format: 'csv', negotiated: false });
    expect(parseFormat(undefined, undefined)).toEqual({ format: 'json', negotiated: true });
    expect(parseFormat(undefined, 'text/csv').format).toBe('csv');
    expect(parseFormat(undefined, 'text/csv;q=0.5, application/json').format).toBe('json');
    expect(parseFormat(undefined, 'application/json;q=0.5, text/csv').format).toBe('csv');
    expect(parseFormat(undefined, 'text/csv, */*').format).toBe('csv');
    expect(parseFormat(undefined, '*/*, text/csv').format).toBe('json');
    expect(parseFormat(undefined, 'text/csv;q=0').format).toBe('json');
    expect(parseFormat(undefined, 'text/csv', ['json'])).toEqual({ format: 'json', negotiated: false });
    expect(refusal(() => parseFormat('csv', undefined, ['json'])).message).toContain('json only');
  });

  it('refuses unknown and repeated parameters, suggesting the likely one', () => {
    expect(readQuery('http://x/?years=2020&format=csv', ['years', 'format'])).toEqual(new Map([['years', '2020'], ['format', 'csv']]));
    const typo = refusal(() => readQuery('http://x/?mincoverage=0.5', ['years', 'minCoverage']));
    expect(typo.parameter).toBe('mincoverage');
    expect(typo.message).toContain('did you mean "minCoverage"?');
    expect(refusal(() => readQuery('http://x/?lang=fr', ['years'])).message).not.toContain('did you mean');
    expect(refusal(() => readQuery('http://x/?a=1', [])).message).toContain('takes no query parameters');
  });
});

describe('CSV', () => {
  it('quotes as RFC 4180 asks and keeps numbers at full precision', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(1234567.891011)).toBe('1234567.891011');
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('CSV cells a spreadsheet would run', () => {
  it('are written as text, with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('Côte d’Ivoire')).toBe('Côte d’Ivoire');
  });
});
