"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type AiStreamStatus = "idle" | "streaming" | "done" | "error" | "cancelled";

export interface AiStreamState {
  status: AiStreamStatus;
  /** The answer so far, as it streams in. */
  text: string;
  error: string | null;
}

const IDLE: AiStreamState = { status: "idle", text: "", error: null };

/**
 * Calls one of our AI routes and renders its Server-Sent Events as they arrive (`delta`, then
 * `done` with the answer read back, or `error`). `cancel()` aborts the request: the server stops
 * the call upstream. Errors before the stream starts come back as our JSON errors.
 */
export function useAiStream<R>() {
  const [state, setState] = useState<AiStreamState>(IDLE);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (url: string, body: unknown): Promise<R | null> => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: "streaming", text: "", error: null });
    const fail = (message: string) => {
      setState((s) => ({ ...s, status: "error", error: message }));
      return null;
    };
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      if (!res.ok || !res.body) {
        const json = (await res.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        return fail(json?.error?.message ?? `The AI request failed (${res.status}).`);
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "{}") as {
            text?: string;
            result?: R;
            message?: string;
          };
          if (event === "delta") setState((s) => ({ ...s, text: s.text + (data.text ?? "") }));
          else if (event === "error") return fail(data.message ?? "The AI answer failed.");
          else if (event === "done") {
            setState({ status: "done", text: data.text ?? "", error: null });
            return data.result ?? null;
          }
        }
      }
      return fail("The AI answer broke off. Try again.");
    } catch {
      if (abort.signal.aborted) {
        setState((s) => ({ ...s, status: "cancelled" }));
        return null;
      }
      return fail("Could not reach the server. Check your connection.");
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState(IDLE), []);
  return { state, run, cancel, reset };
}
