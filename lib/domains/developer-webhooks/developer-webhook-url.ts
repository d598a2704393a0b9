import net from "node:net";
import { env } from "@/lib/core/env";
import { AppError, badRequest } from "@/lib/core/errors/app-error";
import {
  isAllowedAddress,
  isAllowedHost,
  parseAllowList,
  type AllowList,
} from "@/lib/core/net/is-refused-address";
import {
  bareHostname,
  resolveLinkTarget,
  type ResolvedAddress,
} from "@/lib/core/net/resolve-link-target";
import { webhookTransport } from "@/lib/integrations/webhooks/webhook-transport";

const MAX_URL_LENGTH = 2048;

/** DEVELOPER_WEBHOOKS_ALLOWED_HOSTS: private addresses and plain http are refused otherwise. */
function allowList(): AllowList {
  return parseAllowList([
    ...env().DEVELOPER_WEBHOOKS_ALLOWED_HOSTS,
    ...(webhookTransport().extraAllowList ?? []),
  ]);
}

function field(message: string) {
  return badRequest(`url: ${message}`, { url: message });
}

/**
 * The form of a developer webhook URL: https (plain http only for a host of
 * DEVELOPER_WEBHOOKS_ALLOWED_HOSTS, e.g. a loopback receiver in tests), no credentials, ≤ 2 KB.
 */
export function parseDeveloperWebhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw field("That is not a valid URL. Enter the full address, starting with https://");
  }
  const host = bareHostname(url);
  const list = allowList();
  const listed =
    isAllowedHost(host, list) || (net.isIP(host) !== 0 && isAllowedAddress(host, list));
  if (url.protocol !== "https:" && !(url.protocol === "http:" && listed)) {
    throw field("Webhook URLs must start with https:// (messages are never sent unencrypted).");
  }
  if (url.username || url.password)
    throw field("The URL must not contain a user name or password.");
  if (url.href.length > MAX_URL_LENGTH) throw field("That URL is too long.");
  return url;
}

/**
 * The address to deliver to: every address the host resolves to must be public unless
 * allow-listed (the SSRF rules of link previews and the Slack/Teams webhooks). Checked when the URL
 * is saved and before every delivery; the request then connects to this very address.
 */
export async function resolveDeveloperWebhookTarget(url: URL): Promise<ResolvedAddress> {
  try {
    return await resolveLinkTarget(url, {
      allowList: allowList(),
      resolveHost: webhookTransport().resolveHost,
      redirected: false,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const detail = /private or local network/.test(error.message)
      ? `${bareHostname(url)} points to a private or local network address; Chorus only sends webhooks to public addresses.`
      : error.message;
    throw field(detail);
  }
}
