/**
 * Renders the app icons in public/icons/ from the logo mark (app/icon.svg): `npx tsx
 * scripts/generate-icons.ts`. The PNGs are committed; run this again only when the logo changes.
 * sharp comes with Next.js (its image optimiser), so it needs no dependency of its own.
 *
 * - icon-192.png, icon-512.png: the mark as it is (rounded square), for the manifest ("any").
 * - maskable-512.png: full-bleed brand background, the mark inside the 80 % safe zone, so a
 *   launcher's circle or squircle mask never cuts it.
 * - apple-touch-icon.png (180): iOS draws its own rounded corners and needs an opaque square.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "public", "icons");
const mark = fs.readFileSync(path.join(root, "app", "icon.svg"), "utf8");
/** The mark's strokes without its rounded background (the full-bleed icons draw their own). */
const strokes = mark
  .trim()
  .replace(/<rect[^>]*\/>/, "")
  .replace(/^<svg[^>]*>|<\/svg>$/g, "");
const BRAND_600 = "#5f3dd8";

/** An opaque square: the brand colour edge to edge, the mark scaled to `scale` of the side. */
function fullBleed(scale: number): string {
  const inset = (32 * (1 - scale)) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${BRAND_600}"/><g transform="translate(${inset} ${inset}) scale(${scale})">${strokes}</g></svg>`;
}

async function render(svg: string, size: number, file: string) {
  await sharp(Buffer.from(svg), { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(path.join(out, file));
  console.log(`public/icons/${file} (${size}×${size})`);
}

fs.mkdirSync(out, { recursive: true });
await render(mark, 192, "icon-192.png");
await render(mark, 512, "icon-512.png");
await render(fullBleed(0.7), 512, "maskable-512.png");
await render(fullBleed(0.86), 180, "apple-touch-icon.png");
