import { Canvas, hex, type Point, type Rgb, rotate } from "./canvas";
import { encodePng } from "./encode-png";

/**
 * Banner illustrations for the demo library, drawn in code (LinkedIn's 1200×627 link-image size):
 * gradients and simple shapes in the brand colours, edges smoothed from signed distances.
 */
export const BANNER_WIDTH = 1200;
export const BANNER_HEIGHT = 627;

const C = {
  navy: hex("#0f1e45"),
  brand: hex("#3b6cf6"),
  brandDark: hex("#1d40ab"),
  brandLight: hex("#dbe6fe"),
  amber: hex("#f5b82e"),
  coral: hex("#ff7a59"),
  green: hex("#2fbf71"),
  forest: hex("#0b3d2e"),
  white: hex("#ffffff"),
};

/** A daily load shape: a night trough, a morning and a higher evening peak. */
const loadAt = (t: number) =>
  0.35 + 0.25 * Math.exp(-(((t - 0.33) / 0.08) ** 2)) + 0.4 * Math.exp(-(((t - 0.78) / 0.1) ** 2));

function drawSolar(k: Canvas) {
  k.gradient(C.navy, C.brand, 90);
  k.glow(880, 230, 330, C.amber, 0.45);
  k.circle(880, 230, 105, C.amber);
  k.circle(250, 2330, 1960, hex("#1f7a5a"));
  k.circle(1050, 2560, 2130, hex("#25966b"));
  for (const [row, y] of [420, 480, 548].entries()) {
    const [w, h, skew] = [118 + row * 14, 40 + row * 6, 34 + row * 6];
    for (let x = 40 - row * 50; x < 1200; x += w + 16) {
      const panel: Point[] = [
        [x + skew, y],
        [x + w + skew, y],
        [x + w, y + h],
        [x, y + h],
      ];
      k.polygon(panel, C.brandDark);
      k.line(
        [
          [x + skew / 2, y + h / 2],
          [x + w + skew / 2, y + h / 2],
        ],
        2,
        C.brandLight,
        0.5,
      );
      k.line(
        [
          [x + w / 2 + skew, y],
          [x + w / 2, y + h],
        ],
        2,
        C.brandLight,
        0.5,
      );
    }
  }
}

function drawForecast(k: Canvas) {
  k.gradient(C.navy, C.brandDark, 30);
  for (let y = 60; y < 627; y += 80)
    k.line(
      [
        [0, y],
        [1200, y],
      ],
      1.5,
      C.white,
      0.08,
    );
  for (let x = 100; x < 1200; x += 100)
    k.line(
      [
        [x, 0],
        [x, 627],
      ],
      1.5,
      C.white,
      0.08,
    );
  const curve = (shift: number): Point[] =>
    Array.from({ length: 61 }, (_, i) => [60 + i * 18, 560 - loadAt(i / 60) * 420 + shift]);
  const upper = curve(-30).map(([x, y], i) => [x, y - i * 0.6] as const);
  const lower = curve(30).map(([x, y], i) => [x, y + i * 0.6] as const);
  k.polygon([...upper.slice(36), ...lower.slice(36).reverse()], C.amber, 0.3);
  k.line(curve(0).slice(36), 5, C.amber);
  const actual = curve(0)
    .slice(0, 37)
    .map(([x, y], i) => [x, y + Math.sin(i * 1.7) * 6] as const);
  k.line(actual, 5, C.white, 0.95);
  const [ex, ey] = actual[actual.length - 1]!;
  k.ring(ex, ey, 20, 3, C.white, 0.4);
  k.circle(ex, ey, 10, C.white);
}

function drawTeam(k: Canvas) {
  k.gradient(C.coral, C.amber, 25);
  k.circle(140, 110, 160, C.white, 0.12);
  k.circle(1080, 80, 90, C.white, 0.12);
  // Outer figures first, so the middle one stands in front.
  const people: [number, number, Rgb][] = [
    [250, 1, C.brandDark],
    [950, 1, C.brand],
    [430, 1.1, C.navy],
    [770, 1.1, C.green],
    [600, 1.25, C.white],
  ];
  for (const [x, scale, color] of people) {
    k.circle(x, 627 + 40 * scale, 150 * scale, color);
    k.circle(x, 627 - 230 * scale, 62 * scale, color);
  }
}

function drawWind(k: Canvas) {
  k.gradient(C.forest, C.green, 60);
  for (let r = 60; r <= 420; r += 60) k.ring(1020, 120, r, 3, C.white, 0.25 - r / 2400);
  const turbine = (x: number, base: number, height: number, spin: number) => {
    const hub: Point = [x, base - height];
    k.polygon(
      [
        [x - 10, base],
        [x + 10, base],
        [x + 4, hub[1]],
        [x - 4, hub[1]],
      ],
      C.white,
      0.95,
    );
    for (let b = 0; b < 3; b++) {
      const blade: Point[] = [
        [x - 7, hub[1]],
        [x - 3, hub[1] - height * 0.62],
        [x + 6, hub[1] - height * 0.5],
        [x + 7, hub[1]],
      ];
      k.polygon(
        blade.map((p) => rotate(p, hub, spin + (b * 2 * Math.PI) / 3)),
        C.white,
        0.95,
      );
    }
    k.circle(hub[0], hub[1], 12, C.brandLight);
  };
  k.circle(600, 1900, 1380, hex("#17684a"));
  turbine(380, 600, 330, 0.3);
  turbine(700, 560, 220, 1.1);
}

function drawBadge(k: Canvas) {
  k.gradient(C.brandDark, C.brand, 120);
  const pieces: [number, number, Rgb][] = [
    [120, 90, C.amber],
    [260, 480, C.coral],
    [980, 120, C.green],
    [1080, 430, C.amber],
    [180, 300, C.white],
    [900, 540, C.white],
    [360, 140, C.green],
    [820, 70, C.coral],
    [1040, 280, C.white],
    [140, 540, C.amber],
    [420, 560, C.green],
    [760, 500, C.amber],
  ];
  for (const [i, [x, y, color]] of pieces.entries()) {
    const rect: Point[] = [
      [x - 14, y - 6],
      [x + 14, y - 6],
      [x + 14, y + 6],
      [x - 14, y + 6],
    ];
    k.polygon(
      rect.map((p) => rotate(p, [x, y], i * 0.9)),
      color,
      0.85,
    );
  }
  k.circle(600, 313, 150, C.navy, 0.55);
  k.ring(600, 313, 170, 20, C.amber);
  const bolt: Point[] = [
    [630, 190],
    [535, 330],
    [595, 330],
    [565, 440],
    [665, 290],
    [605, 290],
  ];
  k.polygon(bolt, C.amber);
}

export const BANNERS = {
  solar: { draw: drawSolar, alt: "Illustration: a sun over rows of solar panels on green hills" },
  forecast: { draw: drawForecast, alt: "Illustration: a load curve and a shaded forecast band" },
  team: { draw: drawTeam, alt: "Illustration: five colourful figures standing side by side" },
  wind: { draw: drawWind, alt: "Illustration: two wind turbines on a green hill" },
  badge: { draw: drawBadge, alt: "Illustration: a round badge with a lightning bolt and confetti" },
} as const;

export type BannerName = keyof typeof BANNERS;

/** One banner as PNG bytes. */
export function renderBanner(name: BannerName): Uint8Array {
  const canvas = new Canvas(BANNER_WIDTH, BANNER_HEIGHT);
  BANNERS[name].draw(canvas);
  return encodePng(canvas.width, canvas.height, canvas.rgb);
}
