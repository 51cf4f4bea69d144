import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createWorldMap, describeMap, summarizeMap } from '../../../src/app/web/render/map.ts';
import type { WorldMapRenderOptions } from '../../../src/app/web/render/map.ts';
import { createColorScale } from '../../../src/app/web/render/scale.ts';
import { elements, titleOf, xmlProblems } from './xml-check.ts';

// [M49, ISO3, name]: the small island states our users care most about, plus large and tricky countries.
const COUNTRIES: [string, string, string][] = [
  ['798', 'TUV', 'Tuvalu'],
  ['520', 'NRU', 'Nauru'],
  ['296', 'KIR', 'Kiribati'],
  ['584', 'MHL', 'Marshall Islands'],
  ['776', 'TON', 'Tonga'],
  ['690', 'SYC', 'Seychelles'],
  ['480', 'MUS', 'Mauritius'],
  ['132', 'CPV', 'Cabo Verde'],
  ['678', 'STP', 'São Tomé and Príncipe'],
  ['174', 'COM', 'Comoros'],
  ['882', 'WSM', 'Samoa'],
  ['548', 'VUT', 'Vanuatu'],
  ['242', 'FJI', 'Fiji'],
  ['090', 'SLB', 'Solomon Islands'],
  ['598', 'PNG', 'Papua New Guinea'],
  ['583', 'FSM', 'Micronesia (Federated States of)'],
  ['585', 'PLW', 'Palau'],
  ['462', 'MDV', 'Maldives'],
  ['702', 'SGP', 'Singapore'],
  ['388', 'JAM', 'Jamaica'],
  ['780', 'TTO', 'Trinidad and Tobago'],
  ['044', 'BHS', 'Bahamas'],
  ['052', 'BRB', 'Barbados'],
  ['562', 'NER', 'Niger'],
  ['566', 'NGA', 'Nigeria'],
  ['686', 'SEN', 'Senegal'],
  ['270', 'GMB', 'Gambia'],
  ['384', 'CIV', 'Côte d’Ivoire'],
  ['070', 'BIH', 'Bosnia & Herzegovina'],
  ['076', 'BRA', 'Brazil'],
  ['356', 'IND', 'India'],
  ['156', 'CHN', 'China'],
  ['840', 'USA', 'United States'],
  ['250', 'FRA', 'France'],
  ['036', 'AUS', 'Australia'],
  ['643', 'RUS', 'Russian Federation'],
  ['124', 'CAN', 'Canada'],
  ['352', 'ISL', '<Iceland> "quoted"'],
  ['010', 'ATA', 'Antarctica'],
];
const SIDS = ['TUV', 'NRU', 'KIR', 'MHL', 'TON', 'SYC', 'MUS', 'CPV', 'STP', 'COM'];

const mapping = new Map(COUNTRIES.map(([m49, iso3]) => [m49, iso3]));
const labels = new Map(COUNTRIES.map(([, iso3, name]) => [iso3, name]));
const map = createWorldMap(mapping);

// Every country but a few gets a value; Niger, Senegal and Kiribati have none.
const values = new Map<string, number>();
COUNTRIES.forEach(([, iso3], i) => {
  if (!['NER', 'SEN', 'KIR', 'ATA'].includes(iso3)) values.set(iso3, (i * 17) % 100);
});
const pct = (n: number) => `${n.toFixed(1)}%`;
const scale = createColorScale({ values: values.values(), format: pct });

function options(extra: Partial<WorldMapRenderOptions> = {}): WorldMapRenderOptions {
  return {
    values,
    scale,
    formatValue: pct,
    title: 'Internet use, 2022',
    description: 'Individuals using the Internet, share of population',
    labels,
    noDataLabel: 'No data',
    ...extra,
  };
}

/** The drawn element (path or circle) of each country, keyed by ISO3. */
function shapes(svg: string): Map<string, { tag: string; attrs: Record<string, string>; inner: string }[]> {
  const byIso = new Map<string, { tag: string; attrs: Record<string, string>; inner: string }[]>();
  for (const tag of ['path', 'circle']) {
    for (const el of elements(svg, tag)) {
      const iso = el.attrs['data-iso3'];
      if (iso) byIso.set(iso, [...(byIso.get(iso) ?? []), { tag, ...el }]);
    }
  }
  return byIso;
}

describe('createWorldMap', () => {
  const svg = map.render(options());

  it('draws exactly one shape or marker per mapped country, small island states included', () => {
    const drawn = shapes(svg);
    expect(map.unplaced).toEqual(['ATA']);
    for (const [, iso3] of COUNTRIES.filter(([, iso]) => iso !== 'ATA')) {
      expect(drawn.get(iso3), iso3).toHaveLength(1);
    }
    expect(drawn.size).toBe(COUNTRIES.length - 1);
    for (const iso3 of SIDS) expect(drawn.get(iso3)?.[0]?.tag, iso3).toBe('circle');
    // Absent from both atlas files: placed from the fallback table near Funafuti, on the map's eastern edge.
    const tuvalu = drawn.get('TUV')?.[0];
    expect(Number(tuvalu?.attrs.cx)).toBeGreaterThan(900);
    // Present at 110m but too small to see or click.
    expect(drawn.get('TTO')?.[0]?.tag).toBe('circle');
    expect(drawn.get('BRA')?.[0]?.tag).toBe('path');
  });

  it('fills countries by class and countries without data with a hatch distinct from every class', () => {
    const drawn = shapes(svg);
    const noData = /^url\(#([\w-]+)\)$/.exec(drawn.get('NER')?.[0]?.attrs.fill ?? '');
    expect(noData).not.toBeNull();
    expect(svg).toContain(`<pattern id="${noData?.[1]}"`);
    for (const [iso3, v] of values) {
      expect(drawn.get(iso3)?.[0]?.attrs.fill, iso3).toBe(scale.colorOf(v));
    }
    for (const iso3 of ['NER', 'SEN', 'KIR']) {
      expect(drawn.get(iso3)?.[0]?.attrs.fill).toBe(noData?.[0]);
      expect(titleOf(drawn.get(iso3)?.[0]?.inner ?? '')).toMatch(/: No data$/);
    }
    expect(scale.colors).not.toContain(noData?.[0]);
    // The lowest and highest class are both in use.
    const fills = new Set([...drawn.values()].map((s) => s[0]?.attrs.fill));
    expect(fills).toContain(scale.colors[0]);
    expect(fills).toContain(scale.colors[scale.colors.length - 1]);
  });

  it('gives every country a "Name: value" tooltip', () => {
    const drawn = shapes(svg);
    expect(titleOf(drawn.get('BRA')?.[0]?.inner ?? '')).toBe(`Brazil: ${pct(values.get('BRA') ?? NaN)}`);
    expect(titleOf(drawn.get('TUV')?.[0]?.inner ?? '')).toBe(`Tuvalu: ${pct(values.get('TUV') ?? NaN)}`);
  });

  it('is a labelled image with a legend of every class and "no data"', () => {
    expect(xmlProblems(svg)).toEqual([]);
    const root = /^<svg[^>]*>/.exec(svg)?.[0] ?? '';
    expect(root).toContain('role="img"');
    const [titleId, descId] = (/aria-labelledby="([^"]+)"/.exec(root)?.[1] ?? '').split(' ');
    expect(svg).toContain(`<title id="${titleId}">Internet use, 2022</title>`);
    expect(svg).toContain(`<desc id="${descId}">Individuals using the Internet, share of population</desc>`);
    const texts = elements(svg, 'text').map((t) => t.inner);
    expect(texts).toEqual([...scale.labels, 'No data']);
  });

  it('escapes names, titles and links', () => {
    const out = map.render(
      options({
        title: 'Use & "access" <2022>',
        linkHref: (iso3) => `/countries/${iso3}?lang=fr&from=map`,
        legendTitle: 'Share (%) & rank',
      }),
    );
    expect(xmlProblems(out)).toEqual([]);
    expect(out).toContain('Bosnia &amp; Herzegovina: ');
    expect(out).toContain('Côte d’Ivoire: ');
    expect(out).toContain('&lt;Iceland&gt; &quot;quoted&quot;: ');
    expect(out).toContain('Use &amp; &quot;access&quot; &lt;2022&gt;');
    expect(out).toContain('Share (%) &amp; rank');
    expect(out).not.toContain('<Iceland>');
    expect(out).toContain('<a href="/countries/TUV?lang=fr&amp;from=map"><circle');
    expect(elements(out, 'a')).toHaveLength(COUNTRIES.length - 1);
  });

  it('outlines highlighted countries and draws them after the others', () => {
    const out = map.render(options({ highlight: new Set(['BRA', 'TUV']) }));
    const drawn = shapes(out);
    expect(drawn.get('BRA')?.[0]?.attrs.stroke).toBe('#000');
    expect(drawn.get('TUV')?.[0]?.attrs.stroke).toBe('#000');
    expect(drawn.get('IND')?.[0]?.attrs.stroke).toBeUndefined();
    const paths = elements(out, 'path').map((p) => p.attrs['data-iso3']).filter(Boolean);
    expect(paths[paths.length - 1]).toBe('BRA');
  });

  it('renders the same bytes twice and shows only "no data" in the legend when nothing has a value', () => {
    expect(map.render(options())).toBe(svg);
    const empty = map.render(options({ values: new Map() }));
    expect(elements(empty, 'text').map((t) => t.inner)).toEqual(['No data']);
    expect(xmlProblems(empty)).toEqual([]);
  });
});

describe('describeMap', () => {
  it('names the extremes and counts the countries with data', () => {
    const v = new Map([
      ['ISL', 99],
      ['NER', 3],
      ['TUV', 50],
      ['XXX', NaN],
    ]);
    const names = new Map([
      ['ISL', 'Iceland'],
      ['NER', 'Niger'],
    ]);
    expect(describeMap(v, names, (n) => `${n}%`)).toBe('Highest: Iceland (99%), lowest: Niger (3%); 3 countries with data.');
    expect(describeMap(new Map(), names, String)).toBe('No country has data.');
    expect(summarizeMap(new Map([['B', 5], ['A', 5]]), new Map()).highest?.iso3).toBe('A');
  });
});

describe('world map budget', () => {
  it('stays under 45 KB gzipped for every country of the atlas and renders in a few milliseconds', () => {
    // Every M49 code the 50m atlas knows, plus Tuvalu, mapped to made-up three-letter codes.
    const require = createRequire(import.meta.url);
    const atlas = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as {
      objects: { countries: { geometries: { id?: string; properties: { name: string } }[] } };
    };
    const all = new Map<string, string>([['798', 'TUV']]);
    const names = new Map<string, string>([['TUV', 'Tuvalu']]);
    for (const g of atlas.objects.countries.geometries) {
      if (!g.id || g.id === '010') continue;
      const iso = [...g.id].map((d) => String.fromCharCode(65 + Number(d))).join('');
      all.set(g.id, iso);
      names.set(iso, g.properties.name);
    }
    const t0 = performance.now();
    const world = createWorldMap(all);
    const created = performance.now() - t0;
    const v = new Map([...names.keys()].map((iso, i) => [iso, (i * 37) % 100] as const));
    const s = createColorScale({ values: v.values(), format: pct, classes: 7 });
    const o = options({
      values: v,
      scale: s,
      labels: names,
      linkHref: (iso3) => `/countries/${iso3}`,
      legendTitle: 'Individuals using the Internet (% of population)',
    });
    world.render(o);
    const runs = 50;
    const t1 = performance.now();
    let svg = '';
    for (let i = 0; i < runs; i++) svg = world.render(o);
    const perRender = (performance.now() - t1) / runs;
    const gz = gzipSync(svg).length;
    const drawn = shapes(svg).size;
    console.log(
      `world map: ${drawn} countries, ${svg.length} bytes raw, ${gz} bytes gzip; ` +
        `created in ${created.toFixed(0)} ms, rendered in ${perRender.toFixed(2)} ms`,
    );
    expect(drawn).toBeGreaterThanOrEqual(210);
    expect(world.unplaced).toEqual([]);
    expect(gz).toBeLessThan(45 * 1024);
    expect(xmlProblems(svg)).toEqual([]);
  });
});
