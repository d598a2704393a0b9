"use client";

import Image from "next/image";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { fileInputClass } from "@/components/ui/field";

const MAX_BYTES = 1024 * 1024;
const ACCEPT = "image/png,image/jpeg,image/webp,image/gif";

async function upload(file: File): Promise<{ ok: true } | { ok: false; message: string }> {
  const body = new FormData();
  body.set("file", file);
  try {
    const res = await fetch("/api/org/logo", { method: "POST", body });
    if (res.ok) return { ok: true };
    const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { ok: false, message: json?.error?.message ?? `Upload failed (${res.status}).` };
  } catch {
    return { ok: false, message: "Could not reach the server. Check your connection." };
  }
}

/** Shows the current logo; uploads a new one (checked again on the server) or removes it. */
export function LogoUploader({ logoUrl, orgName }: { logoUrl: string | null; orgName: string }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  const previewUrl = useRef<string | null>(null);

  /** Object URLs hold the file in memory until revoked: one at a time, none after unmount. */
  function showPreview(chosen: File | null) {
    if (previewUrl.current) URL.revokeObjectURL(previewUrl.current);
    previewUrl.current = chosen ? URL.createObjectURL(chosen) : null;
    setPreview(previewUrl.current);
  }
  useEffect(() => () => showPreview(null), []);

  function choose(chosen: File | undefined) {
    showPreview(null);
    setFile(null);
    if (!chosen) return;
    if (!ACCEPT.split(",").includes(chosen.type)) {
      setNotice({ tone: "error", text: `${chosen.name} is not a PNG, JPEG, WebP or GIF image.` });
      return;
    }
    if (chosen.size > MAX_BYTES) {
      setNotice({
        tone: "error",
        text: `${chosen.name} is larger than 1 MB. Choose a smaller image.`,
      });
      return;
    }
    setNotice(null);
    setFile(chosen);
    showPreview(chosen);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setNotice({ tone: "error", text: "Choose an image first." });
      return;
    }
    setPending(true);
    const result = await upload(file);
    setPending(false);
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setFile(null);
    showPreview(null);
    if (input.current) input.current.value = "";
    setNotice({ tone: "success", text: "Logo updated." });
    router.refresh();
  }

  async function remove() {
    const result = await apiFetch("/api/org/logo", { method: "DELETE" });
    setNotice(
      result.ok
        ? { tone: "success", text: "Logo removed." }
        : { tone: "error", text: result.message },
    );
    if (result.ok) router.refresh();
  }

  const shown = preview ?? logoUrl;
  return (
    <form onSubmit={submit} className="space-y-4" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Logo
      </h2>
      <div className="flex items-center gap-4">
        <div className="flex h-20 w-20 shrink-0 items-center justify-center overflow-hidden rounded-lg bg-slate-100 ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700">
          {shown ? (
            <Image
              src={shown}
              alt={preview ? "Preview of the new logo" : `${orgName} logo`}
              width={80}
              height={80}
              unoptimized
              className="h-full w-full object-contain"
            />
          ) : (
            <span className="text-xs text-slate-600 dark:text-slate-400">No logo</span>
          )}
        </div>
        <div className="min-w-0 space-y-1.5">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            {logoUrl ? "Replace the logo" : "Upload a logo"}
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            aria-describedby={`${id}-hint`}
            onChange={(e) => choose(e.target.files?.[0])}
            className={fileInputClass}
          />
          <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
            PNG, JPEG, WebP or GIF, up to 1 MB. A square image works best.
          </p>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={!file || pending}>
          {pending ? "Uploading…" : "Upload logo"}
        </Button>
        {logoUrl ? (
          <ConfirmButton
            title="Remove the logo?"
            description={<p>The organisation name is shown without a logo.</p>}
            confirmLabel="Remove logo"
            onConfirm={remove}
          >
            Remove logo
          </ConfirmButton>
        ) : null}
      </div>
      <LiveNotice notice={notice} />
    </form>
  );
}
