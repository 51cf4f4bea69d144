import type { moratoriumLists as en } from '../en/moratorium-lists.ts';

/** Les listes de produits du moratoire, les signalements d’achats publics et les raisons des chiffres manquants. */
export const moratoriumLists: typeof en = {
  missing: {
    'no-trade': 'pas d’importations',
    'no-tariff': (measure: string) => `pas de tarif ${measure}`,
    'no-rate': (measure: string) => `pas de taux ${measure}`,
    'no-correlation': (from: string, to: string) => `pas de table ${from}→${to}`,
    'no-revenue-series': 'pas de série de recettes',
  },
  measures: { bound: 'consolidé', mfn: 'NPF', applied: 'appliqué' },
  missingTitle: {
    'no-trade': 'Aucune importation des lignes de la liste dans les données.',
    'no-tariff': 'Des importations, mais aucun tarif douanier pour cette mesure dans les données.',
    'no-rate': 'Un tarif, mais aucun taux ad valorem pour cette mesure sur la ligne.',
    'no-correlation': 'Importations enregistrées dans une autre édition du SH, sans table de correspondance enregistrée.',
    'no-revenue-series': 'Aucune série de recettes de la Banque mondiale pour ce pays dans les dix années précédentes.',
  },
  absencesTitle: 'Importations que l’estimation ne peut utiliser',
  absence: (name: string, years: string, edition: string, from: string) =>
    `${name}, ${years} : importations enregistrées en ${edition}, mais aucune table de correspondance SH entre ${from} (l’édition de la liste) et ${edition} n’est enregistrée ; pas d’estimation pour ces années (ce n’est pas zéro).`,
  noDataReason: 'Pourquoi',
  procurementTitle: 'Lignes qui ressemblent à des achats publics',
  procurementIntro:
    'Les importations de ces lignes ressemblent à des achats d’États et de banques (documents de sécurité imprimés à l’étranger), non à du commerce numérisable : un moratoire sur les transmissions électroniques ne prive d’aucun droit sur elles. La liste large les compte ; la liste étroite (par défaut) non.',
  procurementLine: (hs6: string, year: number, revenue: string, share: string) => `${hs6} (${year}) : recettes ${revenue}, ${share} de l’estimation`,
  procurementNational: 'lignes nationales',
  procurementMark: 'achat public ?',
  reasons: {
    'film-content': 'films impressionnés : images et œuvres cinématographiques, aujourd’hui fichiers et flux',
    'printed-content': 'livres, journaux, périodiques, musique imprimée : vendus en livres numériques, presse en ligne, partitions numériques',
    'map-content': 'cartes : cartes numériques',
    'recorded-media': 'supports enregistrés : logiciels, musique et films sont téléchargés à la place',
    'video-games': 'consoles et jeux vidéo : les jeux se vendent en téléchargement',
    'security-documents': 'timbres, billets de banque, chèques, titres, passeports : documents physiques sécurisés achetés par les États et les banques',
    'printed-object': 'imprimés utilisés comme objets (plans, décalcomanies, cartes postales, calendriers, publicité, images, billets, cartes de recharge)',
    'physical-object': 'globes : un objet physique',
    'blank-media': 'supports vierges et cartes (à piste magnétique, à puce, SIM, mémoire flash, disques vierges) : l’appareil est le produit',
    'physical-games': 'billard, jeux à pièces, cartes à jouer, jeux de société : jeux physiques',
  },
  listsTitle: 'Les deux listes de produits',
  method: [
    'Les études citées à l’OMC (CNUCED 2017 et 2019, Banga 2019, dans WT/GC/W/833) comptent comme « numérisables » toutes les lignes des positions 3704–3706, 4901–4911, 8523 et 9504. Cette liste large inclut des biens qui ne peuvent pas être transmis : timbres, billets de banque, chèques et passeports (position 4907), calendriers et publicité, cartes à jouer et billard, cartes SIM et bancaires vierges. Pour le Népal en 2082/83, la position 4907 (surtout des passeports, 13,6 millions de dollars, et des vignettes d’accise) fait un tiers de l’estimation large.',
    'La liste par défaut est donc la liste étroite (digitisable-narrow-hs2022, et digitisable-narrow-hs2017 pour le commerce enregistré en SH 2017) : les contenus réellement transmis par voie électronique à la place du bien — films impressionnés, livres, journaux et périodiques, musique imprimée, cartes, supports enregistrés portant des logiciels ou des contenus, consoles et jeux vidéo. La liste large des études (digitisable-hs2022, digitisable-hs2017) reste disponible avec list=. Chaque ligne de la liste des études figure ci-dessous avec la raison de son inclusion ou de son exclusion et l’étude dont elle vient ; le même tableau est dans le téléchargement des listes (/api/v1/moratorium/lists, CSV).',
    'Signalement des achats publics : les lignes dont les importations ressemblent à des achats publics plutôt qu’à du commerce numérisable sont signalées sur la page et dans chaque téléchargement (colonne procurement) : la position 4907 (documents de sécurité) et les lignes nationales dont la description publiée nomme passeports, timbres, vignettes d’accise, billets ou chèques (les statistiques du Népal listent les passeports 4907.00.40, les vignettes d’accise 4907.00.50, les chèques 4907.00.60). Le signalement ne change pas le chiffre : la liste le change.',
    'Les chiffres manquants disent pourquoi : pas d’importations des lignes de la liste (no-trade), des importations mais pas de tarif pour la mesure (no-tariff), un tarif mais pas de taux ad valorem sur la ligne pour la mesure (no-rate, par exemple les taux consolidés d’un pays qui n’en a pas), des importations enregistrées dans une édition du SH sans table de correspondance enregistrée avec celle de la liste (no-correlation, avec les deux éditions), pas de série de recettes pour le rapport (no-revenue-series). Le JSON porte un champ missing à côté de chaque null, le CSV et le classeur une colonne *_missing, la ligne de commande les mêmes colonnes.',
  ],
  lineColumn: 'SH6',
  descriptionColumn: 'Libellé du SH',
  narrowColumn: 'Liste étroite',
  reasonColumn: 'Pourquoi',
  inList: 'incluse',
  outList: 'exclue',
  studyNote: (broad: string, narrow: string) => `Liste large : ${broad}. Liste étroite : ${narrow}.`,
};
