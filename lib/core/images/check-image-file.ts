import { AppError, badRequest } from "@/lib/core/errors/app-error";
import { IMAGE_TYPES, sniffImageType, type ImageType } from "@/lib/core/images/sniff-image-type";
import { formatBytes } from "@/lib/core/http/read-form-data";

/** Declared types a browser may send for an accepted image whose type it could not tell. */
const UNKNOWN_DECLARED = new Set(["", "application/octet-stream"]);

/**
 * Checks an uploaded image and returns its real type. The bytes decide (magic numbers); a declared
 * type that is not an accepted image is refused too, so nothing is served under a type that
 * disagrees with what the uploader claimed.
 */
export function checkImageFile(
  bytes: Uint8Array,
  declaredType: string,
  { maxBytes, what }: { maxBytes: number; what: string },
): ImageType {
  if (bytes.byteLength === 0) throw badRequest("The file is empty. Choose an image file.");
  if (bytes.byteLength > maxBytes) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The ${what} must be ${formatBytes(maxBytes)} or smaller.`,
    );
  }
  const declared = declaredType.split(";")[0]!.trim().toLowerCase();
  const declaredOk = UNKNOWN_DECLARED.has(declared) || IMAGE_TYPES.some((t) => t.mime === declared);
  const sniffed = sniffImageType(bytes);
  if (!sniffed || !declaredOk) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Upload a PNG, JPEG, WebP or GIF image (SVG and other formats are not accepted).",
    );
  }
  return sniffed;
}
