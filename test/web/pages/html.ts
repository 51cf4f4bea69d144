/**
 * A small reader of the pages' markup into a tree, enough to find elements by tag, class and attribute
 * and read their text. The pages come from hono/jsx, which quotes every attribute and closes every
 * element, so a strict reader doubles as a check that a page is well formed.
 */

export interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: Element | null;
}
export type Node = Element | string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TOKEN = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*(?:="[^"]*")?)*)\s*(\/?)>|[^<]+/iy;
const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)(?:="([^"]*)")?/g;

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower] ?? '';
  });
}

/** Reads a page into a tree under a synthetic root; throws on markup that does not nest. */
export function parseHtml(html: string): Element {
  const root: Element = { tag: '#root', attrs: {}, children: [], parent: null };
  let current = root;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < html.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(html);
    if (!m) throw new Error(`unreadable markup at ${at}: ${html.slice(at, at + 60)}`);
    const [token, closing, opening, attributes, selfClosing] = m;
    if (closing) {
      const tag = closing.toLowerCase();
      if (current.tag !== tag) throw new Error(`</${tag}> at ${at} closes <${current.tag}>`);
      current = current.parent ?? root;
    } else if (opening) {
      const tag = opening.toLowerCase();
      const attrs: Record<string, string> = {};
      for (const [, name, value] of (attributes ?? '').matchAll(ATTRIBUTE)) attrs[name ?? ''] = decodeEntities(value ?? '');
      const el: Element = { tag, attrs, children: [], parent: current };
      current.children.push(el);
      if (!selfClosing && !VOID.has(tag)) current = el;
    } else if (!token.startsWith('<!')) {
      current.children.push(decodeEntities(token));
    }
  }
  if (current !== root) throw new Error(`unclosed <${current.tag}>`);
  return root;
}

/** Every element under `from` (depth first, document order) that satisfies `test`. */
export function findAll(from: Element, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      if (test(child)) out.push(child);
      walk(child);
    }
  };
  walk(from);
  return out;
}

/**
 * Elements matching a simple selector: `tag`, `.class`, `tag.class`, `[attr]`, `[attr=value]`, combined
 * (`svg[role=img]`), and descendants separated by spaces (`figure.map svg[role=img]`).
 */
export function select(from: Element, selector: string): Element[] {
  let scope = [from];
  for (const part of selector.trim().split(/\s+/)) {
    const test = compile(part);
    const next = new Set<Element>();
    for (const s of scope) for (const el of findAll(s, test)) next.add(el);
    scope = [...next];
  }
  return scope;
}

export function selectOne(from: Element, selector: string): Element {
  const found = select(from, selector);
  if (found.length === 0) throw new Error(`no element matches ${selector}`);
  return found[0] as Element;
}

function compile(part: string): (el: Element) => boolean {
  const m = /^([a-z0-9]*)((?:\.[\w-]+)*)((?:\[[^\]]+\])*)$/i.exec(part);
  if (!m) throw new Error(`unsupported selector ${part}`);
  const tag = (m[1] ?? '').toLowerCase();
  const classes = (m[2] ?? '').split('.').filter(Boolean);
  const attrs = [...(m[3] ?? '').matchAll(/\[([^\]=]+)(?:=([^\]]*))?\]/g)].map(([, k, v]) => [k ?? '', v?.replace(/^"|"$/g, '')] as const);
  return (el) => {
    if (tag && el.tag !== tag) return false;
    const own = (el.attrs.class ?? '').split(/\s+/);
    if (!classes.every((c) => own.includes(c))) return false;
    return attrs.every(([k, v]) => (v === undefined ? k in el.attrs : el.attrs[k] === v));
  };
}

/** The text of an element and its descendants, with runs of white space made single spaces (a line break is a space). */
export function text(node: Node): string {
  const raw = (n: Node): string => (typeof n === 'string' ? n : n.tag === 'br' ? ' ' : n.children.map(raw).join(''));
  return raw(node).replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/** The text directly inside an element, without that of its child elements (a label's own words). */
export function ownText(el: Element): string {
  return el.children
    .filter((c): c is string => typeof c === 'string')
    .join('')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();
}

/** The nearest ancestor with the tag, if any. */
export function closest(el: Element, tag: string): Element | null {
  for (let p = el.parent; p; p = p.parent) if (p.tag === tag) return p;
  return null;
}
