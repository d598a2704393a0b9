"use client";

import * as AlertPrimitive from "@radix-ui/react-alert-dialog";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import type { ComponentProps, ReactNode } from "react";

/*
 * Modal dialogs on Radix UI: focus moves in and is trapped while open, Escape and the overlay
 * close them, focus returns to the trigger, the rest of the page is inert for screen readers.
 */
export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

const overlay =
  "fixed inset-0 z-50 bg-slate-950/50 backdrop-blur-[2px] data-[state=open]:animate-fade-in";
const panel =
  "fixed z-50 bg-white text-slate-900 shadow-pop ring-1 ring-slate-200 focus:outline-none dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700";

export function DialogTitle({
  className = "",
  ...props
}: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title className={`text-heading font-semibold ${className}`} {...props} />;
}

export function DialogDescription({
  className = "",
  ...props
}: ComponentProps<typeof DialogPrimitive.Description>) {
  return (
    <DialogPrimitive.Description
      className={`text-body text-slate-600 dark:text-slate-300 ${className}`}
      {...props}
    />
  );
}

/** A centred dialog box. */
export function DialogContent({
  className = "",
  children,
  ...props
}: ComponentProps<typeof DialogPrimitive.Content>) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={overlay} />
      <DialogPrimitive.Content
        className={`${panel} left-1/2 top-1/2 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-card p-6 data-[state=open]:animate-fade-in ${className}`}
        {...props}
      >
        {children}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/** A panel that slides in from the left edge (the phone menu). */
export function SheetContent({
  className = "",
  children,
  ...props
}: ComponentProps<typeof DialogPrimitive.Content>) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={overlay} />
      <DialogPrimitive.Content
        className={`${panel} inset-y-0 left-0 flex w-[min(20rem,calc(100%-3rem))] flex-col overflow-y-auto data-[state=open]:animate-slide-in-left ${className}`}
        {...props}
      >
        {children}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/*
 * An alert dialog asks before something that cannot be undone: it does not close on a click
 * outside, and Cancel (the safe choice) has focus first.
 */
export const AlertDialog = AlertPrimitive.Root;
export const AlertDialogTrigger = AlertPrimitive.Trigger;
export const AlertDialogCancel = AlertPrimitive.Cancel;
export const AlertDialogAction = AlertPrimitive.Action;

export function AlertDialogContent({
  title,
  description,
  children,
}: {
  title: ReactNode;
  description: ReactNode;
  /** The buttons: an AlertDialogCancel and the action. */
  children: ReactNode;
}) {
  return (
    <AlertPrimitive.Portal>
      <AlertPrimitive.Overlay className={overlay} />
      <AlertPrimitive.Content
        className={`${panel} left-1/2 top-1/2 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-card p-6 text-left data-[state=open]:animate-fade-in`}
      >
        <AlertPrimitive.Title className="text-heading font-semibold">{title}</AlertPrimitive.Title>
        <AlertPrimitive.Description asChild>
          <div className="mt-2 text-body text-slate-600 dark:text-slate-300">{description}</div>
        </AlertPrimitive.Description>
        <div className="mt-6 flex flex-wrap justify-end gap-2">{children}</div>
      </AlertPrimitive.Content>
    </AlertPrimitive.Portal>
  );
}
