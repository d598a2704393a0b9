/**
 * A local push service speaking the Web Push protocol, standing in for FCM or Mozilla's autopush:
 * subscriptions (RFC 8030 §4) are URLs of this server; it accepts a push message (POST, RFC 8030
 * §5) only with a TTL header, a valid Urgency, `Content-Encoding: aes128gcm` and a VAPID
 * `Authorization: vapid t=<JWT>, k=<public key>` whose ES256 signature verifies with k, whose
 * audience is this server's origin and which has not expired (RFC 8292). It then DECRYPTS the
 * message (RFC 8291 + RFC 8188) with the subscription's private key and auth secret — it plays the
 * browser's part as well: the test creates the subscription's key pair here — and keeps the
 * plaintext. It answers 201, or the statuses a test scripts (404, 410, 500…).
 *
 * Written from the RFCs with node:crypto only (not with the `web-push` package the app encrypts
 * with), so a mistake on either side shows.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface PushSubscriber {
  /** What the browser's `PushSubscription.toJSON()` gives. */
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  /** The subscription's endpoint. */
  endpoint: string;
  ttl: number;
  urgency: string;
  topic: string | null;
  vapid: { aud: string; sub: string; exp: number; publicKey: string };
  /** The decrypted text, and the JSON in it when it is JSON. */
  text: string;
  json: unknown;
  answeredWith: number;
}

export interface PushService {
  url: string;
  /** A new subscription on this service: its key pair and auth secret are made here. */
  subscribe(): PushSubscriber;
  /**
   * A subscription with keys made elsewhere (a browser's): messages to it are checked and
   * recorded, but not decrypted (`text` stays empty).
   */
  register(endpoint: string): void;
  received: ReceivedPush[];
  /** Requests refused because they broke the protocol (each with the reason). */
  refused: { path: string; reason: string }[];
  /** Answer the next `count` valid messages with `status`. */
  answerNext(count: number, status: number): void;
  /** Waits until `count` messages were received (for `endpoint`, when given). */
  waitFor(count: number, endpoint?: string, timeoutMs?: number): Promise<ReceivedPush[]>;
  close(): Promise<void>;
}

interface Keys {
  ecdh: crypto.ECDH;
  auth: Buffer;
}

const b64u = (b: Buffer) => b.toString("base64url");
const hmac = (key: Buffer, data: Buffer) => crypto.createHmac("sha256", key).update(data).digest();

/** RFC 8291 §3.4 + RFC 8188 §2: one or more records; the last ends with 0x02 and zero padding. */
export function decryptAes128gcm(body: Buffer, keys: Keys): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const asPublic = body.subarray(21, 21 + idLength);
  if (idLength !== 65) throw new Error(`keyid must be the 65-byte server key, got ${idLength}`);
  const content = body.subarray(21 + idLength);
  const uaPublic = keys.ecdh.getPublicKey();
  const ecdhSecret = keys.ecdh.computeSecret(asPublic);
  const prkKey = hmac(keys.auth, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic]);
  const ikm = hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01", "latin1")).subarray(0, 16);
  const baseNonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01", "latin1")).subarray(
    0,
    12,
  );
  const parts: Buffer[] = [];
  for (let offset = 0, seq = 0; offset < content.length; offset += recordSize, seq++) {
    const record = content.subarray(offset, offset + recordSize);
    const nonce = Buffer.from(baseNonce);
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = crypto.createDecipheriv("aes-128-gcm", cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const plain = Buffer.concat([
      decipher.update(record.subarray(0, record.length - 16)),
      decipher.final(),
    ]);
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--;
    const last = offset + recordSize >= content.length;
    if (plain[end] !== (last ? 2 : 1)) throw new Error("bad padding delimiter");
    parts.push(plain.subarray(0, end));
  }
  return Buffer.concat(parts);
}

/** RFC 8292 §2–3: the JWT's ES256 signature must verify with k; returns its claims. */
export function verifyVapid(
  authorization: string,
  origin: string,
): { aud: string; sub: string; exp: number; publicKey: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization.trim());
  if (!match) throw new Error(`Authorization is not "vapid t=…, k=…": ${authorization}`);
  const [, token, k] = match as unknown as [string, string, string];
  const raw = Buffer.from(k, "base64url");
  if (raw.length !== 65 || raw[0] !== 4) throw new Error("k is not an uncompressed P-256 key");
  const key = crypto.createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33)) },
    format: "jwk",
  });
  const [header, claims, signature] = token.split(".");
  if (!header || !claims || !signature) throw new Error("the JWT does not have three parts");
  const head = JSON.parse(Buffer.from(header, "base64url").toString()) as { alg?: string };
  if (head.alg !== "ES256") throw new Error(`JWT alg must be ES256, got ${head.alg}`);
  const valid = crypto.verify(
    "sha256",
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!valid) throw new Error("the VAPID signature does not verify with k");
  const body = JSON.parse(Buffer.from(claims, "base64url").toString()) as {
    aud: string;
    sub: string;
    exp: number;
  };
  const now = Date.now() / 1000;
  if (body.aud !== origin) throw new Error(`aud ${body.aud} is not ${origin}`);
  if (!(body.exp > now && body.exp <= now + 24 * 3600 + 60)) throw new Error("exp out of range");
  if (!/^(mailto:|https:)/.test(body.sub)) throw new Error(`sub must be mailto: or https:`);
  return { ...body, publicKey: k };
}

export async function startPushService(): Promise<PushService> {
  const subscribers = new Map<string, Keys | null>();
  const received: ReceivedPush[] = [];
  const refused: { path: string; reason: string }[] = [];
  let script: number[] = [];
  const waiters = new Set<() => void>();
  let origin = "";

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      const refuse = (status: number, reason: string) => {
        refused.push({ path, reason });
        res.writeHead(status, { "content-type": "text/plain" }).end(reason);
      };
      if (req.method !== "POST") return refuse(405, "push messages are POSTed");
      if (!subscribers.has(path)) return refuse(404, "no such subscription");
      const ttl = req.headers.ttl;
      if (typeof ttl !== "string" || !/^\d+$/.test(ttl)) return refuse(400, "TTL header missing");
      const urgency = (req.headers.urgency as string | undefined) ?? "normal";
      if (!["very-low", "low", "normal", "high"].includes(urgency)) {
        return refuse(400, `bad Urgency ${urgency}`);
      }
      if (req.headers["content-encoding"] !== "aes128gcm") {
        return refuse(415, "Content-Encoding must be aes128gcm");
      }
      let vapid: ReceivedPush["vapid"];
      try {
        vapid = verifyVapid(req.headers.authorization ?? "", origin);
      } catch (error) {
        return refuse(403, (error as Error).message);
      }
      const keys = subscribers.get(path) ?? null;
      let text = "";
      if (keys) {
        try {
          text = decryptAes128gcm(Buffer.concat(chunks), keys).toString("utf8");
        } catch (error) {
          return refuse(400, `could not decrypt: ${(error as Error).message}`);
        }
      }
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON
      }
      const status = script.shift() ?? 201;
      received.push({
        endpoint: `${origin}${path}`,
        ttl: Number(ttl),
        urgency,
        topic: (req.headers.topic as string | undefined) ?? null,
        vapid,
        text,
        json,
        answeredWith: status,
      });
      for (const wake of waiters) wake();
      res
        .writeHead(status, status === 201 ? { location: `${path}/msg/${received.length}` } : {})
        .end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    subscribe() {
      const ecdh = crypto.createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = crypto.randomBytes(16);
      const path = `/push/${crypto.randomBytes(12).toString("hex")}`;
      subscribers.set(path, { ecdh, auth });
      return {
        endpoint: `${origin}${path}`,
        keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) },
      };
    },
    register(endpoint) {
      subscribers.set(new URL(endpoint).pathname, null);
    },
    received,
    refused,
    answerNext(count, status) {
      script = [...script, ...Array.from({ length: count }, () => status)];
    },
    async waitFor(count, endpoint, timeoutMs = 15_000) {
      const matching = () => received.filter((r) => !endpoint || r.endpoint === endpoint);
      if (matching().length >= count) return matching();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `push service: ${matching().length} of ${count} messages after ${timeoutMs} ms; refused: ${JSON.stringify(refused)}`,
            ),
          );
        }, timeoutMs);
        const check = () => {
          if (matching().length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(matching());
        };
        waiters.add(check);
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
