import { type Env, env } from "@/lib/core/env";
import { LocalDiskStorage } from "@/lib/integrations/storage/local-disk-storage";
import { S3Storage } from "@/lib/integrations/storage/s3-storage";
import type { Storage } from "@/lib/integrations/storage/storage";

let storage: Storage | undefined;

/**
 * The configured file storage, one instance per process: local disk (files under UPLOADS_DIR) or,
 * with STORAGE_DRIVER=s3, a bucket of an S3-compatible service. Callers only see `Storage`.
 */
export function getStorage(): Storage {
  storage ??= createStorage(env());
  return storage;
}

export function createStorage(config: Env): Storage {
  if (config.STORAGE_DRIVER !== "s3") return new LocalDiskStorage(config.UPLOADS_DIR);
  const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secret } = config;
  // parseEnv already refuses STORAGE_DRIVER=s3 without these; this keeps the types honest.
  if (!bucket || !accessKeyId || !secret) throw new Error("S3 storage is not fully configured.");
  return new S3Storage({
    endpoint: config.S3_ENDPOINT ?? `https://s3.${config.S3_REGION}.amazonaws.com`,
    region: config.S3_REGION,
    bucket,
    accessKeyId,
    secretAccessKey: secret,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}
