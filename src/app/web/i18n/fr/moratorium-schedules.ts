import type { Messages } from '../en.ts';

/** Périodes commerciales et tarifs douaniers de l’estimateur du moratoire. */
export const moratoriumSchedules: Messages['moratoriumSchedules'] = {
  period: 'Période commerciale',
  schedule: 'Tarif douanier',
  partlyInForce: (months) => `en vigueur pour une partie (débute ${Math.abs(months)} mois ${months > 0 ? 'plus tard' : 'plus tôt'})`,
  notInForce: (months) => `pas en vigueur : débute ${Math.abs(months)} mois ${months > 0 ? 'après' : 'avant'} la période commerciale`,
  overAYear: 'plus d’un an d’écart',
  only: 'le seul tarif enregistré',
  remark: (reporter, period, schedule, scheduleFrom, scheduleTo) =>
    `${reporter} : importations de ${period} évaluées au tarif ${schedule} (du ${scheduleFrom} au ${scheduleTo})`,
  remarkAfter: (months) => `, en vigueur seulement après la période commerciale, ${Math.abs(months)} mois ${months >= 0 ? 'plus tard' : 'plus tôt'}`,
  remarkBefore: (months) => `, en vigueur seulement avant la période commerciale, ${Math.abs(months)} mois ${months >= 0 ? 'plus tard' : 'plus tôt'}`,
  remarkOverAYear: ' (plus d’un an d’écart)',
  remarkOnly: ' ; c’est le seul tarif enregistré pour ce pays.',
  remarkNone: ' ; aucun tarif enregistré n’était en vigueur pendant la période commerciale.',
  method: [
    'Année du tarif et année des échanges : chaque tarif douanier est enregistré avec ses dates de vigueur, et chaque période commerciale avec ses dates. Les tarifs nationaux les tirent de leur fichier et de sa provenance (le tarif douanier du Népal 2026/27 est en vigueur pour l’exercice népalais, du 1er Shrawan, 16 juillet 2026, au 15 juillet 2027) ; WITS, BACI, Comtrade et les autres sources donnent des années civiles. Le tarif qui évalue une période commerciale est celui en vigueur pendant (la plus grande partie de) cette période ; à défaut, le tarif antérieur le plus proche ; seulement s’il n’y en a pas, le tarif postérieur le plus proche. Chaque ligne nomme sa période commerciale et le tarif qui l’a évaluée, avec leurs dates et les mois entre leurs débuts, et est signalée lorsque le tarif n’était pas en vigueur pendant la période ou débute à plus d’un an de celle-ci.',
    'Exercices budgétaires : une période est classée sous l’année civile où elle se termine, et une période à cheval sur deux années civiles est nommée comme telle : l’exercice népalais 2082/83 (Bikram Sambat) est l’exercice 2025/26, du 16 juillet 2025 au 15 juillet 2026, classé sous 2026. Le filtre des années (years=) trouve une période par l’une ou l’autre des années civiles qu’elle couvre : years=2025 et years=2026 trouvent tous deux l’exercice 2025/26, dans l’API, sur cette page et en ligne de commande.',
    'Népal : les fichiers contiennent un seul tarif, le tarif douanier 2026/27, et une seule période commerciale, l’exercice 2082/83 (2025/26). Le tarif 2026/27 évalue donc les importations de 2025/26 bien qu’il soit entré en vigueur le lendemain de leur fin (12 mois après le début de la période), et chaque ligne le dit. Certains taux ont changé au budget 2026/27 : les supports enregistrés avec logiciel (8523.49) et les cartes SIM (8523.52) sont exonérés en 2026/27 mais étaient taxés à environ 10 % auparavant ; l’estimation pour 2025/26 sous-estime donc le droit sur ces lignes.',
  ],
};
