"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

/**
 * A button that asks before acting, in a native modal <dialog>: focus moves into it (to Cancel,
 * the safe choice), Escape closes it, and focus returns to the button afterwards.
 */
export function ConfirmButton({
  children,
  title,
  description,
  confirmLabel,
  onConfirm,
  variant = "secondary",
  confirmVariant = "danger",
  disabled,
  className = "",
  "aria-label": ariaLabel,
}: {
  children: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  variant?: ButtonVariant;
  confirmVariant?: ButtonVariant;
  disabled?: boolean;
  className?: string;
  "aria-label"?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const id = useId();

  // The dialog exists only while open: long lists of rows stay light.
  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);

  async function confirm() {
    setPending(true);
    try {
      await onConfirm();
    } finally {
      setPending(false);
      dialog.current?.close();
    }
  }

  return (
    <>
      <Button
        variant={variant}
        className={className}
        disabled={disabled || pending}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {children}
      </Button>
      {open ? (
        <dialog
          ref={dialog}
          onClose={() => setOpen(false)}
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-6 text-left text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-950/50 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
        >
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${id}-desc`} className="mt-2 text-sm text-slate-600 dark:text-slate-300">
            {description}
          </div>
          <div className="mt-6 flex justify-end gap-2">
            <Button
              variant="secondary"
              autoFocus
              onClick={() => dialog.current?.close()}
              disabled={pending}
            >
              Cancel
            </Button>
            <Button variant={confirmVariant} onClick={confirm} disabled={pending}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </dialog>
      ) : null}
    </>
  );
}
