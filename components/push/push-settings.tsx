"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import {
  currentPushSubscription,
  pushSupported,
  turnOffPush,
  turnOnPush,
} from "@/components/push/push-client";
import { PUSH_CATEGORY_LABELS } from "@/lib/domains/push/push-categories";
import type { PushPreferences, PushSettings } from "@/lib/domains/push/get-push-settings";

const SWITCHES: { key: keyof PushPreferences; category: keyof typeof PUSH_CATEGORY_LABELS }[] = [
  { key: "newContent", category: "new-content" },
  { key: "milestones", category: "milestones" },
  { key: "campaigns", category: "campaigns" },
  { key: "approvals", category: "approvals" },
];

type DeviceState =
  | { kind: "checking" }
  | { kind: "unsupported" }
  | { kind: "blocked" }
  | { kind: "off" }
  | { kind: "on"; id: string };

/**
 * The profile's "Notifications on this device": push on or off for this browser (the browser's
 * permission is asked only when the person clicks "Turn on"), and the categories, which apply to
 * all their devices (saved at once).
 */
export function PushSettingsSection({ settings }: { settings: PushSettings }) {
  const [device, setDevice] = useState<DeviceState>({ kind: "checking" });
  const [preferences, setPreferences] = useState(settings.preferences);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      let next: DeviceState;
      if (!pushSupported()) next = { kind: "unsupported" };
      else if (Notification.permission === "denied") next = { kind: "blocked" };
      else {
        const subscription = await currentPushSubscription();
        const known = settings.devices.find((d) => d.endpoint === subscription?.endpoint);
        next =
          known && Notification.permission === "granted"
            ? { kind: "on", id: known.id }
            : { kind: "off" };
      }
      if (live) setDevice(next);
    })();
    return () => {
      live = false;
    };
  }, [settings.devices]);

  async function turnOn() {
    if (!settings.publicKey) return;
    setPending(true);
    const result = await turnOnPush(settings.publicKey);
    setPending(false);
    if (!result.ok) {
      if (Notification.permission === "denied") setDevice({ kind: "blocked" });
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setDevice({ kind: "on", id: result.id });
    setNotice({ tone: "success", text: "Push notifications are on for this device." });
  }

  async function turnOff() {
    if (device.kind !== "on") return;
    setPending(true);
    const result = await turnOffPush(device.id);
    setPending(false);
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message ?? "Could not turn them off." });
      return;
    }
    setDevice({ kind: "off" });
    setNotice({ tone: "success", text: "Push notifications are off for this device." });
  }

  async function change(key: keyof PushPreferences, value: boolean) {
    const previous = preferences;
    setPreferences({ ...preferences, [key]: value });
    const result = await apiFetch<{ preferences: PushPreferences }>("/api/push/preferences", {
      method: "PATCH",
      body: { [key]: value },
    });
    if (!result.ok) {
      setPreferences(previous);
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setPreferences(result.data.preferences);
    setNotice({ tone: "success", text: "Saved." });
  }

  const shown = SWITCHES.filter((s) => s.key !== "approvals" || settings.canApprove);

  return (
    <section aria-labelledby="push-title" id="push">
      <h2 id="push-title" className="text-lg font-semibold">
        Notifications on this device
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Get a push on this phone or computer when something is ready for you, even when Chorus is
        closed. A tap opens the right page.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {!settings.publicKey ? (
          <p className="text-sm">Push notifications are not set up on this server.</p>
        ) : device.kind === "unsupported" ? (
          <p className="text-sm">
            This browser cannot receive push notifications. On an iPhone, add Chorus to your Home
            Screen first (Share › Add to Home Screen), then open it from there.
          </p>
        ) : device.kind === "blocked" ? (
          <p className="text-sm">
            Notifications are blocked for Chorus in this browser. Allow them in the site settings,
            then reload this page.
          </p>
        ) : device.kind === "on" ? (
          <>
            <p className="text-sm font-medium" id="push-state">
              On for this device.
            </p>
            <Button variant="secondary" disabled={pending} onClick={() => void turnOff()}>
              Turn off on this device
            </Button>
          </>
        ) : (
          <>
            <p className="text-sm" id="push-state">
              Off for this device.
            </p>
            <Button disabled={pending || device.kind === "checking"} onClick={() => void turnOn()}>
              Turn on push notifications
            </Button>
          </>
        )}
      </div>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium">Send me a push for (on all my devices)</legend>
        <div className="mt-2 space-y-2">
          {shown.map(({ key, category }) => (
            <label key={key} className="flex min-h-11 items-start gap-3">
              <input
                type="checkbox"
                className="mt-1 h-4 w-4"
                checked={preferences[key]}
                onChange={(e) => void change(key, e.target.checked)}
              />
              <span>
                <span className="block text-sm font-medium">
                  {PUSH_CATEGORY_LABELS[category].label}
                </span>
                <span className="block text-sm text-slate-600 dark:text-slate-400">
                  {PUSH_CATEGORY_LABELS[category].hint}
                </span>
              </span>
            </label>
          ))}
        </div>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Reminders you set with “Share later” always come.
        </p>
      </fieldset>
      <LiveNotice notice={notice} className="mt-3" />
    </section>
  );
}
