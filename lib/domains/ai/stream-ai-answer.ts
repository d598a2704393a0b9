import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { AppError, conflict, notFound, rateLimited } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { aiConfig, type AiConfig } from "@/lib/domains/ai/ai-config";
import type { AiRequest } from "@/lib/domains/ai/ai-features";
import {
  startChatCompletion,
  type ChatEvent,
  type ChatUsage,
} from "@/lib/domains/ai/chat-completions";
import {
  readAiSettings,
  secondsToNextMonth,
  tokensUsedThisMonth,
} from "@/lib/domains/ai/get-ai-settings";

export const AI_OFF_MESSAGE =
  "AI assistance is off for your organisation. An admin can turn it on in Settings → AI assistance.";

/** No AI service configured on this server: the AI routes do not exist (404). */
export function requireAiConfig(): AiConfig {
  const config = aiConfig();
  if (!config) throw notFound("AI assistance");
  return config;
}

/**
 * Refuses before any content leaves the server: the organisation's switch is off (409) or its
 * monthly token budget is spent (429 with Retry-After at the start of next month).
 */
export async function assertAiAllowed(orgId: string, now = new Date()): Promise<void> {
  const settings = await readAiSettings(orgId);
  if (!settings.enabled) throw conflict(AI_OFF_MESSAGE);
  const used = await tokensUsedThisMonth(orgId, now);
  if (used >= settings.monthlyTokenBudget) {
    throw rateLimited(
      `Your organisation has used its AI budget for this month (${settings.monthlyTokenBudget.toLocaleString("en")} tokens). It renews on the 1st; an admin can raise it in Settings → AI assistance.`,
      secondsToNextMonth(now),
    );
  }
}

/** Services that send no usage are counted at about four characters a token. */
function estimate(messages: AiRequest["messages"], output: string): ChatUsage {
  const promptTokens = Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4);
  const completionTokens = Math.ceil(output.length / 4);
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}

/** Every call is recorded: the AiCall row (budget, usage list, authenticity) and the audit log. */
async function recordCall(
  access: Access,
  request: AiRequest,
  result: {
    status: "ok" | "error" | "cancelled";
    usage: ChatUsage;
    output: string;
    error?: string;
  },
) {
  const id = createId("aic");
  await db.$transaction(async (tx) => {
    await tx.aiCall.create({
      data: {
        id,
        orgId: access.orgId,
        userId: access.userId,
        membershipId: access.membershipId,
        feature: request.feature,
        itemId: request.itemId,
        status: result.status,
        ...result.usage,
        output: result.output || null,
        error: result.error ?? null,
      },
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "ai.call",
      ...(request.itemId ? { targetType: "content", targetId: request.itemId } : {}),
      metadata: {
        feature: request.feature,
        status: result.status,
        totalTokens: result.usage.totalTokens,
        callId: id,
      },
    });
  });
}

function sse(event: string, data: unknown): Uint8Array {
  return new TextEncoder().encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * Runs one AI request for the browser: refused before any call when AI is off or the budget is
 * spent; upstream refusals, rate limits (with Retry-After) and timeouts before the answer starts
 * become JSON errors with their status; then the answer streams as Server-Sent Events — `delta`
 * ({text}) as it arrives, then `done` ({text, result}) or `error` ({message}). Closing the
 * connection cancels the call upstream. Every call is recorded with the tokens it used.
 */
export async function streamAiAnswer(
  access: Access,
  req: Request,
  prepare: () => Promise<AiRequest>,
): Promise<Response> {
  const config = requireAiConfig();
  await assertAiAllowed(access.orgId);
  const request = await prepare();
  const cancel = new AbortController();
  req.signal.addEventListener("abort", () => cancel.abort(), { once: true });

  let events: AsyncGenerator<ChatEvent>;
  try {
    events = await startChatCompletion(config, {
      messages: request.messages,
      maxTokens: request.maxTokens,
      signal: cancel.signal,
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : "unknown";
    await recordCall(access, request, {
      status: cancel.signal.aborted ? "cancelled" : "error",
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      output: "",
      error: message,
    });
    throw error;
  }

  let output = "";
  let usage: ChatUsage | null = null;
  let recorded = false;
  const finish = async (status: "ok" | "error" | "cancelled", error?: string) => {
    if (recorded) return;
    recorded = true;
    await recordCall(access, request, {
      status,
      usage: usage ?? estimate(request.messages, output),
      output,
      error,
    }).catch((e: unknown) => console.error("[ai] could not record a call", e));
  };

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for await (const event of events) {
          if (event.type === "usage") usage = event.usage;
          else {
            output += event.text;
            controller.enqueue(sse("delta", { text: event.text }));
          }
        }
        const result = request.parse(output);
        if (result === null) {
          await finish("error", request.unusable);
          controller.enqueue(sse("error", { message: request.unusable }));
        } else {
          await finish("ok");
          controller.enqueue(sse("done", { text: output, result }));
        }
      } catch (error) {
        if (cancel.signal.aborted) {
          await finish("cancelled");
        } else {
          const message =
            error instanceof AppError
              ? error.message
              : "The AI answer broke off. Try again in a moment.";
          if (!(error instanceof AppError)) console.error("[ai] stream failed", error);
          await finish("error", message);
          try {
            controller.enqueue(sse("error", { message }));
          } catch {
            // The person has gone.
          }
        }
      }
      try {
        controller.close();
      } catch {
        // Already closed by a cancel.
      }
    },
    cancel() {
      cancel.abort();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
}
