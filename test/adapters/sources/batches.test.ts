import { describe, expect, it } from 'vitest';
import { Batcher } from '../../../src/adapters/sources/batches.ts';

describe('Batcher', () => {
  it('hands out full batches as they fill, then the rest, counting every record', () => {
    const batches = new Batcher<number>({ batchSize: 3 });
    const out: number[][] = [];
    for (let i = 1; i <= 7; i++) {
      const full = batches.push(i);
      if (full) out.push(full);
    }
    expect(out).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(batches.rest()).toEqual([7]);
    expect(batches.rest()).toBeNull();
    expect(batches.count).toBe(7);
  });

  it('has no rest when the records fill the last batch exactly, and refuses a size that is not a positive integer', () => {
    const batches = new Batcher<string>({ batchSize: 1 });
    expect(batches.push('a')).toEqual(['a']);
    expect(batches.rest()).toBeNull();
    expect(() => new Batcher({ batchSize: 0 })).toThrow('batchSize must be a positive integer, not 0');
    expect(() => new Batcher({ batchSize: 2.5 })).toThrow(RangeError);
  });
});
