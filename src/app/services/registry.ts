import type { RegistryStore } from '../../adapters/storage/registry-store.ts';
import type { PracticeAnswer } from '../../domain/practice-answer.ts';
import { etreadyPayload } from './etready-proposals.ts';
import type { ProposalPayload, VersionedRecord } from '../../domain/proposal.ts';
import { canPropose, canReview, type Account } from '../../domain/accounts.ts';
import { CYBERLAW_AREAS, coverage, isCyberlawArea, isCyberlawStatus, statusesOn, type AreaCoverage, type CyberlawEntry, type Law } from '../../domain/cyberlaw.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../domain/errors.ts';
import { isIsoDate, type IsoDate } from '../../domain/group.ts';
import { QUESTIONNAIRES, summarizeAnswers, validateAnswers, type AnswerValue, type Questionnaire, type QuestionSummary } from '../../domain/practices.ts';
import type { AuditEntry, Proposal, RecordKind } from '../../domain/review.ts';
import type { Observatory } from './observatory.ts';
import { strategyMeasurePayload } from './strategy-proposals.ts';

export interface GroupCoverage {
  groupId: string;
  date: IsoDate;
  members: number;
  areas: AreaCoverage[];
  /** Where the members' statuses come from: the tracker vintages and other sources, and their dates. */
  provenance: CyberlawProvenance;
}

/** The sources behind a set of statuses: vintages (tracker editions), other sources (accepted submissions), dates. */
export interface CyberlawProvenance {
  vintageIds: number[];
  /** Sources of statuses that came from no vintage (a country's accepted submission). */
  otherSources: string[];
  /** The earliest and latest as-of date of the statuses; null when there are none. */
  asOf: { from: IsoDate; to: IsoDate } | null;
}

/** The vintages, other sources and date span of some statuses. */
export function provenanceOf(entries: Iterable<CyberlawEntry>): CyberlawProvenance {
  const vintageIds = new Set<number>();
  const otherSources = new Set<string>();
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  for (const e of entries) {
    if (e.vintageId != null) vintageIds.add(e.vintageId);
    else otherSources.add(e.source);
    if (from === null || e.asOf < from) from = e.asOf;
    if (to === null || e.asOf > to) to = e.asOf;
  }
  return {
    vintageIds: [...vintageIds].sort((a, b) => a - b),
    otherSources: [...otherSources].sort(),
    asOf: from !== null && to !== null ? { from, to } : null,
  };
}

export interface CountryCyberlaw {
  iso3: string;
  /** Per area, the current entry (null: no data) and every earlier one, newest first. */
  areas: { area: string; current: CyberlawEntry | null; history: CyberlawEntry[] }[];
}

/** A proposal as an editor submits it, before it is checked. */
export interface ProposalInput {
  kind: RecordKind;
  iso3: string;
  key: string;
  baseVersion: number;
  why: string;
  /** For a cyberlaw status: status, asOf, source, laws. For answers: the questionnaire's answers. */
  payload: unknown;
}

/** One row of a compiled comparison table: a country's accepted answers to a questionnaire. */
export interface ComparisonRow {
  iso3: string;
  name: string;
  answers: Record<string, AnswerValue> | null;
  acceptedAt: string | null;
}

/** A compiled comparison table: the members' accepted answers and what they add up to per question. */
export interface CompiledTable {
  questionnaire: Questionnaire;
  rows: ComparisonRow[];
  /** Members with an accepted answer. */
  answered: number;
  summary: QuestionSummary[];
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The cyberlaw registry and the member-practice questionnaires, kept by countries under a curator's review.
 * It reads through the Observatory's read-only store; its writes (propose, accept, return, withdraw) go to
 * the registry store it is given, each after its permission check.
 * @example const registry = new RegistryService(obs, store.registry)
 */
export class RegistryService {
  constructor(
    private readonly obs: Observatory,
    private readonly writes: RegistryStore,
  ) {}

  private get registry() {
    return this.obs.store.registry;
  }

  questionnaire(id: string): Questionnaire {
    const q = QUESTIONNAIRES.find((x) => x.id === id);
    if (!q) throw new NotFoundError(`no questionnaire "${id}"; known: ${QUESTIONNAIRES.map((x) => x.id).join(', ')}`);
    return q;
  }

  /** Coverage of a group's members on a date (default: today) per area and status. */
  async coverage(groupId: string, date: IsoDate = this.obs.today()): Promise<GroupCoverage> {
    const ref = await this.obs.ref();
    const members = this.obs.membersOn(ref, groupId, date).filter((iso3) => ref.countries.has(iso3));
    const statuses = statusesOn(await this.registry.cyberlawEntries(), date);
    const used = members.flatMap((iso3) => [...(statuses.get(iso3)?.values() ?? [])]);
    return { groupId, date, members: members.length, areas: coverage(members, statuses), provenance: provenanceOf(used) };
  }

  async country(iso3: string): Promise<CountryCyberlaw> {
    const ref = await this.obs.ref();
    if (!ref.countries.has(iso3)) throw new NotFoundError(`no country ${iso3}`);
    const entries = await this.registry.cyberlawEntries({ iso3 });
    const current = statusesOn(entries, this.obs.today()).get(iso3);
    return {
      iso3,
      areas: CYBERLAW_AREAS.map((a) => ({
        area: a.id,
        current: current?.get(a.id) ?? null,
        history: entries.filter((e) => e.area === a.id).sort((x, y) => (x.asOf < y.asOf ? 1 : x.asOf > y.asOf ? -1 : y.version - x.version)),
      })),
    };
  }

  /** Every country's current statuses (for the map, the country × area table and the information note). */
  async statuses(date: IsoDate = this.obs.today()): Promise<Map<string, Map<string, CyberlawEntry>>> {
    return statusesOn(await this.registry.cyberlawEntries(), date);
  }

  currentRecord(kind: RecordKind, iso3: string, key: string): Promise<VersionedRecord> {
    return this.registry.currentRecord(kind, iso3, key);
  }

  /** Checks and stores a proposal; it stays invisible to readers until a curator accepts it. */
  async propose(account: Account, input: ProposalInput, where: string): Promise<Proposal> {
    const iso3 = input.iso3.toUpperCase();
    if (!canPropose(account, iso3)) {
      throw new ForbiddenError(
        account.role === 'editor' ? `${account.email} edits ${account.countries.join(', ') || 'no country'}, not ${iso3}` : `a ${account.role} does not propose changes`,
      );
    }
    const ref = await this.obs.ref();
    if (!ref.countries.has(iso3)) throw new NotFoundError(`no country ${iso3}`);
    const why = input.why.trim();
    if (!why) throw new InputError('say why the change is made: it is kept in the audit log', { file: where, field: 'why' });
    if (!Number.isInteger(input.baseVersion) || input.baseVersion < 0) {
      throw new InputError('the version the change starts from is missing', { file: where, field: 'version' });
    }
    const payload =
      input.kind === 'etready'
        ? await etreadyPayload(this.obs, iso3, input.key, input.payload, where)
        : input.kind === 'strategy-measure'
        ? await strategyMeasurePayload(this.obs, iso3, input.key, input.payload, where)
        : input.kind === 'cyberlaw'
          ? this.cyberlawPayload(input.key, input.payload, where)
          : this.practicePayload(input.key, input.payload, where);
    return this.writes.propose({ kind: input.kind, iso3, key: input.key, payload, baseVersion: input.baseVersion, why, proposedBy: account.id });
  }

  private cyberlawPayload(area: string, raw: unknown, where: string): ProposalPayload {
    if (!isCyberlawArea(area)) throw new InputError(`"${area}" is not an area: ${CYBERLAW_AREAS.map((a) => a.id).join(', ')}`, { file: where, field: 'area' });
    const p = (raw ?? {}) as Record<string, unknown>;
    const status = str(p.status) ?? '';
    if (!isCyberlawStatus(status)) throw new InputError(`"${status}" is not one of legislation, draft, none, no-data`, { file: where, field: 'status' });
    const asOf = str(p.asOf) ?? '';
    if (!isIsoDate(asOf)) throw new InputError(`"${asOf}" is not a date (YYYY-MM-DD)`, { file: where, field: 'asOf' });
    const source = (str(p.source) ?? '').trim();
    if (!source) throw new InputError('name the source of the status (a gazette, a ministry page)', { file: where, field: 'source' });
    const laws: Law[] = [];
    const rawLaws = Array.isArray(p.laws) ? (p.laws as unknown[]) : [];
    for (const [i, l] of rawLaws.entries()) {
      const law = (l ?? {}) as Record<string, unknown>;
      const title = (str(law.title) ?? '').trim();
      if (!title) continue;
      const yearText = law.year === null || law.year === undefined || law.year === '' ? null : String(law.year);
      const year = yearText === null ? null : Number(yearText);
      if (year !== null && (!Number.isInteger(year) || year < 1900 || year > 2100)) {
        throw new InputError(`"${yearText}" is not a year`, { file: where, field: `laws[${i}].year` });
      }
      const url = (str(law.url) ?? '').trim() || null;
      if (url !== null && !/^https?:\/\/\S+$/.test(url)) throw new InputError(`"${url}" is not a web link`, { file: where, field: `laws[${i}].url` });
      laws.push({ title, year, url });
    }
    if (status === 'legislation' && laws.length === 0) {
      throw new InputError('a status of legislation names at least one law', { file: where, field: 'laws' });
    }
    return { kind: 'cyberlaw', entry: { status, asOf, source, laws } };
  }

  private practicePayload(id: string, raw: unknown, where: string): ProposalPayload {
    const q = this.questionnaire(id);
    const answers: Record<string, AnswerValue> = {};
    const given = (raw ?? {}) as Record<string, unknown>;
    for (const question of q.questions) {
      const v = given[question.id];
      if (v === undefined || v === null || v === '') continue;
      // Forms send text; numbers are read back here so that the checks see the typed value.
      answers[question.id] = question.type.kind === 'number' && typeof v === 'string' ? (v.trim() === '' ? null : Number(v)) : (v as AnswerValue);
    }
    for (const key of Object.keys(given)) if (!(key in answers) && !q.questions.some((x) => x.id === key)) answers[key] = given[key] as AnswerValue;
    const problems = validateAnswers(q, answers);
    const first = Object.entries(problems)[0];
    if (first) throw new InputError(first[1], { file: where, field: first[0] });
    return { kind: 'practice', questionnaireVersion: q.version, answers };
  }

  private reviewer(account: Account): void {
    if (!canReview(account)) throw new ForbiddenError('only a curator reviews proposals');
  }

  async accept(account: Account, id: number, comment: string | null): Promise<Proposal> {
    this.reviewer(account);
    return this.writes.acceptProposal(id, account.id, comment?.trim() || null);
  }

  async return(account: Account, id: number, comment: string, where: string): Promise<Proposal> {
    this.reviewer(account);
    if (!comment.trim()) throw new InputError('say what should change: the editor reads this comment', { file: where, field: 'comment' });
    return this.writes.returnProposal(id, account.id, comment.trim());
  }

  async withdraw(account: Account, id: number): Promise<Proposal> {
    const p = await this.registry.proposal(id);
    if (!p) throw new NotFoundError(`no proposal ${id}`);
    if (p.proposedBy !== account.id) throw new ForbiddenError('only its author withdraws a proposal');
    return this.writes.withdrawProposal(id, account.id);
  }

  /** Proposals an account may see: an editor its own countries', a curator all. */
  async proposalsFor(account: Account, status?: Proposal['status']): Promise<Proposal[]> {
    const all = await this.registry.proposals(status ? { status } : {});
    if (account.role === 'curator' || account.role === 'admin') return all;
    return all.filter((p) => account.countries.includes(p.iso3));
  }

  /** The audit log, newest first: `limit` entries, about one kind of record (account, proposal, cyberlaw, practice) when `entity` is given. */
  auditLog(filter: { limit: number; entity?: string }): Promise<AuditEntry[]> {
    return this.registry.auditLog(filter);
  }

  /** The compiled comparison table of a questionnaire for a group's members: accepted answers only. */
  async comparison(questionnaireId: string, groupId: string): Promise<ComparisonRow[]> {
    this.questionnaire(questionnaireId);
    const ref = await this.obs.ref();
    const members = this.obs.membersOn(ref, groupId, this.obs.today()).filter((iso3) => ref.countries.has(iso3));
    const answers = new Map<string, PracticeAnswer>((await this.registry.practiceAnswers({ questionnaire: questionnaireId })).map((a) => [a.iso3, a]));
    return members.map((iso3) => ({
      iso3,
      name: ref.countries.get(iso3)?.names.en ?? iso3,
      answers: answers.get(iso3)?.answers ?? null,
      acceptedAt: answers.get(iso3)?.acceptedAt ?? null,
    }));
  }

  /** The comparison table of a questionnaire for a group's members, with the summary of each question. */
  async compiled(questionnaireId: string, groupId: string): Promise<CompiledTable> {
    const questionnaire = this.questionnaire(questionnaireId);
    const rows = await this.comparison(questionnaireId, groupId);
    return {
      questionnaire,
      rows,
      answered: rows.filter((r) => r.answers !== null).length,
      summary: summarizeAnswers(questionnaire, rows.map((r) => r.answers)),
    };
  }

  /** How many countries have an accepted answer to each questionnaire (every questionnaire listed, zero included). */
  async answeredCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, Set<string>>(QUESTIONNAIRES.map((q) => [q.id, new Set<string>()]));
    for (const a of await this.registry.practiceAnswers()) counts.get(a.questionnaire)?.add(a.iso3);
    return new Map([...counts].map(([id, countries]) => [id, countries.size]));
  }
}

/** What the registry service answers without writing: what GET questions and pages may ask. */
export type RegistryReader = Pick<
  RegistryService,
  'questionnaire' | 'coverage' | 'country' | 'statuses' | 'currentRecord' | 'proposalsFor' | 'auditLog' | 'comparison' | 'compiled' | 'answeredCounts'
>;
