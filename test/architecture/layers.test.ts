import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/** Which layers a layer may import from; the order is domain → adapters → app (services → questions → web, cli). */
const ALLOWED: Record<string, readonly string[]> = {
  domain: ['domain'],
  adapters: ['domain', 'adapters'],
  'app/services': ['domain', 'adapters', 'app/services'],
  'app/questions': ['domain', 'adapters', 'app/services', 'app/questions'],
  'app/web': ['domain', 'adapters', 'app/services', 'app/questions', 'app/web'],
  'app/cli': ['domain', 'adapters', 'app/services', 'app/questions', 'app/web', 'app/cli'],
};

/** Layers that must stay pure: no Node built-ins, no packages (databases, HTTP, files). */
const PURE = new Set(['domain']);

function layerOf(path: string): string | null {
  const rel = relative(SRC, path).split('\\').join('/');
  for (const layer of Object.keys(ALLOWED).sort((a, b) => b.length - a.length)) {
    if (rel === layer || rel.startsWith(`${layer}/`)) return layer;
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

/** The imports of a source text that break the layering rules, as "file → import (why)". */
export function violations(file: string, text: string): string[] {
  const from = layerOf(file);
  if (!from) return [`${relative(ROOT, file)} is outside the layers (${Object.keys(ALLOWED).join(', ')})`];
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec) continue;
    const where = `${relative(ROOT, file)} → ${spec}`;
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      const to = layerOf(target);
      if (!to) found.push(`${where} (outside src)`);
      else if (!(ALLOWED[from] ?? []).includes(to)) found.push(`${where} (${from} may not import ${to})`);
    } else if (PURE.has(from)) {
      const builtin = spec.startsWith('node:') || builtinModules.includes(spec);
      found.push(`${where} (${from} is pure: no ${builtin ? 'Node built-ins' : 'packages'})`);
    }
  }
  return found;
}

describe('layers', () => {
  it('every import in src points down the layers: domain ← adapters ← services ← web ← cli', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(30);
    const found = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches imports against the direction', () => {
    expect(violations(join(SRC, 'domain/x.ts'), "import { x } from '../adapters/storage/store.ts';")).toHaveLength(1);
    expect(violations(join(SRC, 'domain/x.ts'), "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(violations(join(SRC, 'adapters/x.ts'), "import type { X } from '../app/web/server.ts';")).toHaveLength(1);
    expect(violations(join(SRC, 'app/services/x.ts'), "export { y } from '../web/server.ts';")).toHaveLength(1);
    expect(violations(join(SRC, 'app/web/x.ts'), "const m = await import('../cli/main.ts');")).toHaveLength(1);
    expect(violations(join(SRC, 'app/cli/x.ts'), "import { createApp } from '../web/server.ts';\nimport pg from 'pg';")).toEqual([]);
  });
});
