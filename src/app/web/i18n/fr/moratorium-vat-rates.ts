import type { Messages } from '../en.ts';

/** Le taux retenu par la comparaison avec la TVA, sa source et sa date, et la raison à défaut de taux. */
export const moratoriumVatRates: Messages['moratoriumVatRates'] = {
  rateUsed: 'Taux retenu (%)',
  rateSource: 'Source du taux',
  origins: { registry: 'registre', table: 'table de taux' },
  tables: {
    oecd: 'Tendances des impôts sur la consommation (OCDE)',
    pwc: 'synthèses fiscales mondiales de PwC (Worldwide Tax Summaries)',
    'national-law': 'loi nationale sur la TVA',
    'node-sales-tax': 'bibliothèque node-sales-tax',
    shopify: 'paramètres fiscaux de Shopify',
  },
  tableDiffers: (rate: string) => `tables de taux : ${rate}`,
  tableDiffersTitle: 'Le taux du registre est retenu ; le taux normal des tables de taux en diffère.',
  noRate: 'pas de taux de TVA/TPS',
  noRateReason: 'ni le registre ni aucune table de taux importée ne donne de taux pour ce pays : la TVA est inconnue, et non nulle',
  undated: 'non daté',
  asOf: (date: string) => `au ${date}`,
  base: 'TVA comparée sur',
  standardTitle: 'Taux normaux des tables de taux',
  standardLine: (rate: string, table: string, citation: string) => `${rate} % (${table} : ${citation})`,
  disagree: 'une table de rang inférieur donne un autre taux',
  noStandard: 'aucune table de taux importée ne donne de taux normal',
  downloadWorkbook: 'comparaison avec la TVA/TPS (XLSX)',
  exchangeRates: (source: string) =>
    `Montants en dollars des États-Unis. Les téléchargements donnent le taux de change auquel le droit de chaque année a été converti pour les parts des recettes : ${source}.`,
  method: [
    'Ce que montre la comparaison avec la TVA, et les totaux manquants : le tableau de la TVA donne, pour chaque pays et chaque année, le taux retenu, sa provenance (le registre, ou la table de taux la mieux classée, nommée) et la date à laquelle la source l’établit ; lorsque le taux du registre diffère du taux normal des tables, les deux sont affichés, celui du registre étant retenu. Lorsqu’aucun ne donne de taux, la TVA n’est pas calculée et le tableau le dit. Les mêmes colonnes figurent dans le CSV, le classeur et `observatory moratorium vat`, avec vat_base. Un total de l’analyse de sensibilité qui manque dit pourquoi, dans les termes employés pour les chiffres manquants de l’estimation (pas d’importations, pas de tarif pour la mesure, pas de taux, pas de table de correspondance pour une édition du SH). Les montants sont en dollars des États-Unis ; chaque téléchargement (résultats, lignes, TVA, sensibilité) porte le taux de change auquel le droit de chaque année a été converti pour ses parts, son année et sa source.',
  ],
};
