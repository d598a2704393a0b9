import fs from "node:fs";
import { E2E } from "./e2e-config";

export interface SinkMail {
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

/** Every email the mail sink received for `address` so far, oldest first. */
export function mailsTo(address: string): SinkMail[] {
  if (!fs.existsSync(E2E.mailboxFile)) return [];
  return fs
    .readFileSync(E2E.mailboxFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SinkMail)
    .filter((mail) => mail.to.includes(address.toLowerCase()));
}

/** Waits until `address` has received `count` emails and returns them. */
export async function waitForMails(
  address: string,
  count = 1,
  timeoutMs = 30_000,
): Promise<SinkMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = mailsTo(address);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) {
      throw new Error(`Expected ${count} emails to ${address}, received ${mails.length}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
