import type { readinessPlaces as en } from '../en/readiness-places.ts';

/** La section de l’indice de préparation des pages des pays et des groupes : les choix en vigueur, les ex aequo, le graphique des composantes, les composantes du groupe et les membres manquants. */
export const readinessPlaces: typeof en = {
  method: 'Méthode',
  choose: 'Choisir la méthode, l’année et la règle',
  inForce: (method, version, year, yearHow, rule, ruleHow) =>
    `Affiché : ${method} (version ${version}), année de l’indice ${year} (${yearHow}) ; une économie à laquelle il manque une composante est ${rule} (${ruleHow}).`,
  yearLatest: 'la dernière année que les données stockées notent',
  yearChosen: 'choisie',
  ruleOwn: 'la règle de la méthode',
  ruleChosen: 'règle choisie',
  rules: { drop: 'écartée', reweight: 'repondérée sur les composantes présentes', impute: 'dotée de la moyenne des économies ayant la composante' },
  tied: (names) => `Ex aequo avec ${names} : les économies de même score partagent un rang, et le rang suivant est sauté.`,
  computedBeside: (score, rank, of, difference) => `Calculé ici : ${score}, rang ${rank} sur ${of} ; écart ${difference} points.`,
  chartTitle: (name, method, year) => `${name} : composantes normalisées de l’${method} ${year}, à côté des économies notées`,
  chartDescription: (parts) => `Valeur normalisée (0–100) de chaque composante ; entre parenthèses, la moyenne des économies notées et la plus haute : ${parts}.`,
  chartPart: (component, own, mean, max) => `${component} ${own} (${mean} ; ${max})`,
  barTitle: (component, who, own, mean, max) => `${component} : ${who} ${own} ; moyenne des économies notées ${mean} ; plus haute ${max}`,
  meanLabel: 'Moyenne des économies notées',
  maxLabel: 'Plus haute',
  groupChartTitle: (name, method, year) => `${name} : moyenne pondérée par la population de chaque composante normalisée de l’${method} ${year}, à côté des économies notées`,
  groupComponents: 'Composantes : la moyenne des membres ayant un score',
  average: 'Moyenne (0–100)',
  coverage: 'Couverture',
  withheld: 'non publiée',
  membersMissing: 'Membres sans score',
  membersMissingCount: (n, of) => `${n} membres sur ${of} sans score`,
  allScored: 'Chaque membre a un score.',
  lacks: (list) => `il manque ${list}`,
  noPopulation: 'noté, mais sans population pour le pondérer dans la moyenne',
  notCovered: 'pas une économie que l’indice couvre',
  downloads: 'Ces chiffres',
  pagesChoice:
    'Sur ces pages, le formulaire de la section change la méthode, l’année de l’indice et la règle pour une composante manquante (readiness_method, readiness_year et readiness_missing dans l’adresse), et dit lesquels sont en vigueur. Le rang d’un pays compte les économies notées cette année-là ; les économies de même score partagent un rang et sont nommées, et le rang suivant est sauté. Son graphique place chaque composante normalisée à côté de la moyenne et de la plus haute des économies notées. La section d’un groupe donne la moyenne pondérée par la population de chaque composante sur les membres ayant un score, avec sa couverture, et liste les membres sans score avec les composantes qui leur manquent et pourquoi. Les mêmes chiffres sont dans l’API, en JSON et CSV, sous /api/v1/readiness/{method}/countries/{iso3} et /api/v1/readiness/{method}/groups/{id}.',
};
