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
import { getDb } from "@/lib/db/client";
import { addMember, createOrgFixture, type OrgFixture } from "../support/factories";
import { contentInput } from "../support/content";
import { callRoute } from "../support/http";

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
});
