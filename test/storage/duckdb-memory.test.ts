import { describe, expect, it } from 'vitest';
import { DuckDbDatabase, duckDbMemoryLimit, MEMORY_LIMIT_ENV } from '../../src/adapters/storage/duckdb.ts';

const GIB = 1024 ** 3;

describe('DuckDB memory_limit', () => {
  it('is 40% of the machine by default, at least 1 GiB', () => {
    expect(duckDbMemoryLimit(undefined, 24 * GIB)).toBe(`${Math.floor(24 * 1024 * 0.4)}MB`);
    expect(duckDbMemoryLimit('', 2 * GIB)).toBe('1024MB');
  });

  it('takes a size or a share of the machine from the environment variable', () => {
    expect(duckDbMemoryLimit('6GB', 24 * GIB)).toBe('6GB');
    expect(duckDbMemoryLimit(' 512 MiB ', 24 * GIB)).toBe('512MiB');
    expect(duckDbMemoryLimit('25%', 16 * GIB)).toBe('4096MB');
  });

  it('names the variable when the value is not a size', () => {
    for (const bad of ['lots', '6', '0%', '150%', '-1GB']) {
      expect(() => duckDbMemoryLimit(bad, 24 * GIB)).toThrow(new RegExp(`${MEMORY_LIMIT_ENV}=.*not a memory size`));
    }
  });

  it('is the limit the embedded database runs with', async () => {
    const saved = process.env[MEMORY_LIMIT_ENV];
    process.env[MEMORY_LIMIT_ENV] = '768MB';
    try {
      const db = await DuckDbDatabase.open({ path: ':memory:', readers: 1 });
      try {
        const [row] = await db.query<{ limit: string }>(`SELECT current_setting('memory_limit') AS "limit"`);
        // DuckDB reports its own rounding of the size (768 MB = 732.4 MiB).
        expect(row?.limit).toMatch(/^(732\.4 MiB|768\.0 MB)$/);
      } finally {
        await db.close();
      }
    } finally {
      if (saved === undefined) delete process.env[MEMORY_LIMIT_ENV];
      else process.env[MEMORY_LIMIT_ENV] = saved;
    }
  });
});
