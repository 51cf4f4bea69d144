import type { IndicatorPageMessages } from '../en/indicators.ts';

/** The pages of indicators and their figures: home, country, indicator, group, the lists and the method. */
export const indicatorPages: IndicatorPageMessages = {
  home: {
    title: 'Où en est chaque pays face à la fracture numérique',
    intro:
      'Les chiffres des pays de l’Organisation des États d’Afrique, des Caraïbes et du Pacifique, des pays les moins avancés et des petits États insulaires en développement, comparés au monde, avec leurs sources.',
    headline: (groupName: string, groupValue: string, worldValue: string, year: number) =>
      `En ${year}, ${groupValue} des habitants du groupe « ${groupName} » utilisaient Internet, contre ${worldValue} dans le monde.`,
    divideTitle: 'La fracture numérique en un coup d’œil',
    divideCaption:
      'Dernière année suffisamment couverte pour chaque groupe ; la couverture est la part de la population du groupe vivant dans les membres avec des données.',
    pickCountry: 'Ouvrir un pays',
    pickGroup: 'Ouvrir un groupe',
    go: 'Ouvrir',
    explore: 'Explorer',
  },
  country: {
    title: (name: string) => `${name} : la fracture numérique`,
    keyFigures: 'Chiffres clés',
    memberOf: 'Membre de',
    formerMemberOf: 'Anciennement',
    latest: 'Dernière valeur',
    trend: 'Évolution',
    ranks: 'Rang parmi les membres avec des données',
    chartTitle: (indicator: string, name: string) => `${indicator} : ${name} comparé à ses groupes et au monde`,
    mapTitle: (indicator: string, year: number) => `${indicator}, ${year}`,
    downloadAll: 'Tous les chiffres de ce pays (CSV)',
    noFigures: 'Aucun chiffre n’a été importé pour ce pays.',
    codes: 'Codes',
    region: 'Région',
  },
  indicator: {
    unit: 'Unité',
    rule: 'Valeurs des groupes',
    derived: 'Indicateur dérivé',
    mapTitle: (name: string, year: number) => `${name}, ${year}`,
    chooseYear: 'Année',
    chooseSeries: 'Pays et groupes du graphique',
    countriesField: 'Pays (codes ISO3 séparés par des virgules)',
    groupsField: 'Groupes',
    update: 'Mettre à jour',
    tableTitle: (year: number) => `Tous les pays, ${year}`,
    groupsTitle: (year: number) => `Groupes, ${year}`,
    chartTitle: (name: string) => `${name} au fil du temps`,
    downloadYear: (year: number) => `${year} (CSV)`,
    downloadAll: 'Toutes les années (CSV)',
    olderVintages: 'Versions antérieures',
    countriesWithData: (n: number) => `${n} pays avec des données`,
  },
  group: {
    membersToday: (n: number) => `${n} membres aujourd’hui`,
    formerMembers: 'Anciens membres',
    aggregates: 'Valeurs du groupe',
    aggregatesCaption:
      'Dernière année disponible ; une valeur est publiée lorsque les membres avec des données représentent au moins les deux tiers de la population du groupe.',
    membersWithData: 'Membres avec des données',
    populationCovered: 'Population couverte',
    userDefined: 'Défini par un utilisateur',
    chartTitle: (name: string) => `Utilisation d’Internet : ${name} et le monde`,
    mapTitle: (name: string) => `Membres : ${name}`,
  },
  lists: {
    countriesTitle: 'Pays et territoires',
    groupsTitle: 'Groupes de pays',
    indicatorsTitle: 'Indicateurs',
    sourcesTitle: 'Sources et versions',
    sourcesIntro:
      'Chaque importation d’un fichier source crée une version : ce qui a été importé, d’où, quand et sous quelle licence. Sur chaque page, les chiffres indiquent la version dont ils proviennent.',
    dataset: 'Jeu de données',
    rows: 'Lignes',
    filter: 'Filtrer',
  },
  about: {
    title: 'Comment les chiffres sont établis',
    paragraphs: [
      'Chaque chiffre provient d’un fichier ou d’une API publics, importé sous forme de version qui enregistre le fichier, son empreinte, la date d’importation et la licence. Une importation réussit entièrement ou pas du tout : un fichier comportant une erreur est rejeté avec la ligne et le champ en cause, et les chiffres déjà publiés restent inchangés.',
      'Les valeurs des groupes sont calculées par l’Observatoire à partir de celles de leurs membres. Les parts de population (utilisation d’Internet, électricité, comptes) sont des moyennes pondérées par la population (les adultes pour la détention d’un compte) ; les effectifs et les montants sont des sommes. Les membres sans données sont écartés, jamais comptés pour zéro ; chaque valeur de groupe indique combien de membres avaient des données et quelle part de la population du groupe ils représentent. Une valeur n’est publiée que si cette part atteint au moins les deux tiers.',
      'Par défaut, la valeur d’un groupe pour chaque année est calculée avec ses membres d’aujourd’hui, comme le fait la Banque mondiale pour ses propres agrégats ; l’API peut aussi retenir les membres à la fin de chaque année. Lorsque la Banque mondiale publie sa propre valeur pour le même groupe (le monde, les pays les moins avancés, ses régions et groupes de revenu), les deux sont affichées, ainsi que l’écart lorsqu’il dépasse 1 %.',
      'Les appartenances sont datées : adhésion à l’OMC, sortie de la catégorie des pays les moins avancés, retrait de la CEDEAO. Lorsqu’un fichier source n’est plus à jour, il est corrigé d’après les documents officiels cités à côté de chaque fait.',
    ],
  },
};
