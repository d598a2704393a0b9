import { crc32, deflateSync } from "node:zlib";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Sum of the filtered bytes read as signed values: the usual guess at which filter packs best. */
function cost(row: Uint8Array): number {
  let sum = 0;
  for (const b of row) sum += b < 128 ? b : 256 - b;
  return sum;
}

/**
 * A minimal PNG encoder for 8-bit RGB pixels (row by row, 3 bytes a pixel). Each row gets the Sub
 * or the Up filter, whichever leaves smaller numbers: gradients then compress to a few kilobytes.
 */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const stride = width * 3;
  if (rgb.length !== stride * height) throw new Error("Pixel data does not match the size.");
  const raw = Buffer.alloc((stride + 1) * height);
  const sub = new Uint8Array(stride);
  const up = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = rgb.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rgb.subarray((y - 1) * stride, y * stride) : null;
    for (let i = 0; i < stride; i++) {
      sub[i] = (row[i]! - (i >= 3 ? row[i - 3]! : 0)) & 0xff;
      up[i] = (row[i]! - (prev ? prev[i]! : 0)) & 0xff;
    }
    const useUp = cost(up) < cost(sub);
    raw[y * (stride + 1)] = useUp ? 2 : 1;
    raw.set(useUp ? up : sub, y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit channels, RGB, deflate, standard filters, no interlace
  return Buffer.concat([
    Buffer.from(SIGNATURE),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}
