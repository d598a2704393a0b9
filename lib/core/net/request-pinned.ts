import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import net from "node:net";
import { bareHostname, type ResolvedAddress } from "@/lib/core/net/resolve-link-target";

const HEADERS = {
  "user-agent": "ChorusLinkPreview/1.0",
  accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
  "accept-encoding": "gzip, deflate, br",
  "accept-language": "en;q=0.9, *;q=0.5",
};

/** What to send (GET with the link-preview headers unless told otherwise). */
export interface PinnedRequestOptions {
  method?: "GET" | "POST";
  /** Replaces the default headers (the Host header is always the URL's). */
  headers?: Record<string, string | number>;
  body?: Buffer;
  signal?: AbortSignal;
  /** Socket inactivity limit: the request fails with `timeoutMessage` after it. */
  timeoutMs?: number;
  timeoutMessage?: string;
}

/**
 * A request to `url` over a connection to `target`, the address that was checked: the socket's DNS
 * lookup is replaced by one that returns it, so a second answer from DNS (rebinding) is never used.
 * Host header, TLS SNI and certificate checks still use the URL's hostname. Used by link previews
 * (GET) and Web Push deliveries (POST).
 */
export function requestPinned(
  url: URL,
  target: ResolvedAddress,
  signalOrOptions: AbortSignal | PinnedRequestOptions,
): Promise<IncomingMessage> {
  const options: PinnedRequestOptions =
    signalOrOptions instanceof AbortSignal ? { signal: signalOrOptions } : signalOrOptions;
  const hostname = bareHostname(url);
  const lookup: net.LookupFunction = (_host, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        protocol: url.protocol,
        host: hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? "GET",
        headers: { ...(options.headers ?? HEADERS), host: url.host },
        servername: net.isIP(hostname) ? undefined : hostname,
        lookup,
        agent: false,
        signal: options.signal,
        timeout: options.timeoutMs,
      },
      resolve,
    );
    if (options.timeoutMs) {
      request.on("timeout", () =>
        request.destroy(new Error(options.timeoutMessage ?? "The server did not answer in time.")),
      );
    }
    request.on("error", reject);
    request.end(options.body);
  });
}
