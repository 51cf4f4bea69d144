/**
 * Lines whose imports look like government procurement rather than digitisable trade: security documents
 * printed abroad for a state or its banks (passports, stamps, excise stickers, banknotes, cheque forms,
 * securities). Their value is the secure physical document; a moratorium on electronic transmissions
 * forgoes no duty on them, yet the studies' broad list counts them.
 */

export interface ProcurementFlag {
  /** The HS6 line flagged. */
  hs6: string;
  /** Why, in English; pages word it from the code. */
  reason: string;
  code: 'security-documents' | 'national-description';
  /** National lines of the reporter known to be procurement, with their description as the source publishes it. */
  nationalLines: readonly KnownNationalLine[];
}

/** A national tariff line whose published description says it is government procurement. */
export interface KnownNationalLine {
  reporter: string;
  line: string;
  description: string;
  source: string;
}

/** HS headings of security documents, printed for governments, central banks and banks. */
const SECURITY_HEADINGS: readonly string[] = ['4907'];

const SECURITY_REASON =
  'heading 4907: unused stamps, stamp-impressed paper, banknotes, cheque forms, securities and documents of title (passports are classed here by some customs): printed for governments and banks, procurement rather than digitisable trade';

const NEPAL_STATISTICS = 'Department of Customs, Government of Nepal, Foreign Trade Statistics FY 2082/83, description as published';

/**
 * National lines the sources describe as procurement. Nepal's statistics name passports (US$13.6 m in FY
 * 2082/83, from France and Greece) and excise stickers (from India) under 4907.
 */
export const KNOWN_NATIONAL_LINES: readonly KnownNationalLine[] = [
  { reporter: 'NPL', line: '49070040', description: 'Passport', source: NEPAL_STATISTICS },
  { reporter: 'NPL', line: '49070050', description: 'Excise tickets (Sticker)', source: NEPAL_STATISTICS },
  { reporter: 'NPL', line: '49070060', description: 'Cheque form, check book', source: NEPAL_STATISTICS },
  { reporter: 'NPL', line: '49070090', description: 'Unused postage, stamp-impressed paper; ban note, stock, share, cheque forms', source: NEPAL_STATISTICS },
];

/** Words in a national description that name security documents bought by states and banks. */
const PROCUREMENT_WORDS = /\b(passports?|excise|postage|stamps?|stamp-impressed|bank ?notes?|ban note|cheques?|check ?books?|securit(y|ies)|share certificates?|revenue stamps?)\b/i;

/**
 * The word of a national line's description that marks it as procurement, or null.
 * @example procurementWord('Excise tickets (Sticker)') // 'Excise'
 */
export function procurementWord(description: string): string | null {
  return PROCUREMENT_WORDS.exec(description)?.[0] ?? null;
}

/**
 * The flag of a reporter's HS6 line: the heading of security documents, or a national line of it whose
 * published description names them. Null when nothing marks the line.
 */
export function procurementFlag(reporter: string, hs6: string): ProcurementFlag | null {
  const nationalLines = KNOWN_NATIONAL_LINES.filter((l) => l.reporter === reporter && l.line.startsWith(hs6));
  if (SECURITY_HEADINGS.some((h) => hs6.startsWith(h))) return { hs6, reason: SECURITY_REASON, code: 'security-documents', nationalLines };
  if (nationalLines.length) {
    return { hs6, reason: `national lines described as ${nationalLines.map((l) => `"${l.description}"`).join(', ')}`, code: 'national-description', nationalLines };
  }
  return null;
}
