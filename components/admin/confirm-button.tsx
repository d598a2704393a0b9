"use client";

import { useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogTrigger,
} from "@/components/ui/dialog";
import { Button, buttonClass, type ButtonVariant } from "@/components/ui/button";

/**
 * A button that asks before acting, in a modal alert dialog (Radix): focus moves into it (to
 * Cancel, the safe choice) and stays there, Escape closes it, and focus returns to the button.
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
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);

  async function confirm() {
    setPending(true);
    try {
      await onConfirm();
    } finally {
      // Closed at once, as a native dialog would: focus is back on the button before a notice
      // the action showed takes it (focusNoticeSoon runs on the next task).
      flushSync(() => {
        setPending(false);
        setOpen(false);
      });
    }
  }

  return (
    <AlertDialog open={open} onOpenChange={(next) => (pending ? undefined : setOpen(next))}>
      <AlertDialogTrigger asChild>
        <Button
          variant={variant}
          className={className}
          disabled={disabled || pending}
          aria-label={ariaLabel}
        >
          {children}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent title={title} description={description}>
        <AlertDialogCancel className={buttonClass("secondary")} disabled={pending}>
          Cancel
        </AlertDialogCancel>
        <Button variant={confirmVariant} onClick={confirm} disabled={pending}>
          {pending ? "Working…" : confirmLabel}
        </Button>
      </AlertDialogContent>
    </AlertDialog>
  );
}
