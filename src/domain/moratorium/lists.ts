import type { HsEdition } from './hs.ts';

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
}

const SOURCE =
  'Headings 3704–3706 (photographic and cinematographic film, exposed), 4901–4911 (printed matter), 8523 (recording media, incl. software) and 9504 (video-game consoles and games), the products "digitisable" in the studies cited by WTO WT/GC/W/833 (UNCTAD 2017/2019; Banga 2019)';

// The 6-digit subheadings of those headings, as the HS nomenclature of each edition lists them. HS2022
// replaced 4905.10/91/99 (globes, maps) by 4905.20/90; the other lines are unchanged.
const HS2017_LINES = [
  '370400', '370500', '370610', '370690',
  '490110', '490191', '490199', '490210', '490290', '490300', '490400', '490510', '490591', '490599', '490600',
  '490700', '490810', '490890', '490900', '491000', '491110', '491191', '491199',
  '852321', '852329', '852341', '852349', '852351', '852352', '852359', '852380',
  '950420', '950430', '950440', '950450', '950490',
] as const;

const HS2022_LINES = [
  '370400', '370500', '370610', '370690',
  '490110', '490191', '490199', '490210', '490290', '490300', '490400', '490520', '490590', '490600',
  '490700', '490810', '490890', '490900', '491000', '491110', '491191', '491199',
  '852321', '852329', '852341', '852349', '852351', '852352', '852359', '852380',
  '950420', '950430', '950440', '950450', '950490',
] as const;

/** The lists every Observatory ships with. */
export const BUILT_IN_LISTS: readonly ProductList[] = [
  {
    id: 'digitisable-hs2022',
    version: '1',
    name: 'Digitisable products (HS 2022)',
    edition: 'HS2022',
    source: SOURCE,
    lines: HS2022_LINES,
    builtIn: true,
  },
  {
    id: 'digitisable-hs2017',
    version: '1',
    name: 'Digitisable products (HS 2017)',
    edition: 'HS2017',
    source: SOURCE,
    lines: HS2017_LINES,
    builtIn: true,
  },
];

export const DEFAULT_LIST = 'digitisable-hs2022';

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
