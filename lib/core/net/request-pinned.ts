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

/**
 * GET `url` over a connection to `target`, the address that was checked: the socket's DNS lookup
 * is replaced by one that returns it, so a second answer from DNS (rebinding) is never used.
 * Host header, TLS SNI and certificate checks still use the link's hostname.
 */
export function requestPinned(
  url: URL,
  target: ResolvedAddress,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const hostname = bareHostname(url);
  const lookup: net.LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [target]);
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
        method: "GET",
        headers: { ...HEADERS, host: url.host },
        servername: net.isIP(hostname) ? undefined : hostname,
        lookup,
        agent: false,
        signal,
      },
      resolve,
    );
    request.on("error", reject);
    request.end();
  });
}
