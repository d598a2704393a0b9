import http from "node:http";
import https from "node:https";
import net from "node:net";
import { bareHostname } from "@/lib/core/net/resolve-link-target";
import { resolveWebhookTarget } from "@/lib/integrations/webhooks/webhook-url";
import { webhookTransport } from "@/lib/integrations/webhooks/webhook-transport";

export interface PostResult {
  /** HTTP status, or null when no answer came (network error, timeout, refused address). */
  status: number | null;
  /** Seconds from a Retry-After header (429/503), if any. */
  retryAfterSeconds: number | null;
  /** First part of the answer, or what went wrong. */
  detail: string;
}

const MAX_DETAIL = 300;

function retryAfter(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * POSTs JSON to a webhook URL, connecting only to the address that passed the SSRF checks
 * (checked again now, so a URL whose DNS moved to a private address is refused). No redirects are
 * followed. Never throws: the outcome is a status or a description of the failure.
 */
export async function postWebhook(
  urlText: string,
  body: unknown,
  { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
): Promise<PostResult> {
  const url = new URL(urlText);
  let target;
  try {
    target = await resolveWebhookTarget(url);
  } catch (error) {
    return { status: null, retryAfterSeconds: null, detail: (error as Error).message };
  }
  const transport = webhookTransport();
  const plain = transport.plainHttpPort !== undefined;
  const hostname = bareHostname(url);
  const payload = Buffer.from(JSON.stringify(body));
  const lookup: net.LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
  return new Promise<PostResult>((resolve) => {
    const request = (plain ? http : https).request(
      {
        protocol: plain ? "http:" : "https:",
        host: hostname,
        port: plain ? transport.plainHttpPort : url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: "POST",
        headers: {
          host: url.host,
          "content-type": "application/json",
          "content-length": String(payload.length),
          "user-agent": "ChorusWebhooks/1.0",
        },
        servername: net.isIP(hostname) ? undefined : hostname,
        lookup,
        agent: false,
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < 4096) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? null,
            retryAfterSeconds: retryAfter(response.headers["retry-after"]),
            detail: Buffer.concat(chunks).toString("utf8").slice(0, MAX_DETAIL),
          }),
        );
        response.on("error", (error) =>
          resolve({
            status: response.statusCode ?? null,
            retryAfterSeconds: null,
            detail: error.message,
          }),
        );
      },
    );
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    request.on("timeout", () =>
      request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
    );
    request.on("error", (error) =>
      resolve({
        status: null,
        retryAfterSeconds: null,
        detail: error.message.slice(0, MAX_DETAIL),
      }),
    );
    request.on("close", () => clearTimeout(timer));
    request.end(payload);
  });
}
