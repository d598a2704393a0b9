import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Files of this test go to a folder of its own (read by env() on first use).
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-images-test-"));
process.env.UPLOADS_DIR ??= uploads;

import * as contentRoute from "@/app/api/content/route";
import { POST as upload } from "@/app/api/content/[id]/images/route";
import { DELETE as removeImage } from "@/app/api/content/[id]/images/[imageId]/route";
import { POST as suggest } from "@/app/api/suggestions/route";
import { POST as uploadToSuggestion } from "@/app/api/suggestions/[id]/images/route";
import { getDb } from "@/lib/core/db/client";
import { getStorage } from "@/lib/integrations/storage/get-storage";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

function form(bytes: Uint8Array<ArrayBuffer>, type = "image/png", alt = "A solar park at dawn") {
  const f = new FormData();
  f.set("file", new File([bytes], "image.png", { type }));
  f.set("alt", alt);
  return f;
}

let a: OrgFixture;
let b: OrgFixture;
let itemId: string;

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  const res = await callRoute(contentRoute.POST, {
    method: "POST",
    userId: a.admin.user.id,
    body: contentInput(),
  });
  itemId = (res.json.item as { id: string }).id;
});

afterAll(() => {
  if (process.env.UPLOADS_DIR === uploads) fs.rmSync(uploads, { recursive: true, force: true });
});

describe("content images", () => {
  it("stores a real image, serves it back, and removes it", async () => {
    const res = await callRoute(upload, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: itemId },
      form: form(PNG),
    });
    expect(res.status).toBe(201);
    const image = res.json.image as { id: string; url: string; alt: string };
    expect(image.alt).toBe("A solar park at dawn");
    const row = await getDb().contentImage.findUniqueOrThrow({ where: { id: image.id } });
    expect(row).toMatchObject({ contentType: "image/png", bytes: PNG.byteLength, itemId });
    const stored = await getStorage().get(row.storageKey);
    expect(Buffer.from(stored!.bytes).equals(PNG)).toBe(true);

    const del = await callRoute(removeImage, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id: itemId, imageId: image.id },
    });
    expect(del.status).toBe(200);
    expect(await getStorage().get(row.storageKey)).toBeNull();
  });

  it("refuses what is not an image, a disguised file, or a file over 5 MB — storing nothing", async () => {
    const before = await getDb().contentImage.count({ where: { itemId } });
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const cases: [FormData, number, string][] = [
      [form(svg, "image/svg+xml"), 415, "Upload a PNG, JPEG, WebP or GIF image"],
      [form(svg, "image/png"), 415, "Upload a PNG, JPEG, WebP or GIF image"],
      [form(new Uint8Array(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]))), 413, "5 MB"],
      [form(new Uint8Array(0)), 400, "The file is empty."],
    ];
    for (const [body, status, message] of cases) {
      const res = await callRoute(upload, {
        method: "POST",
        userId: a.admin.user.id,
        params: { id: itemId },
        form: body,
      });
      expect(res.status, message).toBe(status);
      expect(res.json.error?.message).toContain(message);
    }
    expect(await getDb().contentImage.count({ where: { itemId } })).toBe(before);
  });

  it("answers 404 for another organisation's item and 403 for an employee", async () => {
    expect(
      (
        await callRoute(upload, {
          method: "POST",
          userId: b.admin.user.id,
          params: { id: itemId },
          form: form(PNG),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await callRoute(upload, {
          method: "POST",
          userId: a.employee.user.id,
          params: { id: itemId },
          form: form(PNG),
        })
      ).status,
    ).toBe(403);
  });

  it("caps a post at 9 images", async () => {
    const res = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: contentInput(),
    });
    const id = (res.json.item as { id: string }).id;
    for (let i = 0; i < 9; i++) {
      expect(
        (
          await callRoute(upload, {
            method: "POST",
            userId: a.admin.user.id,
            params: { id },
            form: form(PNG),
          })
        ).status,
      ).toBe(201);
    }
    const tenth = await callRoute(upload, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id },
      form: form(PNG),
    });
    expect(tenth.status).toBe(409);
    expect(tenth.json.error?.message).toBe("A post can have at most 9 images.");
  });

  it("an employee adds images only to their own pending suggestion", async () => {
    const created = await callRoute(suggest, {
      method: "POST",
      userId: a.employee.user.id,
      body: { title: "Certificate", body: "I passed my certification." },
    });
    const id = (created.json.suggestion as { id: string }).id;
    expect(
      (
        await callRoute(uploadToSuggestion, {
          method: "POST",
          userId: a.employee.user.id,
          params: { id },
          form: form(PNG),
        })
      ).status,
    ).toBe(201);
    const colleague = await callRoute(uploadToSuggestion, {
      method: "POST",
      userId: a.manager.user.id,
      params: { id },
      form: form(PNG),
    });
    expect(colleague.status).toBe(404);
  });
});

describe("who can see a suggestion's photo", () => {
  it("only its author and moderators, until it becomes part of a post — then everyone", async () => {
    const { GET: file } = await import("@/app/api/files/[...key]/route");
    const { POST: accept } = await import("@/app/api/suggestions/[id]/accept/route");
    const created = await callRoute(suggest, {
      method: "POST",
      userId: a.employee.user.id,
      body: { title: "My team at the summit", body: "Presenting our work at the energy summit." },
    });
    const id = (created.json.suggestion as { id: string }).id;
    const up = await callRoute(uploadToSuggestion, {
      method: "POST",
      userId: a.employee.user.id,
      params: { id },
      form: form(PNG),
    });
    const url = (up.json.image as { url: string }).url;
    const key = url.replace("/api/files/", "").split("/");
    expect(key[0]).toBe("suggestions");
    const read = (userId?: string) => callRoute(file, { userId, params: { key } });

    expect((await read(a.employee.user.id)).status).toBe(200);
    expect((await read(a.admin.user.id)).status).toBe(200);
    expect((await read(a.admin.user.id)).headers.get("cache-control")).toBe("private, no-store");
    expect((await read(a.manager.user.id)).status).toBe(404);
    expect((await read(b.admin.user.id)).status).toBe(404);
    expect((await read()).status).toBe(404);

    const accepted = await callRoute(accept, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id },
      body: { valueType: "TOGETHERNESS", goals: ["MARKETING"] },
    });
    const itemId = (accepted.json.item as { id: string }).id;
    const image = await getDb().contentImage.findFirstOrThrow({ where: { itemId } });
    expect(image.storageKey.startsWith("content/")).toBe(true);
    const publicRead = await callRoute(file, { params: { key: image.storageKey.split("/") } });
    expect(publicRead.status).toBe(200);
    expect((await read(a.employee.user.id)).status).toBe(404); // the private copy is gone
  });
});
