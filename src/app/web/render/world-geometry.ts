import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection } from 'geojson';
import { PathWriter } from './path-writer.ts';

// Named through topojson-client's own signature, so no types package beyond the declared ones is needed.
type Topology = Parameters<typeof feature>[0];
type GeometryObject = Exclude<Parameters<typeof feature>[1], string>;

/** Width of the map's coordinate space; pages scale the SVG to their column. */
export const MAP_WIDTH = 960;

const PADDING = 4;
const ANTARCTICA = '010';

/**
 * Below this projected area (px² at 960 px wide) a country is a speck no reader can find or click, so it
 * is drawn as a marker instead; Fiji, cut into slivers by the antimeridian, is just above 15 px².
 */
export const DEFAULT_MIN_AREA = 16;

/**
 * Where to put markers for states and territories that Natural Earth's 50m file lacks: the main island or
 * capital, [longitude, latitude]. Tuvalu is the case that matters: a SIDS absent at 110m and at 50m.
 */
const FALLBACK_POSITIONS: Readonly<Record<string, readonly [number, number]>> = {
  '798': [179.2, -8.52], // Tuvalu, Funafuti
  '772': [-171.85, -9.2], // Tokelau
  '292': [-5.35, 36.14], // Gibraltar
  '638': [55.53, -21.12], // Réunion
  '175': [45.17, -12.82], // Mayotte
  '474': [-61.02, 14.64], // Martinique
  '312': [-61.55, 16.25], // Guadeloupe
  '254': [-53.13, 3.93], // French Guiana
  '535': [-68.25, 12.18], // Bonaire, Sint Eustatius and Saba
  '830': [-2.35, 49.35], // Channel Islands
  '162': [105.62, -10.49], // Christmas Island
  '166': [96.87, -12.16], // Cocos (Keeling) Islands
  '744': [15.65, 78.22], // Svalbard and Jan Mayen
  '074': [3.36, -54.42], // Bouvet Island
};

/** A mapped country as drawn: its outline, or a marker where the outline would be invisible. */
export type CountryShape =
  | { kind: 'path'; iso3: string; d: string }
  | { kind: 'marker'; iso3: string; x: number; y: number };

/** Everything a world map needs, projected once. */
export interface WorldGeometry {
  width: number;
  height: number;
  /** One shape per placed country: outlines first, then markers, so markers stay on top. */
  shapes: readonly CountryShape[];
  /** Land of no mapped country (Kosovo, Northern Cyprus, unmapped territories, specks under markers). */
  background: string;
  /** ISO3 codes of mapped countries drawn nowhere: Antarctica (left out to save a fifth of the height) or no geometry. */
  unplaced: readonly string[];
}

type Loaded = { topology: Topology; countries: { geometries: GeometryObject[] } };

function loadAtlas(file: string): Loaded {
  const require = createRequire(import.meta.url);
  const path = require.resolve(`world-atlas/${file}`);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const countries = (parsed as { objects?: { countries?: { type?: string; geometries?: unknown } } })?.objects?.countries;
  if (countries?.type !== 'GeometryCollection' || !Array.isArray(countries.geometries)) {
    throw new Error(`${path}: expected a TopoJSON topology with a "countries" GeometryCollection`);
  }
  return { topology: parsed as Topology, countries: countries as { geometries: GeometryObject[] } };
}

function idOf(g: GeometryObject): string | undefined {
  return typeof g.id === 'string' ? g.id : typeof g.id === 'number' ? String(g.id).padStart(3, '0') : undefined;
}

function toFeatures(topology: Topology, geometries: GeometryObject[]): Feature[] {
  return (feature(topology, { type: 'GeometryCollection', geometries }) as FeatureCollection).features;
}

function markerAt(projection: GeoProjection, lonLat: readonly [number, number], factor: number): { x: number; y: number } | null {
  const p = projection([lonLat[0], lonLat[1]]);
  return p ? { x: Math.round(p[0] * factor) / factor, y: Math.round(p[1] * factor) / factor } : null;
}

/** How finely to project the world. */
export interface WorldGeometryOptions {
  /** Projected area (px²) below which a country is drawn as a marker (default 16). */
  minArea?: number;
  /**
   * Decimals of the coordinates: 0 (default) halves the compressed size and is indistinguishable up to
   * about twice the native width; 1 suits large prints.
   */
  decimals?: 0 | 1;
}

/**
 * Projects the 110m world (Equal Earth) for the countries in `m49ToIso3`, with markers at 50m centroids for
 * the countries that are absent or too small to see. Reads the atlas files; call once at start-up.
 * @example buildWorldGeometry(new Map([['004', 'AFG']])).shapes[0]?.iso3 // 'AFG'
 */
export function buildWorldGeometry(
  m49ToIso3: ReadonlyMap<string, string>,
  options: WorldGeometryOptions = {},
): WorldGeometry {
  const minArea = options.minArea ?? DEFAULT_MIN_AREA;
  const factor = options.decimals === 1 ? 10 : 1;
  const world = loadAtlas('countries-110m.json');
  const drawn = world.countries.geometries.filter((g) => idOf(g) !== ANTARCTICA);
  const features = toFeatures(world.topology, drawn);
  const collection: FeatureCollection = { type: 'FeatureCollection', features };

  const projection = geoEqualEarth().fitWidth(MAP_WIDTH - 2 * PADDING, collection);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PADDING, ty + PADDING]);
  const measure = geoPath(projection);
  const bottom = measure.bounds(collection)[1][1];

  const writer = new PathWriter(factor);
  const draw = geoPath(projection, writer);
  const paths: CountryShape[] = [];
  const needMarker = new Map<string, string>(); // m49 → iso3
  let background = '';
  features.forEach((f, i) => {
    const m49 = idOf(drawn[i] as GeometryObject);
    const iso3 = m49 === undefined ? undefined : m49ToIso3.get(m49);
    if (m49 !== undefined && iso3 !== undefined && measure.area(f) >= minArea) {
      draw(f);
      paths.push({ kind: 'path', iso3, d: writer.take() });
      return;
    }
    if (m49 !== undefined && iso3 !== undefined) needMarker.set(m49, iso3);
    draw(f);
    background += writer.take();
  });

  const present = new Set(world.countries.geometries.map(idOf));
  for (const [m49, iso3] of m49ToIso3) {
    if (!present.has(m49) && m49 !== ANTARCTICA) needMarker.set(m49, iso3);
  }

  const markers: CountryShape[] = [];
  const unplaced: string[] = [];
  if (m49ToIso3.has(ANTARCTICA)) unplaced.push(m49ToIso3.get(ANTARCTICA) as string);
  if (needMarker.size > 0) {
    const detail = loadAtlas('countries-50m.json');
    const byId = new Map<string, GeometryObject[]>();
    for (const g of detail.countries.geometries) {
      const id = idOf(g);
      if (id !== undefined && needMarker.has(id)) byId.set(id, [...(byId.get(id) ?? []), g]);
    }
    for (const [m49, iso3] of [...needMarker].sort(([a], [b]) => a.localeCompare(b))) {
      const geometries = byId.get(m49);
      const lonLat = geometries
        ? geoCentroid({ type: 'FeatureCollection', features: toFeatures(detail.topology, geometries) })
        : FALLBACK_POSITIONS[m49];
      const at = lonLat && Number.isFinite(lonLat[0]) ? markerAt(projection, lonLat, factor) : null;
      if (at) markers.push({ kind: 'marker', iso3, ...at });
      else unplaced.push(iso3);
    }
  }

  return {
    width: MAP_WIDTH,
    height: Math.ceil(bottom + PADDING),
    shapes: [...paths, ...markers],
    background,
    unplaced: unplaced.sort(),
  };
}
