/**
 * A fake OpenAI-compatible AI service on loopback: a real HTTP server speaking the chat-completions
 * protocol (POST /v1/chat/completions, Bearer key, `stream: true` as Server-Sent Events ending in
 * `data: [DONE]`, usage in the last chunk with `stream_options.include_usage`, a JSON document
 * otherwise). By default it answers from the prompt, in the shape each Chorus feature asks for;
 * `next()` queues a different answer or a failure: a 429 with Retry-After, a 500, a refusal, a slow
 * answer (for timeouts), a stream that breaks off, a JSON answer to a streaming request.
 *
 * With `control: true` (the e2e process) it also answers `POST /__fake/next` (a FakeAnswer) and
 * `GET /__fake/requests` (the requests received), so a browser test can steer it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeAnswer {
  /** The answer's text (default: made from the prompt). */
  text?: string;
  /** How to answer (default "ok": streamed when asked to stream). */
  mode?:
    "ok" | "json" | "429" | "500" | "401" | "refusal" | "content_filter" | "break" | "no-usage";
  /** Retry-After with mode 429. */
  retryAfter?: string;
  /** Wait this long before answering (headers included). */
  delayMs?: number;
  /** Wait this long between streamed chunks. */
  chunkDelayMs?: number;
}

export interface FakeRequest {
  authorization: string | null;
  body: {
    model?: string;
    stream?: boolean;
    max_tokens?: number;
    stream_options?: { include_usage?: boolean };
    messages?: { role: string; content: string }[];
  };
}

export interface FakeOpenAi {
  url: string;
  /** Requests received at /v1/chat/completions, oldest first. */
  requests: FakeRequest[];
  /** Queues answers for the next requests (first in, first out). */
  next(...answers: FakeAnswer[]): void;
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_AI_KEY = "sk-fake-chorus-tests";
export const FAKE_AI_MODEL = "fake-gpt";

/** An answer in the shape the prompt asks for (lib/domains/ai/ai-prompts.ts). */
export function answerFor(prompt: string): string {
  if (/caption variants/.test(prompt)) {
    const tones = /one for each tone: (.+?)\. Each/.exec(prompt)?.[1]?.split(", ") ?? ["formal"];
    return tones
      .map((t) => `### ${t}\nA ${t} caption about the new solar park and what it means for us.`)
      .join("\n");
  }
  if (/LinkedIn hashtags/.test(prompt)) return "#solarpower\n#GridReady\n#energy";
  if (/value types/.test(prompt)) return "EDUCATION\nIt explains what the team learned.";
  if (/^Translate /.test(prompt)) {
    return prompt
      .split("\n")
      .slice(1)
      .map((line) => (line.startsWith("#") ? line : `[${/"([^"]+)"/.exec(prompt)?.[1]}] ${line}`))
      .join("\n");
  }
  const did = /What they did: (.*)/.exec(prompt)?.[1];
  const learned = /What they learned: (.*)/.exec(prompt)?.[1];
  if (did && learned) {
    return `This week I ${did.replace(/^I /i, "")}. What stayed with me: ${learned}. Proud of what our team built together.`;
  }
  return "Hello from the fake AI service.";
}

function chunksOf(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [text];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeOpenAi({
  port = 0,
  apiKey = FAKE_AI_KEY,
  control = false,
}: { port?: number; apiKey?: string | null; control?: boolean } = {}): Promise<FakeOpenAi> {
  const requests: FakeRequest[] = [];
  let queue: FakeAnswer[] = [];

  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (raw += c));
    req.on("end", () => void handle(req, res, raw).catch(() => res.destroy()));
  });

  function json(res: http.ServerResponse, status: number, body: unknown, headers = {}) {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const url = new URL(req.url ?? "/", "http://fake");
    if (control && url.pathname === "/__fake/next" && req.method === "POST") {
      queue.push(JSON.parse(raw || "{}") as FakeAnswer);
      return json(res, 200, { queued: queue.length });
    }
    if (control && url.pathname === "/__fake/requests") return json(res, 200, { requests });
    if (control && url.pathname === "/__fake/health") return json(res, 200, { ok: true });
    if (url.pathname !== "/v1/chat/completions" || req.method !== "POST") {
      return json(res, 404, { error: { message: "Unknown endpoint", code: "not_found" } });
    }
    let body: FakeRequest["body"];
    try {
      body = JSON.parse(raw) as FakeRequest["body"];
    } catch {
      return json(res, 400, { error: { message: "Invalid JSON", code: "invalid_json" } });
    }
    const authorization = req.headers.authorization ?? null;
    requests.push({ authorization, body });
    if (apiKey && authorization !== `Bearer ${apiKey}`) {
      return json(res, 401, { error: { message: "Incorrect API key", code: "invalid_api_key" } });
    }
    if (!body.model || !Array.isArray(body.messages)) {
      return json(res, 400, { error: { message: "model and messages are required" } });
    }
    const answer = queue.shift() ?? {};
    if (answer.delayMs) await sleep(answer.delayMs);
    if (res.destroyed || req.destroyed) return;
    const prompt = body.messages.map((m) => m.content).join("\n\n");
    const text = answer.text ?? answerFor(body.messages.at(-1)?.content ?? "");
    const promptTokens = Math.ceil(prompt.length / 4);
    const completionTokens = Math.ceil(text.length / 4);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };
    switch (answer.mode) {
      case "429":
        return json(
          res,
          429,
          { error: { message: "Rate limit reached for requests", code: "rate_limit_exceeded" } },
          { "retry-after": answer.retryAfter ?? "7" },
        );
      case "500":
        return json(res, 500, { error: { message: "The server had an error" } });
      case "401":
        return json(res, 401, { error: { message: "Incorrect API key", code: "invalid_api_key" } });
      case "content_filter":
        return json(res, 400, {
          error: { message: "The prompt was filtered", code: "content_filter" },
        });
    }
    const chunk = (choices: unknown[], extra: object = {}) =>
      `data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", model: body.model, choices, ...extra })}\n\n`;
    if (!body.stream || answer.mode === "json") {
      const message =
        answer.mode === "refusal"
          ? { role: "assistant", content: null, refusal: "I can't help with that." }
          : { role: "assistant", content: text };
      return json(res, 200, {
        id: "chatcmpl-fake",
        object: "chat.completion",
        model: body.model,
        choices: [{ index: 0, message, finish_reason: "stop" }],
        usage,
      });
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write(chunk([{ index: 0, delta: { role: "assistant", content: "" } }]));
    if (answer.mode === "refusal") {
      res.write(chunk([{ index: 0, delta: { refusal: "I can't help with that." } }]));
      res.end("data: [DONE]\n\n");
      return;
    }
    const parts = chunksOf(text);
    for (const [i, part] of parts.entries()) {
      if (res.destroyed) return;
      res.write(chunk([{ index: 0, delta: { content: part } }]));
      if (answer.mode === "break" && i >= parts.length / 2) {
        await sleep(50); // the first half reaches the client, then the connection drops
        res.destroy();
        return;
      }
      if (answer.chunkDelayMs) await sleep(answer.chunkDelayMs);
    }
    res.write(chunk([{ index: 0, delta: {}, finish_reason: "stop" }]));
    if (body.stream_options?.include_usage && answer.mode !== "no-usage") {
      res.write(chunk([], { usage }));
    }
    res.end("data: [DONE]\n\n");
  }

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    requests,
    next: (...answers) => queue.push(...answers),
    reset: () => {
      requests.length = 0;
      queue = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
