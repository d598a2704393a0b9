import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Storage, StoredFile } from "@/lib/integrations/storage/storage";
import { assertValidStorageKey } from "@/lib/integrations/storage/storage-key";

const META_SUFFIX = ".meta.json";

/**
 * Files under one root directory: `<root>/<key>` holds the bytes and `<root>/<key>.meta.json`
 * the content type. Writes go to a temporary file first and are renamed into place, so a reader
 * never sees half a file. Suited to one server (or a shared volume); use object storage beyond.
 */
export class LocalDiskStorage implements Storage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Metadata first: whenever the bytes exist, their content type exists too.
    await writeAtomic(`${file}${META_SUFFIX}`, JSON.stringify({ contentType }));
    await writeAtomic(file, bytes);
  }

  async get(key: string): Promise<StoredFile | null> {
    const file = this.pathOf(key);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const meta = await fs.readFile(`${file}${META_SUFFIX}`, "utf8").catch(() => null);
    const contentType = meta ? readContentType(meta) : null;
    return {
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      contentType: contentType ?? "application/octet-stream",
    };
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await fs.rm(file, { force: true });
    await fs.rm(`${file}${META_SUFFIX}`, { force: true });
  }

  /** Keys are validated, and the resolved path must still be inside the root. */
  private pathOf(key: string): string {
    assertValidStorageKey(key);
    const file = path.resolve(this.root, ...key.split("/"));
    if (!file.startsWith(this.root + path.sep)) throw new Error("Storage key escapes the root.");
    return file;
  }
}

async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}

function readContentType(meta: string): string | null {
  try {
    const value = (JSON.parse(meta) as { contentType?: unknown }).contentType;
    return typeof value === "string" && value.length <= 200 ? value : null;
  } catch {
    return null;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}
