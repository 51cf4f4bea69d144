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
};
