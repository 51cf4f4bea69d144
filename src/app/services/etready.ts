import { membersAt } from '../../domain/group.ts';
import { pick } from '../../domain/lang.ts';
import { assessments, waitingRequests, type Assessment, type EtreadyStatus, type WaitingRequest } from '../../domain/etready/status.ts';
import type { Observatory } from './observatory.ts';

/** One country with its assessment, or none recorded (never read as "no assessment"). */
export interface EtreadyCountry {
  iso3: string;
  name: string;
  assessment: Assessment | null;
  /** The groups asked for that the country is a member of today. */
  groups: string[];
}

/** A group's assessments: its members today with an assessment recorded, by status, and its waiting requests. */
export interface EtreadyGroup {
  id: string;
  members: number;
  recorded: number;
  byStatus: Record<EtreadyStatus, number>;
  waiting: WaitingRequest[];
}

export interface EtreadyOverview {
  today: string;
  countries: EtreadyCountry[];
  /** Regional assessments (WAEMU, ECOWAS …), under the name the source gives them. */
  regions: Assessment[];
  /** Requests still waiting on `today`, the longest first. */
  waiting: WaitingRequest[];
  groups: EtreadyGroup[];
  /** The vintages the statuses come from. */
  vintageIds: number[];
}

/**
 * The eTrade Readiness Assessments as recorded: every country with its assessment or "not recorded", the
 * regional assessments, the requests still waiting with the days since the request, and the same by group.
 */
export async function etreadyOverview(obs: Observatory, groupIds: readonly string[]): Promise<EtreadyOverview> {
  const ref = await obs.ref();
  const today = obs.today();
  const events = await obs.store.etreadyStatuses();
  const all = assessments(events);
  const byIso = new Map(all.filter((a) => a.iso3 !== null).map((a) => [a.iso3 as string, a]));
  const members = new Map(groupIds.map((g) => [g, new Set(membersAt(ref.memberships.get(g) ?? [], today))]));
  const groupsOf = (iso3: string) => groupIds.filter((g) => members.get(g)?.has(iso3));
  const countries: EtreadyCountry[] = [...ref.countries.values()]
    .map((c) => ({ iso3: c.iso3, name: pick(c.names, 'en'), assessment: byIso.get(c.iso3) ?? null, groups: groupsOf(c.iso3) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const waiting = waitingRequests(all, today);
  const groups = groupIds.map((id) => {
    const set = members.get(id) ?? new Set<string>();
    const byStatus: Record<EtreadyStatus, number> = { requested: 0, 'in-preparation': 0, published: 0, 'implementation-review': 0 };
    let recorded = 0;
    for (const iso3 of set) {
      const a = byIso.get(iso3);
      if (!a) continue;
      recorded++;
      byStatus[a.status]++;
    }
    return { id, members: set.size, recorded, byStatus, waiting: waiting.filter((w) => w.assessment.iso3 !== null && set.has(w.assessment.iso3)) };
  });
  const latest = new Map<string, number>();
  for (const v of ref.vintages.values()) if (v.format === 'etready' && v.id > (latest.get(v.dataset) ?? 0)) latest.set(v.dataset, v.id);
  const vintageIds = [...latest.values()].sort((a, b) => a - b);
  return { today, countries, regions: all.filter((a) => a.iso3 === null), waiting, groups, vintageIds };
}
