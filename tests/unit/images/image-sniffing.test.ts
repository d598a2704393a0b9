import { describe, expect, it } from "vitest";
import { sniffImageType } from "@/lib/core/images/sniff-image-type";
import { checkLogoFile, LOGO_MAX_BYTES } from "@/lib/domains/orgs/org-logo-rules";
import { AppError } from "@/lib/core/errors/app-error";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], "IHDR");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF");
const WEBP = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ");
const GIF = bytes("GIF89a", [1, 0, 1, 0]);

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("sniffImageType", () => {
  it("recognises PNG, JPEG, WebP and GIF by their first bytes", () => {
    expect(sniffImageType(PNG)).toEqual({ mime: "image/png", ext: "png" });
    expect(sniffImageType(JPEG)).toEqual({ mime: "image/jpeg", ext: "jpg" });
    expect(sniffImageType(WEBP)).toEqual({ mime: "image/webp", ext: "webp" });
    expect(sniffImageType(GIF)).toEqual({ mime: "image/gif", ext: "gif" });
    expect(sniffImageType(bytes("GIF87a"))?.mime).toBe("image/gif");
  });

  it("refuses everything else, including SVG, HTML, other RIFF files and truncated headers", () => {
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(sniffImageType(bytes("<!doctype html><script>alert(1)</script>"))).toBeNull();
    expect(sniffImageType(bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "))).toBeNull();
    expect(sniffImageType(PNG.slice(0, 7))).toBeNull();
    expect(sniffImageType(bytes("GIF88a"))).toBeNull();
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
  });
});

describe("checkLogoFile", () => {
  it("returns the sniffed type, whatever image type was declared", () => {
    expect(checkLogoFile(PNG, "image/png").ext).toBe("png");
    expect(checkLogoFile(JPEG, "image/png").mime).toBe("image/jpeg");
    expect(checkLogoFile(GIF, "").mime).toBe("image/gif");
    expect(checkLogoFile(WEBP, "application/octet-stream").mime).toBe("image/webp");
  });

  it("answers 400 for an empty file, 413 past 1 MB and 415 for anything that is not an accepted image", () => {
    expect(errorOf(() => checkLogoFile(new Uint8Array(0), "image/png")).status).toBe(400);
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(PNG);
    expect(errorOf(() => checkLogoFile(big, "image/png")).status).toBe(413);
    expect(errorOf(() => checkLogoFile(bytes("<svg/>"), "image/svg+xml")).status).toBe(415);
    expect(errorOf(() => checkLogoFile(bytes("<html>"), "image/png")).status).toBe(415);
    // Real PNG bytes declared as HTML: refused, the upload disagrees with itself.
    expect(errorOf(() => checkLogoFile(PNG, "text/html")).status).toBe(415);
  });

  it("accepts exactly 1 MB", () => {
    const max = new Uint8Array(LOGO_MAX_BYTES);
    max.set(PNG);
    expect(checkLogoFile(max, "image/png").ext).toBe("png");
  });
});
