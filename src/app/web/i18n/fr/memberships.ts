import type { Messages } from '../en.ts';

/** Adhésions datées : précision des dates, dates inconnues, départs prévus, effectifs et méthode. */
export const memberships: Messages['memberships'] = {
  dateUnknown: "date d'adhésion inconnue",
  attestedFrom: (date: string) => `compté à partir du ${date}, première date attestée par une source`,
  sinceBeforeRecords: 'compté depuis avant les sources',
  scheduled: (date: string) => `départ prévu : ${date}`,
  unconfirmed: (date: string) => `départ prévu le ${date}, non confirmé par les sources : encore compté`,
  countedInAggregates: (n: number) => `${n} comptés dans les agrégats`,
  notesTitle: 'À propos de cet effectif',
  methodTitle: 'Adhésions datées',
  method: [
    "Chaque adhésion porte sa date de début et de fin, et ce qu'une source en donne : le jour, le mois ou l'année. Un mois est affiché comme un mois et une année comme une année, jamais comme un jour ; pour compter, un mois commence à son premier jour et une année au 1er janvier. Les chiffres annuels lisent les adhésions au 31 décembre de chaque année : cette convention ne change aucun chiffre annuel.",
    "Quand aucune source ne donne la date d'adhésion, l'adhésion est affichée « date d'adhésion inconnue » et comptée à partir de la première date à laquelle une source l'atteste. Avant ces dates, les effectifs sont des minima ; la page du groupe et l'API disent combien de membres sont ainsi comptés.",
    "Pays les moins avancés : chaque pays à partir de l'année de son inscription sur la liste des Nations Unies, jusqu'à son reclassement, au jour, au mois ou à l'année que donnent les sources. Un reclassement fixé par l'Assemblée générale est affiché comme prévu et n'est pas appliqué : le pays reste un PMA jusqu'à ce qu'une source enregistre son reclassement. Le Bangladesh, la RDP lao et le Népal devaient être reclassés le 24 novembre 2026 (A/RES/76/8) ; les sources s'arrêtent en juin 2026, quand le Bangladesh et le Népal avaient demandé un report : après cette date, les trois sont affichés « non confirmé » et encore comptés.",
    "ACP/OEACP : une adhésion datée compte à partir de sa date (Suriname, Seychelles et Comores en 1976 ; Cabo Verde, Sao Tomé-et-Principe et Papouasie-Nouvelle-Guinée le 28 mars 1977 ; Namibie en 1990 ; Afrique du Sud le 24 avril 1997, membre à statut particulier de Lomé IV ; Cuba le 14 décembre 2000 ; Maldives le 9 décembre 2022). Les 65 États ACP de 1985 (Lomé III) sans date antérieure comptent à partir de 1985. Cuba a été admis comme 78e membre : les autres États sans date (les six États du Pacifique, l'Angola, la République dominicaine, Haïti, l'Érythrée) comptent à partir de ce jour, le 14 décembre 2000. Le Timor-Leste compte à partir de sa ratification de l'Accord de Cotonou (19 décembre 2005), sa date d'admission n'étant pas établie. On obtient 66 membres au 1er janvier 1995 et 80 aujourd'hui. L'OEACP dit compter 79 États membres alors que sa liste comprend les Maldives ; l'Observatoire compte les 80 États que nomment les sources et le signale à côté de l'effectif.",
    "OMC : 166 membres, dont l'Union européenne, chacun à partir de sa date d'accession selon la liste de l'OMC. Les agrégats comptent chacun des États membres de l'UE et non l'UE elle-même : 165 économies comptées ; la page du groupe et l'API (membersListed, membersCounted et les notes) donnent les deux nombres.",
    "Une importation ultérieure d'une source non datée (indicateurs M49, table des organisations) ne remplace pas une liste datée déjà importée.",
  ],
};
