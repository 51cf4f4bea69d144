import type { Store } from '../../adapters/storage/store.ts';
import type { Account } from '../../domain/accounts.ts';
import { ForbiddenError, InputError } from '../../domain/errors.ts';
import type { IndexMethod } from '../../domain/readiness/method.ts';
import { parseMethodSubmission } from '../../domain/readiness/user-methods.ts';
import type { Observatory } from './observatory.ts';
import type { ReadinessService } from './readiness.ts';

/**
 * Writes user-defined readiness methods: checks a submitted document (fields by the domain, each indicator
 * against the store), then stores it as the method's next version with its audit entry. A submission names the
 * version it replaces (`baseVersion`, 0 for a new method); a stale one is a 409 with the current definition.
 */
export class ReadinessMethodService {
  constructor(
    private readonly obs: Observatory,
    private readonly store: Store,
    private readonly readiness: ReadinessService,
  ) {}

  /**
   * Stores a method document as the next version (`where` names the file or "request body" in errors);
   * `author` is the signed-in account, or null for the command line.
   * @example await methods.add(JSON.parse(text), 'my-method.json', null, 'first version')
   */
  async add(json: unknown, where: string, author: Account | null, why?: string): Promise<IndexMethod> {
    if (author?.disabled) throw new ForbiddenError('this account is disabled');
    const submission = parseMethodSubmission(json, where);
    const ref = await this.obs.ref();
    submission.method.components.forEach((c, i) => {
      if (!ref.indicators.has(c.indicator)) {
        throw new InputError(`unknown indicator "${c.indicator}": no such indicator is stored (see /api/v1/indicators)`, { file: where, field: `components[${i}].indicator` });
      }
    });
    const note = why?.trim() || submission.note;
    const saved = await this.store.saveReadinessMethod({ method: submission.method, baseVersion: submission.baseVersion, author: author?.id ?? null, note });
    // Readers see the new version at once, not after the next data-version check.
    await this.obs.refresh(true);
    return this.readiness.resolve(saved.id, saved.version);
  }
}
