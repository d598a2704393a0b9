"use client";

import { useId, useState } from "react";
import { AiOutput } from "@/components/ai/ai-output";
import { useAiStream } from "@/components/ai/use-ai-stream";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { valueTypeLabel } from "@/lib/domains/content/value-types";
import type { ValueType } from "@/lib/generated/prisma/enums";

export interface AiCaption {
  label: string;
  text: string;
}

export interface AiTranslation {
  language: string;
  title: string;
  body: string;
  captions: AiCaption[];
}

type Result =
  | { captions: AiCaption[] }
  | { hashtags: string[] }
  | { valueType: ValueType; reason: string }
  | AiTranslation;

/**
 * The comms team's AI helpers for a saved item: caption variants in three tones, hashtags, the
 * value type and draft translations. Answers stream in and land in the editor as drafts; nothing
 * is saved until the post is saved.
 */
export function AiStudioPanel({
  itemId,
  languages,
  onCaptions,
  onHashtags,
  onValueType,
  onTranslation,
}: {
  itemId: string;
  /** The organisation's other languages (translation targets). */
  languages: string[];
  onCaptions: (captions: AiCaption[]) => void;
  onHashtags: (hashtags: string[]) => void;
  onValueType: (valueType: ValueType) => void;
  onTranslation: (translation: AiTranslation) => void;
}) {
  const id = useId();
  const { state, run, cancel } = useAiStream<Result>();
  const [tones, setTones] = useState(["formal", "personal", "short"]);
  const [language, setLanguage] = useState(languages[0] ?? "");
  const [note, setNote] = useState<string | null>(null);
  const busy = state.status === "streaming";

  async function ask(path: string, body: object) {
    setNote(null);
    const result = await run(`/api/ai/${path}`, { itemId, ...body });
    if (!result) return;
    if ("captions" in result && !("title" in result)) {
      onCaptions(result.captions);
      setNote(`Added ${result.captions.length} caption drafts below. Review them, then save.`);
    } else if ("hashtags" in result) {
      onHashtags(result.hashtags);
      setNote(`Added ${result.hashtags.map((h) => `#${h}`).join(" ")}. Review them, then save.`);
    } else if ("valueType" in result) {
      onValueType(result.valueType);
      setNote(`Value type set to ${valueTypeLabel(result.valueType)}. ${result.reason}`);
    } else if ("title" in result) {
      onTranslation(result);
      setNote(`Draft translation (${result.language}) added below for review. Save to keep it.`);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4">
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          AI assistance
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Drafts for you to review, made from this post as last saved. Nothing is saved until you
          save the post.
        </p>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Caption variants in three tones</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {tones.map((tone, i) => (
            <TextField
              key={i}
              label={`Tone ${i + 1}`}
              value={tone}
              maxLength={30}
              onChange={(e) => setTones(tones.map((t, j) => (j === i ? e.target.value : t)))}
              autoComplete="off"
            />
          ))}
        </div>
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => void ask("captions", { tones: tones.map((t) => t.trim()) })}
        >
          Draft 3 captions with AI
        </Button>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={busy} onClick={() => void ask("hashtags", {})}>
          Suggest hashtags
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void ask("value-type", {})}>
          Suggest the value type
        </Button>
      </div>
      {languages.length ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-32">
            <SelectField
              label="Translate into"
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
            >
              {languages.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </SelectField>
          </div>
          <Button
            variant="secondary"
            disabled={busy || !language}
            onClick={() => void ask("translate", { language })}
          >
            Draft translation
          </Button>
        </div>
      ) : null}
      <AiOutput state={state} onCancel={cancel} doneNote={note} />
    </section>
  );
}
