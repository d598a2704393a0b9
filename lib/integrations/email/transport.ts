import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/core/env";

/**
 * One pooled nodemailer transport per process, built from SMTP_URL (smtp://user:pass@host:587, or
 * smtps://…:465 for implicit TLS): up to SMTP_POOL_SIZE connections stay open and carry up to 100
 * messages each before being renewed, so a batch of emails is not a TCP + TLS + AUTH handshake per
 * message (that handshake was most of the time of one send). Without SMTP_URL there is no
 * transport: deliveries are recorded but not sent (logged once).
 */
const g = globalThis as unknown as {
  chorusMail?: { url: string; transport: Transporter };
  chorusMailWarned?: boolean;
};

/** Logs once per process that emails are recorded but not sent. */
export function warnEmailNotConfigured(): void {
  if (g.chorusMailWarned) return;
  g.chorusMailWarned = true;
  console.warn("[email] SMTP_URL is not set: emails are recorded as deliveries but not sent.");
}

/**
 * SMTP_URL with the pool and timeout settings as nodemailer URL options. nodemailer reads a URL's
 * options from its query string only (a second argument to createTransport holds message defaults,
 * not transport options), and a setting already in SMTP_URL's query wins (e.g. `?maxMessages=20`).
 */
export function transportUrl(url: string, poolSize: number): string {
  const parsed = new URL(url);
  const settings: Record<string, string> = {
    pool: "true",
    maxConnections: String(poolSize),
    maxMessages: "100",
    connectionTimeout: "15000",
    greetingTimeout: "15000",
    socketTimeout: "30000",
  };
  for (const [key, value] of Object.entries(settings)) {
    if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  }
  return parsed.toString();
}

export function emailTransport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) {
    warnEmailNotConfigured();
    return null;
  }
  const { SMTP_POOL_SIZE } = env();
  const key = `${url}#${SMTP_POOL_SIZE}`;
  if (g.chorusMail?.url !== key) {
    g.chorusMail?.transport.close();
    g.chorusMail = {
      url: key,
      transport: nodemailer.createTransport(transportUrl(url, SMTP_POOL_SIZE)),
    };
  }
  return g.chorusMail.transport;
}

/** Closes the transport (tests, shutdown); the next send builds a new one from SMTP_URL. */
export function closeEmailTransport(): void {
  g.chorusMail?.transport.close();
  g.chorusMail = undefined;
}
