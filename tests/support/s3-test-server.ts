/**
 * A minimal S3-compatible server on loopback for tests: PUT/GET/DELETE object in one bucket,
 * path-style or virtual-hosted, with every request's AWS Signature V4 verified against the secret
 * key. The verification is written from the server's side (it re-encodes the path and query it
 * received) and shares no code with lib/integrations/storage/sign-aws-v4.ts, so a signing bug fails the tests.
 * (The registry's s3rver accepts any V4 signature without checking it, hence this file.)
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface S3TestServerOptions {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3TestServer extends S3TestServerOptions {
  endpoint: string;
  objects: Map<string, { bytes: Buffer; contentType: string }>;
  /** Every request with the error code it got (null when it succeeded). */
  log: { method: string; path: string; error: string | null }[];
  close(): Promise<void>;
}

class S3Fault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

function encode(text: string, slash: boolean): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, slash ? "/" : "%2F");
}

function canonicalPath(rawPath: string): string {
  return rawPath
    .split("/")
    .map((segment) => encode(decodeURIComponent(segment), false))
    .join("/");
}

function canonicalQueryString(raw: string): string {
  if (!raw) return "";
  return raw
    .split("&")
    .map((pair) => {
      const [name = "", value = ""] = pair.split("=");
      const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
      return `${encode(decode(name), false)}=${encode(decode(value), false)}`;
    })
    .sort()
    .join("&");
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/s3\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

function verifySignature(req: http.IncomingMessage, body: Buffer, options: S3TestServerOptions) {
  const match = AUTHORIZATION.exec(req.headers.authorization ?? "");
  if (!match) throw new S3Fault(403, "AccessDenied", "Missing or malformed Authorization header.");
  const [, accessKeyId, day, region, signedHeaderList, signature] = match as unknown as string[];
  if (accessKeyId !== options.accessKeyId) {
    throw new S3Fault(403, "InvalidAccessKeyId", "The AWS Access Key Id does not exist.");
  }
  if (region !== options.region) throw new S3Fault(400, "AuthorizationHeaderMalformed", region!);
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  const when = Date.parse(
    amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"),
  );
  if (!amzDate.startsWith(day!) || !(Math.abs(Date.now() - when) < 15 * 60_000)) {
    throw new S3Fault(403, "RequestTimeTooSkewed", "x-amz-date is missing or too far off.");
  }
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== hex(body)) {
    throw new S3Fault(400, "XAmzContentSHA256Mismatch", "The body does not match its hash.");
  }
  const signedHeaders = signedHeaderList!.split(";");
  for (const required of ["host", "x-amz-date", "x-amz-content-sha256"]) {
    if (!signedHeaders.includes(required)) {
      throw new S3Fault(403, "AccessDenied", `The ${required} header must be signed.`);
    }
  }
  const [rawPath = "/", rawQuery = ""] = (req.url ?? "/").split("?");
  const canonical = [
    req.method,
    canonicalPath(rawPath),
    canonicalQueryString(rawQuery),
    ...signedHeaders.map(
      (name) =>
        `${name}:${String(req.headers[name] ?? "")
          .trim()
          .replace(/\s+/g, " ")}`,
    ),
    "",
    signedHeaderList,
    payloadHash,
  ].join("\n");
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${hex(canonical)}`;
  const key = [day!, region!, "s3", "aws4_request"].reduce<Buffer | string>(
    (k, part) => createHmac("sha256", k).update(part).digest(),
    `AWS4${options.secretAccessKey}`,
  );
  const expected = createHmac("sha256", key).update(toSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature!, "hex"))) {
    throw new S3Fault(403, "SignatureDoesNotMatch", "The request signature does not match.");
  }
}

/** Bucket and key from a path-style (`/bucket/key`) or virtual-hosted (`bucket.host`) request. */
function locate(req: http.IncomingMessage, bucket: string): string {
  const path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
  const host = String(req.headers.host ?? "");
  if (host.startsWith(`${bucket}.`)) return path.slice(1);
  const [, name, ...key] = path.split("/");
  if (name !== bucket) throw new S3Fault(404, "NoSuchBucket", "The bucket does not exist.");
  return key.join("/");
}

export async function startS3TestServer(options: S3TestServerOptions): Promise<S3TestServer> {
  const objects: S3TestServer["objects"] = new Map();
  const log: S3TestServer["log"] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    try {
      verifySignature(req, body, options);
      const key = locate(req, options.bucket);
      if (req.method === "PUT") {
        const contentType = req.headers["content-type"] ?? "binary/octet-stream";
        objects.set(key, { bytes: body, contentType });
        res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` }).end();
      } else if (req.method === "GET") {
        const object = objects.get(key);
        if (!object) throw new S3Fault(404, "NoSuchKey", "The specified key does not exist.");
        res.writeHead(200, { "content-type": object.contentType }).end(object.bytes);
      } else if (req.method === "DELETE") {
        objects.delete(key);
        res.writeHead(204).end();
      } else {
        throw new S3Fault(405, "MethodNotAllowed", "Not supported by the test server.");
      }
      log.push({ method: req.method!, path: req.url!, error: null });
    } catch (error) {
      const fault =
        error instanceof S3Fault ? error : new S3Fault(500, "InternalError", String(error));
      log.push({ method: req.method!, path: req.url!, error: fault.code });
      res
        .writeHead(fault.status, { "content-type": "application/xml" })
        .end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${fault.code}</Code><Message>${fault.message}</Message></Error>`,
        );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...options,
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
