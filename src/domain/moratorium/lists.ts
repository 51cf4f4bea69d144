import type { HsEdition } from './hs.ts';
import { BROAD_STUDY, HS2017_LIST_LINES, HS2022_LIST_LINES, inNarrowList, NARROW_STUDY, type LineReason, type ListLine } from './list-lines.ts';

/** A named, versioned list of HS 6-digit lines considered digitisable, tied to one HS edition. */
export interface ProductList {
  id: string;
  version: string;
  name: string;
  edition: HsEdition;
  /** Who defined the list, and where. */
  source: string;
  lines: readonly string[];
  builtIn: boolean;
  /** For built-in lists: every line of the studies' list, in or out, with the reason and the study. */
  detail?: readonly ListLineDetail[];
}

/** One line of the studies' list as a built-in list treats it. */
export interface ListLineDetail {
  hs6: string;
  description: string;
  reason: LineReason;
  /** Whether the list counts it. */
  included: boolean;
  /** The study the line comes from (and, for the narrow list, who narrowed it). */
  study: string;
}

const SOURCE = `Headings 3704–3706 (photographic and cinematographic film, exposed), 4901–4911 (printed matter), 8523 (recording media, incl. software) and 9504 (video-game consoles and games), the products "digitisable" in the studies cited by WTO WT/GC/W/833 (UNCTAD 2017/2019; Banga 2019)`;

const NARROW_SOURCE = `Of the studies' lines (${BROAD_STUDY}), those whose content is really transmitted electronically: exposed film, books, newspapers and periodicals, printed music, maps, recorded media, video games; chosen by ${NARROW_STUDY}`;

/** Each line of a built-in list with its description, why it is in or out, and the study it comes from. */
function detailOf(lines: readonly ListLine[], narrow: boolean): ListLineDetail[] {
  return lines.map((l) => ({
    hs6: l.hs6,
    description: l.description,
    reason: l.reason,
    included: narrow ? inNarrowList(l.reason) : true,
    study: narrow ? `${BROAD_STUDY}; narrowed by ${NARROW_STUDY}` : BROAD_STUDY,
  }));
}

function builtIn(id: string, name: string, edition: HsEdition, source: string, lines: readonly ListLine[], narrow: boolean): ProductList {
  const detail = detailOf(lines, narrow);
  return { id, version: '1', name, edition, source, lines: detail.filter((d) => d.included).map((d) => d.hs6), builtIn: true, detail };
}

/**
 * The lists every Observatory ships with. The narrow lists are the default: the broad lists of the studies
 * count stamps, banknotes, passports, calendars, playing cards and blank SIM cards as "digitisable", which
 * cannot be transmitted; they stay available as an option.
 */
export const BUILT_IN_LISTS: readonly ProductList[] = [
  builtIn('digitisable-narrow-hs2022', 'Digitisable content, narrow (HS 2022)', 'HS2022', NARROW_SOURCE, HS2022_LIST_LINES, true),
  builtIn('digitisable-narrow-hs2017', 'Digitisable content, narrow (HS 2017)', 'HS2017', NARROW_SOURCE, HS2017_LIST_LINES, true),
  builtIn('digitisable-hs2022', 'Digitisable products, broad, as in the studies (HS 2022)', 'HS2022', SOURCE, HS2022_LIST_LINES, false),
  builtIn('digitisable-hs2017', 'Digitisable products, broad, as in the studies (HS 2017)', 'HS2017', SOURCE, HS2017_LIST_LINES, false),
];

/** The default list: the narrow one, in the edition most trade is recorded in now. */
export const DEFAULT_LIST = 'digitisable-narrow-hs2022';

/** The broad list of the studies, the option. */
export const BROAD_LIST = 'digitisable-hs2022';

/**
 * Lines to which the 1984 customs-valuation decision on carrier media bearing software (WTO G/VAL/5,
 * from GATT 1984) can apply: recorded magnetic, optical and other media. Semiconductor media (8523.51–59)
 * are excluded by the decision, as are sound, film and video recordings, which HS6 cannot separate from
 * software within these lines (the share digitised can narrow them). Film (ch. 37), printed matter (ch. 49)
 * and games consoles (9504) are not carrier media.
 */
export const CARRIER_MEDIA_LINES: ReadonlySet<string> = new Set(['852329', '852349', '852380']);

const LIST_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** A valid list id: lower-case letters, digits and hyphens. */
export function isListId(id: string): boolean {
  return LIST_ID.test(id);
}
