/**
 * Share later without the LinkedIn API: a reminder keeps the prepared post, its job fires at its
 * time (bell notification `share.reminder` + email with the one-tap link), the sweep catches
 * reminders whose job was lost, the person cancels, sharing from the link marks it SHARED;
 * another organisation's reminder is "not found"; bad times are 400s with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as remindersRoute from "@/app/api/reminders/route";
import { DELETE as cancelRoute } from "@/app/api/reminders/[id]/route";
import * as sharesRoute from "@/app/api/shares/route";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { stopBoss } from "@/lib/core/jobs/boss";
import { sendShareReminderJob } from "@/lib/domains/sharing/jobs/send-share-reminder";
import { shareRemindersSweepJob } from "@/lib/domains/sharing/jobs/share-reminders-sweep";
import { sendShareReminder } from "@/lib/domains/sharing/reminders/send-share-reminder";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { createItem } from "../../support/analytics";
import { callRoute } from "../../support/http";

let a: OrgFixture;
let b: OrgFixture;
const db = getDb();
const TEXT = "Proud of this one: two winters on that site. Have a look!";
const startedAt = new Date();

type ReminderJson = { reminder: { id: string; url: string; remindAt: string; status: string } };

async function remind(org: OrgFixture, body: Record<string, unknown>) {
  const res = await callRoute(remindersRoute.POST, {
    method: "POST",
    userId: org.employee.user.id,
    body: { text: TEXT, network: "X", ...body },
  });
  return { ...res, reminder: (res.json as unknown as ReminderJson).reminder };
}

function errorOf(res: { json: unknown }) {
  return (res.json as { error: { message: string; fields?: Record<string, string> } }).error;
}

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
});

afterAll(async () => {
  // The reminders' jobs (pg-boss without workers here) must not run in a later suite's workers.
  await db
    .$executeRawUnsafe(
      `DELETE FROM pgboss.job WHERE created_on >= $1 AND name = $2`,
      startedAt,
      sendShareReminderJob.name,
    )
    .catch(() => undefined);
  await stopBoss();
});

describe("a reminder fires at its time", () => {
  it("is stored with its job (start after = its time); the job rings the bell and emails the one-tap link", async () => {
    const item = await createItem(a.org.id);
    const at = new Date(Date.now() + 1_000);
    const res = await remind(a, { itemId: item.id, remindAt: at.toISOString() });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const { id, url } = res.reminder;
    expect(url).toBe(`/share/${item.id}?reminder=${id}`);
    const row = await db.shareReminder.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      orgId: a.org.id,
      membershipId: a.employee.membership.id,
      itemId: item.id,
      network: "X",
      text: TEXT,
      status: "PENDING",
    });
    // Its time as asked (or "now", had the request taken longer than the second it was ahead).
    expect(row.remindAt.getTime()).toBeLessThanOrEqual(at.getTime());
    expect(row.remindAt.getTime()).toBeGreaterThan(at.getTime() - 60_000);
    const [job] = await db.$queryRawUnsafe<{ name: string; start_after: Date; data: unknown }[]>(
      `SELECT name, start_after, data FROM pgboss.job WHERE id = $1::uuid`,
      row.jobId,
    );
    expect(job).toMatchObject({ name: "share-reminder-send", data: { reminderId: id } });
    expect(Math.abs(job!.start_after.getTime() - row.remindAt.getTime())).toBeLessThan(1_000);

    // Before its time the job sends nothing (a job run early never fires it).
    expect(await sendShareReminder(id, new Date(row.remindAt.getTime() - 60_000))).toBe(false);
    expect(
      await db.notification.count({
        where: { userId: a.employee.user.id, kind: "share.reminder" },
      }),
    ).toBe(0);

    // Its time: the job's handler (as the worker runs it, once the time has come).
    while (Date.now() < row.remindAt.getTime()) await new Promise((r) => setTimeout(r, 50));
    await sendShareReminderJob.handler({ reminderId: id }, {
      id: row.jobId!,
      retryCount: 0,
      retryLimit: 5,
    } as never);
    const after = await db.shareReminder.findUniqueOrThrow({ where: { id } });
    expect(after.status).toBe("SENT");
    expect(after.sentAt).not.toBeNull();
    const notifications = await db.notification.findMany({
      where: { orgId: a.org.id, userId: a.employee.user.id, kind: "share.reminder" },
    });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ title: `Ready to share: ${item.title}`, url });
    const email = await db.emailDelivery.findUniqueOrThrow({
      where: { dedupeKey: `share-reminder:${id}` },
    });
    expect(email).toMatchObject({
      category: "reminder",
      userId: a.employee.user.id,
      orgId: a.org.id,
      subject: `Ready to share: ${item.title}`,
    });

    // A second run (a retry, the sweep) sends nothing twice.
    await sendShareReminderJob.handler({ reminderId: id }, {
      id: row.jobId!,
      retryCount: 1,
      retryLimit: 5,
    } as never);
    expect(
      await db.notification.count({
        where: { userId: a.employee.user.id, kind: "share.reminder" },
      }),
    ).toBe(1);
    expect(await db.emailDelivery.count({ where: { dedupeKey: `share-reminder:${id}` } })).toBe(1);

    // It is listed as ready until shared; sharing from its link marks it SHARED with the share.
    const list = await callRoute(remindersRoute.GET, { userId: a.employee.user.id });
    expect((list.json as { reminders: { id: string; status: string }[] }).reminders).toContainEqual(
      expect.objectContaining({ id, status: "SENT" }),
    );
    const shared = await callRoute(sharesRoute.POST, {
      method: "POST",
      userId: a.employee.user.id,
      body: { itemId: item.id, channel: "INTENT", network: "X", text: TEXT, reminderId: id },
    });
    expect(shared.status, JSON.stringify(shared.json)).toBe(201);
    const shareId = (shared.json as { share: { id: string } }).share.id;
    expect(await db.shareReminder.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SHARED",
      shareId,
    });
  });

  it("the sweep sends a reminder whose job was lost", async () => {
    const item = await createItem(a.org.id);
    const id = createId("rem");
    await db.shareReminder.create({
      data: {
        id,
        orgId: a.org.id,
        membershipId: a.employee.membership.id,
        userId: a.employee.user.id,
        itemId: item.id,
        network: "WHATSAPP",
        text: TEXT,
        language: "en",
        remindAt: new Date(Date.now() - 10 * 60_000),
      },
    });
    await shareRemindersSweepJob.handler({}, { id: "sweep" } as never);
    expect((await db.shareReminder.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
    const n = await db.notification.findFirstOrThrow({
      where: { userId: a.employee.user.id, url: `/share/${item.id}?reminder=${id}` },
    });
    expect(n.kind).toBe("share.reminder");
  });
});

describe("cancelling and tenant safety", () => {
  it("a cancelled reminder never fires; another person's or organisation's reminder is not found", async () => {
    const item = await createItem(a.org.id);
    const res = await remind(a, {
      itemId: item.id,
      remindAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(res.status).toBe(201);
    const id = res.reminder.id;

    // Org B's employee, and a colleague in the same organisation: 404, nothing changes.
    for (const userId of [b.employee.user.id, a.manager.user.id]) {
      const denied = await callRoute(cancelRoute, { method: "DELETE", userId, params: { id } });
      expect(denied.status).toBe(404);
      expect(errorOf(denied).message).toBe("Reminder was not found.");
    }
    // B can neither share "from" it.
    const bItem = await createItem(b.org.id);
    const bShare = await callRoute(sharesRoute.POST, {
      method: "POST",
      userId: b.employee.user.id,
      body: { itemId: bItem.id, channel: "COPY", text: TEXT, reminderId: id },
    });
    expect(bShare.status).toBe(404);
    expect(await db.share.count({ where: { orgId: b.org.id } })).toBe(0);
    expect((await db.shareReminder.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");

    const cancelled = await callRoute(cancelRoute, {
      method: "DELETE",
      userId: a.employee.user.id,
      params: { id },
    });
    expect(cancelled.status, JSON.stringify(cancelled.json)).toBe(200);
    const row = await db.shareReminder.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("CANCELLED");
    const [job] = await db.$queryRawUnsafe<{ state: string }[]>(
      `SELECT state::text AS state FROM pgboss.job WHERE id = $1::uuid`,
      row.jobId,
    );
    expect(job?.state).toBe("cancelled");
    // Even if its job ran anyway, nothing is sent.
    expect(await sendShareReminder(id, new Date(Date.now() + 2 * 3_600_000))).toBe(false);
    expect(
      await db.notification.count({ where: { url: `/share/${item.id}?reminder=${id}` } }),
    ).toBe(0);
    const list = await callRoute(remindersRoute.GET, { userId: a.employee.user.id });
    expect((list.json as { reminders: { id: string }[] }).reminders.map((r) => r.id)).not.toContain(
      id,
    );
  });
});

describe("bad input", () => {
  it("a past time, more than 30 days ahead, or no date: 400 naming remindAt; a bad text: 400 naming text", async () => {
    const item = await createItem(a.org.id);
    const before = await db.shareReminder.count({ where: { orgId: a.org.id } });
    const past = await remind(a, {
      itemId: item.id,
      remindAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(errorOf(past).message).toBe(
      "remindAt: that time has already passed. Pick a time in the future.",
    );
    expect(errorOf(past).fields?.remindAt).toBe("Pick a time in the future.");
    const far = await remind(a, {
      itemId: item.id,
      remindAt: new Date(Date.now() + 31 * 86_400_000).toISOString(),
    });
    expect(far.status).toBe(400);
    expect(errorOf(far).message).toBe("remindAt: reminders can be set at most 30 days ahead.");
    const garbage = await remind(a, { itemId: item.id, remindAt: "tomorrow-ish" });
    expect(garbage.status).toBe(400);
    expect(errorOf(garbage).fields?.remindAt).toBeTruthy();
    // Too long for X now: refused before anyone is reminded of it.
    const long = await remind(a, {
      itemId: item.id,
      text: "x".repeat(300),
      remindAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(long.status).toBe(400);
    expect(errorOf(long).message).toContain("Too long for X");
    // Another organisation's item: not found.
    const bItem = await createItem(b.org.id);
    const foreign = await remind(a, {
      itemId: bItem.id,
      remindAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(foreign.status).toBe(404);
    expect(await db.shareReminder.count({ where: { orgId: a.org.id } })).toBe(before);
  });
});
