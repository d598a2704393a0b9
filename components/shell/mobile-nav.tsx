"use client";

import dynamic from "next/dynamic";
import { useRef, useState, type ReactNode } from "react";
import type { NavLinkGroup } from "@/components/shell/nav-links";
import { useLazyPanel } from "@/components/use-lazy-panel";

const loadSheet = () => import("@/components/shell/mobile-nav-sheet");
const MobileNavSheet = dynamic(() => loadSheet().then((m) => m.MobileNavSheet), { ssr: false });

/**
 * The navigation on phones and small tablets: a Menu button that opens the sidebar as a sheet
 * (components/shell/mobile-nav-sheet.tsx). Following a link closes it too. The sheet and its
 * dialog library load when the button is first pointed at, focused or pressed, not with the page
 * (every page's first-load JavaScript budget, README "Phone app").
 */
export function MobileNav({ groups, footer }: { groups: NavLinkGroup[]; footer: ReactNode }) {
  const [open, setOpen] = useState(false);
  const sheet = useLazyPanel(loadSheet);
  const menuButton = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={menuButton}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        {...sheet.triggerProps}
        onClick={() => {
          sheet.markUsed();
          setOpen(true);
        }}
        className="inline-flex items-center gap-2 rounded-lg px-2.5 py-2 text-body font-medium text-slate-700 hover:bg-slate-100 lg:hidden dark:text-slate-200 dark:hover:bg-slate-800"
      >
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
      </button>
      {sheet.used ? (
        <MobileNavSheet
          open={open}
          onOpenChange={setOpen}
          groups={groups}
          footer={footer}
          menuButton={menuButton}
        />
      ) : null}
    </>
  );
}
