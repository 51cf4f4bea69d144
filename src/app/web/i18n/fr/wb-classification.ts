import type { wbClassification as En } from '../en/wb-classification.ts';

/** Classifications de la Banque mondiale par exercice, et quand une valeur de la Banque est comparée à celle de l’Observatoire. */
export const wbClassification: typeof En = {
  methodTitle: 'Groupes de la Banque mondiale par exercice',
  method: [
    'Les régions et groupes de revenu de la Banque mondiale sont conservés par exercice : un exercice va du 1er juillet au 30 juin (FY2026 = 1er juillet 2025 au 30 juin 2026). Les groupes de revenu viennent de la classification historique de la Banque (OGHIST) depuis FY1989 ; régions et groupes de revenu de ses fichiers de publication (CLASS) pour FY2020 à FY2026, qui prévalent pour ces années (l’Éthiopie n’est pas classée dans CLASS FY2026, à faible revenu dans OGHIST). Les régions antérieures à FY2020 ne figurent pas dans les sources : basis=historical ne donne aucune valeur régionale avant 2019.',
    'Un agrégat de la Banque mondiale est calculé avec la classification en vigueur à la publication de son fichier (une publication du 24 février 2026 utilise FY2026). Pour les régions et groupes de revenu, sa valeur n’est comparée à celle de l’Observatoire que si les deux comptent les mêmes membres. Si les membres diffèrent et que la classification de la Banque est connue, la valeur de l’Observatoire est recalculée sur les membres de la Banque pour la comparaison (la valeur affichée du groupe garde ses propres membres). Si le fichier n’a pas de date, les régions et groupes de revenu de son fichier de métadonnées des pays sont comparés à chaque exercice détenu : si un seul concorde pour toutes les économies, le fichier est réputé l’utiliser (le fichier d’utilisation d’Internet des données partagées, FY2025, 433 sur 433 concordants) et l’import le dit. Si aucun exercice unique ne concorde, ou si le fichier utilise un exercice que l’Observatoire ne détient pas, aucune comparaison n’est affichée et la raison est donnée. compare=always compare quels que soient les membres.',
  ],
  recomputed: (fy: number) => `sur les membres FY${fy} de la Banque mondiale`,
  notCompared: {
    undated_source: 'Valeur de la Banque mondiale non comparée : son fichier n’a pas de date, sa classification est donc inconnue',
    classification_not_held: (wb: number, members: number) => `Valeur de la Banque mondiale non comparée : elle utilise la classification FY${wb}, non détenue ; les membres ici sont ceux de FY${members}`,
  },
};
