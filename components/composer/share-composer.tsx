"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { CopyLink } from "@/components/admin/copy-link";
import { AuthenticityMeter } from "@/components/composer/authenticity-meter";
import { MyWordsHelper } from "@/components/ai/my-words-helper";
import { PostTextArea } from "@/components/content/post-text-area";
import type { LinkCardData } from "@/components/content/link-card";
import { LinkedInPreview } from "@/components/linkedin-preview";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmShareButton } from "@/components/sharing/confirm-share-button";
import { ShareOnButtons, type ShareTarget } from "@/components/composer/share-on-buttons";
import { RemindLater } from "@/components/composer/remind-later";
import { networkLabel } from "@/lib/domains/sharing/social-networks";
import type { SocialNetwork } from "@/lib/generated/prisma/enums";
import { appendDisclosure } from "@/lib/domains/content/append-disclosure";
import { evaluateGuardrails, type Guardrails } from "@/lib/domains/content/guardrails";
import { authenticityScore } from "@/lib/domains/sharing/authenticity";
import type { ChannelAction } from "@/lib/domains/sharing/share-channels";
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/core/time/zoned-time";
import { formatDate } from "@/lib/core/time/format-date";

interface ComposerItem {
  id: string;
  body: string;
  language: string;
  captions: { label: string; text: string }[];
  link: (LinkCardData & { description: string | null }) | null;
  images: { id: string; url: string; alt: string }[];
  notes: string | null;
}

type Channel = "LINKEDIN_DIALOG" | "COPY" | "LINKEDIN_API" | "INTENT" | "WEB_SHARE";

/** The share-later reminder the composer was opened from (its one-tap link). */
export interface ComposerReminder {
  id: string;
  network: SocialNetwork;
  text: string;
  startedFrom: string | null;
}

interface CreatedShare {
  id: string;
  code: string;
  trackedUrl: string;
  channel: Channel;
  network: SocialNetwork;
  status: "OPENED" | "SHARED" | "SCHEDULED" | "POSTED" | "FAILED";
  scheduledAt: string | null;
  authenticity: number;
  action: ChannelAction;
}

/** Posting through the LinkedIn API: the member's connection and the zone they schedule in. */
export interface ComposerLinkedIn {
  /** LinkedIn posting is configured on this server. */
  configured: boolean;
  state: "not_connected" | "active" | "expiring" | "expired";
  timeZone: string;
  /** The person's locale, for showing the scheduled time. */
  locale: string;
}

const SCRATCH = "__scratch__";
/** Dialog and copy shares count once confirmed (lib/domains/sharing/share-status.ts). */
const CONFIRM_HINT =
  "Once it is live on LinkedIn, press “I posted it”: the share counts from then (the first click on your link confirms it too).";
const SUGGESTED = "__suggested__";
/** The same for the other networks and the share sheet. */
const CONFIRM_HINT_ANY =
  "Once it is live, press “I posted it”: the share counts from then (the first click on your link confirms it too).";

export function ShareComposer({
  item,
  author,
  rules,
  minAuthenticity,
  linkedin,
  rewardsNote = null,
  linkLength = 32,
  reminder = null,
  ai = false,
}: {
  item: ComposerItem;
  author: { name: string; headline: string | null; image: string | null };
  /** With `rewardDisclosure` set while the organisation rewards sharing. */
  rules: Guardrails;
  minAuthenticity: number | null;
  linkedin?: ComposerLinkedIn;
  /** What the reward is (rewards on), for "Why this line?". */
  rewardsNote?: string | null;
  /** Length of the tracked link a share will carry (for the networks' counts). */
  linkLength?: number;
  reminder?: ComposerReminder | null;
  /** AI assistance is on for the organisation ("Help me say it in my words"). */
  ai?: boolean;
}) {
  // A caption or the suggested text starts with the required disclosures, so it already passes.
  const withDisclosure = (text: string) =>
    appendDisclosure(appendDisclosure(text, rules.disclosureText), rules.rewardDisclosure);
  const starts = [
    ...item.captions.map((c) => ({ key: c.label, label: c.label, text: withDisclosure(c.text) })),
    { key: SUGGESTED, label: "Suggested text", text: withDisclosure(item.body) },
    { key: SCRATCH, label: "Write from scratch", text: "" },
  ];
  const first = starts[0]!;
  const reminderStart = reminder
    ? (starts.find(
        (s) =>
          s.key === reminder.startedFrom ||
          (s.key === SUGGESTED && reminder.startedFrom === "suggested text"),
      )?.key ?? SCRATCH)
    : null;
  const [start, setStart] = useState(reminderStart ?? first.key);
  const [text, setText] = useState(reminder?.text ?? first.text);
  const [undo, setUndo] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ share: CreatedShare; note: string } | null>(null);
  const [when, setWhen] = useState<"now" | "later">("now");
  const [localTime, setLocalTime] = useState("");
  const [timeError, setTimeError] = useState<string | null>(null);
  const canPostViaApi = linkedin?.state === "active" || linkedin?.state === "expiring";
  // The buttons pressed to share are replaced by the confirmation: focus follows it there.
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);

  // AI drafts count as suggested text, as the server counts them (lib/domains/ai/list-ai-drafts.ts).
  const [aiDrafts, setAiDrafts] = useState<string[]>([]);
  const sources = useMemo(
    () => [item.body, ...item.captions.map((c) => c.text), ...aiDrafts],
    [item, aiDrafts],
  );
  const score = authenticityScore(text, sources, {
    ignore: [rules.disclosureText, rules.rewardDisclosure],
  });
  const problems = evaluateGuardrails(text, rules);
  const belowMinimum = minAuthenticity !== null && Math.round(score * 100) < minAuthenticity;
  const blocked = problems.length > 0 || belowMinimum;
  const missingReward = problems.some((p) => p.code === "MISSING_INCENTIVE_DISCLOSURE");

  function chooseStart(key: string) {
    const next = starts.find((s) => s.key === key);
    if (!next) return;
    const edited = !starts.some((s) => s.text === text);
    if (edited && text.trim()) setUndo(text);
    setStart(key);
    setText(next.text);
  }

  async function share(target: ShareTarget | { channel: "LINKEDIN_API" }) {
    const channel: Channel = target.channel;
    const network = target.channel === "INTENT" ? target.network : undefined;
    setError(null);
    setTimeError(null);
    let scheduledAt: string | undefined;
    if (channel === "LINKEDIN_API" && when === "later") {
      scheduledAt = zonedLocalToUtc(localTime, linkedin!.timeZone) ?? undefined;
      if (!scheduledAt) {
        setTimeError("Pick the date and time to post.");
        return;
      }
    }
    setBusy(network ?? channel);
    // The LinkedIn dialog (and a network's share page) opens in a window prepared during the click
    // (no popup blocker), and the text goes on the clipboard now, while the click still counts as
    // the person's gesture.
    let dialog: Window | null = null;
    if (channel === "LINKEDIN_DIALOG" || (channel === "INTENT" && network !== "EMAIL")) {
      await navigator.clipboard?.writeText(text).catch(() => {});
      dialog = window.open("", "_blank");
    }
    const result = await apiFetch<{ share: CreatedShare }>("/api/shares", {
      method: "POST",
      body: {
        itemId: item.id,
        channel,
        ...(network ? { network } : {}),
        ...(reminder ? { reminderId: reminder.id } : {}),
        text,
        language: item.language,
        startedFrom: start === SCRATCH ? null : start === SUGGESTED ? "suggested text" : start,
        ...(scheduledAt ? { scheduledAt } : {}),
      },
    });
    setBusy(null);
    if (!result.ok) {
      dialog?.close();
      setError(result.message);
      if (result.fields?.scheduledAt) setTimeError(result.fields.scheduledAt);
      return;
    }
    const created = result.data.share;
    const action = created.action;
    let note = "";
    if (action.kind === "open-window") {
      if (dialog) {
        dialog.opener = null;
        dialog.location.href = action.url;
      } else {
        window.open(action.url, "_blank", "noopener");
      }
      note =
        created.channel === "INTENT"
          ? `${networkLabel(created.network)} opened in a new window${
              created.network === "FACEBOOK" || created.network === "XING"
                ? ". Your text is on the clipboard: paste it into the post, then share."
                : " with your text and tracked link."
            } ${CONFIRM_HINT_ANY}`
          : `LinkedIn opened in a new window. Your text is on the clipboard: paste it into the post, then share. ${CONFIRM_HINT}`;
    } else if (action.kind === "mailto") {
      window.location.href = action.url;
      note = `Your email app opened with your text and tracked link. ${CONFIRM_HINT_ANY}`;
    } else if (action.kind === "web-share") {
      const shared = await navigator
        .share?.(action.data)
        .then(() => true)
        .catch(() => false);
      note = shared
        ? `Shared through your phone. ${CONFIRM_HINT_ANY}`
        : `Your share sheet closed. Use “Open the share sheet” to try again, or copy your tracked link below. ${CONFIRM_HINT_ANY}`;
    } else if (action.kind === "copy") {
      const copied = await navigator.clipboard
        ?.writeText(action.clipboard)
        .then(() => true)
        .catch(() => false);
      note = `${
        copied
          ? "Your text and tracked link are on the clipboard. Paste them into a new LinkedIn post."
          : "Copy your text and the tracked link below into a new LinkedIn post."
      } ${CONFIRM_HINT}`;
    } else if (action.kind === "posted") {
      note =
        created.status === "FAILED"
          ? "Your post could not be queued for LinkedIn. Retry it from My activity."
          : scheduledAt && created.scheduledAt
            ? `Your post goes out on LinkedIn on ${formatDate(created.scheduledAt, "dateTime", linkedin!)} (${zoneLabel(linkedin!.timeZone)} time). You can cancel it in My activity until then.`
            : "Your post is on its way to LinkedIn. My activity shows when it is live.";
    }
    setDone({ share: created, note });
  }

  if (done) {
    return (
      <div ref={confirmation} tabIndex={-1} className="mt-6 max-w-2xl space-y-4">
        <Alert
          tone={
            done.share.status === "FAILED"
              ? "error"
              : done.share.status === "OPENED"
                ? "info"
                : "success"
          }
        >
          <strong>
            {done.share.channel !== "LINKEDIN_API"
              ? done.share.status === "OPENED"
                ? "Not counted yet."
                : "Shared."
              : done.share.status === "FAILED"
                ? "Not posted."
                : done.note.startsWith("Your post goes out")
                  ? "Scheduled."
                  : "Posting."}
          </strong>{" "}
          {done.note}
        </Alert>
        {done.share.status === "OPENED" ? (
          <ConfirmShareButton
            shareId={done.share.id}
            onConfirmed={() =>
              setDone({
                share: { ...done.share, status: "SHARED" },
                note: "It counts for you now.",
              })
            }
          />
        ) : null}
        {done.share.action.kind === "web-share" ? (
          <Button
            variant="secondary"
            onClick={() => {
              if (done.share.action.kind === "web-share")
                void navigator.share?.(done.share.action.data).catch(() => undefined);
            }}
          >
            Open the share sheet
          </Button>
        ) : null}
        <CopyLink url={done.share.trackedUrl} label="Your tracked link" />
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Clicks on this link count for you. Your own words:{" "}
          {Math.round(done.share.authenticity * 100)} %.
        </p>
        <div className="flex flex-wrap gap-2">
          <Link
            href="/activity"
            className="rounded-md px-3.5 py-2 text-sm font-medium text-brand-700 underline dark:text-brand-100"
          >
            See it in My activity
          </Link>
          <Link
            href="/feed"
            className="rounded-md px-3.5 py-2 text-sm font-medium text-brand-700 underline dark:text-brand-100"
          >
            Back to the feed
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="mt-6 grid grid-cols-1 gap-8 lg:grid-cols-2">
      <div className="space-y-5">
        <fieldset>
          <legend className="text-sm font-medium">Start from</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {starts.map((s) => (
              <label
                key={s.key}
                className="cursor-pointer rounded-full px-3 py-1.5 text-sm ring-1 pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center ring-slate-300 has-[:checked]:bg-brand-600 has-[:checked]:text-white has-[:checked]:ring-brand-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 dark:ring-slate-600"
              >
                <input
                  type="radio"
                  name="start"
                  value={s.key}
                  checked={start === s.key}
                  onChange={() => chooseStart(s.key)}
                  className="sr-only"
                />
                {s.label}
              </label>
            ))}
          </div>
          {undo !== null ? (
            <p className="mt-2 text-sm">
              Your edited text was replaced.{" "}
              <button
                type="button"
                className="touch-area font-medium text-brand-700 underline dark:text-brand-100"
                onClick={() => {
                  setText(undo);
                  setUndo(null);
                }}
              >
                Bring it back
              </button>
            </p>
          ) : null}
        </fieldset>
        {ai ? (
          <MyWordsHelper
            itemId={item.id}
            onUse={(draft) => {
              if (text.trim()) setUndo(text);
              setAiDrafts((drafts) => [...drafts, draft]);
              setStart(SCRATCH);
              setText(withDisclosure(draft));
            }}
          />
        ) : null}
        <PostTextArea
          label="Your post"
          value={text}
          onChange={(value) => {
            setText(value);
            setUndo(null);
          }}
          rules={rules}
          rows={10}
          hint="Say why it matters to you: what you did, what you learned, who you'd like to hear from."
        />
        {rules.rewardDisclosure ? (
          <RewardDisclosureNote disclosure={rules.rewardDisclosure} note={rewardsNote} />
        ) : null}
        <AuthenticityMeter score={score} minimum={minAuthenticity} />
        {item.notes ? (
          <p className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
            <span className="font-medium">Note from the comms team:</span> {item.notes}
          </p>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {missingReward ? (
          <p id="share-paused" className="text-sm font-medium text-amber-800 dark:text-amber-300">
            Sharing is paused until the reward disclosure is back in your post: use “Insert reward
            disclosure” above.
          </p>
        ) : null}
        {reminder ? (
          <Alert tone="info">
            Your reminder: this post is ready to share on {networkLabel(reminder.network)}.
          </Alert>
        ) : null}
        <ShareOnButtons
          text={text}
          linkLength={linkLength}
          disabled={blocked}
          busy={busy}
          preferred={reminder?.network ?? null}
          describedBy={missingReward ? "share-paused" : undefined}
          onShare={(target) => void share(target)}
        />
        {linkedin?.configured ? (
          <fieldset className="space-y-3 rounded-md p-3 ring-1 ring-slate-200 dark:ring-slate-700">
            <legend className="px-1 text-sm font-medium">Post to LinkedIn for me</legend>
            {canPostViaApi ? (
              <>
                <div className="flex flex-wrap gap-4 text-sm">
                  <label className="flex items-center gap-2 pointer-coarse:min-h-11">
                    <input
                      type="radio"
                      name="when"
                      value="now"
                      checked={when === "now"}
                      onChange={() => setWhen("now")}
                    />
                    Post now
                  </label>
                  <label className="flex items-center gap-2 pointer-coarse:min-h-11">
                    <input
                      type="radio"
                      name="when"
                      value="later"
                      checked={when === "later"}
                      onChange={() => {
                        setWhen("later");
                        if (!localTime) {
                          setLocalTime(
                            utcToZonedLocal(new Date(Date.now() + 3_600_000), linkedin.timeZone),
                          );
                        }
                      }}
                    />
                    Schedule
                  </label>
                </div>
                {when === "later" ? (
                  <div className="text-sm">
                    <label htmlFor="scheduled-at" className="block font-medium">
                      When ({zoneLabel(linkedin.timeZone)} time)
                    </label>
                    <input
                      id="scheduled-at"
                      type="datetime-local"
                      value={localTime}
                      min={utcToZonedLocal(new Date(), linkedin.timeZone)}
                      onChange={(e) => setLocalTime(e.target.value)}
                      aria-invalid={timeError ? true : undefined}
                      aria-describedby={timeError ? "scheduled-at-error" : undefined}
                      className="mt-1 rounded-md px-2 py-1.5 ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-600"
                    />
                    {timeError ? (
                      <p id="scheduled-at-error" className="mt-1 text-red-700 dark:text-red-300">
                        {timeError}
                      </p>
                    ) : null}
                  </div>
                ) : null}
                <Button
                  onClick={() => share({ channel: "LINKEDIN_API" })}
                  disabled={blocked || busy !== null}
                  aria-describedby={missingReward ? "share-paused" : undefined}
                >
                  {busy === "LINKEDIN_API"
                    ? "Sending to LinkedIn…"
                    : when === "now"
                      ? "Post to LinkedIn now"
                      : "Schedule post"}
                </Button>
              </>
            ) : (
              <p className="text-sm">
                {linkedin.state === "expired"
                  ? "Reconnect LinkedIn to post directly or schedule a post. "
                  : "Connect your LinkedIn account to post directly or schedule a post. "}
                {/* A GET form, not a link (no prefetch starting an OAuth attempt); afterwards the
                    person comes back to this post, not to their profile. */}
                <form action="/api/linkedin/connect" method="get" className="inline">
                  <input type="hidden" name="returnTo" value={`/share/${item.id}`} />
                  <button
                    type="submit"
                    className="touch-area font-medium text-brand-700 underline dark:text-brand-100"
                  >
                    {linkedin.state === "expired" ? "Reconnect LinkedIn" : "Connect LinkedIn"}
                  </button>
                </form>
              </p>
            )}
          </fieldset>
        ) : null}
        {linkedin && !reminder ? (
          <RemindLater
            itemId={item.id}
            text={text}
            startedFrom={start === SCRATCH ? null : start === SUGGESTED ? "suggested text" : start}
            language={item.language}
            disabled={blocked}
            timeZone={linkedin.timeZone}
            locale={linkedin.locale}
          />
        ) : null}
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Each share gets its own tracked link, so the clicks it brings count for you.
        </p>
      </div>
      <div>
        <h2 className="mb-2 text-sm font-medium">Preview</h2>
        <LinkedInPreview
          authorName={author.name}
          headline={author.headline}
          avatarUrl={author.image}
          text={text || " "}
          link={item.link}
          images={item.images}
        />
      </div>
    </div>
  );
}

/**
 * "Why this line?": while the organisation rewards sharing, what the reward is and why every post
 * must say so (a native disclosure widget: keyboard and screen readers work as they should).
 */
function RewardDisclosureNote({ disclosure, note }: { disclosure: string; note: string | null }) {
  return (
    <details className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
      <summary className="cursor-pointer pointer-coarse:py-3 font-medium">
        Your post ends with “{disclosure}”. Why this line?
      </summary>
      <p className="mt-2">
        {note ? (
          <>
            Your organisation rewards sharing: <strong>{note.replace(/[.!]+$/, "")}</strong>.{" "}
          </>
        ) : (
          "Your organisation rewards sharing. "
        )}
        Advertising rules (the FTC endorsement guides in the US, the ASA/CAP code in the UK) ask
        that anyone who may be rewarded for a post says so, so readers can judge it. While rewards
        are on, every post shared through Chorus keeps this line; you can move it, but not remove
        it.
      </p>
    </details>
  );
}

function zoneLabel(timeZone: string): string {
  return timeZone.replaceAll("_", " ");
}
