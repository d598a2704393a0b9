import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/lib/integrations/storage/local-disk-storage";
import {
  createStorageKey,
  fileUrl,
  isValidStorageKey,
  keyFromFileUrl,
} from "@/lib/integrations/storage/storage-key";

describe("storage keys", () => {
  it("accepts folder/…/name.ext keys made of plain ASCII segments", () => {
    expect(isValidStorageKey("logos/org_abc123/Xy9-_z.png")).toBe(true);
    expect(isValidStorageKey("file.webp")).toBe(true);
  });

  it.each([
    "",
    "../etc/passwd.png",
    "logos/../../secret.png",
    "logos/./a.png",
    "/abs/path.png",
    "logos//a.png",
    "logos/a.png/",
    "logos\\a.png",
    "logos/a",
    "logos/a.PNG.exe",
    "logos/a.png.meta.json",
    "logos/a b.png",
    "logos/é.png",
    "logos/a.png\u0000.txt",
    "logos/%2e%2e/a.png",
    `${"a/".repeat(10)}a.png`,
    `${"a".repeat(600)}.png`,
  ])("refuses %j", (key) => {
    expect(isValidStorageKey(key)).toBe(false);
  });

  it("creates unguessable valid keys under the given folders", () => {
    const a = createStorageKey(["logos", "org_1"], "png");
    const b = createStorageKey(["logos", "org_1"], "png");
    expect(a).toMatch(/^logos\/org_1\/[A-Za-z0-9]{24}\.png$/);
    expect(a).not.toBe(b);
    expect(() => createStorageKey(["..", "x"], "png")).toThrow();
  });

  it("maps keys to file URLs and back, ignoring foreign URLs", () => {
    const key = "logos/org_1/abc.png";
    expect(fileUrl(key)).toBe("/api/files/logos/org_1/abc.png");
    expect(keyFromFileUrl(fileUrl(key))).toBe(key);
    expect(keyFromFileUrl("https://cdn.example.com/logo.png")).toBeNull();
    expect(keyFromFileUrl("/api/files/../x.png")).toBeNull();
    expect(keyFromFileUrl(null)).toBeNull();
  });
});

describe("LocalDiskStorage", () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "chorus-storage-"));
    storage = new LocalDiskStorage(root);
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it("stores, reads and deletes a file with its content type", async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    await storage.put("logos/org_1/a.png", bytes, "image/png");
    const file = await storage.get("logos/org_1/a.png");
    expect(file?.contentType).toBe("image/png");
    expect([...file!.bytes]).toEqual([1, 2, 3, 4]);
    await storage.delete("logos/org_1/a.png");
    expect(await storage.get("logos/org_1/a.png")).toBeNull();
    await storage.delete("logos/org_1/a.png"); // deleting twice is fine
  });

  it("answers null for a missing file and leaves no temporary files behind", async () => {
    expect(await storage.get("logos/none.png")).toBeNull();
    await storage.put("x/b.gif", new Uint8Array([9]), "image/gif");
    expect((await fs.readdir(path.join(root, "x"))).sort()).toEqual(["b.gif", "b.gif.meta.json"]);
  });

  it("refuses keys that could leave the root", async () => {
    await expect(storage.put("../escape.png", new Uint8Array([1]), "image/png")).rejects.toThrow();
    await expect(storage.get("a/../../escape.png")).rejects.toThrow();
    await expect(storage.delete("/etc/passwd.png")).rejects.toThrow();
    await expect(fs.access(path.join(root, "..", "escape.png"))).rejects.toThrow();
  });
});
