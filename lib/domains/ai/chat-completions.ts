import { AppError, rateLimited, unprocessable } from "@/lib/core/errors/app-error";
import type { AiConfig } from "@/lib/domains/ai/ai-config";

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export type ChatEvent = { type: "delta"; text: string } | { type: "usage"; usage: ChatUsage };

/** What the AI service's error bodies look like (OpenAI, Azure, Mistral, Ollama, vLLM). */
interface UpstreamErrorBody {
  error?: { message?: string; code?: string | number; type?: string } | string;
  message?: string;
  detail?: string;
}

const UNREACHABLE = "The AI service could not be reached. Try again in a moment.";
const TIMED_OUT = "The AI service took too long to answer. Try again in a moment.";

/**
 * Starts one chat completion, streamed (POST {base}/chat/completions with `stream: true`, the
 * OpenAI protocol every compatible service speaks). Resolves once the service has answered with
 * a status: refusals, rate limits and outages become AppErrors here (never a 500). The events
 * then arrive through the returned generator; it throws an AppError for a refusal or a break in
 * the middle of the answer. `signal` cancels (the person pressed Stop or went away); the
 * configured timeout covers the whole answer.
 */
export async function startChatCompletion(
  config: AiConfig,
  {
    messages,
    maxTokens,
    signal,
  }: { messages: ChatMessage[]; maxTokens: number; signal: AbortSignal },
): Promise<AsyncGenerator<ChatEvent>> {
  const timeout = AbortSignal.timeout(config.timeoutMs);
  const combined = AbortSignal.any([signal, timeout]);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "text/event-stream, application/json",
  };
  if (config.apiKey) {
    headers.authorization = `Bearer ${config.apiKey}`;
    // Azure OpenAI reads its keys from this header.
    headers["api-key"] = config.apiKey;
  }
  let res: Response;
  try {
    res = await fetch(`${config.baseUrl}/chat/completions`, {
      method: "POST",
      headers,
      signal: combined,
      redirect: "error",
      body: JSON.stringify({
        model: config.model,
        messages,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: maxTokens,
        temperature: 0.7,
      }),
    });
  } catch (error) {
    throw abortedOrUnreachable(error, signal, timeout);
  }
  if (!res.ok) throw await upstreamError(res);
  const type = res.headers.get("content-type") ?? "";
  return type.includes("text/event-stream")
    ? readStream(res, signal, timeout)
    : readJson(res, signal, timeout);
}

function abortedOrUnreachable(error: unknown, signal: AbortSignal, timeout: AbortSignal) {
  if (error instanceof AppError) return error;
  if (signal.aborted) return new AppError("BAD_REQUEST", "Cancelled.");
  if (timeout.aborted) return new AppError("GATEWAY_TIMEOUT", TIMED_OUT);
  return new AppError("BAD_GATEWAY", UNREACHABLE);
}

function upstreamMessage(body: UpstreamErrorBody | null): string | null {
  if (!body) return null;
  const raw =
    typeof body.error === "string"
      ? body.error
      : (body.error?.message ?? body.message ?? body.detail);
  return typeof raw === "string" && raw.trim() ? raw.trim().slice(0, 300) : null;
}

/** Seconds from Retry-After (seconds or an HTTP date); 30 when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (header) {
    const seconds = Number(header.trim());
    if (Number.isFinite(seconds) && seconds >= 0)
      return Math.min(3600, Math.max(1, Math.ceil(seconds)));
    const at = Date.parse(header);
    if (Number.isFinite(at)) return Math.min(3600, Math.max(1, Math.ceil((at - now) / 1000)));
  }
  return 30;
}

async function upstreamError(res: Response): Promise<AppError> {
  const body = (await res
    .text()
    .then((t) => JSON.parse(t.slice(0, 20_000)) as UpstreamErrorBody)
    .catch(() => null)) as UpstreamErrorBody | null;
  const message = upstreamMessage(body);
  const code = typeof body?.error === "object" ? String(body.error?.code ?? "") : "";
  if (res.status === 429) {
    const wait = retryAfterSeconds(res.headers.get("retry-after"));
    return rateLimited(
      `The AI service is busy right now (rate limit). Try again in ${wait} second${wait === 1 ? "" : "s"}.`,
      wait,
    );
  }
  if (res.status === 401 || res.status === 403) {
    return new AppError(
      "BAD_GATEWAY",
      "The AI service did not accept this server's key. Ask your administrator to check AI_API_KEY.",
    );
  }
  if (res.status === 404) {
    return new AppError(
      "BAD_GATEWAY",
      "The AI service does not know the configured model or address. Ask your administrator to check AI_BASE_URL and AI_MODEL.",
    );
  }
  if (res.status === 400 || res.status === 422) {
    const filtered = /content[_ ]?filter|policy|safety/i.test(`${code} ${message ?? ""}`);
    return unprocessable(
      filtered
        ? `The AI service declined this request${message ? `: ${message}` : "."}`
        : `The AI service could not handle this request${message ? `: ${message}` : "."}`,
    );
  }
  if (res.status === 504 || res.status === 408) return new AppError("GATEWAY_TIMEOUT", TIMED_OUT);
  return new AppError(
    "BAD_GATEWAY",
    `The AI service had a problem (${res.status}). Try again in a moment.`,
  );
}

interface Chunk {
  choices?: {
    delta?: { content?: string | null; refusal?: string | null };
    message?: { content?: string | null; refusal?: string | null };
    finish_reason?: string | null;
  }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number } | null;
  error?: UpstreamErrorBody["error"];
}

function usageOf(chunk: Chunk): ChatUsage | null {
  const u = chunk.usage;
  if (!u) return null;
  const prompt = Math.max(0, Math.floor(u.prompt_tokens ?? 0));
  const completion = Math.max(0, Math.floor(u.completion_tokens ?? 0));
  return {
    promptTokens: prompt,
    completionTokens: completion,
    totalTokens: Math.max(prompt + completion, Math.floor(u.total_tokens ?? 0)),
  };
}

/** The events in one chunk; a refusal or a content filter stops the answer with a message. */
function* eventsOf(chunk: Chunk): Generator<ChatEvent> {
  if (chunk.error) {
    const message = upstreamMessage({ error: chunk.error });
    throw new AppError("BAD_GATEWAY", `The AI service stopped${message ? `: ${message}` : "."}`);
  }
  const usage = usageOf(chunk);
  if (usage) yield { type: "usage", usage };
  for (const choice of chunk.choices ?? []) {
    const part = choice.delta ?? choice.message;
    if (part?.refusal) {
      throw unprocessable(`The AI service declined this request: ${part.refusal.slice(0, 300)}`);
    }
    if (part?.content) yield { type: "delta", text: part.content };
    if (choice.finish_reason === "content_filter") {
      throw unprocessable("The AI service declined this request (its content filter).");
    }
  }
}

async function* readStream(
  res: Response,
  signal: AbortSignal,
  timeout: AbortSignal,
): AsyncGenerator<ChatEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const bytes of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(bytes, { stream: true });
      let end: number;
      while ((end = buffer.search(/\r?\n\r?\n/)) !== -1) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
        const data = event
          .split(/\r?\n/)
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5).trimStart())
          .join("\n");
        if (!data) continue;
        if (data === "[DONE]") return;
        let chunk: Chunk;
        try {
          chunk = JSON.parse(data) as Chunk;
        } catch {
          continue;
        }
        yield* eventsOf(chunk);
      }
    }
  } catch (error) {
    throw abortedOrUnreachable(error, signal, timeout);
  }
}

/** A service that ignored `stream: true` answered one JSON document. */
async function* readJson(
  res: Response,
  signal: AbortSignal,
  timeout: AbortSignal,
): AsyncGenerator<ChatEvent> {
  let chunk: Chunk;
  try {
    chunk = (await res.json()) as Chunk;
  } catch (error) {
    if (signal.aborted || timeout.aborted) throw abortedOrUnreachable(error, signal, timeout);
    throw new AppError("BAD_GATEWAY", "The AI service sent an answer Chorus could not read.");
  }
  yield* eventsOf(chunk);
}
