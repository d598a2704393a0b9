/**
 * The e2e mail sink: a real SMTP server (the `smtp-server` package) on E2E.smtpPort. The app under
 * test sends to it (SMTP_URL); each message is parsed and appended to E2E.mailboxFile as one JSON
 * line `{ to, subject, text, receivedAt }`, which specs read with tests/e2e/mailbox.ts.
 */
import fs from "node:fs";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { E2E } from "../e2e-config";

fs.rmSync(E2E.mailboxFile, { force: true });

const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        const record = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          receivedAt: new Date().toISOString(),
        };
        fs.appendFileSync(E2E.mailboxFile, `${JSON.stringify(record)}\n`, { mode: 0o600 });
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});
server.on("error", (error) => console.error("[mail-sink]", error));
server.listen(E2E.smtpPort, "127.0.0.1");

function stop() {
  server.close(() => {
    fs.rmSync(E2E.mailboxFile, { force: true });
    process.exit(0);
  });
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
