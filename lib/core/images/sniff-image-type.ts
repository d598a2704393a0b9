export interface ImageType {
  mime: "image/png" | "image/jpeg" | "image/webp" | "image/gif";
  ext: "png" | "jpg" | "webp" | "gif";
}

export const IMAGE_TYPES: readonly ImageType[] = [
  { mime: "image/png", ext: "png" },
  { mime: "image/jpeg", ext: "jpg" },
  { mime: "image/webp", ext: "webp" },
  { mime: "image/gif", ext: "gif" },
];

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

/**
 * The image type told by the file's first bytes (its "magic number"), or null. The declared
 * Content-Type and the file name are chosen by the client, so they are never trusted alone:
 * an HTML or SVG file renamed `logo.png` must not be stored and served as an image.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, PNG)) return IMAGE_TYPES[0]!;
  if (startsWith(bytes, JPEG)) return IMAGE_TYPES[1]!;
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8))
    return IMAGE_TYPES[2]!;
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a")))
    return IMAGE_TYPES[3]!;
  return null;
}
