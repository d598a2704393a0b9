"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AiStreamState } from "@/components/ai/use-ai-stream";

/** The answer as it streams in (a polite live region), a Stop button, and the outcome. */
export function AiOutput({
  state,
  onCancel,
  doneNote,
  label = "AI draft",
}: {
  state: AiStreamState;
  onCancel: () => void;
  doneNote?: string | null;
  label?: string;
}) {
  if (state.status === "idle") return null;
  return (
    <div className="space-y-2">
      {state.text ? (
        <div>
          <p className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</p>
          <pre
            aria-live="polite"
            aria-busy={state.status === "streaming"}
            data-testid="ai-output"
            className="mt-1 max-h-64 overflow-auto rounded-md bg-slate-50 p-3 font-sans text-sm whitespace-pre-wrap ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
          >
            {state.text}
          </pre>
        </div>
      ) : null}
      {state.status === "streaming" ? (
        <div className="flex items-center gap-3">
          <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
            Writing…
          </span>
          <Button variant="secondary" onClick={onCancel}>
            Stop
          </Button>
        </div>
      ) : null}
      {state.status === "cancelled" ? <Alert>Stopped. Nothing was added.</Alert> : null}
      {state.status === "error" && state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.status === "done" && doneNote ? <Alert tone="success">{doneNote}</Alert> : null}
    </div>
  );
}
