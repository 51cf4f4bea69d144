import { serve as listen } from '@hono/node-server';
import { WORLD_BANK_API } from '../../../adapters/sources/worldbank-api.ts';
import { fillIfEmpty, type FillState } from '../../services/fill.ts';
import { composeServices } from '../../services/compose.ts';
import { createApp } from '../../web/server.ts';
import { parse, UsageError, type Command } from '../command.ts';
import { defaultSources, globalSettings, openFromSettings } from '../settings.ts';

/**
 * `observatory serve`: the web server, filling an empty database first; runs until SIGINT or SIGTERM.
 * @example await serve.run(['--port', '8080'], io)
 */
export const serve: Command = {
  name: 'serve',
  usage: [{ form: 'serve', summary: 'run the web server (pages and API), filling an empty database first' }],
  async run(args, io) {
    const { values } = parse(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      sources: { type: 'string' },
      offline: { type: 'boolean' },
    });
    const settings = globalSettings(values);
    const port = Number(values.port ?? process.env.PORT ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port ?? process.env.PORT}"`);
    const host = values.host ?? process.env.HOST ?? '127.0.0.1';
    const store = await openFromSettings(settings);
    const fill: FillState = { running: false, done: 0, total: 0, errors: [], origin: null };
    const services = composeServices(store, { fill, apiToken: process.env.OBSERVATORY_API_TOKEN || undefined });
    const { obs } = services;
    const app = createApp({ services });
    const server = listen({ fetch: app.fetch, port, hostname: host }, (address) => {
      io.err.write(`The Observatory is at http://${host}:${address.port}/ (${store.engine === 'postgres' ? 'PostgreSQL' : `embedded database in ${settings.dataDir}`})\n`);
    });
    const sources = values.sources ?? defaultSources();
    const apiBaseUrl = values.offline || process.env.OBSERVATORY_OFFLINE ? null : (process.env.OBSERVATORY_WB_API ?? WORLD_BANK_API);
    void fillIfEmpty(store, { sources, apiBaseUrl, log: (line) => io.err.write(`${line}\n`) }, fill)
      .then(() => obs.refresh(true))
      .then(() => obs.warm());
    await new Promise<void>((resolve) => {
      const stop = () => {
        server.close(() => resolve());
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await store.close();
    return 0;
  },
};
