import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../src/app/web/render/escape.ts';
import { svgId } from '../../../src/app/web/render/svg.ts';

describe('escapeXml', () => {
  it('escapes markup characters and keeps other text as is', () => {
    expect(escapeXml('Bosnia & Herzegovina')).toBe('Bosnia &amp; Herzegovina');
    expect(escapeXml('<script>"x"\'y\'</script>')).toBe('&lt;script&gt;&quot;x&quot;&#39;y&#39;&lt;/script&gt;');
    expect(escapeXml('Côte d’Ivoire')).toBe('Côte d’Ivoire');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('drops characters XML cannot carry', () => {
    expect(escapeXml('a\u0000b\u0007c\td')).toBe('abc\td');
  });
});

describe('svgId', () => {
  it('is stable and differs between texts', () => {
    expect(svgId('Internet use')).toBe(svgId('Internet use'));
    expect(svgId('Internet use')).not.toBe(svgId('Internet use, 2021'));
    expect(svgId('x')).toMatch(/^r[0-9a-z]+$/);
  });
});
