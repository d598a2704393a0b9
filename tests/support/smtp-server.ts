/**
 * A real SMTP server (the `smtp-server` package) on a free loopback port for tests: every message
 * it accepts is parsed with mailparser and kept. `refuseNext(n, code)` makes it refuse the next n
 * messages at DATA with that reply code (e.g. 421 temporary, 550 permanent); `refuseTo(address,
 * code, n)` refuses the next n messages to one recipient, whatever order parallel sends arrive in.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: string;
}

export interface TestSmtpServer {
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** Messages refused so far (each attempt counts). */
  refused: number;
  refuseNext(count: number, code?: number): void;
  refuseTo(address: string, code: number, count?: number): void;
  /** Resolves when at least `count` messages were received (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  clear(): void;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  let refuse = { count: 0, code: 550 };
  const refuseByRecipient = new Map<string, { count: number; code: number }>();
  const state = { refused: 0 };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const recipient = refuseByRecipient.get(session.envelope.rcptTo[0]?.address ?? "");
        const rule = recipient && recipient.count > 0 ? recipient : refuse;
        if (rule.count > 0) {
          rule.count--;
          state.refused++;
          const err = Object.assign(new Error(`Refused by the test server (${rule.code})`), {
            responseCode: rule.code,
          });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((parsed) => {
            messages.push({
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              parsed,
              raw,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.on("error", () => {});
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    get refused() {
      return state.refused;
    },
    refuseNext(count, code = 550) {
      refuse = { count, code };
    },
    refuseTo(address, code, count = 1) {
      refuseByRecipient.set(address, { count, code });
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`Expected ${count} emails, received ${messages.length}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    clear() {
      messages.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
