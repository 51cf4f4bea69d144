import { describe, expect, it } from 'vitest';
import { GROUP_KINDS, isGroupId } from '../../../src/domain/group.ts';
import { GROUP_DEFINITIONS, groupDefinition } from '../../../src/domain/groups/definitions.ts';

describe('GROUP_DEFINITIONS', () => {
  it('defines every group the Observatory presents, once, with a valid id', () => {
    const ids = GROUP_DEFINITIONS.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isGroupId(id), id).toBe(true);
    const expected = [
      'WLD', 'ACP', 'LDC', 'LLDC', 'SIDS', 'WTO', 'ECOWAS', 'PIF', 'CARICOM', 'SADC', 'EAC', 'COMESA', 'AU',
      'AFRICA', 'AMERICAS', 'ASIA', 'EUROPE', 'OCEANIA', 'EAS', 'ECS', 'LCN', 'MEA', 'NAC', 'SAS', 'SSF', 'HIC', 'UMC', 'LMC', 'LIC',
    ];
    expect([...ids].sort()).toEqual([...expected].sort());
  });

  it('names each group in English, French, Spanish and Portuguese and describes it in English and French', () => {
    for (const g of GROUP_DEFINITIONS) {
      for (const lang of ['en', 'fr', 'es', 'pt'] as const) expect(g.names[lang]?.trim(), `${g.id} ${lang}`).toBeTruthy();
      expect(g.description?.en.trim(), g.id).toBeTruthy();
      expect(g.description?.fr?.trim(), g.id).toBeTruthy();
      expect(g.source.trim(), g.id).toBeTruthy();
    }
  });

  it('orders groups by kind and gives World Bank groups their aggregate code', () => {
    const rank = GROUP_DEFINITIONS.map((g) => GROUP_KINDS.indexOf(g.kind));
    expect(rank.every((r) => r >= 0)).toBe(true);
    expect([...rank].sort((a, b) => a - b)).toEqual(rank);
    for (const g of GROUP_DEFINITIONS.filter((x) => x.kind === 'wb_region' || x.kind === 'wb_income')) expect(g.wbCode).toBe(g.id);
    expect(groupDefinition('WLD')?.wbCode).toBe('WLD');
    expect(groupDefinition('LDC')?.wbCode).toBe('LDC');
    expect(groupDefinition('ACP')?.kind).toBe('alliance');
    expect(groupDefinition('AFRICA')?.source).toMatch(/002/);
    expect(groupDefinition('OCEANIA')?.source).toMatch(/009/);
  });
});
