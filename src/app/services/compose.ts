import type { Store } from '../../adapters/storage/store.ts';
import type { IsoDate } from '../../domain/group.ts';
import { AuthService, type AuthOptions } from './auth.ts';
import type { FillState } from './fill.ts';
import { MoratoriumService } from './moratorium.ts';
import { Observatory } from './observatory.ts';
import { RegistryService } from './registry.ts';
import { UserGroupService } from './user-groups.ts';

/** What the web and command-line applications are built over: the services, made once at start-up. */
export interface Services {
  obs: Observatory;
  moratorium: MoratoriumService;
  registry: RegistryService;
  auth: AuthService;
  userGroups: UserGroupService;
  /** The first fill's progress, while the server fills an empty store. */
  fill: FillState | undefined;
  /** The bearer token that allows writes through the API (user-defined groups); writes are refused without one. */
  apiToken: string | undefined;
}

/** The settings the services take from the command line and the environment. */
export interface ServiceConfig {
  /** Today's date, for memberships and statuses read "now"; the system clock by default. */
  today?: () => IsoDate;
  fill?: FillState | undefined;
  apiToken?: string | undefined;
  auth?: AuthOptions;
}

/**
 * The composition root: every service built once from the store, the clock and the configuration, then
 * handed to the web application and the CLI. Pass `obs` to build over an Observatory made elsewhere.
 * @example const services = composeServices(await openStore({}), { apiToken: process.env.OBSERVATORY_API_TOKEN })
 */
export function composeServices(store: Store | Observatory, config: ServiceConfig = {}, parts: Partial<Pick<Services, 'auth' | 'registry'>> = {}): Services {
  const obs = store instanceof Observatory ? store : new Observatory(store, config.today ? { today: config.today } : {});
  const registry = parts.registry ?? new RegistryService(obs);
  return {
    obs,
    moratorium: new MoratoriumService(obs),
    registry,
    auth: parts.auth ?? new AuthService(obs.store.registry, config.auth),
    userGroups: new UserGroupService(obs),
    fill: config.fill,
    apiToken: config.apiToken,
  };
}
