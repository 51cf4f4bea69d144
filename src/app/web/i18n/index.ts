import type { Lang } from '../../../domain/lang.ts';
import { en, type Messages } from './en.ts';
import { fr } from './fr.ts';
import { es } from './es.ts';
import { pt } from './pt.ts';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A catalogue that may leave messages out; English fills the gaps. */
export type PartialMessages = DeepPartial<Messages>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge<T>(base: T, over: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(over)) return (over ?? base) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) out[key] = merge((base as Record<string, unknown>)[key], value);
  }
  return out as T;
}

const CATALOGUES: Record<Lang, Messages> = {
  en,
  fr,
  es: merge(en, es),
  pt: merge(en, pt),
};

/** The messages of a language, complete (English where a translation is missing). */
export function messages(lang: Lang): Messages {
  return CATALOGUES[lang];
}

/** Messages of a partial catalogue that are translated, as paths ("nav.home"), for the completeness report. */
export function translatedPaths(partial: unknown, prefix = ''): string[] {
  if (!isPlainObject(partial)) return [prefix];
  return Object.entries(partial).flatMap(([k, v]) => translatedPaths(v, prefix ? `${prefix}.${k}` : k));
}

export { en, fr, es, pt };
export type { Messages };
