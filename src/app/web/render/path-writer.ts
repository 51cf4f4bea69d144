import type { GeoContext } from 'd3-geo';

function num(n: number): string {
  // Leading zeros and "-0" cost bytes on every vertex and carry no information.
  const s = String(n);
  if (s.startsWith('0.')) return s.slice(1);
  if (s.startsWith('-0.')) return `-${s.slice(2)}`;
  return s === '-0' ? '0' : s;
}

function join(numbers: readonly number[]): string {
  let out = '';
  for (const n of numbers) {
    const s = num(n);
    out += out === '' || s.startsWith('-') ? s : ` ${s}`;
  }
  return out;
}

/**
 * A d3-geo path context that writes compact SVG path data: rounded relative coordinates, with repeated
 * vertices and rings that collapse below three points dropped, since at map scale they draw nothing.
 * @example const w = new PathWriter(); geoPath(projection, w)(feature); w.take()
 */
export class PathWriter implements GeoContext {
  private out = '';
  private ring: [number, number][] = [];

  /** `factor` is the number of steps per unit: 1 rounds to integers, 10 to one decimal. */
  constructor(private readonly factor = 1) {}

  /** Returns the path data written so far and starts afresh. */
  take(): string {
    this.flush();
    const d = this.out;
    this.out = '';
    return d;
  }

  beginPath(): void {}

  moveTo(x: number, y: number): void {
    this.flush();
    this.push(x, y);
  }

  lineTo(x: number, y: number): void {
    this.push(x, y);
  }

  closePath(): void {
    this.flush();
  }

  arc(): void {
    // Point geometries are drawn as explicit circles by the map, never through the path generator.
  }

  private push(x: number, y: number): void {
    const p: [number, number] = [Math.round(x * this.factor), Math.round(y * this.factor)];
    const last = this.ring[this.ring.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) this.ring.push(p);
  }

  private flush(): void {
    const ring = this.ring;
    this.ring = [];
    const first = ring[0];
    const end = ring[ring.length - 1];
    if (first && end && ring.length > 1 && first[0] === end[0] && first[1] === end[1]) ring.pop();
    if (ring.length < 3 || first === undefined) return;
    const f = this.factor;
    const rel: number[] = [];
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1] as [number, number];
      const b = ring[i] as [number, number];
      rel.push((b[0] - a[0]) / f, (b[1] - a[1]) / f);
    }
    this.out += `M${join([first[0] / f, first[1] / f])}l${join(rel)}z`;
  }
}
