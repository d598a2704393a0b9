/**
 * Email through the job queue against a real SMTP server on loopback: delivery, dedupe, refusals
 * and retries, opt-outs, unsubscribe links, invitation and approval emails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { queueEmail } from "@/lib/domains/email/queue-email";
import { sendDelivery } from "@/lib/domains/email/send-delivery";
import {
  EMAIL_RETRY_LIMIT,
  sendEmailJob,
  TIMELY_EMAIL_PRIORITY,
  URGENT_EMAIL_PRIORITY,
} from "@/lib/domains/email/jobs/send-email";
import { shareResultEmail } from "@/lib/integrations/email/templates/share-result";
import { createUnsubscribeToken } from "@/lib/domains/email/unsubscribe-token";
import { closeEmailTransport } from "@/lib/integrations/email/transport";
import { createInvitation } from "@/lib/domains/invitations/create-invitation";
import { importInvitations } from "@/lib/domains/invitations/import-invitations";
import { invitationUrl } from "@/lib/domains/invitations/invitation-token";
import { appUrl } from "@/lib/core/http/app-url";
import { createContentItem } from "@/lib/domains/content/save-content-item";
import { transitionContentItem } from "@/lib/domains/content/transition-content-item";
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";
import { POST as unsubscribePost } from "@/app/api/email/unsubscribe/route";
import { POST as invitationsPost } from "@/app/api/invitations/route";
import { POST as retryPost } from "@/app/api/email/deliveries/[id]/retry/route";
import { PUT as preferencesPut } from "@/app/api/email/preferences/route";
import {
  accessFor,
  addMember,
  createOrgFixture,
  uniqueEmail,
  type OrgFixture,
} from "@/tests/support/factories";
import { contentInput } from "@/tests/support/content";
import { callRoute } from "@/tests/support/http";
import { startSmtpServer, type ReceivedMail } from "@/tests/support/smtp-server";

// env() is read lazily: the app sends to this server.
const smtp = await startSmtpServer();
const previousSmtp = process.env.SMTP_URL;
process.env.SMTP_URL = smtp.url;

let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  await startJobs();
});

afterAll(async () => {
  await stopJobs();
  closeEmailTransport();
  await smtp.close();
  if (previousSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = previousSmtp;
});

function to(address: string): ReceivedMail[] {
  return smtp.messages.filter((m) => m.envelopeTo.includes(address));
}

async function waitForMail(address: string, count = 1, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (to(address).length < count) {
    if (Date.now() > deadline) throw new Error(`No email to ${address} (${to(address).length})`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return to(address);
}

async function waitForStatus(id: string, status: "SENT" | "FAILED", timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await getDb().emailDelivery.findUniqueOrThrow({ where: { id } });
    if (row.status === status) return row;
    if (Date.now() > deadline) throw new Error(`Delivery ${id} is ${row.status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function shareResult(title = "Grid milestone <b>&</b> more") {
  return shareResultEmail({
    recipientName: "Ada <Admin>",
    itemTitle: title,
    status: "failed",
    error: "LinkedIn said: token expired",
    activityUrl: `${appUrl()}/activity`,
  });
}

/** A PENDING delivery row without a job, for driving the sender directly. */
async function pendingRow(address: string, userId: string | null, category = "share-results") {
  const id = createId("eml");
  await getDb().emailDelivery.create({
    data: { id, orgId: a.org.id, userId, to: address, category, subject: "Direct" },
  });
  return id;
}

describe("queueEmail through the job queue", () => {
  it("delivers text and HTML with List-Unsubscribe (one-click) and marks the delivery SENT", async () => {
    const user = a.employee.user;
    const rendered = shareResult();
    const queued = await queueEmail({
      orgId: a.org.id,
      userId: user.id,
      to: user.email,
      category: "share-results",
      ...rendered,
    });
    expect(queued).toMatchObject({ status: "PENDING", created: true });
    const [mail] = await waitForMail(user.email);
    const row = await waitForStatus(queued.id, "SENT");
    expect(row.attempts).toBe(1);
    expect(row.sentAt).not.toBeNull();
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe("Not posted: Grid milestone <b>&</b> more");
    expect(parsed.text).toContain('Your post "Grid milestone <b>&</b> more" could not be posted');
    expect(parsed.text).toContain("Reason: LinkedIn said: token expired");
    // HTML escapes user input.
    expect(parsed.html).toContain("Grid milestone &lt;b&gt;&amp;&lt;/b&gt; more");
    expect(parsed.html).toContain("Hi Ada &lt;Admin&gt;,");
    expect(parsed.html).not.toContain("<b>&</b>");
    const token = createUnsubscribeToken(user.id, "share-results");
    const header = (key: string) =>
      parsed.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, " ");
    expect(header("list-unsubscribe")).toBe(
      `List-Unsubscribe: <${appUrl()}/api/email/unsubscribe?token=${encodeURIComponent(token)}>`,
    );
    expect(header("list-unsubscribe-post")).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    expect(parsed.text).toContain(`/unsubscribe?token=${encodeURIComponent(token)}`);
  });

  it("a dedupe key queued twice, and its job run again, sends exactly one email", async () => {
    const user = a.manager.user;
    const input = {
      orgId: a.org.id,
      userId: user.id,
      to: user.email,
      category: "share-results" as const,
      ...shareResult("Dedupe"),
      dedupeKey: `test:${createId("eml")}`,
    };
    const [first, second] = await Promise.all([queueEmail(input), queueEmail(input)]);
    expect(first.id).toBe(second.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    await waitForStatus(first.id, "SENT");
    // The job running again (pg-boss redelivery) does not send it again.
    expect(
      await sendDelivery({ deliveryId: first.id, text: "x", html: "x" }, { retryCount: 0 }),
    ).toBe("already-sent");
    expect((await queueEmail(input)).created).toBe(false);
    await new Promise((r) => setTimeout(r, 1500));
    expect(to(user.email).filter((m) => m.parsed.subject === "Not posted: Dedupe")).toHaveLength(1);
    expect(await getDb().emailDelivery.count({ where: { dedupeKey: input.dedupeKey } })).toBe(1);
  });

  it("two runs of the same delivery at once send it once", async () => {
    const address = uniqueEmail("race");
    const id = await pendingRow(address, null, "invitation");
    const outcomes = await Promise.all([
      sendDelivery({ deliveryId: id, text: "once", html: "<p>once</p>" }, { retryCount: 0 }),
      sendDelivery({ deliveryId: id, text: "once", html: "<p>once</p>" }, { retryCount: 0 }),
    ]);
    expect(outcomes.sort()).toEqual(
      outcomes.includes("busy") ? ["busy", "sent"] : ["already-sent", "sent"],
    );
    expect(to(address)).toHaveLength(1);
    // Transactional: no unsubscribe header.
    expect(to(address)[0]!.parsed.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(
      false,
    );
  });
});

describe("an SMTP server that refuses", () => {
  it("a temporary refusal (421) is retried with lastError and attempts; after the last attempt it is FAILED", async () => {
    const address = uniqueEmail("refused");
    const id = await pendingRow(address, null, "invitation");
    smtp.refuseNext(EMAIL_RETRY_LIMIT + 1, 421);
    for (let retryCount = 0; retryCount <= EMAIL_RETRY_LIMIT; retryCount++) {
      await expect(
        sendDelivery({ deliveryId: id, text: "t", html: "<p>t</p>" }, { retryCount }),
      ).rejects.toThrow(/421/);
      const row = await getDb().emailDelivery.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(retryCount + 1);
      expect(row.lastError).toContain("421");
      expect(row.status).toBe(retryCount < EMAIL_RETRY_LIMIT ? "PENDING" : "FAILED");
    }
    expect(to(address)).toHaveLength(0);
    smtp.refuseNext(0);
  });

  it("a permanent refusal (550) through the queue is FAILED at once, visible, and Retry sends it", async () => {
    const address = uniqueEmail("perm");
    smtp.refuseNext(1, 550);
    const queued = await queueEmail({
      orgId: a.org.id,
      to: address,
      category: "invitation",
      subject: "Refused once",
      text: "Hello",
      html: "<p>Hello</p>",
    });
    const failed = await waitForStatus(queued.id, "FAILED");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain("550");
    expect(to(address)).toHaveLength(0);

    // Another organisation's admin: 404; an employee: 403; the admin: retried.
    const foreign = await callRoute(retryPost, {
      method: "POST",
      userId: b.admin.user.id,
      params: { id: queued.id },
    });
    expect(foreign.status).toBe(404);
    const employee = await callRoute(retryPost, {
      method: "POST",
      userId: a.employee.user.id,
      params: { id: queued.id },
    });
    expect(employee.status).toBe(403);
    const retried = await callRoute(retryPost, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: queued.id },
    });
    expect(retried.status).toBe(200);
    const sent = await waitForStatus(queued.id, "SENT");
    expect(sent.attempts).toBe(2);
    expect(sent.lastError).toBeNull();
    const mails = await waitForMail(address);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.text?.trim()).toBe("Hello");
    // A SENT delivery is not retried.
    const again = await callRoute(retryPost, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: queued.id },
    });
    expect(again.status).toBe(409);
  });
});

describe("opt-outs and unsubscribe links", () => {
  it("an opted-out category is not sent (clear status); another category still is", async () => {
    const member = await addMember(a.org.id, "EMPLOYEE");
    const put = await callRoute(preferencesPut, {
      method: "PUT",
      userId: member.user.id,
      body: { optOuts: ["share-results"] },
    });
    expect(put.status).toBe(200);
    const bad = await callRoute(preferencesPut, {
      method: "PUT",
      userId: member.user.id,
      body: { optOuts: ["everything"] },
    });
    expect(bad.status).toBe(400);

    const skipped = await queueEmail({
      orgId: a.org.id,
      userId: member.user.id,
      to: member.user.email,
      category: "share-results",
      ...shareResult("Opted out"),
    });
    const row = await waitForStatus(skipped.id, "FAILED");
    expect(row.lastError).toBe(
      "Not sent: the recipient unsubscribed from scheduled post results emails.",
    );
    expect(row.attempts).toBe(0);
    const sent = await queueEmail({
      orgId: a.org.id,
      userId: member.user.id,
      to: member.user.email,
      category: "approvals",
      subject: "Still wanted",
      text: "t",
      html: "<p>t</p>",
    });
    await waitForStatus(sent.id, "SENT");
    const mails = to(member.user.email);
    expect(mails.map((m) => m.parsed.subject)).toEqual(["Still wanted"]);
  });

  it("a valid token unsubscribes (one-click POST); a tampered or missing one is a 400", async () => {
    const member = await addMember(a.org.id, "EMPLOYEE");
    const token = createUnsubscribeToken(member.user.id, "digest");
    const tampered = [
      token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"),
      token.replace(".digest.", ".approvals."),
      `${b.admin.user.id}.digest.${token.split(".")[2]}`,
      "nonsense",
    ];
    for (const t of tampered) {
      const res = await callRoute(unsubscribePost, {
        method: "POST",
        path: `/api/email/unsubscribe?token=${encodeURIComponent(t)}`,
        rawBody: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(res.status).toBe(400);
      expect(res.json.error?.message).toContain("not valid");
    }
    const missing = await callRoute(unsubscribePost, { method: "POST", rawBody: "" });
    expect(missing.status).toBe(400);
    expect(
      (await getDb().user.findUniqueOrThrow({ where: { id: member.user.id } })).emailOptOuts,
    ).toEqual([]);

    const ok = await callRoute(unsubscribePost, {
      method: "POST",
      path: `/api/email/unsubscribe?token=${encodeURIComponent(token)}`,
      rawBody: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ unsubscribed: true, category: "digest" });
    // The confirm form of /unsubscribe (token in the body) is idempotent and redirects a browser.
    const form = await callRoute(unsubscribePost, {
      method: "POST",
      path: "/api/email/unsubscribe",
      rawBody: `token=${encodeURIComponent(token)}`,
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
    });
    expect(form.status).toBe(303);
    expect(
      (await getDb().user.findUniqueOrThrow({ where: { id: member.user.id } })).emailOptOuts,
    ).toEqual(["digest"]);
  });
});

describe("wired-up emails", () => {
  it("an email invitation sends the invitation with its link (once, transactional)", async () => {
    const email = uniqueEmail("invitee");
    // The expiry is written on the organisation's clock (Auckland here), not the server's UTC.
    const access = accessFor({ ...a.org, timeZone: "Pacific/Auckland" }, a.admin);
    const created = await createInvitation(access, {
      kind: "EMAIL",
      email,
      name: "Grace <Hopper>",
      role: "EMPLOYEE",
      teamIds: [],
      expiresInDays: 7,
    });
    const [mail] = await waitForMail(email);
    const link = invitationUrl(appUrl(), created.token);
    expect(mail!.parsed.subject).toBe(
      `${a.admin.user.name} invited you to ${a.org.name} on Chorus`,
    );
    expect(mail!.parsed.text).toContain(`Accept the invitation: ${link}`);
    expect(mail!.parsed.html).toContain(`href="${link}"`);
    expect(mail!.parsed.html).toContain("Hi Grace &lt;Hopper&gt;,");
    expect(mail!.parsed.text).toContain("You receive this email because");
    const until = new Intl.DateTimeFormat("en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Pacific/Auckland",
    }).format(created.expiresAt);
    expect(String(mail!.parsed.text).replace(/\s+/g, " ")).toContain(
      `The link works until ${until.replace(/\s+/g, " ")} (Pacific/Auckland time).`,
    );
    expect(mail!.parsed.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(false);
    const row = await getDb().emailDelivery.findUniqueOrThrow({
      where: { dedupeKey: `invite:${created.id}` },
    });
    expect(row).toMatchObject({ orgId: a.org.id, category: "invitation", to: email });
    expect(created.emailed).toBe("queued");
  });

  it("the invite answer tells the admin the invitation was emailed (SMTP_URL is set)", async () => {
    const email = uniqueEmail("told");
    const res = await callRoute(invitationsPost, {
      method: "POST",
      userId: a.admin.user.id,
      body: { kind: "EMAIL", email, role: "EMPLOYEE" },
    });
    expect(res.status).toBe(201);
    expect((res.json.invitation as { emailed: string }).emailed).toBe("queued");
    await waitForMail(email);
  });

  it("account emails (password reset), then reminders, jump the queue: their jobs have higher priorities", async () => {
    const bulk = await queueEmail({
      to: uniqueEmail("bulk"),
      category: "invitation",
      subject: "You're invited",
      text: "x",
      html: "<p>x</p>",
    });
    const urgent = await queueEmail({
      to: uniqueEmail("reset"),
      category: "account",
      subject: "Reset your Chorus password",
      text: "x",
      html: "<p>x</p>",
    });
    // A share-later reminder is due at a time its person chose: it must not wait behind a bulk
    // import either (an e2e reminder waited behind 1,200 invitations and timed out).
    const reminder = await queueEmail({
      to: uniqueEmail("remind"),
      category: "reminder",
      subject: "Ready to share",
      text: "x",
      html: "<p>x</p>",
    });
    const priorities = await getDb().$queryRawUnsafe<{ deliveryId: string; priority: number }[]>(
      `SELECT data->>'deliveryId' AS "deliveryId", priority FROM pgboss.job
       WHERE name = $1 AND data->>'deliveryId' = ANY($2::text[])`,
      sendEmailJob.name,
      [bulk.id, urgent.id, reminder.id],
    );
    const byId = Object.fromEntries(priorities.map((p) => [p.deliveryId, p.priority]));
    expect(byId[urgent.id]).toBe(URGENT_EMAIL_PRIORITY);
    expect(byId[reminder.id]).toBe(TIMELY_EMAIL_PRIORITY);
    expect(TIMELY_EMAIL_PRIORITY).toBeGreaterThan(0);
    expect(TIMELY_EMAIL_PRIORITY).toBeLessThan(URGENT_EMAIL_PRIORITY);
    expect(byId[bulk.id]).toBe(0);
    await waitForStatus(urgent.id, "SENT");
    await waitForStatus(reminder.id, "SENT");
  });

  it("a CSV import emails each invited row once (bulk insert, one job each)", async () => {
    const emails = [uniqueEmail("csv"), uniqueEmail("csv"), uniqueEmail("csv")];
    const access = accessFor(a.org, a.admin);
    const report = await importInvitations(access, {
      rows: [
        { line: 2, email: emails[0]!, name: "Csv One" },
        { line: 3, email: "not-an-email" },
        { line: 4, email: emails[1]!, role: "manager" },
        { line: 5, email: emails[2]!, teams: "Alpha" },
      ],
      expiresInDays: 14,
    });
    expect(report.invited).toBe(3);
    for (const email of emails) {
      const [mail] = await waitForMail(email);
      const result = report.results.find((r) => r.email === email)!;
      expect(result.status).toBe("invited");
      const token = result.status === "invited" ? result.token : "";
      expect(mail!.parsed.text).toContain(invitationUrl(appUrl(), token));
    }
    expect(to(emails[0]!)[0]!.parsed.text).toContain("Hi Csv One,");
    expect(to(emails[1]!)[0]!.parsed.text).toContain("as a manager");
    const rows = await getDb().emailDelivery.findMany({
      where: { orgId: a.org.id, to: { in: emails } },
    });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.dedupeKey?.startsWith("invite:inv_"))).toBe(true);
  });

  it("submitting for review emails the other admins when approval is required", async () => {
    const secondAdmin = await addMember(a.org.id, "ADMIN");
    const inactiveAdmin = await addMember(a.org.id, "ADMIN", { status: "DEACTIVATED" });
    await getDb().orgSettings.upsert({
      where: { orgId: a.org.id },
      create: { orgId: a.org.id, requireApproval: true },
      update: { requireApproval: true },
    });
    try {
      const access = accessFor(a.org, a.admin);
      const item = await createContentItem(access, contentInput({ title: "Heat pumps & <you>" }));
      await transitionContentItem(access, item.id, { to: "IN_REVIEW", comment: "Ready?" });
      const [mail] = await waitForMail(secondAdmin.user.email);
      expect(mail!.parsed.subject).toBe("Review requested: Heat pumps & <you>");
      expect(mail!.parsed.text).toContain(`${a.admin.user.name} submitted "Heat pumps & <you>"`);
      expect(mail!.parsed.text).toContain("Their note: Ready?");
      expect(mail!.parsed.text).toContain(`${appUrl()}/studio/${item.id}`);
      expect(mail!.parsed.html).toContain("Heat pumps &amp; &lt;you&gt;");
      await new Promise((r) => setTimeout(r, 1000));
      // Not the submitter, not a deactivated admin, not employees.
      expect(to(a.admin.user.email).filter((m) => m.parsed.subject?.startsWith("Review"))).toEqual(
        [],
      );
      expect(to(inactiveAdmin.user.email)).toEqual([]);
      expect(
        await getDb().emailDelivery.count({
          where: { orgId: a.org.id, category: "approvals", subject: { startsWith: "Review" } },
        }),
      ).toBe(1);
    } finally {
      await getDb().orgSettings.update({
        where: { orgId: a.org.id },
        data: { requireApproval: false },
      });
    }
  });
});
