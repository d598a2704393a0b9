import { checkImageFile } from "@/lib/core/images/check-image-file";
import { IMAGE_TYPES, type ImageType } from "@/lib/core/images/sniff-image-type";

export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_ACCEPT = IMAGE_TYPES.map((t) => t.mime).join(",");

/** Checks an uploaded logo and returns its real type (see checkImageFile). */
export function checkLogoFile(bytes: Uint8Array, declaredType: string): ImageType {
  return checkImageFile(bytes, declaredType, { maxBytes: LOGO_MAX_BYTES, what: "logo" });
}
