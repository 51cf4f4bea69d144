// Characters XML 1.0 forbids outright; a stray one in a country name would make the whole SVG unparseable.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const SPECIAL = /[&<>"']/g;

function entity(char: string): string {
  switch (char) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    default:
      return '&#39;';
  }
}

/**
 * Escapes text for SVG character data and quoted attribute values.
 * @example escapeXml('Bosnia & Herzegovina') // 'Bosnia &amp; Herzegovina'
 */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(SPECIAL, entity);
}
