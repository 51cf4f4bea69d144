// A small well-formedness check, enough to catch unbalanced tags, unquoted attributes and unescaped text
// in generated SVG without an XML parser dependency.
const TOKEN =
  /<!--[\s\S]*?-->|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>|[^<]+/y;
const BAD_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)="([^"]*)"/g;

/** Problems that make `xml` not well-formed; empty when it parses. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (!m) {
      problems.push(`unparseable markup at ${at}: ${xml.slice(at, at + 40)}`);
      break;
    }
    const [token, closing, opening, attributes, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== closing) problems.push(`</${closing}> at ${at} closes <${open ?? 'nothing'}>`);
    } else if (opening) {
      if (stack.length === 0) roots++;
      const names = new Set<string>();
      for (const [, name, value] of (attributes ?? '').matchAll(ATTRIBUTE)) {
        if (names.has(name ?? '')) problems.push(`duplicate attribute ${name} on <${opening}> at ${at}`);
        names.add(name ?? '');
        if (BAD_AMPERSAND.test(value ?? '')) problems.push(`bare & in attribute ${name} at ${at}`);
      }
      if (!selfClosing) stack.push(opening);
    } else if (!token.startsWith('<!--')) {
      if (stack.length === 0 && token.trim() !== '') problems.push(`text outside the root at ${at}`);
      if (BAD_AMPERSAND.test(token)) problems.push(`bare & in text at ${at}: ${token.slice(0, 40)}`);
      if (token.includes('>')) problems.push(`bare > in text at ${at}`);
    }
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}

/** Every element of the given name, with its attributes and raw content, in document order. */
export function elements(xml: string, name: string): { attrs: Record<string, string>; inner: string }[] {
  const re = new RegExp(`<${name}((?:\\s+[\\w:.-]+="[^"]*")*)\\s*(?:/>|>([\\s\\S]*?)</${name}>)`, 'g');
  return [...xml.matchAll(re)].map((m) => ({
    attrs: Object.fromEntries([...(m[1] ?? '').matchAll(ATTRIBUTE)].map((a) => [a[1] ?? '', a[2] ?? ''])),
    inner: m[2] ?? '',
  }));
}

/** Text of the first `<title>` inside some markup, entities decoded. */
export function titleOf(markup: string): string | undefined {
  const m = /<title(?:\s[^>]*)?>([^<]*)<\/title>/.exec(markup);
  return m?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A `<text>` of an SVG with what it inherits from its ancestors: position, anchor, font size and content. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  fontSize: number;
}

const INHERITED = ['text-anchor', 'font-size'];

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every `<text>` of an SVG, with the anchor and font size it inherits (the SVG defaults are start and 16). */
export function placedTexts(svg: string): PlacedText[] {
  const out: PlacedText[] = [];
  const stack: { name: string; attrs: Record<string, string> }[] = [];
  const inherited = (name: string): string | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const v = stack[i]?.attrs[name];
      if (v !== undefined) return v;
    }
    return undefined;
  };
  let current: { attrs: Record<string, string>; text: string } | null = null;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(svg); m && m[0] !== ''; m = TOKEN.exec(svg)) {
    const [token, closing, opening, attributes, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open?.name === 'text' && current) {
        out.push({
          text: decode(current.text),
          x: Number(current.attrs.x ?? 0),
          y: Number(current.attrs.y ?? 0),
          anchor: (inherited('text-anchor') ?? 'start') as PlacedText['anchor'],
          fontSize: Number(inherited('font-size') ?? 16),
        });
        current = null;
      }
    } else if (opening) {
      const attrs = Object.fromEntries([...(attributes ?? '').matchAll(ATTRIBUTE)].map((a) => [a[1] ?? '', a[2] ?? '']));
      if (selfClosing) continue;
      stack.push({ name: opening, attrs: Object.fromEntries(Object.entries(attrs).filter(([k]) => INHERITED.includes(k) || opening === 'text')) });
      if (opening === 'text') current = { attrs, text: '' };
    } else if (current && !token.startsWith('<!--')) {
      current.text += token;
    }
    if (TOKEN.lastIndex >= svg.length) break;
  }
  return out;
}
