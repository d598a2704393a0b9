"use client";

import { CaptionsEditor } from "@/components/studio/captions-editor";
import { PostTextArea } from "@/components/content/post-text-area";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { Guardrails } from "@/lib/domains/content/guardrails";
import type {
  EditorCaption,
  EditorTranslation,
  FieldErrors,
  Keyed,
} from "@/components/studio/editor-types";

export type TranslationRow = Keyed<Omit<EditorTranslation, "captions">> & {
  captions: Keyed<EditorCaption>[];
};

const MAX_TRANSLATIONS = 20;

/** Translations of the title, text and captions, one language each. */
export function TranslationsEditor({
  translations,
  onChange,
  rules,
  fields,
  newKey,
}: {
  translations: TranslationRow[];
  onChange: (rows: TranslationRow[]) => void;
  rules: Guardrails | null;
  fields: FieldErrors;
  newKey: () => number;
}) {
  function update(key: number, change: Partial<TranslationRow>) {
    onChange(translations.map((t) => (t.key === key ? { ...t, ...change } : t)));
  }
  return (
    <div className="space-y-4">
      {fields.translations ? (
        <p className="text-sm text-red-700 dark:text-red-400">{fields.translations}</p>
      ) : null}
      {translations.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No translations. Employees whose language matches see the translated text in their feed.
        </p>
      ) : null}
      {translations.map((t, index) => {
        const name = t.language.trim() || `translation ${index + 1}`;
        return (
          <section
            key={t.key}
            aria-label={`Translation: ${name}`}
            className="space-y-3 rounded-md p-3 ring-1 ring-slate-200 dark:ring-slate-700"
          >
            <div className="flex items-end gap-2">
              <div className="w-40">
                <TextField
                  label="Language code"
                  value={t.language}
                  maxLength={6}
                  placeholder="de"
                  onChange={(e) => update(t.key, { language: e.target.value })}
                  error={fields[`translations.${index}.language`]}
                  hint="e.g. de, fr, pt-BR"
                  autoComplete="off"
                />
              </div>
              <Button
                variant="ghost"
                className="ml-auto"
                onClick={() => onChange(translations.filter((x) => x.key !== t.key))}
                aria-label={`Remove the ${name} translation`}
              >
                Remove translation
              </Button>
            </div>
            <TextField
              label={`Title (${name})`}
              value={t.title}
              maxLength={200}
              onChange={(e) => update(t.key, { title: e.target.value })}
              error={fields[`translations.${index}.title`]}
              autoComplete="off"
            />
            <PostTextArea
              label={`Suggested post text (${name})`}
              value={t.body}
              onChange={(body) => update(t.key, { body })}
              rules={rules}
              rows={6}
              error={fields[`translations.${index}.body`]}
            />
            <div>
              <h4 className="mb-2 text-sm font-medium">Captions ({name})</h4>
              <CaptionsEditor
                captions={t.captions}
                onChange={(captions) => update(t.key, { captions })}
                rules={rules}
                fields={fields}
                path={`translations.${index}.captions`}
                newKey={newKey}
                languageLabel={`(${name})`}
              />
            </div>
          </section>
        );
      })}
      <Button
        variant="secondary"
        disabled={translations.length >= MAX_TRANSLATIONS}
        onClick={() =>
          onChange([
            ...translations,
            { key: newKey(), language: "", title: "", body: "", captions: [] },
          ])
        }
      >
        <span aria-hidden="true">+</span> Add a language
      </Button>
    </div>
  );
}
