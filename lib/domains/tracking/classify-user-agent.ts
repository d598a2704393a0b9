import { isbot } from "isbot";

export type Device = "desktop" | "mobile" | "tablet" | "bot" | "unknown";
export type Browser = "Chrome" | "Safari" | "Firefox" | "Edge" | "Opera" | "Samsung" | "Other";

export interface UserAgentClass {
  isBot: boolean;
  device: Device;
  browser: Browser;
}

/**
 * Coarse device and browser from a User-Agent, with our own small rules (no full UA database:
 * the dashboard only needs these buckets). A request is a bot when `isbot` says so or the UA is
 * empty. iPadOS Safari sends a Macintosh UA by default, so those iPads count as desktop.
 */
export function classifyUserAgent(userAgent: string | null | undefined): UserAgentClass {
  const ua = (userAgent ?? "").trim();
  if (!ua) return { isBot: true, device: "bot", browser: "Other" };
  const cached = cache.get(ua);
  if (cached) return cached;
  const result: UserAgentClass = isbot(ua)
    ? { isBot: true, device: "bot", browser: browserOf(ua) }
    : { isBot: false, device: deviceOf(ua), browser: browserOf(ua) };
  // UAs repeat heavily; a small memo keeps isbot's large regex off the hot path.
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(ua, result);
  return result;
}

const CACHE_MAX = 2000;
const cache = new Map<string, UserAgentClass>();

function deviceOf(ua: string): Device {
  if (/iPad|Tablet|PlayBook|Silk\/|Kindle|Nexus (?:7|9|10)\b/i.test(ua)) return "tablet";
  if (/Android/i.test(ua) && !/Mobile/i.test(ua)) return "tablet";
  if (/Mobi|iPhone|iPod|Android|Windows Phone|BlackBerry|BB10|Opera Mini|IEMobile/i.test(ua)) {
    return "mobile";
  }
  if (/Windows NT|Macintosh|Mac OS X|X11|Linux|CrOS/i.test(ua)) return "desktop";
  return "unknown";
}

function browserOf(ua: string): Browser {
  if (/SamsungBrowser\//.test(ua)) return "Samsung";
  if (/OPR\/|OPiOS\/|Opera/.test(ua)) return "Opera";
  if (/Edg(?:e|A|iOS)?\//.test(ua)) return "Edge";
  if (/Firefox\/|FxiOS\//.test(ua)) return "Firefox";
  if (/Chrome\/|CriOS\/|Chromium\//.test(ua)) return "Chrome";
  if (/Safari\//.test(ua) || /iPhone|iPad|iPod/.test(ua)) return "Safari";
  return "Other";
}

/** Hostname of a Referer header, lower-cased, at most 255 characters; null when absent or invalid. */
export function referrerHost(referer: string | null | undefined): string | null {
  if (!referer) return null;
  try {
    const host = new URL(referer).hostname.toLowerCase();
    return host ? host.slice(0, 255) : null;
  } catch {
    return null;
  }
}
