import { serve as listen } from '@hono/node-server';
import { API_ADDRESS_RULE, worldBankApiAddress } from '../../../adapters/sources/worldbank-api-address.ts';
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
  usage: [
    {
      form: 'serve [--api-url URL] [--offline]',
      summary:
        '\nrun the web server (pages and API), filling an empty database first from the\n' +
        'sources folder, else from the World Bank API (--offline: never) at\n' +
        API_ADDRESS_RULE,
    },
  ],
  async run(args, io) {
    const { values } = parse(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      sources: { type: 'string' },
      offline: { type: 'boolean' },
      'api-url': { type: 'string' },
    });
    const settings = globalSettings(values);
    const port = Number(values.port ?? process.env.PORT ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port ?? process.env.PORT}"`);
    const host = values.host ?? process.env.HOST ?? '127.0.0.1';
    const apiBaseUrl = fillApiAddress(values, io.env ?? process.env);
    const store = await openFromSettings(settings);
    const fill: FillState = { running: false, done: 0, total: 0, errors: [], origin: null };
    const services = composeServices(store, { fill, apiToken: process.env.OBSERVATORY_API_TOKEN || undefined });
    const { obs } = services;
    const app = createApp({ services });
    const server = listen({ fetch: app.fetch, port, hostname: host }, (address) => {
      io.err.write(`The Observatory is at http://${host}:${address.port}/ (${store.engine === 'postgres' ? 'PostgreSQL' : `embedded database in ${settings.dataDir}`})\n`);
    });
    const sources = values.sources ?? defaultSources();
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

/**
 * The World Bank API the first fill falls back to: none with --offline or OBSERVATORY_OFFLINE, else
 * `--api-url`, else OBSERVATORY_WB_API, else the public API.
 * @example fillApiAddress({ 'api-url': 'http://mirror/v2' }, {}) // 'http://mirror/v2'
 */
export function fillApiAddress(flags: { offline?: boolean | undefined; 'api-url'?: string | undefined }, env: NodeJS.ProcessEnv): string | null {
  if (flags.offline || env.OBSERVATORY_OFFLINE) return null;
  return worldBankApiAddress(flags['api-url'], env).url;
}
