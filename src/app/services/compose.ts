import type { Store } from '../../adapters/storage/store.ts';
import type { IsoDate } from '../../domain/group.ts';
import { AuthService, type AccountReader, type AuthOptions } from './auth.ts';
import type { FillState } from './fill.ts';
import { MoratoriumService } from './moratorium.ts';
import { Observatory, writableStore } from './observatory.ts';
import { ReadinessService } from './readiness.ts';
import { ReadinessMethodService } from './readiness-methods.ts';
import { RegistryService, type RegistryReader } from './registry.ts';
import { UserGroupService } from './user-groups.ts';

/**
 * The services as a reader sees them: what GET questions and pages receive. Nothing here writes: the
 * Observatory's store is read only, and the registry and accounts offer their reads alone.
 */
export interface ReadServices {
  obs: Observatory;
  moratorium: MoratoriumService;
  /** The readiness indexes (methods, scores, the published editions compared). */
  readiness: ReadinessService;
  registry: RegistryReader;
  auth: AccountReader;
  /** The first fill's progress, while the server fills an empty store. */
  fill: FillState | undefined;
  /** The bearer token that allows writes through the API (user-defined groups); writes are refused without one. */
  apiToken: string | undefined;
}

/**
 * What the web and command-line applications are built over: the services, made once at start-up. Every
 * write goes through one of them, where its permission check and its audit live.
 */
export interface Services extends ReadServices {
  registry: RegistryService;
  auth: AuthService;
  userGroups: UserGroupService;
  /** User-defined readiness methods: new methods and versions, audited. */
  readinessMethods: ReadinessMethodService;
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
 * The store's writes go only to the services that make them; the Observatory keeps a read-only view.
 * @example const services = composeServices(await openStore({}), { apiToken: process.env.OBSERVATORY_API_TOKEN })
 */
export function composeServices(from: Store | Observatory, config: ServiceConfig = {}, parts: Partial<Pick<Services, 'auth' | 'registry'>> = {}): Services {
  const obs = from instanceof Observatory ? from : new Observatory(from, config.today ? { today: config.today } : {});
  const store = from instanceof Observatory ? writableStore(from) : from;
  const readiness = new ReadinessService(obs);
  return {
    obs,
    moratorium: new MoratoriumService(obs),
    readiness,
    registry: parts.registry ?? new RegistryService(obs, store.registry),
    auth: parts.auth ?? new AuthService(store.registry, config.auth),
    userGroups: new UserGroupService(obs, store),
    readinessMethods: new ReadinessMethodService(obs, store, readiness),
    fill: config.fill,
    apiToken: config.apiToken,
  };
}
