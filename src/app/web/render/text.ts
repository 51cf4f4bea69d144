/**
 * Text measured without a font engine: charts are laid out on the server, so margins and legends rest on
 * an estimate of each label's width that must not fall short of what browsers draw.
 */

/**
 * Advance widths in em, per character: the wider of DejaVu Sans (what `system-ui` and `sans-serif` resolve
 * to on most Linux systems, and wider than the system fonts of Windows, macOS and Android) and Liberation
 * Sans (metrically Arial and Helvetica), rounded up to the hundredth. Measured in Chromium.
 */
const WIDTHS: readonly (readonly [string, number])[] = [
  ['\u2009', 0.2],
  ["'ijlı", 0.28],
  ['ł', 0.29],
  ['I', 0.3],
  [' ,.\u00a0\u202f’‘·', 0.32],
  ['/:;\\|', 0.34],
  ['f', 0.36],
  ['-', 0.37],
  ['()[]t', 0.4],
  ['!', 0.41],
  ['r', 0.42],
  ['"', 0.46],
  ['*J`°', 0.5],
  ['“”', 0.52],
  ['sz', 0.53],
  ['c', 0.55],
  ['?L_–', 0.56],
  ['k', 0.58],
  ['•', 0.59],
  ['vxy', 0.6],
  ['FTaeoøð', 0.62],
  ['ß', 0.63],
  ['0123456789$bdghnpqu{}€£¥þ¢¤₹₦₱', 0.64],
  ['EKPSY', 0.67],
  ['ABVXZ', 0.69],
  ['CR', 0.73],
  ['U', 0.74],
  ['N', 0.75],
  ['H', 0.76],
  ['&DG', 0.78],
  ['OQØ', 0.79],
  ['w', 0.82],
  ['#+<=>^~−×≥≤±', 0.84],
  ['M', 0.87],
  ['%', 0.96],
  ['m', 0.98],
  ['Wæ₩', 0.99],
  ['—…→Æ', 1],
  ['@', 1.02],
  ['œ', 1.03],
  ['Œ', 1.07],
];

const WIDTH = new Map<string, number>(WIDTHS.flatMap(([chars, w]) => [...chars].map((c) => [c, w] as const)));

/** Accents and other combining marks, which add no width of their own. */
const COMBINING = /\p{M}/u;
/** Scripts set on a square body: CJK, kana, hangul, full-width forms. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** Any other character: as wide as a capital, more than most letters of any script. */
const OTHER = 0.8;

function charWidth(c: string): number {
  const known = WIDTH.get(c);
  if (known !== undefined) return known;
  if (COMBINING.test(c)) return 0;
  return WIDE.test(c) ? 1 : OTHER;
}

/**
 * Estimated width of a text in SVG units; an accented letter counts as its base letter.
 * @example textWidth('US$7m', 12) // 45
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text.normalize('NFD')) em += charWidth(c);
  return Math.ceil(em * fontSize);
}

/** Height above the baseline and depth below it, in em, that the text's glyphs may reach. */
export const ASCENT = 0.93;
export const DESCENT = 0.24;

/** How a `<text>` is anchored at its x. */
export type TextAnchor = 'start' | 'middle' | 'end';

/** The box a text's glyphs may fill, in SVG units. */
export interface TextBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The estimated box of a text drawn at (x, y) with its baseline at y.
 * @example textBox('2020', 100, 50, 12, 'middle') // { x0: 84.5, x1: 115.5, y0: 38.84, y1: 52.88 }
 */
export function textBox(text: string, x: number, y: number, fontSize: number, anchor: TextAnchor = 'start'): TextBox {
  const w = textWidth(text, fontSize);
  const x0 = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  return { x0, x1: x0 + w, y0: y - ASCENT * fontSize, y1: y + DESCENT * fontSize };
}

/**
 * Breaks a text into lines no wider than `maxWidth`, at spaces, and within a word only when the word alone is wider.
 * @example wrapText('Least developed countries', 12, 100) // ['Least developed', 'countries']
 */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const c of word) {
      if (line !== '' && textWidth(line + c, fontSize) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += c;
    }
  }
  lines.push(line);
  return lines;
}
