/**
 * Where uploaded files live. Local disk today (lib/integrations/storage/local-disk-storage.ts); an
 * S3-compatible implementation can replace it without touching callers (lib/integrations/storage/get-storage.ts).
 * Keys are made by our code (lib/integrations/storage/storage-key.ts) and validated again by each implementation.
 */
export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file, or null when no file has this key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}
