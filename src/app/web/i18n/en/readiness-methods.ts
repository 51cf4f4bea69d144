/** User-defined readiness methods: the list, the version and author of a method, and how to define one. */
export const readinessMethods = {
  builtIn: 'Built-in methods',
  user: 'User-defined methods',
  none: 'No user-defined method yet.',
  name: 'Method',
  version: 'Version',
  author: 'Author',
  date: 'Date',
  commandLine: 'command line',
  byline: (version: number, author: string, date: string) => `User-defined method, version ${version}, by ${author}, ${date}.`,
  note: (note: string) => `Note of this version: ${note}`,
  versions: 'Versions:',
  latest: 'latest',
  defineTitle: 'Defining a method',
  define: [
    'Anyone signed in can define a method: send its JSON document to POST /api/v1/readiness/methods, or store it from the command line with “observatory readiness method add FILE.json --why TEXT”. It then has its own page, API answer and CSV, like the built-in method.',
    'A method has an id (lower-case letters, digits and hyphens), a name, a description, the rule for an economy lacking a component (drop, reweight or impute) and its components. Each component names a stored indicator and may give its years (latest within a window of years ending a lag before the index year, by default the latest of 3 years ending the year before; or a fixed year), its transformation (as-is by default, log, per-capita), its normalisation (min-max over the economies covered by default, or fixed goalposts low < high) and its weight (1 by default; zero or more, not all zero). The stored definition writes every default out.',
    'Every version is kept: a new version names the version it replaces in “baseVersion” (0 for a new method); if someone stored another version meanwhile, it is refused (409) with the current definition to start again from. Earlier versions stay readable with ?version=N. Every write is in the audit log. A document with a bad field is refused with the field named, and nothing is stored.',
  ],
  example: 'Example:',
};
