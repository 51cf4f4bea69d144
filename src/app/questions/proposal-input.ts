import { canPropose, type Account } from '../../domain/accounts.ts';
import { ForbiddenError, InputError } from '../../domain/errors.ts';
import { checkVersion, type RecordKind } from '../../domain/review.ts';
import type { ProposalInput, RegistryService } from '../services/registry.ts';

/** The account may propose for the country, or a 403 naming what it may edit; checked before anything is read. */
export function allowedToPropose(account: Account, iso3: string): void {
  if (!canPropose(account, iso3)) {
    throw new ForbiddenError(account.role === 'editor' ? `this account edits ${account.countries.join(', ') || 'no country'}, not ${iso3}` : `a ${account.role} does not propose changes`);
  }
}

/**
 * Refuses, with a 409 carrying the current record, a change prepared against an older version than the one
 * published now: the editor starts again from what is there instead of proposing over a change unseen.
 * (Accepting checks the version again, in the store's transaction.)
 */
export async function checkFresh(registry: RegistryService, input: Pick<ProposalInput, 'kind' | 'iso3' | 'key' | 'baseVersion'>): Promise<void> {
  // A missing or malformed version is the service's to refuse, naming the field.
  if (!Number.isInteger(input.baseVersion) || input.baseVersion < 0) return;
  const current = await registry.currentRecord(input.kind, input.iso3.toUpperCase(), input.key);
  checkVersion(input.baseVersion, current.version, current.record, `${input.kind} ${input.iso3.toUpperCase()} ${input.key}`);
}

function isKind(value: unknown): value is RecordKind {
  return value === 'cyberlaw' || value === 'practice' || value === 'etready' || value === 'strategy-measure';
}

/**
 * A proposal from a JSON body: `{ kind, iso3, key, baseVersion, why, payload }`; the service checks the payload.
 * @example proposalFromJson({ kind: 'cyberlaw', iso3: 'NPL', key: 'cybercrime', baseVersion: 0, why: '…', payload: {…} }, 'request body')
 */
export function proposalFromJson(body: Record<string, unknown>, where: string): ProposalInput {
  const { kind, iso3, key, baseVersion, why, payload } = body;
  if (!isKind(kind)) throw new InputError('expected "cyberlaw", "practice", "etready" or "strategy-measure"', { file: where, field: 'kind' });
  if (typeof iso3 !== 'string' || !/^[A-Za-z]{3}$/.test(iso3)) throw new InputError('expected an ISO3 country code', { file: where, field: 'iso3' });
  if (typeof key !== 'string' || key === '') throw new InputError('expected the cyberlaw area, the questionnaire id, or for eT Ready "assessment" or "recommendation:<id>"', { file: where, field: 'key' });
  if (typeof baseVersion !== 'number' || !Number.isInteger(baseVersion) || baseVersion < 0) {
    throw new InputError('expected the version the change starts from (0 for a record that does not exist yet)', { file: where, field: 'baseVersion' });
  }
  if (typeof why !== 'string') throw new InputError('say why the change is made: it is kept in the audit log', { file: where, field: 'why' });
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new InputError('expected an object', { file: where, field: 'payload' });
  return { kind, iso3: iso3.toUpperCase(), key, baseVersion, why, payload };
}
