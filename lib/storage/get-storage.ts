import { env } from "@/lib/env";
import type { Storage } from "@/lib/storage/storage";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";

let storage: Storage | undefined;

/**
 * The configured file storage, one instance per process. Only local disk exists for now (files
 * under UPLOADS_DIR). The S3-compatible storage planned for a later issue plugs in here: add its
 * variables to lib/env.ts and choose the implementation from them; callers only see `Storage`.
 */
export function getStorage(): Storage {
  storage ??= new LocalDiskStorage(env().UPLOADS_DIR);
  return storage;
}
