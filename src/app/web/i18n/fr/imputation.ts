import type { ImputationMessages } from '../en/imputation-type.ts';

/** Valeurs de groupe qui laissent de côté un grand membre ou reportent des valeurs : la note et la méthode. */
export const imputation: ImputationMessages = {
  without: (members: string) => `Sans ${members}`,
  member: (name: string, share: string, latestYear: number | null) =>
    `${name} (${share} de la population${latestYear !== null ? ` ; dernière valeur ${latestYear}` : ' ; aucune valeur'})`,
  carried: (n: number) => `${n} ${n === 1 ? 'valeur reportée' : 'valeurs reportées'} d’années antérieures`,
  field: 'Membres sans valeur pour l’année',
  choices: { none: 'laissés de côté (par défaut)', 'carry-forward': 'dernière valeur antérieure reportée' },
  yearsField: 'report maximal (années)',
  apply: 'Appliquer',
  methodTitle: 'Membres sans valeur pour l’année',
  methodParagraphs: [
    'Par défaut, une valeur de groupe n’utilise que les valeurs publiées pour l’année : un membre qui n’en a pas est laissé de côté, jamais compté comme zéro, et ne reçoit jamais la valeur d’une autre année. Partout où le chiffre apparaît (pages des pays, des groupes et des indicateurs, API en JSON et en CSV, ligne de commande), les membres laissés de côté qui représentent plus de 10 % de la population du groupe sont nommés à côté, avec leur part et la dernière année pour laquelle ils ont une valeur.',
    'Pourquoi ce choix par défaut : chaque chiffre se rattache alors à des valeurs publiées par la source pour l’année, et ce qui manque est dit là où cela compte. Reporter des valeurs est un modèle : il suppose que rien n’a changé, ce qui sous-estime un chiffre en hausse, comme l’utilisation d’Internet. Sur les données partagées, l’utilisation d’Internet dans le monde en 2022 est de 68,6 % sans l’Inde (17,9 % de la population mondiale, aucune valeur depuis 2020), de 63,2 % en reportant la valeur de l’Inde de 2020, et de 64,4 % selon l’estimation de la Banque mondiale : les deux méthodes l’encadrent, et la note dit dans quel sens le chiffre penche.',
    'Les pages des groupes et des indicateurs (le champ « Membres sans valeur pour l’année »), l’API et la ligne de commande offrent l’autre méthode : impute=carry-forward donne à un membre sans valeur sa dernière valeur des impute_years années précédentes (2 par défaut, de 1 à 10), jamais une valeur postérieure ; chaque ligne indique alors les membres ainsi comptés et l’année de leur valeur. Une valeur reportée est pondérée par la population du membre pour l’année.',
  ],
};
