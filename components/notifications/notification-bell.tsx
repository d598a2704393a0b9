"use client";

import * as Popover from "@radix-ui/react-popover";
import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import type {
  NotificationList,
  NotificationView,
} from "@/lib/domains/notifications/list-notifications";

const POLL_MS = 60_000;

function timeAgo(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return "just now";
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86_400), "day");
}

export function bellLabel(unread: number): string {
  return `Notifications, ${unread === 0 ? "none" : unread} unread`;
}

/**
 * The bell in the header: unread count in its accessible name, a panel with the latest 20 (a
 * Radix popover). Keyboard: Enter/Space opens, focus moves to the panel's heading; Escape (or a
 * click outside, or Tab past its end) closes and returns focus to the bell.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<NotificationList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const result = await apiFetch<NotificationList>("/api/notifications");
    if (result.ok) {
      setList(result.data);
      setError(null);
    } else {
      setError(result.message);
    }
    setNow(Date.now());
  }, []);

  useEffect(() => {
    // The first load waits a tick so it never blocks rendering the page.
    const first = setTimeout(load, 0);
    const timer = setInterval(load, POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [load]);

  async function markAllRead() {
    const result = await apiFetch("/api/notifications/read-all", { method: "POST" });
    if (!result.ok) return setError(result.message);
    await load();
  }

  async function markRead(item: NotificationView) {
    if (item.read) return;
    setList((l) =>
      l
        ? {
            unread: Math.max(0, l.unread - 1),
            notifications: l.notifications.map((n) =>
              n.id === item.id ? { ...n, read: true } : n,
            ),
          }
        : l,
    );
    await apiFetch(`/api/notifications/${item.id}/read`, { method: "POST" });
  }

  const unread = list?.unread ?? 0;
  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load();
      }}
    >
      <Popover.Trigger
        aria-label={bellLabel(unread)}
        className="relative rounded-md p-1.5 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.8}
        >
          <path
            d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {unread > 0 ? (
          <span
            aria-hidden
            className="absolute -right-1 -top-1 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[0.7rem] font-semibold leading-[1.1rem] text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={8}
          collisionPadding={16}
          aria-labelledby={headingId}
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
