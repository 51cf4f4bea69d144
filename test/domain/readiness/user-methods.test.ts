/**
 * The check of a user-defined readiness method: a good document becomes an IndexMethod with the defaults
 * written out, and each kind of bad field is refused with the file and the field's path.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/domain/errors.ts';
import { methodDocument, parseMethod, parseMethodSubmission } from '../../../src/domain/readiness/user-methods.ts';

const good = () => ({
  id: 'connect',
  name: 'Connectivity',
  description: 'Internet use and servers',
  missing: 'reweight',
  components: [
    { id: 'internet', indicator: 'IT.NET.USER.ZS', normalisation: { kind: 'goalposts', low: 0, high: 100 }, weight: 2 },
    { id: 'servers', indicator: 'IT.NET.SECR.P6', transformation: 'log', year: { kind: 'fixed', year: 2020 }, weight: 1 },
  ],
});

function refusal(change: (doc: any) => void): string {
  const doc: any = good();
  change(doc);
  try {
    parseMethod(doc, 'my-method.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('parseMethod', () => {
  it('reads a good document, writing the defaults out', () => {
    const m = parseMethod(good(), 'my-method.json');
    expect(m).toMatchObject({ id: 'connect', name: 'Connectivity', missing: 'reweight', version: '1' });
    expect(m.components[0]).toEqual({
      id: 'internet',
      indicator: 'IT.NET.USER.ZS',
      name: 'IT.NET.USER.ZS',
      year: { kind: 'latest', window: 3, lag: 1 },
      transformation: 'as-is',
      normalisation: { kind: 'goalposts', low: 0, high: 100 },
      weight: 2,
    });
    expect(m.components[1]).toMatchObject({ transformation: 'log', year: { kind: 'fixed', year: 2020 }, normalisation: { kind: 'min-max' }, weight: 1 });
    expect(parseMethod(methodDocument(m), 'again.json')).toEqual(m);
  });

  it('reads the version replaced and the note', () => {
    expect(parseMethodSubmission({ ...good(), baseVersion: 2, note: 'heavier servers' }, 'x.json')).toMatchObject({ baseVersion: 2, note: 'heavier servers', method: { version: '3' } });
    expect(parseMethodSubmission(good(), 'x.json')).toMatchObject({ baseVersion: 0, note: null });
  });

  it('refuses each bad field, naming the file and the field path', () => {
    expect(refusal((d) => (d.components[1].weight = 'abc'))).toBe('my-method.json, field "components[1].weight": "abc" is not a number');
    expect(refusal((d) => (d.components[0].weight = -1))).toBe('my-method.json, field "components[0].weight": -1 is negative; a weight is zero or more');
    expect(refusal((d) => d.components.forEach((c: any) => (c.weight = 0)))).toBe('my-method.json, field "components": every weight is zero; at least one component must count');
    expect(refusal((d) => (d.components[1].transformation = 'sqrt'))).toContain('field "components[1].transformation": "sqrt" is not a transformation; expected one of as-is, log, per-capita');
    expect(refusal((d) => (d.components[0].normalisation = { kind: 'z-score' }))).toContain('field "components[0].normalisation.kind": "z-score" is not a normalisation');
    expect(refusal((d) => (d.missing = 'zero'))).toContain('field "missing": "zero" is not a missing-component rule; expected one of drop, reweight, impute');
    expect(refusal((d) => (d.components[0].normalisation = { kind: 'goalposts', low: 100, high: 100 }))).toContain('field "components[0].normalisation.high": the low goalpost (100) must be below the high one (100)');
    expect(refusal((d) => (d.components[1].id = 'internet'))).toContain('field "components[1].id": "internet" is also the id of components[0]');
    expect(refusal((d) => (d.components[0].year = { kind: 'latest', window: 0 }))).toContain('field "components[0].year.window": 0 is not a window of years');
    expect(refusal((d) => (d.components[0].year = { kind: 'recent' }))).toContain('field "components[0].year.kind": "recent" is not a year rule');
    expect(refusal((d) => (d.id = 'My Index'))).toContain('field "id": "My Index" is not a slug');
    expect(refusal((d) => (d.id = 'unctad-b2c'))).toContain('field "id": "unctad-b2c" is reserved');
    expect(refusal((d) => delete d.name)).toBe('my-method.json, field "name": required');
    expect(refusal((d) => (d.components = []))).toContain('field "components": expected a non-empty list of components');
    expect(refusal((d) => (d.components[0].wieght = 1))).toContain('field "components[0].wieght": unknown field; a component has');
    expect(refusal((d) => (d.components[0].indicator = 'not a code'))).toContain('field "components[0].indicator": "not a code" is not an indicator code');
    expect(refusal((d) => (d.baseVersion = 'latest'))).toContain('field "baseVersion": "latest" is not a version number');
  });

  it('refuses a document that is not an object', () => {
    expect(() => parseMethod([1, 2], 'list.json')).toThrow('list.json, field "(document)": expected a JSON object');
  });
});
