import type { etready as en } from '../en/etready.ts';

/** Les évaluations de l’état de préparation au commerce électronique de la CNUCED : la page et sa méthode. */
export const etready: typeof en = {
  title: 'Évaluations de l’état de préparation au commerce électronique',
  intro: 'Les évaluations rapides de l’état de préparation au commerce électronique de la CNUCED (eT Ready) enregistrées dans l’Observatoire : pour chaque pays ou région, le statut de son évaluation (demandée, en préparation, publiée, examen de la mise en œuvre), la date de chaque statut, la cote du document et le lien ; et les demandes encore en attente, avec leur durée d’attente.',
  partial:
    'La liste est partielle. La CNUCED ne publie aucune liste structurée du programme : les enregistrements proviennent des pages de titre des rapports et de pages de la CNUCED et de la presse. Les évaluations du Cambodge, du Bhoutan, du Népal, de la RDP lao, du Myanmar, du Sénégal, du Bangladesh et d’autres, les évaluations depuis 2020 et les demandes reçues manquent pour la plupart. Un pays sans enregistrement est « non enregistré » : cela ne veut pas dire qu’il n’a pas d’évaluation.',
  summary: (recorded: string, regions: string, waiting: string, notRecorded: string) =>
    `${recorded} pays avec une évaluation enregistrée, ${regions} évaluations régionales, ${waiting} demandes enregistrées encore en attente ; ${notRecorded} pays non enregistrés.`,
  statuses: { requested: 'demandée', 'in-preparation': 'en préparation', published: 'publiée', 'implementation-review': 'examen de la mise en œuvre', 'not-recorded': 'non enregistré' },
  waitingTitle: 'Demandes encore en attente',
  waitingIntro: 'Demandes dont le dernier statut enregistré est « demandée », par groupe (membres à ce jour). L’attente court de la date de la demande à aujourd’hui ; une date donnée par l’année seule compte à partir du 1er janvier, un mois à partir de son premier jour.',
  groupSummary: (members: string, recorded: string, published: string) => `${members} membres : ${recorded} avec une évaluation enregistrée, dont ${published} publiées ou en examen de la mise en œuvre.`,
  noWaiting: 'Aucune demande enregistrée encore en attente parmi ses membres (la liste des demandes est partielle).',
  otherCountries: 'Pays d’aucun de ces groupes',
  country: 'Pays ou région',
  requestedOn: 'Demandée',
  waited: 'Attente',
  waitedValue: (days: string, years: string) => `${days} jours (${years} ans)`,
  assessmentsTitle: 'Évaluations enregistrées',
  status: 'Dernier statut',
  inPreparation: 'En préparation',
  published: 'Publiée',
  review: 'Examen de la mise en œuvre',
  symbol: 'Cote du document',
  regionsTitle: 'Évaluations régionales',
  notRecordedTitle: 'Pays non enregistrés',
  notRecordedText: (count: string) => `${count} pays n’ont aucun enregistrement dans les listes importées : « non enregistré » dans le téléchargement, jamais « aucune ».`,
  symbolMissing: 'non relevée',
  methodTitle: 'Lecture des statuts',
  method: [
    'Chaque ligne d’une liste importée est un statut daté d’une évaluation ; une ligne de la liste partielle de la CNUCED, sans colonne de statut, est la publication du rapport dans son année.',
    'Le dernier statut est celui de la date la plus récente ; à date égale, le plus avancé (demandée, en préparation, publiée, examen de la mise en œuvre).',
    'Les dates sont gardées aussi précises que la source les donne (année, mois ou jour). Un statut daté après le jour de l’import, ou qui n’est pas l’un des quatre, est refusé en nommant le fichier, la ligne et le champ, et rien n’est enregistré.',
    'Un pays est rapproché de son code ISO par son nom ; une évaluation régionale (UEMOA, CEDEAO) est gardée sous son nom et n’est pas comptée pour ses membres.',
  ],
};
