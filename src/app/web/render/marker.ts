import type { MarkerShape } from './series.ts';
import { coord } from './svg.ts';

/**
 * A point marker of the given shape centred on (x, y), with `inner` markup (a `<title>`) as its child.
 * @example markerElement('circle', 10, 20, 3, '') // '<circle cx="10" cy="20" r="3"></circle>'
 */
export function markerElement(shape: MarkerShape, x: number, y: number, r: number, inner: string): string {
  switch (shape) {
    case 'circle':
      return `<circle cx="${coord(x)}" cy="${coord(y)}" r="${coord(r)}">${inner}</circle>`;
    case 'square': {
      // Slightly smaller than the circle's box so both look the same weight.
      const h = r * 0.85;
      return `<rect x="${coord(x - h)}" y="${coord(y - h)}" width="${coord(2 * h)}" height="${coord(2 * h)}">${inner}</rect>`;
    }
    case 'diamond': {
      const d = r * 1.2;
      return `<path d="M${coord(x)} ${coord(y - d)}L${coord(x + d)} ${coord(y)} ${coord(x)} ${coord(y + d)} ${coord(x - d)} ${coord(y)}Z">${inner}</path>`;
    }
    case 'triangle': {
      const t = r * 1.2;
      return `<path d="M${coord(x)} ${coord(y - t)}L${coord(x + t)} ${coord(y + t * 0.8)} ${coord(x - t)} ${coord(y + t * 0.8)}Z">${inner}</path>`;
    }
  }
}
