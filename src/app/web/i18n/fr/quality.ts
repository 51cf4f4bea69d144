import type { quality as en } from '../en/quality.ts';

/** Qualité des données : les signalements trouvés à l’import, la page qualité et la section de la méthode. */
export const quality: typeof en = {
  title: 'Qualité des données',
  intro:
    'Valeurs et statuts qui semblent erronés à la source, repérés à l’import de chaque fichier et conservés avec sa version. Un signalement ne modifie pas le chiffre : il le désigne à un curateur pour vérification auprès de l’éditeur.',
  rules: {
    range: 'Hors de la plage plausible',
    jump: 'Saut d’une année à l’autre',
    'none-with-law': '« Pas de législation » alors qu’une loi est citée',
    'no-data-with-law': '« Pas de données » alors qu’une loi est citée',
    'legislation-without-law': '« Législation » sans loi citée',
  },
  rangeAbove: (value, limit) => `${value} dépasse le maximum plausible de ${limit}`,
  rangeBelow: (value, limit) => `${value} est inférieur au minimum plausible de ${limit}`,
  jumpText: (previous, value, year, limit) => `de ${previous} en ${year - 1} à ${value} en ${year} : au-delà du seuil de ${limit} en un an`,
  lawsListed: (laws) => `lois citées : ${laws}`,
  noLawListed: 'aucune loi citée',
  mark: 'signalé',
  markTitle: 'Signalement de qualité : voir la page qualité des données',
  bySource: 'Signalements par source',
  counts: 'Signalements par règle',
  none: 'Aucun signalement dans les versions en vigueur.',
  subject: 'Indicateur ou domaine',
  rule: 'Règle',
  why: 'Motif',
  thresholds: 'Seuils par indicateur',
  min: 'Valeur minimale',
  max: 'Valeur maximale',
  jump: 'Saut (variation et rapport)',
  basis: 'Fondement',
  filter: 'Afficher',
  all: 'tous',
  method: {
    title: 'Qualité des données et dates des éditions',
    paragraphs: [
      'À l’import d’un fichier, chaque valeur d’un indicateur est comparée à la plage plausible de son unité (une part de la population est comprise entre 0 et 100 ; les indicateurs pour 100 personnes ont un maximum déclaré, par exemple 400 abonnements mobiles pour 100 personnes) et à la valeur de l’année précédente : un saut est signalé quand la variation atteint le seuil de l’indicateur dans son unité et que la plus grande des deux valeurs vaut au moins 1,5 fois la plus petite (dix fois pour les serveurs sécurisés). Les seuils figurent sur la page qualité des données et dans /api/v1/quality.',
      'Un statut de cyberlégislation est signalé quand il contredit les lois que la même édition cite : « Pas de législation » ou « Pas de données » à côté d’une loi, ou « Législation » sans aucune. Les simples mentions « No Data » dans la liste des lois ne sont pas des lois et ne sont pas comptées.',
      'Les signalements sont conservés avec la version où ils ont été trouvés et affichés à côté du chiffre sur les pages, dans l’API (flag, flagReason) et dans les téléchargements CSV ; le chiffre lui-même est publié tel que la source le donne.',
      'Les statuts d’une édition du suivi des cyberlégislations valent à partir de la date de l’édition, lue dans cet ordre : la date donnée à l’import (--as-of), le datapackage.json à côté des fichiers (x-as-of, date ou edition de la ressource du fichier), une date déclarée pour le fichier dans son PROVENANCE.md, et seulement ensuite le jour de l’import, ce que la note de la version indique alors. Le suivi 2026 vaut à partir du 2026-03-05 ; les éditions antérieures sur la protection des données à partir du 2020-04-01 et du 2021-12-01.',
      'L’édition de décembre 2021 sur la protection des données n’a pas de colonne de type : un titre qui mentionne un projet (« Bill », « Draft ») est lu comme un projet. Au 31 décembre 2021 elle donne 135 économies dotées d’une législation, là où la CNUCED en annonçait 137 sur 194. L’écart de deux vient très probablement de deux titres que la règle lit comme des projets alors qu’ils désignent des textes déjà adoptés : la Barbade (« Bill - Data Protection passed in Senate and House of Assembly, 2019 ») et les Seychelles (« Bill - The Data Protection No. 9 of 2003 »). Ils restent des projets, comme le fichier les écrit.',
    ],
    link: 'Signalements de qualité des versions en vigueur',
  },
};
