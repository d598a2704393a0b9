/**
 * Without AI_BASE_URL and AI_MODEL there is no AI anywhere: every AI route answers 404 (even with
 * the organisation's switch on), the settings say it is not configured, and shares count as before.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { POST as captions } from "@/app/api/ai/captions/route";
import { POST as hashtags } from "@/app/api/ai/hashtags/route";
import { POST as myWords } from "@/app/api/ai/my-words/route";
import { POST as translate } from "@/app/api/ai/translate/route";
import { POST as valueType } from "@/app/api/ai/value-type/route";
import { GET as settings } from "@/app/api/settings/ai/route";
import { env } from "@/lib/core/env";
import { isAiAvailable } from "@/lib/domains/ai/get-ai-settings";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute } from "../../support/http";
import { createAiItem, enableAi, postAi, readAi } from "./ai-support";

let f: OrgFixture;
let itemId: string;

beforeAll(async () => {
  expect(env().AI_BASE_URL).toBeUndefined();
  f = await createOrgFixture();
  itemId = (await createAiItem(f.org.id)).id;
  await enableAi(f.org.id);
});

describe("AI not configured on the server", () => {
  it("every AI route answers 404", async () => {
    for (const [route, userId] of [
      [captions, f.admin.user.id],
      [hashtags, f.admin.user.id],
      [valueType, f.admin.user.id],
      [translate, f.admin.user.id],
      [myWords, f.employee.user.id],
    ] as const) {
      const res = await readAi(
        await postAi(route, userId, { itemId, did: "wired it", learned: "a lot", language: "de" }),
      );
      expect(res.status).toBe(404);
      expect(res.error?.message).toBe("AI assistance was not found.");
    }
  });

  it("is not available to the interface, and the settings say why", async () => {
    expect(await isAiAvailable(f.org.id)).toBe(false);
    const res = await callRoute(settings, { userId: f.admin.user.id });
    expect(res.json.settings).toMatchObject({ configured: false, enabled: true });
  });
});
