"use client";

import Image from "next/image";
import { useId, useRef, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import {
  checkImageChoice,
  IMAGE_ACCEPT,
  IMAGE_MAX_COUNT,
  uploadImage,
} from "@/components/content/upload-image";
import { Button } from "@/components/ui/button";
import { fileInputClass, inputClass } from "@/components/ui/field";
import type { EditorImage } from "@/components/studio/editor-types";

/** Images of a saved item: upload one at a time with its alt text; thumbnails with Remove. */
export function ImageManager({
  itemId,
  images,
  onChange,
}: {
  itemId: string;
  images: EditorImage[];
  onChange: (images: EditorImage[]) => void;
}) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const full = images.length >= IMAGE_MAX_COUNT;

  function choose(chosen: File | undefined) {
    setFile(null);
    if (!chosen) return;
    const problem = checkImageChoice(chosen);
    if (problem) {
      setNotice({ tone: "error", text: problem });
      return;
    }
    setNotice(null);
    setFile(chosen);
  }

  async function upload() {
    if (!file) {
      setNotice({ tone: "error", text: "Choose an image first." });
      return;
    }
    setPending(true);
    const result = await uploadImage(`/api/content/${itemId}/images`, file, alt.trim());
    setPending(false);
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      return;
    }
    onChange([...images, result.image]);
    setFile(null);
    setAlt("");
    if (fileInput.current) fileInput.current.value = "";
    setNotice({
      tone: "success",
      text: `Image added${result.image.alt ? `: ${result.image.alt}` : ""}.`,
    });
  }

  async function remove(image: EditorImage) {
    const result = await apiFetch(`/api/content/${itemId}/images/${image.id}`, {
      method: "DELETE",
    });
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      return;
    }
    onChange(images.filter((i) => i.id !== image.id));
    setNotice({ tone: "success", text: "Image removed." });
  }

  return (
    <div className="space-y-4">
      {images.length ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3" aria-label="Images of this post">
          {images.map((image, index) => (
            <li
              key={image.id}
              className="overflow-hidden rounded-md bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
            >
              <Image
                src={image.url}
                alt={image.alt}
                width={240}
                height={160}
                unoptimized
                className="aspect-[3/2] w-full bg-slate-100 object-cover dark:bg-slate-800"
              />
              <div className="space-y-2 p-2">
                <p className="line-clamp-2 text-xs text-slate-700 dark:text-slate-300">
                  {image.alt ? (
                    <>
                      <span className="font-medium">Alt:</span> {image.alt}
                    </>
                  ) : (
                    <span className="text-amber-800 dark:text-amber-300">No alt text</span>
                  )}
                </p>
                <Button
                  variant="ghost"
                  className="w-full !py-1 text-xs"
                  onClick={() => remove(image)}
                  aria-label={`Remove image ${index + 1}${image.alt ? `: ${image.alt}` : ""}`}
                >
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No images yet.</p>
      )}
      {full ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          This post has the maximum of {IMAGE_MAX_COUNT} images.
        </p>
      ) : (
        <div className="grid gap-3 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-2 dark:ring-slate-700">
          <div className="space-y-1.5">
            <label htmlFor={`${id}-file`} className="block text-sm font-medium">
              Image file
            </label>
            <input
              ref={fileInput}
              id={`${id}-file`}
              type="file"
              accept={IMAGE_ACCEPT}
              onChange={(e) => choose(e.target.files?.[0])}
              aria-describedby={`${id}-file-hint`}
              className={fileInputClass}
            />
            <p id={`${id}-file-hint`} className="text-xs text-slate-600 dark:text-slate-400">
              PNG, JPEG, WebP or GIF, up to 5 MB.
            </p>
          </div>
          <div className="space-y-1.5">
            <label htmlFor={`${id}-alt`} className="block text-sm font-medium">
              Alt text
            </label>
            <input
              id={`${id}-alt`}
              value={alt}
              maxLength={500}
              onChange={(e) => setAlt(e.target.value)}
              aria-describedby={`${id}-alt-hint`}
              className={inputClass}
              autoComplete="off"
            />
            <p id={`${id}-alt-hint`} className="text-xs text-slate-600 dark:text-slate-400">
              Describe the image for people who cannot see it.
            </p>
          </div>
          <div className="sm:col-span-2">
            <Button variant="secondary" onClick={upload} disabled={pending || !file}>
              {pending ? "Uploading…" : "Upload image"}
            </Button>
          </div>
        </div>
      )}
      <LiveNotice notice={notice} />
    </div>
  );
}
