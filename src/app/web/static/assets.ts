import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The style sheet, read once; its URL carries a hash of its content so browsers may cache it for good. */
export const STYLE_CSS = readFileSync(new URL('./style.css', import.meta.url), 'utf8');
export const STYLE_HREF = `/static/style.${createHash('sha1').update(STYLE_CSS).digest('hex').slice(0, 10)}.css`;
