"use client";

import { useState, type ReactNode } from "react";
import {
  Dialog,
  DialogClose,
  DialogTitle,
  DialogTrigger,
  SheetContent,
} from "@/components/ui/dialog";
import { NavLinks, type NavLinkGroup } from "@/components/shell/nav-links";
import { LogoMark } from "@/components/shell/logo";

/**
 * The navigation on phones and small tablets: a Menu button that opens the sidebar as a sheet (a
 * modal dialog: focus stays inside while open, Escape or the close button closes it and focus
 * returns to Menu). Following a link closes it too.
 */
export function MobileNav({ groups, footer }: { groups: NavLinkGroup[]; footer: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className="inline-flex items-center gap-2 rounded-lg px-2.5 py-2 text-body font-medium text-slate-700 hover:bg-slate-100 lg:hidden dark:text-slate-200 dark:hover:bg-slate-800">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
        >
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
        Menu
      </DialogTrigger>
      <SheetContent aria-describedby={undefined}>
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
          <NavLinks groups={groups} onNavigate={() => setOpen(false)} />
        </div>
        <div className="border-t border-slate-200 p-4 dark:border-slate-800">{footer}</div>
      </SheetContent>
    </Dialog>
  );
}
