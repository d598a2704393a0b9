"use client";

import * as Popover from "@radix-ui/react-popover";
import Link from "next/link";
import { useId, useRef, type RefObject } from "react";
import type {
  NotificationList,
  NotificationView,
} from "@/lib/domains/notifications/list-notifications";

function timeAgo(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return "just now";
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86_400), "day");
}

/**
 * The notification bell's panel (a Radix popover anchored to the bell): the latest 20. Loaded on
 * first use by NotificationBell, so the popover library is not part of every page's first load.
 * Focus moves to the heading on open; Escape, a click outside or Tab past its end closes it and
 * focus returns to the bell.
 */
export function NotificationPanel({
  open,
  onOpenChange,
  bell,
  list,
  error,
  now,
  onMarkAllRead,
  onMarkRead,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The bell button (not a Radix trigger): the panel's anchor, and where focus returns. */
  bell: RefObject<HTMLButtonElement | null>;
  list: NotificationList | null;
  error: string | null;
  now: number;
  onMarkAllRead: () => void;
  onMarkRead: (item: NotificationView) => void;
}) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const unread = list?.unread ?? 0;
  const markAllRead = onMarkAllRead;
  const markRead = onMarkRead;
  const setOpen = onOpenChange;
  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Anchor virtualRef={bell} />
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={8}
          collisionPadding={16}
          aria-labelledby={headingId}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            bell.current?.focus();
          }}
          onInteractOutside={(event) => {
            // A press on the bell toggles the panel itself: not an outside click.
            if (bell.current?.contains(event.target as Node)) event.preventDefault();
          }}
          onOpenAutoFocus={(event) => {
            // The heading, not the first button: people hear where they are first.
            event.preventDefault();
            headingRef.current?.focus();
          }}
          className="z-40 w-80 max-w-[calc(100vw-2rem)] rounded-lg bg-white shadow-pop ring-1 ring-slate-200 data-[state=open]:animate-fade-in dark:bg-slate-900 dark:ring-slate-700"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-700">
            <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-sm font-semibold">
              Notifications
            </h2>
            <button
              type="button"
              onClick={markAllRead}
              disabled={unread === 0}
              className="rounded px-1 text-sm text-brand-700 hover:underline disabled:text-slate-400 disabled:no-underline dark:text-brand-300"
            >
              Mark all read
            </button>
          </div>
          {error ? (
            <p role="alert" className="px-4 py-3 text-sm text-red-700 dark:text-red-300">
              {error}
            </p>
          ) : null}
          {list && list.notifications.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500 dark:text-slate-400">
              Nothing new.
            </p>
          ) : null}
          <ul className="max-h-96 overflow-y-auto">
            {list?.notifications.map((n) => {
              const content = (
                <>
                  <span className="flex items-start gap-2">
                    {n.read ? null : (
                      <span
                        aria-hidden
                        className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand-600"
                      />
                    )}
                    <span className={n.read ? "text-slate-600 dark:text-slate-400" : "font-medium"}>
                      {n.title}
                      {n.read ? null : <span className="sr-only"> (unread)</span>}
                    </span>
                  </span>
                  {n.body ? (
                    <span className="mt-0.5 block text-xs text-slate-600 dark:text-slate-400">
                      {n.body}
                    </span>
                  ) : null}
                  <time
                    dateTime={n.createdAt}
                    className="mt-0.5 block text-xs text-slate-500 dark:text-slate-400"
                  >
                    {timeAgo(n.createdAt, now)}
                  </time>
                </>
              );
              const itemClass =
                "block px-4 py-2.5 text-sm hover:bg-slate-50 focus:bg-slate-50 dark:hover:bg-slate-800 dark:focus:bg-slate-800";
              return (
                <li
                  key={n.id}
                  className="border-b border-slate-100 last:border-0 dark:border-slate-800"
                >
                  {n.url ? (
                    <Link
                      href={n.url}
                      className={itemClass}
                      onClick={() => {
                        void markRead(n);
                        setOpen(false);
                      }}
                    >
                      {content}
                    </Link>
                  ) : (
                    <button
                      type="button"
                      className={`${itemClass} w-full text-left`}
                      onClick={() => markRead(n)}
                    >
                      {content}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
