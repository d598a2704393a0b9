import { env } from "@/lib/core/env";
import { type ResolveHost, resolveWithDns } from "@/lib/core/net/resolve-link-target";

/**
 * How webhook requests reach the network. Production: real DNS and https on the URL's port.
 * Integration tests point hooks.slack.com (etc.) at a local plain-HTTP receiver with
 * `setWebhookTransportForTests`, which refuses to work unless NODE_ENV is "test" — `next start`
 * and the production server always run with NODE_ENV=production, so this cannot be switched on
 * there. Everything else (URL shape, https-only, address checks, pinning) runs as in production.
 */
export interface WebhookTransport {
  resolveHost: ResolveHost;
  /** Extra allow-list entries (e.g. 127.0.0.1) on top of LINK_PREVIEW_ALLOWED_HOSTS. */
  extraAllowList?: string[];
  /** Send over plain HTTP to this port instead of https to the URL's port. */
  plainHttpPort?: number;
}

const PRODUCTION: WebhookTransport = { resolveHost: resolveWithDns };
let current: WebhookTransport = PRODUCTION;

export function webhookTransport(): WebhookTransport {
  return current;
}

export function setWebhookTransportForTests(transport: WebhookTransport | null): void {
  if (env().NODE_ENV !== "test") {
    throw new Error("The webhook test transport can only be used when NODE_ENV is test.");
  }
  current = transport ?? PRODUCTION;
}
