import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { seeded } from '../../fixtures/fixtures.ts';

/** A temporary folder removed after the test file's tests. */
export function tempDir(prefix = 'observatory-sources-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The UTF-8 bytes of `text` cut into pieces of `size` bytes (cutting multi-byte characters too). */
export function byteChunks(text: string | Uint8Array, size: number): Uint8Array[] {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/** The bytes of `text` cut at random places (seeded), pieces of 1 to `max` bytes. */
export function randomChunks(text: string | Uint8Array, seed: number, max = 17): Uint8Array[] {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const rand = seeded(seed);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(rand() * max);
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
}

/** The file's bytes as an async stream of small pieces, as a slow network would deliver them. */
export async function* fileInPieces(path: string, size: number): AsyncGenerator<Uint8Array> {
  for (const piece of byteChunks(readFileSync(path), size)) yield piece;
}

/** The text of an error thrown by `run`, failing when nothing is thrown. */
export async function errorOf(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-error: ${String(error)}`);
  }
  throw new Error('expected an error, none was thrown');
}

/** Observations in a stable order, so that parsers may yield them in their own. */
export function sortObservations<T extends { entity: string; year: number; indicator: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) =>
    a.indicator !== b.indicator ? (a.indicator < b.indicator ? -1 : 1) : a.entity !== b.entity ? (a.entity < b.entity ? -1 : 1) : a.year - b.year,
  );
}
