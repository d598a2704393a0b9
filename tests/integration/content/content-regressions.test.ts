import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

process.env.UPLOADS_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "chorus-regressions-"));

import * as contentRoute from "@/app/api/content/route";
import * as itemRoute from "@/app/api/content/[id]/route";
import { POST as transition } from "@/app/api/content/[id]/transitions/route";
import { PATCH as patchGuardrails } from "@/app/api/settings/guardrails/route";
import { POST as suggest } from "@/app/api/suggestions/route";
import { POST as accept } from "@/app/api/suggestions/[id]/accept/route";
import { POST as uploadToSuggestion } from "@/app/api/suggestions/[id]/images/route";
import { getDb } from "@/lib/core/db/client";
import { addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

let a: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
});

describe("regressions", () => {
  it("with approval required, an approved post cannot be edited without a new review", async () => {
    const second = await addMember(a.org.id, "ADMIN");
    await callRoute(patchGuardrails, {
      method: "PATCH",
      userId: a.admin.user.id,
      body: { requireApproval: true },
    });
    try {
      const created = await callRoute(contentRoute.POST, {
        method: "POST",
        userId: a.admin.user.id,
        body: contentInput(),
      });
      const id = (created.json.item as { id: string }).id;
      await callRoute(transition, {
        method: "POST",
        userId: a.admin.user.id,
        params: { id },
        body: { to: "IN_REVIEW" },
      });
      const approved = await callRoute(transition, {
        method: "POST",
        userId: second.user.id,
        params: { id },
        body: { to: "PUBLISHED" },
      });
      expect(approved.status).toBe(200);
      const edit = await callRoute(itemRoute.PATCH, {
        method: "PATCH",
        userId: a.admin.user.id,
        params: { id },
        body: { body: "Something the reviewer never saw." },
      });
      expect(edit.status).toBe(409);
      expect(edit.json.error?.message).toContain("unpublish it (back to draft)");
      const row = await getDb().contentItem.findUniqueOrThrow({ where: { id } });
      expect(row.body).toBe(contentInput().body);
    } finally {
      await callRoute(patchGuardrails, {
        method: "PATCH",
        userId: a.admin.user.id,
        body: { requireApproval: false },
      });
    }
  });

  it("deleting a draft made from a suggestion puts the suggestion back with its photo; no internal note for sharers", async () => {
    const created = await callRoute(suggest, {
      method: "POST",
      userId: a.employee.user.id,
      body: { title: "Volunteering day", body: "We planted 300 trees with the local school." },
    });
    const sid = (created.json.suggestion as { id: string }).id;
    const f = new FormData();
    f.set("file", new File([new Uint8Array(PNG)], "trees.png", { type: "image/png" }));
    f.set("alt", "Volunteers planting trees");
    expect(
      (
        await callRoute(uploadToSuggestion, {
          method: "POST",
          userId: a.employee.user.id,
          params: { id: sid },
          form: f,
        })
      ).status,
    ).toBe(201);
    const accepted = await callRoute(accept, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: sid },
      body: { valueType: "TOGETHERNESS", goals: ["HR"] },
    });
    const itemId = (accepted.json.item as { id: string }).id;
    const item = await getDb().contentItem.findUniqueOrThrow({
      where: { id: itemId },
      include: { images: true },
    });
    expect(item.notes).toBeNull();
    expect(item.images).toHaveLength(1);

    const del = await callRoute(itemRoute.DELETE, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id: itemId },
    });
    expect(del.status).toBe(200);
    const suggestion = await getDb().suggestion.findUniqueOrThrow({
      where: { id: sid },
      include: { images: true },
    });
    expect(suggestion).toMatchObject({ status: "PENDING", itemId: null });
    expect(suggestion.images).toHaveLength(1);
  });

  it("with approval required, an admin who edits someone else's draft cannot approve it; posts in review are frozen", async () => {
    const editor = await addMember(a.org.id, "ADMIN");
    const approver = await addMember(a.org.id, "ADMIN");
    await callRoute(patchGuardrails, {
      method: "PATCH",
      userId: a.admin.user.id,
      body: { requireApproval: true },
    });
    try {
      const created = await callRoute(contentRoute.POST, {
        method: "POST",
        userId: a.admin.user.id,
        body: contentInput(),
      });
      const id = (created.json.item as { id: string }).id;
      const edit = await callRoute(itemRoute.PATCH, {
        method: "PATCH",
        userId: editor.user.id,
        params: { id },
        body: { title: "Rewritten by B" },
      });
      expect(edit.status).toBe(200);
      await callRoute(transition, {
        method: "POST",
        userId: a.admin.user.id,
        params: { id },
        body: { to: "IN_REVIEW" },
      });
      const frozen = await callRoute(itemRoute.PATCH, {
        method: "PATCH",
        userId: a.admin.user.id,
        params: { id },
        body: { title: "Sneaky" },
      });
      expect(frozen.status).toBe(409);
      expect(frozen.json.error?.message).toBe(
        "This post is waiting for approval. Send it back to draft to change it.",
      );
      const byEditor = await callRoute(transition, {
        method: "POST",
        userId: editor.user.id,
        params: { id },
        body: { to: "PUBLISHED" },
      });
      expect(byEditor.status).toBe(409);
      expect(byEditor.json.error?.message).toBe(
        "You edited or submitted this version, so another admin has to approve it.",
      );
      const ok = await callRoute(transition, {
        method: "POST",
        userId: approver.user.id,
        params: { id },
        body: { to: "PUBLISHED" },
      });
      expect(ok.status).toBe(200);
    } finally {
      await callRoute(patchGuardrails, {
        method: "PATCH",
        userId: a.admin.user.id,
        body: { requireApproval: false },
      });
    }
  });

  it("a post that was published and shared cannot be deleted, only archived", async () => {
    const { POST: shareRoute } = await import("@/app/api/shares/route");
    const created = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: contentInput(),
    });
    const id = (created.json.item as { id: string }).id;
    await callRoute(transition, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id },
      body: { to: "PUBLISHED" },
    });
    const shared = await callRoute(shareRoute, {
      method: "POST",
      userId: a.employee.user.id,
      body: { itemId: id, channel: "COPY", text: "Mine" },
    });
    expect(shared.status).toBe(201);
    await callRoute(transition, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id },
      body: { to: "DRAFT" },
    });
    const del = await callRoute(itemRoute.DELETE, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id },
    });
    expect(del.status).toBe(409);
    expect(del.json.error?.message).toContain("Archive it instead");
    expect(await getDb().share.count({ where: { itemId: id } })).toBe(1);
    const archived = await callRoute(transition, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id },
      body: { to: "ARCHIVED" },
    });
    expect(archived.status).toBe(200);
  });

  it("the public page shows only posts that have gone live, and team-only posts once shared", async () => {
    const { getPublicItem } = await import("@/lib/domains/content/get-public-item");
    const scheduled = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: contentInput({
        title: "Scheduled results",
        publishAt: new Date(Date.now() + 86_400_000),
      }),
    });
    const sid = scheduled.json.item as { id: string; slug: string };
    await callRoute(transition, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: sid.id },
      body: { to: "PUBLISHED" },
    });
    expect(await getPublicItem(a.org.slug, sid.slug)).toBeNull();

    const teamOnly = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: contentInput({
        title: "Team only",
        audience: { all: false, teamIds: [a.teamB.id], locationIds: [] },
      }),
    });
    const tid = teamOnly.json.item as { id: string; slug: string };
    await callRoute(transition, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: tid.id },
      body: { to: "PUBLISHED" },
    });
    expect(await getPublicItem(a.org.slug, tid.slug)).toBeNull();
    const { POST: shareRoute } = await import("@/app/api/shares/route");
    const shared = await callRoute(shareRoute, {
      method: "POST",
      userId: a.employee.user.id,
      body: { itemId: tid.id, channel: "COPY", text: "Ours" },
    });
    expect(shared.status).toBe(201);
    expect(await getPublicItem(a.org.slug, tid.slug)).toMatchObject({ title: "Team only" });
  });
});

describe("races", () => {
  it("items with the same title created at the same moment all get saved, with distinct slugs", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        callRoute(contentRoute.POST, {
          method: "POST",
          userId: a.admin.user.id,
          body: contentInput({ title: "Same title" }),
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(results.map((r) => (r.json.item as { slug: string }).slug)).size).toBe(4);
    const cjk = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: contentInput({ title: "太阳能公园" }),
    });
    expect((cjk.json.item as { slug: string }).slug).toMatch(/^post/);
  });

  it("two admins demoting each other at once: one succeeds, the other is told why", async () => {
    const { PATCH: patchMember } = await import("@/app/api/members/[id]/route");
    const org = await createOrgFixture();
    const second = await addMember(org.org.id, "ADMIN");
    const [one, two] = await Promise.all([
      callRoute(patchMember, {
        method: "PATCH",
        userId: org.admin.user.id,
        params: { id: second.membership.id },
        body: { role: "EMPLOYEE" },
      }),
      callRoute(patchMember, {
        method: "PATCH",
        userId: second.user.id,
        params: { id: org.admin.membership.id },
        body: { role: "EMPLOYEE" },
      }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const admins = await getDb().membership.count({
      where: { orgId: org.org.id, role: "ADMIN", status: "ACTIVE" },
    });
    expect(admins).toBe(1);
  });
});
