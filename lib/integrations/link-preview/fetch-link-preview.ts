import type { IncomingMessage } from "node:http";
import { env } from "@/lib/core/env";
import { AppError, badRequest } from "@/lib/core/errors/app-error";
import { parseAllowList } from "@/lib/core/net/is-refused-address";
import {
  type OpenGraphFields,
  parseOpenGraph,
} from "@/lib/integrations/link-preview/parse-open-graph";
import { readHtmlHead } from "@/lib/integrations/link-preview/read-html-head";
import { requestPinned } from "@/lib/core/net/request-pinned";
import {
  parseLinkUrl,
  type ResolveHost,
  resolveLinkTarget,
  resolveWithDns,
} from "@/lib/core/net/resolve-link-target";

export interface LinkPreview extends OpenGraphFields {
  /** The page's URL after redirects. */
  url: string;
}

export interface FetchLinkPreviewOptions {
  /** Hostnames, IPs and CIDRs fetched although private. Default: LINK_PREVIEW_ALLOWED_HOSTS. */
  allowList?: readonly string[];
  /** For the whole preview, redirects included. */
  timeoutMs?: number;
  /** Most bytes of HTML read (after decompression). */
  maxBytes?: number;
  maxRedirects?: number;
  resolveHost?: ResolveHost;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

/**
 * Fetches a page's title, description, image and site name for a pasted link. Refuses links to
 * private and local networks (SSRF), at every redirect, and connects only to the address it
 * checked. Every failure is an AppError("BAD_REQUEST") with a message for the curator.
 */
export async function fetchLinkPreview(
  link: string,
  options: FetchLinkPreviewOptions = {},
): Promise<LinkPreview> {
  const allowList = parseAllowList(options.allowList ?? env().LINK_PREVIEW_ALLOWED_HOSTS);
  const resolveHost = options.resolveHost ?? resolveWithDns;
  const maxRedirects = options.maxRedirects ?? 3;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 5000);
  const { signal } = controller;
  try {
    let url = parseLinkUrl(link);
    for (let redirects = 0; ; redirects++) {
      const redirected = redirects > 0;
      const target = await abortable(
        resolveLinkTarget(url, { allowList, resolveHost, redirected }),
        signal,
      );
      const response = await requestPinned(url, target, signal);
      const location = redirectLocation(response);
      if (location === null) {
        const html = await readHtmlHead(response, options.maxBytes ?? 1024 * 1024);
        return { url: url.href, ...parseOpenGraph(html, url.href) };
      }
      if (redirects >= maxRedirects) throw badRequest("The link redirects too many times.");
      url = parseLinkUrl(location, url);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (signal.aborted) throw badRequest("The page took too long to answer.");
    throw networkError(error);
  } finally {
    clearTimeout(timer);
  }
}

/** Where a redirect goes, or null for a page to read; throws for any other answer. */
function redirectLocation(response: IncomingMessage): string | null {
  const status = response.statusCode ?? 0;
  const location = response.headers.location;
  if (REDIRECTS.has(status) && location) {
    response.destroy();
    return location;
  }
  if (status < 200 || status > 299) {
    response.destroy();
    throw badRequest(`The page answered ${status}.`);
  }
  const type = response.headers["content-type"]?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!HTML_TYPES.has(type)) {
    response.destroy();
    const what = /^[\w.+-]{1,60}\/[\w.+-]{1,60}$/.test(type) ? type : "of an unknown type";
    throw badRequest(`That link does not point to a web page (it is ${what}).`);
  }
  return null;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Connection-level failures as messages; anything else (a bug) is rethrown unchanged. */
function networkError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return error;
  if (code === "ECONNREFUSED") return badRequest("The site refused the connection.");
  if (code === "ECONNRESET" || code === "EPIPE") {
    return badRequest("The site closed the connection before answering.");
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return badRequest("The site's security certificate could not be verified.");
  }
  if (code.startsWith("HPE_") || code.startsWith("Z_") || code.startsWith("ERR_ZLIB")) {
    return badRequest("The site sent an answer Chorus could not read.");
  }
  return badRequest("The page could not be reached.");
}
