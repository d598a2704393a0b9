import dns from "node:dns";
import net from "node:net";
import { badRequest } from "@/lib/core/errors/app-error";
import { type AllowList, isAllowedHost, isRefusedAddress } from "@/lib/core/net/is-refused-address";

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a hostname to all of its addresses (injectable so tests can fake DNS). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export const resolveWithDns: ResolveHost = (hostname) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true });

const MAX_URL_LENGTH = 2048;
const NOT_FOUND = new Set(["ENOTFOUND", "ENODATA", "EAI_AGAIN", "EAI_FAIL", "ESERVFAIL"]);

/** The link as a URL Chorus may request, or a BAD_REQUEST saying why not. */
export function parseLinkUrl(text: string, redirectedFrom?: URL): URL {
  let url: URL;
  try {
    url = new URL(text.trim(), redirectedFrom);
  } catch {
    throw badRequest(
      redirectedFrom
        ? "The page redirects to an address that is not a valid link."
        : "That is not a valid link. Paste the full address, starting with https://",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw badRequest(
      redirectedFrom
        ? `The page redirects to a non-web address (${url.protocol}); only http and https links can be previewed.`
        : "Only http and https links can be previewed.",
    );
  }
  if (url.username || url.password) {
    throw badRequest("Links with a user name or password cannot be previewed.");
  }
  if (url.href.length > MAX_URL_LENGTH) throw badRequest("That link is too long to preview.");
  // Like browsers, keep the fragment across a redirect that does not name its own.
  if (redirectedFrom && !url.hash) url.hash = redirectedFrom.hash;
  return url;
}

/** `[::1]` → `::1`: URL keeps the brackets of an IPv6 literal in `hostname`. */
export const bareHostname = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * The address to connect to for `url`. Every address the host resolves to must be public (or
 * allow-listed): when one is not, the host is refused, since DNS may hand out either.
 */
export async function resolveLinkTarget(
  url: URL,
  {
    allowList,
    resolveHost,
    redirected,
  }: {
    allowList: AllowList;
    resolveHost: ResolveHost;
    redirected: boolean;
  },
): Promise<ResolvedAddress> {
  const hostname = bareHostname(url);
  const refused = () =>
    badRequest(
      `That link ${redirected ? "redirects" : "points"} to a private or local network address, which Chorus does not fetch.`,
    );
  const family = net.isIP(hostname);
  if (family !== 0) {
    if (isRefusedAddress(hostname, allowList)) throw refused();
    return { address: hostname, family };
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolveHost(hostname);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!NOT_FOUND.has(code ?? "")) throw error;
    addresses = [];
  }
  if (addresses.length === 0) throw badRequest(`The site ${hostname} could not be found.`);
  if (!isAllowedHost(hostname, allowList)) {
    if (addresses.some((a) => isRefusedAddress(a.address, allowList))) throw refused();
  }
  return addresses[0]!;
}
