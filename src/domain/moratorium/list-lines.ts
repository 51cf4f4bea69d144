/**
 * Why each HS6 line of the studies' list of "digitisable" goods is, or is not, in the narrow list: content
 * that is really transmitted electronically today (films, books, newspapers, music, maps, recorded media
 * carrying software or content, video games). The broad list keeps every line; the narrow list keeps the
 * lines whose reason says "in".
 */

/** Why a line is in the narrow list, or out of it. Pages word each reason in their language. */
export const LINE_REASONS = {
  'film-content': {
    narrow: true,
    text: 'exposed film: recorded images and motion pictures, now distributed as files and streams',
  },
  'printed-content': {
    narrow: true,
    text: 'books, newspapers, periodicals and printed music: the text or score is sold as e-books, online news and digital sheet music',
  },
  'map-content': {
    narrow: true,
    text: 'maps and charts: distributed as digital maps',
  },
  'recorded-media': {
    narrow: true,
    text: 'recorded magnetic, optical or other media: what they carry (software, music, films) is downloaded instead',
  },
  'video-games': {
    narrow: true,
    text: 'video-game consoles and machines with their games: games are sold as downloads',
  },
  'security-documents': {
    narrow: false,
    text: 'stamps, stamp-impressed paper, banknotes, cheques, share certificates, passports: the value is the secure physical document, mostly bought by governments and banks; nothing of it can be transmitted',
  },
  'printed-object': {
    narrow: false,
    text: 'printed matter used as an object (plans and originals, transfers, postcards, calendars, advertising, pictures, tickets, recharge cards, labels): the paper is the product',
  },
  'physical-object': {
    narrow: false,
    text: 'globes: a physical object',
  },
  'blank-media': {
    narrow: false,
    text: 'unrecorded media and cards (magnetic-stripe and smart cards, SIM cards, flash memory, blank discs): the device is the product, most carry no content',
  },
  'physical-games': {
    narrow: false,
    text: 'billiards, coin-operated games, playing cards, table and funfair games: physical games',
  },
} as const;

export type LineReason = keyof typeof LINE_REASONS;

/** The studies the broad list comes from, cited for every line. */
export const BROAD_STUDY =
  'UNCTAD (2017, 2019) and Banga (2019), the "digitisable" products cited by WTO WT/GC/W/833: headings 3704–3706, 4901–4911, 8523, 9504';

/** Who chose the narrow list, and on what. */
export const NARROW_STUDY =
  'the Observatory, from the HS descriptions of each line of the broad list: content that is transmitted electronically instead of the good';

/** One line of the broad list, with its HS description and why it is in the narrow list or not. */
export interface ListLine {
  hs6: string;
  description: string;
  reason: LineReason;
}

/** The lines of the broad list in HS 2022, as the nomenclature describes them. */
export const HS2022_LIST_LINES: readonly ListLine[] = [
  { hs6: '370400', description: 'Photographic plates, film, paper and textiles, exposed but not developed', reason: 'film-content' },
  { hs6: '370500', description: 'Photographic plates and film, exposed and developed, other than cinematographic film', reason: 'film-content' },
  { hs6: '370610', description: 'Cinematographic film, exposed and developed, of a width of 35 mm or more', reason: 'film-content' },
  { hs6: '370690', description: 'Cinematographic film, exposed and developed, other', reason: 'film-content' },
  { hs6: '490110', description: 'Printed books, brochures, leaflets, in single sheets', reason: 'printed-content' },
  { hs6: '490191', description: 'Dictionaries and encyclopaedias, and serial instalments thereof', reason: 'printed-content' },
  { hs6: '490199', description: 'Printed books, brochures, leaflets and similar printed matter, other', reason: 'printed-content' },
  { hs6: '490210', description: 'Newspapers, journals and periodicals, appearing at least four times a week', reason: 'printed-content' },
  { hs6: '490290', description: 'Newspapers, journals and periodicals, other', reason: 'printed-content' },
  { hs6: '490300', description: "Children's picture, drawing or colouring books", reason: 'printed-content' },
  { hs6: '490400', description: 'Music, printed or in manuscript', reason: 'printed-content' },
  { hs6: '490520', description: 'Maps and hydrographic or similar charts, in book form', reason: 'map-content' },
  { hs6: '490590', description: 'Maps and hydrographic or similar charts, other', reason: 'map-content' },
  { hs6: '490600', description: 'Plans and drawings for architectural or engineering purposes, hand-drawn originals; handwritten texts; photographic reproductions and carbon copies', reason: 'printed-object' },
  { hs6: '490700', description: 'Unused postage, revenue or similar stamps; stamp-impressed paper; banknotes; cheque forms; stock, share or bond certificates and similar documents of title', reason: 'security-documents' },
  { hs6: '490810', description: 'Transfers (decalcomanias), vitrifiable', reason: 'printed-object' },
  { hs6: '490890', description: 'Transfers (decalcomanias), other', reason: 'printed-object' },
  { hs6: '490900', description: 'Printed or illustrated postcards; printed cards bearing greetings or messages', reason: 'printed-object' },
  { hs6: '491000', description: 'Calendars of any kind, printed', reason: 'printed-object' },
  { hs6: '491110', description: 'Trade advertising material, commercial catalogues and the like', reason: 'printed-object' },
  { hs6: '491191', description: 'Pictures, designs and photographs', reason: 'printed-object' },
  { hs6: '491199', description: 'Other printed matter (in national lines: software manuals and keys, recharge cards, tickets, labels)', reason: 'printed-object' },
  { hs6: '852321', description: 'Cards incorporating a magnetic stripe', reason: 'blank-media' },
  { hs6: '852329', description: 'Magnetic media, other (tapes and discs, recorded or not)', reason: 'recorded-media' },
  { hs6: '852341', description: 'Optical media, unrecorded', reason: 'blank-media' },
  { hs6: '852349', description: 'Optical media, other (recorded: software, music, films)', reason: 'recorded-media' },
  { hs6: '852351', description: 'Solid-state non-volatile storage devices', reason: 'blank-media' },
  { hs6: '852352', description: 'Smart cards (SIM cards, bank cards)', reason: 'blank-media' },
  { hs6: '852359', description: 'Semiconductor media, other', reason: 'blank-media' },
  { hs6: '852380', description: 'Other recording media (gramophone records and other)', reason: 'recorded-media' },
  { hs6: '950420', description: 'Articles and accessories for billiards', reason: 'physical-games' },
  { hs6: '950430', description: 'Games operated by coins, banknotes, bank cards or tokens', reason: 'physical-games' },
  { hs6: '950440', description: 'Playing cards', reason: 'physical-games' },
  { hs6: '950450', description: 'Video game consoles and machines', reason: 'video-games' },
  { hs6: '950490', description: 'Articles for funfair, table or parlour games, other', reason: 'physical-games' },
];

/**
 * The same lines in HS 2017: HS 2022 replaced 4905.10 (globes), 4905.91 and 4905.99 (maps in book form,
 * other) by 4905.20 and 4905.90 (maps in book form, other: globes moved to 4905.90 too, with maps).
 */
export const HS2017_LIST_LINES: readonly ListLine[] = HS2022_LIST_LINES.flatMap((l): ListLine[] => {
  if (l.hs6 === '490520') {
    return [
      { hs6: '490510', description: 'Globes', reason: 'physical-object' },
      { hs6: '490591', description: 'Maps and hydrographic or similar charts, in book form', reason: 'map-content' },
    ];
  }
  if (l.hs6 === '490590') return [{ hs6: '490599', description: 'Maps and hydrographic or similar charts, other', reason: 'map-content' }];
  return [l];
});

/** Whether a reason puts a line in the narrow list. */
export function inNarrowList(reason: LineReason): boolean {
  return LINE_REASONS[reason].narrow;
}
