import { sha256Hex, signAwsV4, uriEncode } from "@/lib/integrations/storage/sign-aws-v4";
import type { Storage, StoredFile } from "@/lib/integrations/storage/storage";
import { assertValidStorageKey } from "@/lib/integrations/storage/storage-key";

export interface S3StorageConfig {
  /** e.g. https://s3.eu-west-1.amazonaws.com, http://minio:9000, https://<account>.r2.cloudflarestorage.com */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `<endpoint>/<bucket>/<key>` (true) or `<bucket>.<endpoint host>/<key>` (false). */
  forcePathStyle: boolean;
  timeoutMs?: number;
  /** For tests. */
  fetch?: typeof fetch;
}

/**
 * Files in a bucket of any S3-compatible service (AWS S3, MinIO, Cloudflare R2…), signed with
 * AWS Signature V4. Objects keep their content type as S3 metadata. A missing key is a 404 only
 * when the credentials may list the bucket (s3:ListBucket); without it S3 answers 403.
 */
export class S3Storage implements Storage {
  private readonly fetch: typeof fetch;

  constructor(private readonly config: S3StorageConfig) {
    this.fetch = config.fetch ?? fetch;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const response = await this.send("PUT", key, { body: bytes, contentType });
    if (!response.ok) throw await s3Error("PUT", key, response);
    await response.body?.cancel();
  }

  async get(key: string): Promise<StoredFile | null> {
    const response = await this.send("GET", key);
    if (response.status === 404) {
      // A missing bucket is a configuration error, not a missing file.
      const body = await response.text();
      if (body.includes("<Code>NoSuchBucket</Code>")) throw s3ErrorFromBody("GET", key, 404, body);
      return null;
    }
    if (!response.ok) throw await s3Error("GET", key, response);
    return {
      bytes: new Uint8Array(await response.arrayBuffer()),
      contentType: response.headers.get("content-type") ?? "application/octet-stream",
    };
  }

  async delete(key: string): Promise<void> {
    const response = await this.send("DELETE", key);
    if (!response.ok && response.status !== 404) throw await s3Error("DELETE", key, response);
    await response.body?.cancel();
  }

  objectUrl(key: string): URL {
    assertValidStorageKey(key);
    const { bucket, forcePathStyle } = this.config;
    const url = new URL(this.config.endpoint);
    const base = url.pathname.replace(/\/+$/, "");
    if (forcePathStyle) url.pathname = `${base}/${uriEncode(bucket)}/${uriEncode(key, true)}`;
    else {
      url.hostname = `${bucket}.${url.hostname}`;
      url.pathname = `${base}/${uriEncode(key, true)}`;
    }
    url.search = "";
    url.hash = "";
    return url;
  }

  private send(
    method: "PUT" | "GET" | "DELETE",
    key: string,
    upload?: { body: Uint8Array; contentType: string },
  ): Promise<Response> {
    const url = this.objectUrl(key);
    const headers: Record<string, string> = upload ? { "content-type": upload.contentType } : {};
    const signed = signAwsV4(
      { method, url, headers, payloadHash: sha256Hex(upload?.body ?? "") },
      this.config,
    );
    return this.fetch(url, {
      method,
      headers: { ...headers, ...signed },
      // Storage callers pass bytes backed by an ordinary ArrayBuffer, which is what fetch takes.
      body: upload?.body as Uint8Array<ArrayBuffer> | undefined,
      signal: AbortSignal.timeout(this.config.timeoutMs ?? 30_000),
    });
  }
}

/** S3 answers errors as XML: `<Error><Code>NoSuchBucket</Code><Message>…</Message></Error>`. */
async function s3Error(method: string, key: string, response: Response): Promise<Error> {
  return s3ErrorFromBody(method, key, response.status, await response.text().catch(() => ""));
}

function s3ErrorFromBody(method: string, key: string, status: number, body: string): Error {
  const field = (name: string) => body.match(new RegExp(`<${name}>([^<]{0,300})</${name}>`))?.[1];
  const detail = [field("Code"), field("Message")].filter(Boolean).join(": ");
  return new Error(`S3 ${method} ${key} failed with HTTP ${status}${detail ? ` (${detail})` : ""}`);
}
