import { env } from "@/lib/core/env";

export interface VapidConfig {
  publicKey: string;
  privateKey: string;
  /** mailto: or https: contact that push services see in the VAPID token. */
  subject: string;
}

/**
 * The server's VAPID identity, or null when Web Push is not configured (no key pair: `npm start`
 * generates one into .data/vapid-keys; production sets VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY).
 */
export function vapidConfig(): VapidConfig | null {
  const e = env();
  if (!e.VAPID_PUBLIC_KEY || !e.VAPID_PRIVATE_KEY) return null;
  return {
    publicKey: e.VAPID_PUBLIC_KEY,
    privateKey: e.VAPID_PRIVATE_KEY,
    subject: e.VAPID_SUBJECT ?? defaultSubject(e.APP_URL, e.EMAIL_FROM),
  };
}

/** APP_URL when it is https (push services refuse http), else the sender address of emails. */
function defaultSubject(appUrl: string | undefined, emailFrom: string): string {
  if (appUrl?.startsWith("https://")) return appUrl;
  const address = /<([^>]+)>/.exec(emailFrom)?.[1] ?? emailFrom.trim();
  return `mailto:${address.includes("@") ? address : "no-reply@chorus.local"}`;
}
