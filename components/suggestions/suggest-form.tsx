"use client";

import Image from "next/image";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { PostTextArea } from "@/components/content/post-text-area";
import {
  checkImageChoice,
  IMAGE_ACCEPT,
  IMAGE_MAX_COUNT,
  uploadImage,
} from "@/components/content/upload-image";
import { ValueTypePicker } from "@/components/content/value-type-picker";
import { Button } from "@/components/ui/button";
import { fileInputClass, inputClass, TextField } from "@/components/ui/field";
import type { ValueType } from "@/lib/generated/prisma/enums";

interface Photo {
  key: number;
  file: File;
  preview: string;
  alt: string;
}

/**
 * Suggest a story: title, text, an optional link and value type, and photos. The suggestion is
 * created first, then each photo is uploaded to it; a failed photo is reported, not fatal.
 */
export function SuggestForm() {
  const router = useRouter();
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [linkUrl, setLinkUrl] = useState("");
  const [valueType, setValueType] = useState<ValueType | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  // Object URLs hold the files in memory: release them when photos go or the form unmounts.
  const photosRef = useRef(photos);
  useEffect(() => {
    photosRef.current = photos;
  }, [photos]);
  useEffect(() => () => photosRef.current.forEach((p) => URL.revokeObjectURL(p.preview)), []);

  function addFiles(files: FileList | null) {
    const chosen = [...(files ?? [])];
    const problems: string[] = [];
    const room = IMAGE_MAX_COUNT - photos.length;
    const fresh: Photo[] = [];
    for (const file of chosen) {
      const problem = checkImageChoice(file);
      if (problem) problems.push(problem);
      else if (fresh.length >= room) problems.push(`At most ${IMAGE_MAX_COUNT} photos.`);
      else
        fresh.push({ key: nextKey.current++, file, preview: URL.createObjectURL(file), alt: "" });
    }
    setPhotos([...photos, ...fresh]);
    setNotice(problems.length ? { tone: "error", text: [...new Set(problems)].join(" ") } : null);
    if (fileInput.current) fileInput.current.value = "";
  }

  function removePhoto(key: number) {
    const photo = photos.find((p) => p.key === key);
    if (photo) URL.revokeObjectURL(photo.preview);
    setPhotos(photos.filter((p) => p.key !== key));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    setNotice({ tone: "info", text: "Sending your story…" });
    const created = await apiFetch<{ suggestion: { id: string } }>("/api/suggestions", {
      method: "POST",
      body: { title, body, linkUrl: linkUrl.trim() || null, valueType },
    });
    if (!created.ok) {
      setPending(false);
      setFields(created.fields ?? {});
      setNotice({ tone: "error", text: created.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    const failures: string[] = [];
    for (const [i, photo] of photos.entries()) {
      setNotice({ tone: "info", text: `Uploading photo ${i + 1} of ${photos.length}…` });
      const result = await uploadImage(
        `/api/suggestions/${created.data.suggestion.id}/images`,
        photo.file,
        photo.alt.trim(),
      );
      if (!result.ok) failures.push(`${photo.file.name}: ${result.message}`);
    }
    setPending(false);
    photos.forEach((p) => URL.revokeObjectURL(p.preview));
    setPhotos([]);
    setTitle("");
    setBody("");
    setLinkUrl("");
    setValueType(null);
    setNotice(
      failures.length
        ? {
            tone: "error",
            text: `Your story was sent, but ${failures.length === 1 ? "a photo" : "some photos"} could not be added. ${failures.join(" ")}`,
          }
        : { tone: "success", text: "Thank you! Your story is with the comms team." },
    );
    focusNoticeSoon(noticeRef);
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Suggest a story" className="space-y-5">
      <TextField
        label="Title"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fields.title}
        hint="In a few words: what happened?"
        autoComplete="off"
      />
      <PostTextArea
        label="Your story"
        value={body}
        onChange={setBody}
        rules={null}
        rows={7}
        error={fields.body}
        hint="Tell it as you would to a colleague: who, what, why it matters. The comms team polishes it."
        required
      />
      <TextField
        label="Link (optional)"
        type="url"
        inputMode="url"
        value={linkUrl}
        onChange={(e) => setLinkUrl(e.target.value)}
        error={fields.linkUrl}
        placeholder="https://"
        autoComplete="off"
      />
      <ValueTypePicker
        legend="What does it give readers? (optional)"
        value={valueType}
        onChange={setValueType}
        error={fields.valueType}
        allowNone
        showExamples={false}
      />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Photos (optional)</legend>
        {photos.length ? (
          <ul className="grid gap-3 sm:grid-cols-2">
            {photos.map((photo, i) => (
              <li
                key={photo.key}
                className="flex gap-3 rounded-md p-2 ring-1 ring-slate-200 dark:ring-slate-700"
              >
                <Image
                  src={photo.preview}
                  alt=""
                  width={80}
                  height={80}
                  unoptimized
                  className="h-20 w-20 shrink-0 rounded object-cover"
                />
                <div className="min-w-0 flex-1 space-y-1">
                  <label htmlFor={`${id}-alt-${photo.key}`} className="block text-xs font-medium">
                    Photo {i + 1}: describe it
                  </label>
                  <input
                    id={`${id}-alt-${photo.key}`}
                    value={photo.alt}
                    maxLength={500}
                    onChange={(e) =>
                      setPhotos(
                        photos.map((p) =>
                          p.key === photo.key ? { ...p, alt: e.target.value } : p,
                        ),
                      )
                    }
                    className={inputClass}
                    autoComplete="off"
                  />
                  <button
                    type="button"
                    onClick={() => removePhoto(photo.key)}
                    className="rounded text-xs font-medium text-red-700 underline hover:no-underline dark:text-red-400"
                  >
                    Remove photo {i + 1}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
        {photos.length < IMAGE_MAX_COUNT ? (
          <div className="space-y-1.5">
            <label htmlFor={`${id}-files`} className="block text-sm">
              Add photos
            </label>
            <input
              ref={fileInput}
              id={`${id}-files`}
              type="file"
              multiple
              accept={IMAGE_ACCEPT}
              onChange={(e) => addFiles(e.target.files)}
              aria-describedby={`${id}-files-hint`}
              className={fileInputClass}
            />
            <p id={`${id}-files-hint`} className="text-xs text-slate-600 dark:text-slate-400">
              Up to {IMAGE_MAX_COUNT} photos: PNG, JPEG, WebP or GIF, 5 MB each. Only share photos
              you may share, and ask the people in them.
            </p>
          </div>
        ) : null}
      </fieldset>
      <div className="space-y-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send my story"}
        </Button>
        <LiveNotice notice={notice} ref={noticeRef} />
      </div>
    </form>
  );
}
