/** Member practices: questionnaires and their compiled tables. */
export const practices = {
  title: 'Member practices',
  intro:
    'How members value carrier media and digitised goods, tax digital supplies, set their customs de minimis, link their payment systems and bear the costs of foreign cyber-laws: each country answers the questionnaires, the secretariat reviews the answers, and only accepted answers are compiled here.',
  questionnaire: 'Questionnaire',
  reference: 'Reference in the communication',
  questions: 'Questions',
  answered: 'Countries that answered',
  version: 'version',
  open: 'Comparison table',
  tableTitle: (group: string) => `Answers of the members of ${group}`,
  caption: (answered: number, members: number) =>
    `${answered} of ${members} members have an accepted answer; the others show “no answer”. Choices are shown with their labels, links can be followed, and each row gives the date its answer was accepted.`,
  noAnswer: 'no answer',
  acceptedOn: 'Accepted on',
  summaryTitle: 'Summary per question',
  summaryCaption: 'Over the members that answered each question.',
  question: 'Question',
  answeredOf: (answered: number, members: number) => `${answered} of ${members} answered`,
  min: 'minimum',
  median: 'median',
  max: 'maximum',
  earliest: 'earliest',
  latest: 'latest',
  downloadCsv: 'Table (CSV)',
  howToAnswer: 'Countries answer through their editors’ accounts; the secretariat reviews every answer before it appears here.',
  all: 'All questionnaires',
};
