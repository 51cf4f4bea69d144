import type { strategies as en } from '../en/strategies.ts';

/** Les stratégies de commerce électronique : la page de leurs points d’étape publiés. */
export const strategies: typeof en = {
  title: 'Stratégies de commerce électronique : avancement publié',
  intro: 'Les stratégies nationales et régionales de commerce électronique et l’avancement publié par leurs secrétariats : à chaque date, la part des mesures de la stratégie en cours de mise en œuvre et la part achevée, telles que publiées, chacune avec sa citation et sa source.',
  tracker: 'Le suivi mesure par mesure (chaque mesure d’une stratégie et son état) n’est pas encore disponible : ce sont les chiffres globaux publiés, pour vérifier un suivi, pas un suivi.',
  scope: { national: 'stratégie nationale', regional: 'stratégie régionale' } as Record<string, string>,
  coverage: 'Couvre',
  period: 'Période',
  noPeriod: 'non publiée',
  date: 'Date',
  underImplementation: 'En cours de mise en œuvre',
  completed: 'Achevées',
  measures: 'Mesures',
  notGiven: 'non publié',
  quote: 'Tel que publié',
  source: 'Source',
  noCheckpoint: 'Aucun chiffre d’avancement n’a été publié pour cette stratégie dans les sources importées.',
  none: 'Aucune stratégie importée pour l’instant.',
  methodTitle: 'Méthode',
  method: [
    'Les chiffres sont repris tels que publiés, jamais calculés : une part que la source n’a pas donnée à une date est « non publiée », pas zéro.',
    'Un point d’étape est une date d’une stratégie ; deux chiffres publiés de la même part à la même date doivent concorder, sinon le fichier est refusé.',
    'Une part hors de 0 à 100 et une date postérieure à aujourd’hui sont refusées, avec le fichier, la ligne et le champ ; rien n’est enregistré.',
  ],
};
