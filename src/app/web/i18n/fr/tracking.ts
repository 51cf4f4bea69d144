/** Les sept domaines d'action de l'eT Ready et les statuts des éléments suivis, communs aux matrices d'action et aux mesures des stratégies. */
export const policyAreaNames: Record<string, string> = {
  strategy: 'Formulation de stratégies',
  'ict-infrastructure': 'Infrastructures et services TIC',
  'trade-logistics': 'Logistique et facilitation du commerce',
  payments: 'Solutions de paiement',
  legal: 'Cadres juridiques et réglementaires',
  skills: 'Développement des compétences',
  financing: 'Accès au financement',
};

export const itemStatusNames: Record<string, string> = { 'not-started': 'non commencée', 'under-implementation': 'en cours de mise en œuvre', completed: 'achevée', dropped: 'abandonnée' };
