import { createHash, createHmac } from "node:crypto";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface SignableRequest {
  method: string;
  /** The URL as sent; its path must already be URI-encoded (see `uriEncode`). */
  url: URL;
  /** Extra headers to sign and send, e.g. content-type. */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body (`sha256Hex`), or "UNSIGNED-PAYLOAD". */
  payloadHash: string;
}

export const sha256Hex = (data: string | Uint8Array) =>
  createHash("sha256").update(data).digest("hex");

export const EMPTY_PAYLOAD_HASH = sha256Hex("");

const hmac = (key: string | Buffer, data: string) =>
  createHmac("sha256", key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it: only A–Z a–z 0–9 - . _ ~ (and `/` if kept) stay as is. */
export function uriEncode(text: string, keepSlash = false): string {
  return Array.from(new TextEncoder().encode(text), (byte) => {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(char) || (keepSlash && char === "/")) return char;
    return `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/**
 * AWS Signature Version 4 for one S3 request: returns the headers to add (authorization,
 * x-amz-date, x-amz-content-sha256). The Host header is signed as `url.host`, which is what
 * fetch sends. https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 */
export function signAwsV4(
  request: SignableRequest,
  credentials: AwsCredentials,
  now: Date = new Date(),
): Record<string, string> {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const added = { "x-amz-content-sha256": request.payloadHash, "x-amz-date": amzDate };
  const signed = new Map<string, string>();
  for (const [name, value] of Object.entries({ ...request.headers, ...added })) {
    signed.set(name.toLowerCase(), value.trim().replace(/\s+/g, " "));
  }
  signed.set("host", request.url.host);
  const names = [...signed.keys()].sort();
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    request.method.toUpperCase(),
    request.url.pathname,
    canonicalQuery(request.url),
    ...names.map((name) => `${name}:${signed.get(name)}`),
    "",
    signedHeaders,
    request.payloadHash,
  ].join("\n");
  const scope = `${day}/${credentials.region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  let key = hmac(`AWS4${credentials.secretAccessKey}`, day);
  for (const part of [credentials.region, "s3", "aws4_request"]) key = hmac(key, part);
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  return {
    ...added,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
