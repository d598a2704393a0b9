"use client";

import { useState, useSyncExternalStore } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { pushSupported, turnOnPush } from "@/components/push/push-client";

/**
 * The one-time question after a first share: a small banner (not a dialog) offering push. "Turn
 * on" asks the browser's permission then; "Not now" records the answer, so it never comes back.
 * Not shown where push cannot work or notifications are blocked.
 */
export function PushPrompt({ publicKey }: { publicKey: string }) {
  // The browser's answer so far (read on the client only; the server renders nothing).
  const canAsk = useSyncExternalStore(
    noSubscription,
    () => pushSupported() && Notification.permission !== "denied",
    () => false,
  );
  const [answered, setAnswered] = useState(false);
  const visible = canAsk && !answered;
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function turnOn() {
    setPending(true);
    const result = await turnOnPush(publicKey);
    setPending(false);
    if (!result.ok) {
      await dismiss();
      setNotice({ tone: "info", text: result.message });
      return;
    }
    setAnswered(true);
    setNotice({
      tone: "success",
      text: "Push notifications are on. Choose which ones on your profile.",
    });
  }

  async function dismiss() {
    setAnswered(true);
    await apiFetch("/api/push/preferences", { method: "PATCH", body: { prompted: true } });
  }

  return (
    <>
      {visible ? (
        <section
          aria-labelledby="push-prompt-title"
          className="mb-section flex flex-wrap items-center gap-3 rounded-lg bg-brand-50 p-3 ring-1 ring-brand-100 dark:bg-slate-900 dark:ring-slate-700"
        >
          <p id="push-prompt-title" className="min-w-0 flex-1 text-sm">
            Get a push when a new post is ready for you or your shares reach a milestone?
          </p>
          <div className="flex gap-2">
            <Button disabled={pending} onClick={() => void turnOn()}>
              Turn on
            </Button>
            <Button variant="ghost" disabled={pending} onClick={() => void dismiss()}>
              Not now
            </Button>
          </div>
        </section>
      ) : null}
      <LiveNotice notice={notice} className={notice ? "mb-section" : ""} />
    </>
  );
}

const noSubscription = () => () => undefined;
