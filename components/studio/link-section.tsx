"use client";

import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { inputClass, TextField } from "@/components/ui/field";
import type { EditorLinkPreview, FieldErrors } from "@/components/studio/editor-types";

interface PreviewResponse {
  preview: {
    url: string;
    title: string | null;
    description: string | null;
    imageUrl: string | null;
    siteName: string | null;
  };
}

const EMPTY: EditorLinkPreview = { title: "", description: "", imageUrl: "", siteName: "" };

/** The link to share, its fetched preview (title, description, image, site) and manual edits. */
export function LinkSection({
  linkUrl,
  onLinkUrlChange,
  preview,
  onPreviewChange,
  fields,
}: {
  linkUrl: string;
  onLinkUrlChange: (url: string) => void;
  preview: EditorLinkPreview | null;
  onPreviewChange: (preview: EditorLinkPreview | null) => void;
  fields: FieldErrors;
}) {
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function fetchPreview() {
    const url = linkUrl.trim();
    if (!url) {
      setNotice({ tone: "error", text: "Enter the link first." });
      return;
    }
    setPending(true);
    setNotice({ tone: "info", text: "Fetching the preview…" });
    const result = await apiFetch<PreviewResponse>("/api/content/link-preview", {
      method: "POST",
      body: { url },
    });
    setPending(false);
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      return;
    }
    const p = result.data.preview;
    onPreviewChange({
      title: p.title ?? "",
      description: p.description ?? "",
      imageUrl: p.imageUrl ?? "",
      siteName: p.siteName ?? "",
    });
    setNotice({
      tone: "success",
      text: p.title
        ? `Preview fetched: “${p.title}”. You can edit it below.`
        : "The page has no preview details. Fill them in below.",
    });
  }

  function set(change: Partial<EditorLinkPreview>) {
    onPreviewChange({ ...(preview ?? EMPTY), ...change });
  }

  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <label htmlFor="content-link" className="block text-sm font-medium">
          Link (optional)
        </label>
        <div className="flex flex-wrap gap-2 sm:flex-nowrap">
          <input
            id="content-link"
            type="url"
            inputMode="url"
            value={linkUrl}
            onChange={(e) => onLinkUrlChange(e.target.value)}
            placeholder="https://"
            autoComplete="off"
            aria-invalid={fields.linkUrl ? true : undefined}
            aria-describedby={fields.linkUrl ? "content-link-error" : undefined}
            className={inputClass}
          />
          <Button
            variant="secondary"
            className="shrink-0"
            onClick={fetchPreview}
            disabled={pending || !linkUrl.trim()}
          >
            {pending ? "Fetching…" : "Fetch preview"}
          </Button>
        </div>
        {fields.linkUrl ? (
          <p id="content-link-error" className="text-sm text-red-700 dark:text-red-400">
            {fields.linkUrl}
          </p>
        ) : null}
      </div>
      <LiveNotice notice={notice} />
      {linkUrl.trim() ? (
        preview ? (
          <fieldset className="space-y-3 rounded-md p-3 ring-1 ring-slate-200 dark:ring-slate-700">
            <legend className="px-1 text-sm font-medium">Link card</legend>
            <TextField
              label="Title"
              value={preview.title}
              maxLength={300}
              onChange={(e) => set({ title: e.target.value })}
              error={fields["linkPreview.title"]}
              autoComplete="off"
            />
            <div className="space-y-1.5">
              <label htmlFor="link-description" className="block text-sm font-medium">
                Description
              </label>
              <textarea
                id="link-description"
                rows={2}
                maxLength={1000}
                value={preview.description}
                onChange={(e) => set({ description: e.target.value })}
                className={inputClass}
              />
            </div>
            <TextField
              label="Image URL"
              type="url"
              value={preview.imageUrl}
              onChange={(e) => set({ imageUrl: e.target.value })}
              error={fields["linkPreview.imageUrl"]}
              placeholder="https://"
              autoComplete="off"
            />
            <TextField
              label="Site name"
              value={preview.siteName}
              maxLength={120}
              onChange={(e) => set({ siteName: e.target.value })}
              error={fields["linkPreview.siteName"]}
              autoComplete="off"
            />
            <Button variant="ghost" onClick={() => onPreviewChange(null)}>
              Remove the link card details
            </Button>
          </fieldset>
        ) : (
          <Button variant="ghost" onClick={() => onPreviewChange(EMPTY)}>
            Enter the link card details by hand
          </Button>
        )
      ) : null}
    </div>
  );
}
