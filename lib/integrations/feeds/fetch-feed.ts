import type { IncomingMessage } from "node:http";
import { decompressedBody } from "@/lib/core/net/decompressed-body";
import { AppError, badRequest } from "@/lib/core/errors/app-error";
import { type AllowList, EMPTY_ALLOW_LIST } from "@/lib/core/net/is-refused-address";
import { requestPinned } from "@/lib/core/net/request-pinned";
import {
  parseLinkUrl,
  type ResolveHost,
  resolveLinkTarget,
  resolveWithDns,
} from "@/lib/core/net/resolve-link-target";

export interface FetchFeedOptions {
  /** Conditional GET validators of the last answer. */
  etag?: string | null;
  lastModified?: string | null;
  /** Addresses fetched although private (CONTENT_SOURCES_ALLOWED_HOSTS). */
  allowList?: AllowList;
  timeoutMs?: number;
  /** Most bytes read, after decompression (so a compressed "bomb" is cut off too). */
  maxBytes?: number;
  maxRedirects?: number;
  resolveHost?: ResolveHost;
}

export type FetchedFeed =
  | { notModified: true }
  | {
      notModified: false;
      /** The address after redirects: relative links in the feed resolve against it. */
      url: string;
      xml: string;
      etag: string | null;
      lastModified: string | null;
    };

export const FEED_MAX_BYTES = 2 * 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const XML_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/xml",
  "text/xml",
  "application/x-rss+xml",
  "application/x-atom+xml",
]);
const HEADERS = {
  "user-agent": "ChorusFeeds/1.0",
  accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9",
  "accept-encoding": "gzip, deflate, br",
};

/**
 * Fetches a feed or sitemap with a conditional GET. The same SSRF rules as link previews apply at
 * every redirect (lib/core/net: private and local addresses refused unless allow-listed, the
 * connection pinned to the checked address). Every failure is an AppError("BAD_REQUEST") whose
 * message is shown on the source.
 */
export async function fetchFeed(
  link: string,
  options: FetchFeedOptions = {},
): Promise<FetchedFeed> {
  const allowList = options.allowList ?? EMPTY_ALLOW_LIST;
  const resolveHost = options.resolveHost ?? resolveWithDns;
  const maxBytes = options.maxBytes ?? FEED_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? 3;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const { signal } = controller;
  const headers: Record<string, string> = { ...HEADERS };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;
  try {
    let url = parseLinkUrl(link);
    for (let redirects = 0; ; redirects++) {
      const target = await resolveLinkTarget(url, {
        allowList,
        resolveHost,
        redirected: redirects > 0,
      });
      const response = await requestPinned(url, target, { headers, signal, timeoutMs });
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.destroy();
        if (redirects >= maxRedirects) throw badRequest("The source redirects too many times.");
        url = parseLinkUrl(location, url);
        continue;
      }
      if (status === 304) {
        response.destroy();
        return { notModified: true };
      }
      assertReadable(response, maxBytes);
      const xml = await readBody(response, maxBytes);
      return {
        notModified: false,
        url: url.href,
        xml,
        etag: header(response, "etag"),
        lastModified: header(response, "last-modified"),
      };
    }
  } catch (error) {
    if (error instanceof AppError) throw sourceWording(error);
    if (signal.aborted) throw badRequest(`The source did not answer within ${timeoutMs / 1000} s.`);
    throw networkError(error);
  } finally {
    clearTimeout(timer);
  }
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === "string" && value.length <= 512 ? value : null;
}

/** A 2xx XML answer of an acceptable size, or a BAD_REQUEST saying what it is instead. */
function assertReadable(response: IncomingMessage, maxBytes: number) {
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 299) {
    response.destroy();
    throw badRequest(`The source answered ${status}.`);
  }
  const type = response.headers["content-type"]?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!XML_TYPES.has(type)) {
    response.destroy();
    const what = /^[\w.+-]{1,60}\/[\w.+-]{1,60}$/.test(type) ? type : "of an unknown type";
    throw badRequest(
      `The source is not an RSS/Atom feed or a sitemap: its content is ${what}, not XML.`,
    );
  }
  const length = Number(response.headers["content-length"]);
  if (Number.isFinite(length) && length > maxBytes) {
    response.destroy();
    throw tooLarge(maxBytes);
  }
}

const tooLarge = (maxBytes: number) =>
  badRequest(
    `The source is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, which Chorus does not read.`,
  );

async function readBody(response: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = decompressedBody(response);
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } finally {
    stream.destroy();
    response.destroy();
  }
  const charset = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(
    response.headers["content-type"] ?? "",
  )?.[1];
  try {
    return new TextDecoder(charset ?? "utf-8").decode(Buffer.concat(chunks));
  } catch {
    return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
  }
}

/** The shared SSRF and URL messages speak of "links"; on a source they speak of the source. */
function sourceWording(error: AppError): AppError {
  const message = error.message
    .replace(/^That link (points|redirects)/, "The source address $1")
    .replace("can be previewed", "can be polled")
    .replace("cannot be previewed", "cannot be polled")
    .replace("too long to preview", "too long");
  return message === error.message ? error : badRequest(message);
}

function networkError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") {
    if (error instanceof Error && /did not answer in time/.test(error.message)) {
      return badRequest("The source did not answer in time.");
    }
    return error;
  }
  if (code === "ECONNREFUSED") return badRequest("The source's server refused the connection.");
  if (code === "ECONNRESET" || code === "EPIPE") {
    return badRequest("The source's server closed the connection before answering.");
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return badRequest("The source's security certificate could not be verified.");
  }
  if (code.startsWith("HPE_") || code.startsWith("Z_") || code.startsWith("ERR_ZLIB")) {
    return badRequest("The source sent an answer Chorus could not read.");
  }
  return badRequest("The source could not be reached.");
}
