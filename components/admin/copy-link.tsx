"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** A read-only link with a Copy button; the copy result is announced. */
export function CopyLink({ url, label = "Invitation link" }: { url: string; label?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied to the clipboard.");
    } catch {
      // Clipboard API unavailable (insecure context, permission): select it for a manual copy.
      input.current?.focus();
      input.current?.select();
      setStatus("Could not copy automatically. The link is selected: press Ctrl+C (⌘C on a Mac).");
    }
  }

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} font-mono text-xs`}
        />
        <Button variant="secondary" onClick={copy} className="shrink-0">
          Copy<span className="sr-only"> {label.toLowerCase()}</span>
        </Button>
      </div>
      <p aria-live="polite" className="min-h-5 text-xs text-slate-600 dark:text-slate-400">
        {status}
      </p>
    </div>
  );
}
