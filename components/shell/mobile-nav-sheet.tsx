"use client";

import type { ReactNode, RefObject } from "react";
import { Dialog, DialogClose, DialogTitle, SheetContent } from "@/components/ui/dialog";
import { NavLinks, type NavLinkGroup } from "@/components/shell/nav-links";
import { LogoMark } from "@/components/shell/logo";

/**
 * The phone menu's sheet (a modal dialog: focus stays inside while open, Escape or the close
 * button closes it and focus returns to Menu). Loaded on first use by MobileNav, so the dialog
 * library is not part of every page's first load.
 */
export function MobileNavSheet({
  open,
  onOpenChange,
  groups,
  footer,
  menuButton,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  groups: NavLinkGroup[];
  footer: ReactNode;
  /** The Menu button (not a Radix trigger): focus goes back to it on close. */
  menuButton: RefObject<HTMLButtonElement | null>;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <SheetContent
        aria-describedby={undefined}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          menuButton.current?.focus();
        }}
      >
        <div className="flex items-center justify-between px-4 pt-4">
          <DialogTitle className="flex items-center gap-2.5">
            <LogoMark />
            Chorus
          </DialogTitle>
          <DialogClose className="rounded-lg p-2 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="h-5 w-5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
            >
              <path d="M6 6l12 12M18 6 6 18" />
            </svg>
            <span className="sr-only">Close the menu</span>
          </DialogClose>
        </div>
        <div className="flex-1 px-3 py-6">
          <NavLinks groups={groups} onNavigate={() => onOpenChange(false)} />
        </div>
        <div className="border-t border-slate-200 p-4 dark:border-slate-800">{footer}</div>
      </SheetContent>
    </Dialog>
  );
}
