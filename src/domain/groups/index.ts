import { applyCorrections, type Membership } from '../group.ts';
import { MEMBERSHIP_CORRECTIONS } from './corrections.ts';
import { WTO_MEMBERSHIPS } from './wto.ts';

export { GROUP_DEFINITIONS, groupDefinition } from './definitions.ts';
export {
  MEMBERSHIP_CORRECTIONS,
  SCHEDULED_GRADUATIONS,
  type ScheduledGraduation,
  ECOWAS_TREATY_OF_LAGOS,
  ECOWAS_AES_WITHDRAWAL,
  ECOWAS_MRT_WITHDRAWAL,
  PIF_2016_COMMUNIQUE,
  SADC_37TH_SUMMIT,
  EAC_TREATY,
  EAC_RWA_BDI,
  EAC_SSD,
  EAC_COD,
  EAC_SOM,
  COMESA_20TH_SUMMIT,
  AU_28TH_SUMMIT,
} from './corrections.ts';
export { WTO_MEMBERS, WTO_MEMBERSHIPS, WTO_SOURCE, WTO_ESTABLISHED, type WtoMember, type WtoRoute } from './wto.ts';

/**
 * Memberships as the Observatory states them: WTO membership from the WTO's own list (any WTO rows of the
 * file are dropped, since the Factbook snapshot gets them wrong) and every other row of the file with the
 * official corrections applied. The input is not changed.
 */
export function officialMemberships(fileMemberships: readonly Membership[]): Membership[] {
  const others = fileMemberships.filter((m) => m.groupId !== 'WTO');
  return [...applyCorrections(others, MEMBERSHIP_CORRECTIONS), ...WTO_MEMBERSHIPS.map((m) => ({ ...m }))];
}
