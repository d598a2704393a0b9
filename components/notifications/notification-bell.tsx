"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { useLazyPanel } from "@/components/use-lazy-panel";
import type {
  NotificationList,
  NotificationView,
} from "@/lib/domains/notifications/list-notifications";

const POLL_MS = 60_000;

const loadPanel = () => import("@/components/notifications/notification-panel");
const NotificationPanel = dynamic(() => loadPanel().then((m) => m.NotificationPanel), {
  ssr: false,
});

export function bellLabel(unread: number): string {
  return `Notifications, ${unread === 0 ? "none" : unread} unread`;
}

/**
 * The bell in the header: unread count in its accessible name, a panel with the latest 20
 * (components/notifications/notification-panel.tsx, a Radix popover loaded when the bell is
 * first pointed at, focused or pressed: every page's first-load budget, README "Phone app").
 * Keyboard: Enter/Space opens, focus moves to the panel's heading; Escape (or a click outside, or
 * Tab past its end) closes and returns focus to the bell.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const panel = useLazyPanel(loadPanel);
  const [list, setList] = useState<NotificationList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const bell = useRef<HTMLButtonElement>(null);

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

  function changeOpen(next: boolean) {
    setOpen(next);
    if (next) void load();
  }

  const unread = list?.unread ?? 0;
  return (
    <>
      <button
        ref={bell}
        type="button"
        aria-label={bellLabel(unread)}
        aria-haspopup="dialog"
        aria-expanded={open}
        {...panel.triggerProps}
        onClick={() => {
          panel.markUsed();
          changeOpen(!open);
        }}
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
      </button>
      {panel.used ? (
        <NotificationPanel
          open={open}
          onOpenChange={changeOpen}
          bell={bell}
          list={list}
          error={error}
          now={now}
          onMarkAllRead={markAllRead}
          onMarkRead={markRead}
        />
      ) : null}
    </>
  );
}
