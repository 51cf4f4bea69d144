import type { Messages } from '../en.ts';

/** Les parts de recettes et les taux de TVA de l’estimateur. */
export const moratoriumShares: Messages['moratoriumShares'] = {
  shareCurrency: 'Parts des recettes calculées en',
  shareCurrencies: { local: 'monnaie nationale (chaque terme au taux de change de son année)', usd: 'dollars des États-Unis' },
  vatBase: 'TVA comparée sur',
  vatBases: { 'import-value': 'la valeur en douane (droit exclu)', 'with-duty': 'la valeur en douane plus le droit' },
  method: [
    'Parts des recettes (share_currency) : le droit est calculé sur les importations en dollars de l’année des échanges, et les recettes douanières et publiques proviennent des parts du PIB de la Banque mondiale × le PIB en dollars, pour la dernière année complète non postérieure, souvent plusieurs années plus tôt. Par défaut (local), les deux sont reconvertis en monnaie nationale, le droit au taux de change utilisé pour ses importations (Banque mondiale PA.NUS.FCRF, dernière année non postérieure à celle des échanges) et les recettes au taux de leur propre année, afin qu’une dépréciation de la monnaie entre les deux années ne réduise pas la part ; faute de taux, la part est en dollars et la raison est indiquée. Avec usd, tout reste en dollars. Chaque ligne donne les deux années et les deux taux, et est signalée quand les années sont distantes de plus d’un an ; chaque téléchargement porte les taux, leurs années et leur source.',
    'Assiette de la TVA (vat_base) : par défaut, la TVA est comparée sur la même valeur d’importation que le droit (après la réaction des importations au droit), droit exclu, de sorte que les deux chiffres sont deux taux sur une même assiette. Avec with-duty, la TVA porte sur cette valeur plus le droit, comme le prévoient les lois de TVA pour les biens importés.',
    'Taux de TVA : le taux du registre (faits juridiques, registre d’un secrétariat, réponses acceptées au questionnaire) est retenu lorsqu’il existe ; sinon le taux normal des tables importées, choisi selon la qualité de la source : Statistiques des impôts sur la consommation de l’OCDE (taux au 1er janvier déclarés par les délégués nationaux), puis PwC Worldwide Tax Summaries (revue datée par territoire), puis la loi nationale sur la TVA, puis la bibliothèque node-sales-tax, puis la configuration de Shopify (non datée, zéros non importés). Chaque taux porte sa source et sa date ; lorsque le taux du registre diffère de celui des tables, ou qu’une table de rang inférieur donne un autre taux, la comparaison le signale. Sans taux, la TVA est « pas de données », jamais zéro. Le taux normal est supposé s’appliquer aux fournitures numériques venues de l’étranger.',
  ],
};
