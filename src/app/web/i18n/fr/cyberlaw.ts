import type { Messages } from '../en.ts';

/** The cyberlaw registry: map, country × area table, profiles and the information note. */
export const cyberlaw: Messages['cyberlaw'] = {
  title: 'Registre des cyberlois',
  intro:
    'Si chaque pays s’est doté d’une législation sur les transactions électroniques, la protection des consommateurs, la protection des données et de la vie privée, la cybercriminalité et la fiscalité indirecte des fournitures numériques (TVA/TPS), avec les textes eux-mêmes et la date de chaque statut.',
  statuses: { legislation: 'Législation', draft: 'Projet de loi', none: 'Pas de législation', 'no-data': 'Pas de données' },
  area: 'Domaine',
  date: 'Statut au (AAAA-MM-JJ, vide pour aujourd’hui)',
  show: 'Afficher',
  coverageTitle: (group: string, date: string) => `${group} : membres par statut, ${date}`,
  coverageCaption: 'Un membre pour lequel le registre n’a pas de statut est compté « pas de données ». La part est rapportée à tous les membres du groupe.',
  shareWithLegislation: 'Part dotée d’une législation',
  mapsTitle: 'Cartes par domaine',
  mapTitle: (area: string, date: string) => `${area} : état de la législation, ${date}`,
  mapText: (counts: string) => `Pays par statut : ${counts}.`,
  mapHighlight: (group: string) => `Les membres de ${group} sont cernés d’un trait.`,
  tableTitle: (group: string) => `Statut par pays et par domaine : ${group}`,
  laws: 'Textes',
  asOf: 'au',
  noLaws: 'aucun texte répertorié',
  downloadCoverage: 'Couverture (CSV)',
  downloadCountry: 'Statuts, textes et historique (CSV)',
  noteLink: 'Note d’information : tous les textes, par pays, pour ce groupe',
  countryTitle: 'Législation du commerce électronique',
  countryIntro: 'Statut dans chaque domaine, avec sa date, sa source et les textes sur lesquels il repose.',
  noEntries: 'Le registre n’a encore aucun statut pour ce pays.',
  history: (n: number) => `${n} statut${n === 1 ? '' : 's'} antérieur${n === 1 ? '' : 's'}`,
  note: {
    title: (group: string) => `Note d’information : la législation du commerce électronique – ${group}`,
    intro: (group: string, date: string, count: number) =>
      `Tous les textes que le registre des cyberlois de l’Observatoire répertorie pour les ${count} membres du groupe ${group}, par pays et par domaine, au ${date}.`,
    mandate:
      'Établie en réponse aux paragraphes 3.1 et 3.8 de la communication du Groupe ACP au Conseil général de l’OMC (WT/GC/W/916), qui demandent aux secrétariats une note d’information sur toutes les législations adoptées.',
    summary: 'Synthèse par domaine',
    contents: 'Pays',
    print: 'Pour en garder une copie, imprimez cette page ou enregistrez-la en PDF depuis le navigateur ; les liens sont imprimés en entier.',
    status: 'Statut',
    noLaw: 'Aucun texte n’est répertorié pour ce statut.',
    otherLanguages: 'Aussi en',
  },
};
