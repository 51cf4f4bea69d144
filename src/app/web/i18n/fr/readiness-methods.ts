import type { readinessMethods as en } from '../en/readiness-methods.ts';

/** Les méthodes d’indice de préparation définies par les utilisateurs : la liste, la version et l’auteur, comment en définir une. */
export const readinessMethods: typeof en = {
  builtIn: 'Méthodes intégrées',
  user: 'Méthodes définies par les utilisateurs',
  none: 'Aucune méthode définie par un utilisateur pour l’instant.',
  name: 'Méthode',
  version: 'N° de version',
  author: 'Auteur',
  date: 'Enregistrée le',
  commandLine: 'ligne de commande',
  byline: (version, author, date) => `Méthode définie par un utilisateur, version ${version}, par ${author}, le ${date}.`,
  note: (note) => `Note de cette version : ${note}`,
  versions: 'Versions :',
  latest: 'la dernière',
  defineTitle: 'Définir une méthode',
  define: [
    'Toute personne connectée peut définir une méthode : envoyer son document JSON à POST /api/v1/readiness/methods, ou l’enregistrer en ligne de commande avec « observatory readiness method add FICHIER.json --why TEXTE ». Elle a alors sa page, sa réponse d’API et son CSV, comme la méthode intégrée.',
    'Une méthode a un identifiant (lettres minuscules, chiffres et traits d’union), un nom, une description, la règle pour une économie à laquelle il manque une composante (drop : l’écarter, reweight : repondérer, impute : imputer) et ses composantes. Chaque composante nomme un indicateur stocké et peut préciser ses années (la plus récente dans une fenêtre d’années se terminant un décalage avant l’année de l’indice, par défaut la plus récente des 3 années se terminant l’année précédente ; ou une année fixe), sa transformation (as-is, telle quelle, par défaut ; log ; per-capita, par habitant), sa normalisation (min-max sur les économies couvertes par défaut, ou des bornes fixes low < high) et son poids (1 par défaut ; positif ou nul, pas tous nuls). La définition enregistrée écrit chaque valeur par défaut.',
    'Chaque version est conservée : une nouvelle version nomme celle qu’elle remplace dans « baseVersion » (0 pour une nouvelle méthode) ; si quelqu’un a enregistré une autre version entre-temps, elle est refusée (409) avec la définition actuelle, pour repartir de celle-ci. Les versions antérieures restent lisibles avec ?version=N. Chaque écriture figure au journal d’audit. Un document dont un champ est invalide est refusé en nommant le champ, et rien n’est enregistré.',
  ],
  example: 'Exemple :',
};
