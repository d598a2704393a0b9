import { env } from "@/lib/core/env";
import { AppError, badRequest } from "@/lib/core/errors/app-error";
import { parseAllowList } from "@/lib/core/net/is-refused-address";
import {
  bareHostname,
  type ResolvedAddress,
  resolveLinkTarget,
} from "@/lib/core/net/resolve-link-target";
import { webhookTransport } from "@/lib/integrations/webhooks/webhook-transport";
import type { WebhookKind } from "@/lib/generated/prisma/enums";

const MAX_URL_LENGTH = 2048;

/**
 * The shape each kind's incoming-webhook URLs have, checked loosely (the path beyond the prefix
 * is the provider's secret and may change format):
 * - Slack: https://hooks.slack.com/services/… (also /workflows/… and /triggers/…)
 * - Teams: https://<tenant>.webhook.office.com/… (Office 365 connectors) or a Power Automate /
 *   Logic Apps workflow URL (https://….logic.azure.com/…, https://….environment.api.powerplatform.com/…)
 */
function shapeProblem(kind: WebhookKind, url: URL): string | null {
  const host = url.hostname.toLowerCase();
  if (kind === "SLACK") {
    const ok =
      host === "hooks.slack.com" && /^\/(services|workflows|triggers)\/[^/]+/.test(url.pathname);
    return ok
      ? null
      : "A Slack webhook URL looks like https://hooks.slack.com/services/T…/B…/… — copy it from the Slack app's Incoming Webhooks page.";
  }
  const ok =
    (/^[a-z0-9-]+\.webhook\.office\.com$/.test(host) && url.pathname.length > 1) ||
    /(^|\.)logic\.azure\.com$/.test(host) ||
    /(^|\.)api\.powerplatform\.com$/.test(host) ||
    /(^|\.)powerautomate\.com$/.test(host);
  return ok
    ? null
    : "A Microsoft Teams webhook URL looks like https://<tenant>.webhook.office.com/webhookb2/… or a Power Automate workflow URL (https://….logic.azure.com/… or ….api.powerplatform.com/…).";
}

/** Parses and checks the form of a webhook URL (https, no credentials, the kind's shape). */
export function parseWebhookUrl(kind: WebhookKind, text: string): URL {
  const field = (message: string) =>
    badRequest(message, { url: message.replace(/^url: (\w)/, (_m, c: string) => c.toUpperCase()) });
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw field(
      "url: that is not a valid URL. Paste the full webhook address, starting with https://",
    );
  }
  if (url.protocol !== "https:") {
    throw field(
      "url: webhook URLs must start with https:// (messages are never sent unencrypted).",
    );
  }
  if (url.username || url.password)
    throw field("url: the URL must not contain a user name or password.");
  if (url.href.length > MAX_URL_LENGTH) throw field("url: that URL is too long.");
  const problem = shapeProblem(kind, url);
  if (problem) throw field(`url: ${problem}`);
  return url;
}

/**
 * The address to deliver to: every address the host resolves to must be public, unless
 * LINK_PREVIEW_ALLOWED_HOSTS allow-lists it (the same SSRF rules as link previews). Checked when
 * the URL is saved and again before every delivery; the request then connects to this address
 * (requestPinned), so DNS cannot answer differently in between (rebinding).
 */
export async function resolveWebhookTarget(url: URL): Promise<ResolvedAddress> {
  const transport = webhookTransport();
  const allowList = parseAllowList([
    ...env().LINK_PREVIEW_ALLOWED_HOSTS,
    ...(transport.extraAllowList ?? []),
  ]);
  try {
    return await resolveLinkTarget(url, {
      allowList,
      resolveHost: transport.resolveHost,
      redirected: false,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const detail = /private or local network/.test(error.message)
      ? `${bareHostname(url)} points to a private or local network address; Chorus only sends webhooks to public addresses.`
      : error.message;
    throw badRequest(`url: ${detail}`, { url: detail });
  }
}

/** Validates a URL fully (shape, then DNS and address checks) before it is stored. */
export async function validateWebhookUrl(kind: WebhookKind, text: string): Promise<URL> {
  const url = parseWebhookUrl(kind, text);
  await resolveWebhookTarget(url);
  return url;
}
