/** The languages the Observatory speaks. English and French are complete; Spanish and Portuguese are started. */
export const LANGS = ['en', 'fr', 'es', 'pt'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in several languages; English is always present and is the fallback. */
export type Localized = { en: string } & Partial<Record<Exclude<Lang, 'en'>, string>>;

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * The text in `lang`, or in English when that language is missing.
 * @example pick({ en: 'World', fr: 'Monde' }, 'fr') // 'Monde'
 */
export function pick(text: Localized, lang: Lang): string {
  return text[lang] ?? text.en;
}
