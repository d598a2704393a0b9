import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/core/env";

/**
 * One nodemailer transport per process, built from SMTP_URL (smtp://user:pass@host:587, or
 * smtps://…:465 for implicit TLS). Without SMTP_URL there is no transport: deliveries are recorded
 * but not sent (logged once).
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

export function emailTransport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) {
    warnEmailNotConfigured();
    return null;
  }
  if (g.chorusMail?.url !== url) {
    g.chorusMail?.transport.close();
    g.chorusMail = {
      url,
      transport: nodemailer.createTransport(url, {
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      }),
    };
  }
  return g.chorusMail.transport;
}

/** Closes the transport (tests, shutdown); the next send builds a new one from SMTP_URL. */
export function closeEmailTransport(): void {
  g.chorusMail?.transport.close();
  g.chorusMail = undefined;
}
