/**
 * Issue 13, items 4 and 5: a required disclosure is no dead end. A caption that starts with the
 * disclosure appended passes the guardrail and still counts as the caption (the disclosure is
 * nobody's own words); turning a suggestion into a post that breaks a guardrail answers 400 naming
 * the field (`body`), like every studio text (`captions.<i>.text`, `translations.<i>.body`).
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as contentRoute from "@/app/api/content/route";
import { POST as transition } from "@/app/api/content/[id]/transitions/route";
import * as sharesRoute from "@/app/api/shares/route";
import * as suggestionsRoute from "@/app/api/suggestions/route";
import { POST as acceptSuggestion } from "@/app/api/suggestions/[id]/accept/route";
import { PATCH as patchGuardrails } from "@/app/api/settings/guardrails/route";
import { getDb } from "@/lib/core/db/client";
import { appendDisclosure } from "@/lib/domains/content/append-disclosure";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";

const DISCLOSURE = "I work at Fernhill Energy.";
const CAPTION = "So proud of the team: our new solar park is live!";

let org: OrgFixture;

async function setGuardrails(body: Record<string, unknown>) {
  const res = await callRoute(patchGuardrails, {
    method: "PATCH",
    userId: org.admin.user.id,
    body,
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  org = await createOrgFixture();
});

describe("a required disclosure", () => {
  it("appended to a caption, passes the guardrail and leaves the authenticity score where the caption had it", async () => {
    // Written before the disclosure existed: no caption carries it.
    const created = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: org.admin.user.id,
      body: contentInput({ captions: [{ label: "personal", text: CAPTION }] }),
    });
    expect(created.status).toBe(201);
    const itemId = (created.json.item as { id: string }).id;
    const published = await callRoute(transition, {
      method: "POST",
      userId: org.admin.user.id,
      params: { id: itemId },
      body: { to: "PUBLISHED" },
    });
    expect(published.status).toBe(200);
    await setGuardrails({ disclosureText: DISCLOSURE, minAuthenticity: null });

    const share = (text: string) =>
      callRoute(sharesRoute.POST, {
        method: "POST",
        userId: org.employee.user.id,
        body: { itemId, channel: "COPY", text, startedFrom: "personal" },
      });
    const bare = await share(CAPTION);
    expect(bare.status).toBe(400);
    expect(bare.json.error?.message).toBe(`Keep the disclosure "${DISCLOSURE}" in the text.`);

    const started = appendDisclosure(CAPTION, DISCLOSURE);
    expect(started).toBe(`${CAPTION}\n\n${DISCLOSURE}`);
    expect(appendDisclosure(started, DISCLOSURE)).toBe(started);
    const pasted = await share(started);
    expect(pasted.status, JSON.stringify(pasted.json)).toBe(201);
    // The caption as it was: copied. The disclosure's five words do not make it "own words".
    expect((pasted.json.share as { authenticity: number }).authenticity).toBe(0);

    const own = await share(
      appendDisclosure("I helped wire the inverters myself and learned a lot.", DISCLOSURE),
    );
    expect(own.status).toBe(201);
    expect((own.json.share as { authenticity: number }).authenticity).toBe(1);
    await setGuardrails({ disclosureText: null });
  });

  it("turning a suggestion into a post names the text field it refuses, and accepts it with the disclosure inserted", async () => {
    const suggested = await callRoute(suggestionsRoute.POST, {
      method: "POST",
      userId: org.employee.user.id,
      body: {
        title: "Our first heat pump install",
        body: "Today our field team installed the first heat pump connected to our grid software.",
      },
    });
    expect(suggested.status).toBe(201);
    const sid = (suggested.json.suggestion as { id: string }).id;
    await setGuardrails({ disclosureText: DISCLOSURE });
    try {
      const accept = (body: Record<string, unknown>) =>
        callRoute(acceptSuggestion, {
          method: "POST",
          userId: org.admin.user.id,
          params: { id: sid },
          body: { valueType: "MOTIVATION", goals: ["MARKETING"], ...body },
        });
      const refused = await accept({});
      expect(refused.status).toBe(400);
      const error = refused.json.error as unknown as {
        message: string;
        fields?: Record<string, string>;
      };
      expect(error.message).toBe(
        `Suggested post text: Keep the disclosure "${DISCLOSURE}" in the text.`,
      );
      // The form marks the text box: the field is named by its API path.
      expect(error.fields).toEqual({ body: `Keep the disclosure "${DISCLOSURE}" in the text.` });
      const suggestion = await getDb().suggestion.findUniqueOrThrow({ where: { id: sid } });
      expect(suggestion.status).toBe("PENDING");

      const ok = await accept({
        body: appendDisclosure(
          "Today our field team installed the first heat pump connected to our grid software.",
          DISCLOSURE,
        ),
      });
      expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    } finally {
      await setGuardrails({ disclosureText: null });
    }
  });

  it("a studio save names the caption or translation it refuses by its field", async () => {
    await setGuardrails({ disclosureText: DISCLOSURE });
    try {
      const body = appendDisclosure("All good here.", DISCLOSURE);
      const caption = await callRoute(contentRoute.POST, {
        method: "POST",
        userId: org.admin.user.id,
        body: contentInput({
          body,
          captions: [
            { label: "formal", text: body },
            { label: "short", text: "No disclosure here" },
          ],
        }),
      });
      expect(caption.status).toBe(400);
      expect((caption.json.error as unknown as { fields: unknown }).fields).toEqual({
        "captions.1.text": `Keep the disclosure "${DISCLOSURE}" in the text.`,
      });
      const translation = await callRoute(contentRoute.POST, {
        method: "POST",
        userId: org.admin.user.id,
        body: contentInput({
          body,
          captions: [],
          translations: [
            {
              language: "de",
              title: "Titel",
              body,
              captions: [{ label: "kurz", text: "Ohne Hinweis" }],
            },
          ],
        }),
      });
      expect(translation.status).toBe(400);
      expect((translation.json.error as unknown as { fields: unknown }).fields).toEqual({
        "translations.0.captions.0.text": `Keep the disclosure "${DISCLOSURE}" in the text.`,
      });
    } finally {
      await setGuardrails({ disclosureText: null });
    }
  });
});
