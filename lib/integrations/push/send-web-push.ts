import net from "node:net";
import webpush from "web-push";
import { env } from "@/lib/core/env";
import { badRequest } from "@/lib/core/errors/app-error";
import {
  isAllowedAddress,
  isAllowedHost,
  isRefusedAddress,
  parseAllowList,
  type AllowList,
} from "@/lib/core/net/is-refused-address";
import {
  bareHostname,
  resolveLinkTarget,
  resolveWithDns,
  type ResolvedAddress,
} from "@/lib/core/net/resolve-link-target";
import { requestPinned } from "@/lib/core/net/request-pinned";
import type { VapidConfig } from "@/lib/integrations/push/vapid-config";

export interface WebPushSubscription {
  endpoint: string;
  /** base64url P-256 public key and auth secret of the browser (RFC 8291). */
  p256dh: string;
  auth: string;
}

export interface WebPushResult {
  status: number;
  body: string;
}

const TIMEOUT_MS = 10_000;

/** The allow-list of PUSH_ALLOWED_HOSTS: private addresses and plain http are refused otherwise. */
export function pushAllowList(): AllowList {
  return parseAllowList(env().PUSH_ALLOWED_HOSTS);
}

/**
 * Why an endpoint a browser gave is refused, or null when it may be used: https (plain http only
 * for an allow-listed host), no credentials, not a private or local address literal. Host names
 * are resolved and checked again when sending.
 */
export function endpointProblem(endpoint: string, allowList = pushAllowList()): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "is not a URL";
  }
  const host = bareHostname(url);
  const listed = isAllowedHost(host, allowList) || isAllowedAddress(host, allowList);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && listed)) {
    return "must be an https:// URL of a push service";
  }
  if (url.username || url.password) return "must not carry credentials";
  if (net.isIP(host) !== 0 && isRefusedAddress(host, allowList)) {
    return "points to a private or local network address";
  }
  return null;
}

/**
 * Encrypts `payload` for the subscription (RFC 8291 aes128gcm, by the `web-push` package), signs a
 * VAPID token (RFC 8292) and POSTs it to the push service (RFC 8030) with TTL and Urgency. The
 * connection goes to the address that was checked (public, or allow-listed), never to a second
 * DNS answer. Resolves with the push service's status, whatever it is; rejects on network errors.
 */
export async function sendWebPush(
  subscription: WebPushSubscription,
  payload: string,
  vapid: VapidConfig,
  {
    ttlSeconds = 24 * 3600,
    urgency = "normal",
    topic,
  }: { ttlSeconds?: number; urgency?: "very-low" | "low" | "normal" | "high"; topic?: string } = {},
): Promise<WebPushResult> {
  const allowList = pushAllowList();
  const problem = endpointProblem(subscription.endpoint, allowList);
  if (problem) throw badRequest(`The push endpoint ${problem}.`);
  const url = new URL(subscription.endpoint);
  const target = await resolveLinkTarget(url, {
    allowList,
    resolveHost: resolveWithDns,
    redirected: false,
  });
  const details = webpush.generateRequestDetails(
    {
      endpoint: subscription.endpoint,
      keys: { p256dh: subscription.p256dh, auth: subscription.auth },
    },
    payload,
    {
      vapidDetails: vapid,
      TTL: ttlSeconds,
      urgency,
      contentEncoding: "aes128gcm",
      ...(topic ? { topic } : {}),
    },
  );
  return post(
    url,
    target,
    details.headers as Record<string, string | number>,
    details.body as Buffer,
  );
}

async function post(
  url: URL,
  target: ResolvedAddress,
  headers: Record<string, string | number>,
  body: Buffer,
): Promise<WebPushResult> {
  const response = await requestPinned(url, target, {
    method: "POST",
    headers,
    body,
    timeoutMs: TIMEOUT_MS,
    timeoutMessage: "The push service did not answer in time.",
  });
  return new Promise((resolve, reject) => {
    let text = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      if (text.length < 2000) text += chunk;
    });
    response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    response.on("error", reject);
  });
}
