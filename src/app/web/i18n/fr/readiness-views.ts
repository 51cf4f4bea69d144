import type { readinessViews as en } from '../en/readiness-views.ts';

/** L’indice de préparation sur les pages des pays et des groupes, la carte et le graphique de la page de méthode. */
export const readinessViews: typeof en = {
  title: 'Indice de préparation',
  headline: (method, year, score, rank, of) => `${method} ${year} : score ${score} sur 100, rang ${rank} sur ${of}.`,
  latestNote: (year) => `La dernière année pour laquelle la méthode donne des scores à partir des données stockées est ${year} ; chaque composante est lue pour les années que dit sa règle.`,
  noScore: (method, year, of) => `${method} ${year} : pas de score (${of} économies notées). La règle de la méthode écarte une économie à laquelle il manque une composante :`,
  noYear: (method) => `${method} : aucune année pour laquelle les données stockées donnent un score.`,
  component: 'Composante',
  yearRead: 'Année lue',
  value: 'Valeur',
  normalised: 'Normalisée (0–100)',
  missingReason: (reason) => `manquante : ${reason}`,
  published: (year, score, rank, of) => `Édition publiée ${year} : score ${score}, rang ${rank} sur ${of}.`,
  publishedBeside: (year, score, rank, of, own, ownRank, ownOf) =>
    `Édition publiée ${year} : score ${score}, rang ${rank} sur ${of} ; calculé ici pour ${year} : ${own}, rang ${ownRank} sur ${ownOf}.`,
  notPublished: (year) => `Non classé dans l’édition publiée de ${year}.`,
  noEdition: 'Aucune édition publiée stockée.',
  methodLink: 'La méthode, le classement et la comparaison avec les éditions publiées',
  groupHeadline: (method, year, score) => `${method} ${year} : score moyen pondéré par la population ${score} sur 100.`,
  groupWithheld: (method, year) => `${method} ${year} : moyenne non publiée, les membres ayant un score représentent moins des deux tiers de la population du groupe.`,
  groupCoverage: (withData, total, pct) => `Couverture : ${withData} membres sur ${total} ont un score, ${pct} % de la population.`,
  pagesNote:
    'Les pages des pays et des groupes montrent cette méthode pour la dernière année de l’indice où les données stockées donnent au moins un score, selon la règle de la méthode pour une composante manquante, avec la valeur normalisée de chaque composante ou la raison de son absence. Le score et le rang publiés sont ceux de la même année ; quand cette année n’a pas d’édition publiée, l’édition stockée la plus récente est montrée avec l’indice calculé ici pour son année, pour comparer ce qui est comparable. Les pages des groupes donnent la moyenne pondérée par la population avec sa couverture, non publiée en dessous des deux tiers de la population du groupe.',
  mapTitle: (method, year) => `${method} ${year}, score par économie`,
  chartTitle: (method, year) => `${method} ${year} : valeur normalisée moyenne de chaque composante sur les économies notées`,
  chartNote: 'Les barres sont la moyenne de la valeur normalisée (0–100) de chaque composante sur les économies ayant un score ; les composantes de chaque économie sont dans le téléchargement CSV.',
  chartCaption: (parts, n) => `Moyenne sur ${n} économies notées : ${parts}.`,
};
