/**
 * A tiny raster canvas for the seed's banner images: RGB pixels, shapes whose edges are smoothed
 * from their signed distance (no image dependencies).
 */

export type Rgb = readonly [number, number, number];
export type Point = readonly [number, number];

export const hex = (color: string): Rgb => {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
};

export class Canvas {
  readonly rgb: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rgb = new Uint8Array(width * height * 3);
  }

  private blend(i: number, color: Rgb, alpha: number) {
    for (let c = 0; c < 3; c++) {
      this.rgb[i + c] = Math.round(this.rgb[i + c]! + (color[c]! - this.rgb[i + c]!) * alpha);
    }
  }

  /** Linear gradient over the whole canvas, `angle` in degrees (0: left to right). */
  gradient(from: Rgb, to: Rgb, angle: number) {
    const [dx, dy] = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
    const corners = [0, this.width * dx, this.height * dy, this.width * dx + this.height * dy];
    const [min, max] = [Math.min(...corners), Math.max(...corners)];
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const t = (x * dx + y * dy - min) / (max - min);
        const i = (y * this.width + x) * 3;
        for (let c = 0; c < 3; c++)
          this.rgb[i + c] = Math.round(from[c]! + (to[c]! - from[c]!) * t);
      }
    }
  }

  /** Any shape given by its signed distance (negative inside) within a bounding box. */
  shape(
    box: [number, number, number, number],
    distance: (x: number, y: number) => number,
    color: Rgb,
    alpha = 1,
  ) {
    const [x0, y0] = [Math.max(0, Math.floor(box[0])), Math.max(0, Math.floor(box[1]))];
    const [x1, y1] = [
      Math.min(this.width, Math.ceil(box[2])),
      Math.min(this.height, Math.ceil(box[3])),
    ];
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const coverage = Math.min(1, Math.max(0, 0.5 - distance(x + 0.5, y + 0.5)));
        if (coverage > 0) this.blend((y * this.width + x) * 3, color, coverage * alpha);
      }
    }
  }

  circle(cx: number, cy: number, r: number, color: Rgb, alpha = 1) {
    this.shape(
      [cx - r - 1, cy - r - 1, cx + r + 1, cy + r + 1],
      (x, y) => Math.sqrt((x - cx) ** 2 + (y - cy) ** 2) - r,
      color,
      alpha,
    );
  }

  ring(cx: number, cy: number, r: number, width: number, color: Rgb, alpha = 1) {
    const outer = r + width;
    this.shape(
      [cx - outer, cy - outer, cx + outer, cy + outer],
      (x, y) => Math.abs(Math.sqrt((x - cx) ** 2 + (y - cy) ** 2) - r) - width / 2,
      color,
      alpha,
    );
  }

  /** Soft light: alpha fades from the centre to nothing at radius r. */
  glow(cx: number, cy: number, r: number, color: Rgb, alpha: number) {
    const y1 = Math.min(this.height, Math.ceil(cy + r));
    const x1 = Math.min(this.width, Math.ceil(cx + r));
    for (let y = Math.max(0, Math.floor(cy - r)); y < y1; y++) {
      for (let x = Math.max(0, Math.floor(cx - r)); x < x1; x++) {
        const t = 1 - Math.sqrt((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2) / r;
        if (t > 0) this.blend((y * this.width + x) * 3, color, alpha * t * t);
      }
    }
  }

  line(points: Point[], width: number, color: Rgb, alpha = 1) {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const pad = width + 1;
    this.shape(
      [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad],
      (x, y) => {
        let best = Infinity;
        for (let i = 1; i < points.length; i++)
          best = Math.min(best, segmentDistance(x, y, points[i - 1]!, points[i]!));
        return best - width / 2;
      },
      color,
      alpha,
    );
  }

  polygon(points: Point[], color: Rgb, alpha = 1) {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    this.shape(
      [Math.min(...xs) - 1, Math.min(...ys) - 1, Math.max(...xs) + 1, Math.max(...ys) + 1],
      (x, y) => polygonDistance(x, y, points),
      color,
      alpha,
    );
  }
}

// The two functions below run for every pixel of a shape: plain arithmetic, no allocations.
function segmentDistance(x: number, y: number, a: Point, b: Point): number {
  const ex = b[0] - a[0];
  const ey = b[1] - a[1];
  const wx = x - a[0];
  const wy = y - a[1];
  const t = Math.min(1, Math.max(0, (wx * ex + wy * ey) / (ex * ex + ey * ey || 1)));
  const dx = wx - ex * t;
  const dy = wy - ey * t;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Signed distance to a polygon (Inigo Quilez's formulation): negative inside. */
function polygonDistance(x: number, y: number, v: Point[]): number {
  let d = Infinity;
  let sign = 1;
  for (let i = 0, j = v.length - 1; i < v.length; j = i, i++) {
    const a = v[i]!;
    const b = v[j]!;
    d = Math.min(d, segmentDistance(x, y, a, b));
    const c1 = y >= a[1];
    const c2 = y < b[1];
    const c3 = (b[0] - a[0]) * (y - a[1]) > (b[1] - a[1]) * (x - a[0]);
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign;
  }
  return sign * d;
}

export const rotate = (p: Point, centre: Point, angle: number): Point => {
  const [s, c] = [Math.sin(angle), Math.cos(angle)];
  const [x, y] = [p[0] - centre[0], p[1] - centre[1]];
  return [centre[0] + x * c - y * s, centre[1] + x * s + y * c];
};
