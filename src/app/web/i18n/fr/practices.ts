import type { Messages } from '../en.ts';

/** Member practices: questionnaires and their compiled tables. */
export const practices: Messages['practices'] = {
  title: 'Pratiques des Membres',
  intro:
    'Comment les Membres évaluent les supports informatiques et les biens numérisés, taxent les fournitures numériques, fixent leur seuil de minimis, relient leurs systèmes de paiement et supportent le coût des cyberlois étrangères : chaque pays répond aux questionnaires, le secrétariat examine les réponses, et seules les réponses acceptées sont compilées ici.',
  questionnaire: 'Questionnaire',
  reference: 'Référence dans la communication',
  questions: 'Questions',
  answered: 'Pays ayant répondu',
  version: 'version',
  open: 'Tableau comparatif',
  tableTitle: (group: string) => `Réponses des membres – ${group}`,
  caption: (answered: number, members: number) =>
    `${answered} membre${answered === 1 ? '' : 's'} sur ${members} ${answered === 1 ? 'a' : 'ont'} une réponse acceptée ; les autres figurent avec « pas de réponse ». Les choix sont affichés avec leur libellé, les liens peuvent être suivis et chaque ligne donne la date d’acceptation de sa réponse.`,
  noAnswer: 'pas de réponse',
  acceptedOn: 'Acceptée le',
  summaryTitle: 'Synthèse par question',
  summaryCaption: 'Sur les membres ayant répondu à chaque question.',
  question: 'Question',
  answeredOf: (answered: number, members: number) => `${answered} réponse${answered === 1 ? '' : 's'} sur ${members}`,
  min: 'minimum',
  median: 'médiane',
  max: 'maximum',
  earliest: 'la plus ancienne',
  latest: 'la plus récente',
  downloadCsv: 'Tableau (CSV)',
  howToAnswer: 'Les pays répondent par les comptes de leurs rédacteurs ; le secrétariat examine chaque réponse avant qu’elle n’apparaisse ici.',
  all: 'Tous les questionnaires',
};
