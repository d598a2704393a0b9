export const IMAGE_ACCEPT = "image/png,image/jpeg,image/webp,image/gif";
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const IMAGE_MAX_COUNT = 9;

export type UploadResult =
  { ok: true; image: { id: string; url: string; alt: string } } | { ok: false; message: string };

/** A quick check before uploading; the server checks the bytes again. */
export function checkImageChoice(file: File): string | null {
  if (!IMAGE_ACCEPT.split(",").includes(file.type)) {
    return `${file.name} is not a PNG, JPEG, WebP or GIF image.`;
  }
  if (file.size > IMAGE_MAX_BYTES) return `${file.name} is larger than 5 MB.`;
  return null;
}

/** Posts one image (multipart: `file` and `alt`) to an item's or a suggestion's image route. */
export async function uploadImage(url: string, file: File, alt: string): Promise<UploadResult> {
  const body = new FormData();
  body.set("file", file);
  body.set("alt", alt);
  try {
    const res = await fetch(url, { method: "POST", body });
    const json = (await res.json().catch(() => null)) as {
      image?: { id: string; url: string; alt: string };
      error?: { message?: string };
    } | null;
    if (res.ok && json?.image) return { ok: true, image: json.image };
    return { ok: false, message: json?.error?.message ?? `Upload failed (${res.status}).` };
  } catch {
    return { ok: false, message: "Could not reach the server. Check your connection." };
  }
}
