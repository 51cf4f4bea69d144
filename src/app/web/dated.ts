import type { DatePrecision } from '../../domain/group.ts';
import type { Lang } from '../../domain/lang.ts';
import { formatDate } from './format.ts';

const LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', pt: 'pt-PT' };

/**
 * A membership date to the precision a source gives it: the day, the month or the year; never a day the
 * source does not give.
 * @example formatDated('2023-12-01', 'month', 'en') // 'December 2023'
 */
export function formatDated(date: string, known: DatePrecision, lang: Lang): string {
  if (known === 'year') return date.slice(0, 4);
  if (known === 'month') {
    const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return date;
    return new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
  }
  return formatDate(date, lang);
}
