/**
 * The shared data folder the real-data tests read: OBSERVATORY_SOURCES, or ../shared/data, resolved from
 * the working directory. A missing folder fails the tests, saying where it looked: CI must not pass
 * without having read the data.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED_DATA = resolve(process.cwd(), process.env.OBSERVATORY_SOURCES ?? '../shared/data');

export function sharedData(): string {
  if (!existsSync(SHARED_DATA)) {
    throw new Error(
      `shared data folder not found: looked in ${SHARED_DATA} (set OBSERVATORY_SOURCES, absolute or relative to ${process.cwd()})`,
    );
  }
  return SHARED_DATA;
}
