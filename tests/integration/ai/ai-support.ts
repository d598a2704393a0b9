import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { sessionCookie, TEST_ORIGIN, type Handler } from "../../support/http";

export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Server-Sent Events in a body: `event:` and `data:` lines, events separated by a blank line. */
export function parseSse(text: string): SseEvent[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? "{}";
      return { event, data: JSON.parse(data) as Record<string, unknown> };
    });
}

/** POSTs JSON to an AI route as `userId`, as the browser would. */
export async function postAi(
  handler: Handler,
  userId: string,
  body: unknown,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Response> {
  const req = new Request(new URL("/api/ai/test", TEST_ORIGIN), {
    method: "POST",
    headers: {
      host: new URL(TEST_ORIGIN).host,
      origin: TEST_ORIGIN,
      "content-type": "application/json",
      cookie: await sessionCookie(userId),
    },
    body: JSON.stringify(body),
    signal,
  });
  return handler(req, { params: Promise.resolve({}) as Promise<never> });
}

/** The response read whole: its status, the SSE events (streamed) or the JSON error. */
export async function readAi(res: Response) {
  const text = await res.text();
  const streamed = (res.headers.get("content-type") ?? "").includes("text/event-stream");
  return {
    status: res.status,
    headers: res.headers,
    events: streamed ? parseSse(text) : [],
    error: streamed
      ? null
      : (JSON.parse(text) as { error: { code: string; message: string } }).error,
  };
}

/** A published item everyone in the organisation sees, with a caption. */
export async function createAiItem(orgId: string, language = "en") {
  const slug = `ai-${randomString(8).toLowerCase()}`;
  const item = await getDb().contentItem.create({
    data: {
      id: createId("cnt"),
      orgId,
      slug,
      title: "Our 40 MW solar park is live",
      body: "We connected our 40 MW solar park in Brandenburg to the grid this week.",
      language,
      hashtags: ["energy"],
      valueType: "INFORMATION",
      goals: ["MARKETING"],
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 60_000),
    },
  });
  await getDb().contentCaption.create({
    data: {
      id: createId("cap"),
      orgId,
      itemId: item.id,
      language,
      label: "formal",
      text: "Fernhill Energy has connected a 40 MW solar park.",
    },
  });
  return item;
}

export async function enableAi(orgId: string, monthlyTokenBudget = 100_000) {
  await getDb().aiSettings.upsert({
    where: { orgId },
    create: { orgId, enabled: true, monthlyTokenBudget },
    update: { enabled: true, monthlyTokenBudget },
  });
}
