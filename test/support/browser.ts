/**
 * What the headless-Chromium tests share: the application served on a loopback port, and Debian's
 * Chromium started by playwright-core with the flags this machine needs (a browser is never downloaded).
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots land here for review. */
export const SHOTS = join(process.cwd(), 'test-results');

/** Serves an application on 127.0.0.1 at a free port; `close` stops it. */
export async function serveOnLoopback(app: Hono): Promise<{ base: string; close: () => Promise<void> }> {
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

export async function launchChromium(): Promise<Browser> {
  // A missing browser is a broken test machine, not a reason to pass: say how to get one.
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium); the tests never download a browser.`);
  }
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
