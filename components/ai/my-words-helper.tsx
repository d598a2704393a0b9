"use client";

import { useId, useState } from "react";
import { AiOutput } from "@/components/ai/ai-output";
import { useAiStream } from "@/components/ai/use-ai-stream";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

const EMPTY =
  "Answer both questions first: the draft is made from your own answers, never from nothing.";

/**
 * "Help me say it in my words": two short questions, and a draft the AI builds from the answers
 * (never from nothing). The draft's words count as suggested text in the meter, not as the
 * person's own; a share that uses them is marked AI-assisted.
 */
export function MyWordsHelper({
  itemId,
  onUse,
}: {
  itemId: string;
  onUse: (text: string) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [did, setDid] = useState("");
  const [learned, setLearned] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const { state, run, cancel, reset } = useAiStream<{ text: string }>();

  async function ask() {
    setDraft(null);
    if (did.trim().length < 3 || learned.trim().length < 3) {
      setProblem(EMPTY);
      return;
    }
    setProblem(null);
    const result = await run("/api/ai/my-words", { itemId, did, learned });
    if (result) setDraft(result.text);
  }

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} aria-expanded={false}>
        Help me say it in my words
      </Button>
    );
  }
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-md p-3 ring-1 ring-slate-200 dark:ring-slate-700"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id={`${id}-title`} className="text-sm font-medium">
          Say it in your words
        </h2>
        <Button
          variant="ghost"
          onClick={() => {
            cancel();
            reset();
            setOpen(false);
          }}
        >
          Close
        </Button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Answer two short questions; AI drafts a post from your answers. Words the AI writes count as
        suggested text, not your own, and a post that uses them is marked AI-assisted.
      </p>
      <div className="space-y-1.5">
        <label htmlFor={`${id}-did`} className="block text-sm font-medium">
          What did you do?
        </label>
        <textarea
          id={`${id}-did`}
          rows={2}
          maxLength={1000}
          value={did}
          onChange={(e) => setDid(e.target.value)}
          className={inputClass}
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor={`${id}-learned`} className="block text-sm font-medium">
          What did you learn?
        </label>
        <textarea
          id={`${id}-learned`}
          rows={2}
          maxLength={1000}
          value={learned}
          onChange={(e) => setLearned(e.target.value)}
          className={inputClass}
        />
      </div>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <Button onClick={() => void ask()} disabled={state.status === "streaming"}>
        Draft from my answers
      </Button>
      <AiOutput state={state} onCancel={cancel} label="Draft from your answers" />
      {draft && state.status === "done" ? (
        <Button
          variant="secondary"
          onClick={() => {
            onUse(draft);
            setOpen(false);
            reset();
          }}
        >
          Use this draft
        </Button>
      ) : null}
    </section>
  );
}
