"use client";

import { PostTextArea } from "@/components/content/post-text-area";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { Guardrails } from "@/lib/domains/content/guardrails";
import type { EditorCaption, FieldErrors, Keyed } from "@/components/studio/editor-types";

const MAX_CAPTIONS = 10;

/**
 * Caption variants ("formal", "personal", "short") that employees can start from. `path` is the
 * API's field prefix, so its errors land beside the right caption.
 */
export function CaptionsEditor({
  captions,
  onChange,
  rules,
  fields,
  path,
  newKey,
  languageLabel,
}: {
  captions: Keyed<EditorCaption>[];
  onChange: (captions: Keyed<EditorCaption>[]) => void;
  rules: Guardrails | null;
  fields: FieldErrors;
  path: string;
  newKey: () => number;
  /** e.g. "(de)" for a translation's captions. */
  languageLabel?: string;
}) {
  function update(key: number, change: Partial<EditorCaption>) {
    onChange(captions.map((c) => (c.key === key ? { ...c, ...change } : c)));
  }
  const suffix = languageLabel ? ` ${languageLabel}` : "";
  return (
    <div className="space-y-4">
      {captions.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No captions yet. Variants in different voices make it easier for people to post in their
          own words.
        </p>
      ) : null}
      <ol className="space-y-4">
        {captions.map((caption, index) => (
          <li
            key={caption.key}
            className="space-y-3 rounded-md p-3 ring-1 ring-slate-200 dark:ring-slate-700"
          >
            <div className="flex items-end gap-2">
              <div className="flex-1">
                <TextField
                  label={`Caption ${index + 1}${suffix}: name`}
                  value={caption.label}
                  maxLength={40}
                  placeholder="formal, personal, short…"
                  onChange={(e) => update(caption.key, { label: e.target.value })}
                  error={fields[`${path}.${index}.label`]}
                  autoComplete="off"
                />
              </div>
              <Button
                variant="ghost"
                onClick={() => onChange(captions.filter((c) => c.key !== caption.key))}
                aria-label={`Remove caption ${index + 1}${caption.label ? ` (${caption.label})` : ""}${suffix}`}
              >
                Remove
              </Button>
            </div>
            <PostTextArea
              label={`Caption ${index + 1}${suffix}: text`}
              value={caption.text}
              onChange={(text) => update(caption.key, { text })}
              rules={rules}
              rows={4}
              error={fields[`${path}.${index}.text`]}
            />
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        disabled={captions.length >= MAX_CAPTIONS}
        onClick={() => onChange([...captions, { key: newKey(), label: "", text: "" }])}
      >
        <span aria-hidden="true">+</span> Add caption{suffix}
      </Button>
      {captions.length >= MAX_CAPTIONS ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          At most {MAX_CAPTIONS} captions.
        </p>
      ) : null}
    </div>
  );
}
