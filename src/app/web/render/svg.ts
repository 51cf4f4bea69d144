import { escapeXml } from './escape.ts';

/**
 * A stable id prefix derived from text (FNV-1a), so the same chart renders byte-identically and two
 * different charts on one page do not share `<title>` ids or patterns.
 * @example svgId('Internet use, 2022') // 'r1b5xkkx'
 */
export function svgId(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `r${(h >>> 0).toString(36)}`;
}

/**
 * Rounds a coordinate to one decimal, the precision an SVG of a few hundred units needs.
 * @example coord(12.345) // '12.3'
 */
export function coord(n: number): string {
  const r = Math.round(n * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
}

/** What every standalone, accessible SVG of the Observatory starts with. */
export interface SvgFrame {
  id: string;
  width: number;
  height: number;
  title: string;
  description: string;
  /** Extra attributes for the root element, already escaped (e.g. `width="120" height="30"`). */
  attributes?: string;
}

/**
 * Wraps body markup in an `<svg role="img">` labelled by its own `<title>` and `<desc>`.
 * @example svgDocument({ id: 'a', width: 10, height: 10, title: 'T', description: 'D' }, '<rect/>')
 */
export function svgDocument(frame: SvgFrame, body: string): string {
  const { id } = frame;
  const extra = frame.attributes ? ` ${frame.attributes}` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${frame.width} ${frame.height}"${extra}` +
    ` role="img" aria-labelledby="${id}-t ${id}-d" font-family="system-ui,sans-serif">` +
    `<title id="${id}-t">${escapeXml(frame.title)}</title><desc id="${id}-d">${escapeXml(frame.description)}</desc>` +
    `${body}</svg>`
  );
}
