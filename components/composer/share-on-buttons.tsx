"use client";

import { useSyncExternalStore } from "react";
import { useKeyboardInset } from "@/components/composer/keyboard-inset";
import { Button } from "@/components/ui/button";
import {
  INTENT_NETWORKS,
  networkCharacterCount,
  networkLabel,
  NETWORK_RULES,
  type IntentNetwork,
} from "@/lib/domains/sharing/social-networks";
import type { SocialNetwork } from "@/lib/generated/prisma/enums";

export type ShareTarget =
  | { channel: "LINKEDIN_DIALOG" | "COPY" | "WEB_SHARE" }
  | { channel: "INTENT"; network: IntentNetwork };

/** Networks with a limit below LinkedIn's: their count is shown while people type. */
const COUNTED: SocialNetwork[] = (["X", "BLUESKY"] as const).filter(
  (n) => NETWORK_RULES[n].maxChars < NETWORK_RULES.LINKEDIN.maxChars,
);

/** Whether this browser has a share sheet (phones): false on the server and while hydrating. */
function useWebShare(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === "function",
    () => false,
  );
}

function noSubscription(): () => void {
  return () => {};
}

/**
 * "Share on…": the phone's share sheet first where there is one, then LinkedIn (dialog, copy),
 * then the other networks' share pages. Each button names its network; a network whose limit the
 * text exceeds is disabled and says why (the live counts under the group).
 */
export function ShareOnButtons({
  text,
  linkLength,
  disabled,
  busy,
  preferred,
  describedBy,
  onShare,
}: {
  text: string;
  /** Length of the tracked link the post will carry. */
  linkLength: number;
  /** The text breaks a guardrail: nothing can be shared. */
  disabled: boolean;
  /** The target being shared to (its button says so). */
  busy: string | null;
  /** The network of the reminder the composer was opened from (its button comes first). */
  preferred?: SocialNetwork | null;
  describedBy?: string;
  onShare: (target: ShareTarget) => void;
}) {
  const webShare = useWebShare();
  const keyboard = useKeyboardInset();
  const over = (network: SocialNetwork) =>
    networkCharacterCount(network, text, linkLength) > NETWORK_RULES[network].maxChars;
  const intents = [...INTENT_NETWORKS].sort(
    (a, b) => Number(b === preferred) - Number(a === preferred),
  );
  const counts = COUNTED.map((n) => ({
    network: n,
    count: networkCharacterCount(n, text, linkLength),
    max: NETWORK_RULES[n].maxChars,
  }));
  const describe = (extra?: string) => [describedBy, extra].filter(Boolean).join(" ") || undefined;

  // Two groups side by side in the composer's column: on a phone the first (the share sheet,
  // LinkedIn, copy) stays at the bottom of the screen while the post is written — with the
  // on-screen keyboard open (the viewport resizes to what is left, see the root layout's
  // interactive-widget) it sits right above it; where the keyboard only covers the page (iOS
  // Safari) it is lifted by the keyboard's height (useKeyboardInset). A sticky element cannot
  // leave its parent, so the two are not wrapped in one element.
  return (
    <>
      <div
        role="group"
        aria-labelledby="share-on-title"
        style={keyboard ? { bottom: keyboard } : undefined}
        className="sticky bottom-0 z-10 -mx-4 space-y-2 border-t border-slate-200 bg-white/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0 sm:pt-0 sm:pb-0 sm:backdrop-blur-none dark:border-slate-800 dark:bg-slate-900/95 sm:dark:bg-transparent"
      >
        <h2 id="share-on-title" className="text-sm font-medium">
          Share on…
        </h2>
        <div className="flex flex-wrap gap-2">
          {webShare ? (
            <Button
              onClick={() => onShare({ channel: "WEB_SHARE" })}
              disabled={disabled || busy !== null}
              aria-describedby={describe()}
              className="min-h-11"
            >
              {busy === "WEB_SHARE" ? "Opening…" : "Share…"}
            </Button>
          ) : null}
          <Button
            variant={webShare || (preferred && preferred !== "LINKEDIN") ? "secondary" : "primary"}
            onClick={() => onShare({ channel: "LINKEDIN_DIALOG" })}
            disabled={disabled || busy !== null}
            aria-describedby={describe()}
            className="min-h-11"
          >
            {busy === "LINKEDIN_DIALOG" ? "Opening LinkedIn…" : "Share on LinkedIn"}
          </Button>
          <Button
            variant="secondary"
            onClick={() => onShare({ channel: "COPY" })}
            disabled={disabled || busy !== null}
            aria-describedby={describe()}
            className="min-h-11"
          >
            {busy === "COPY" ? "Copying…" : "Copy text and link"}
          </Button>
        </div>
      </div>
      <div role="group" aria-label="Other networks" className="space-y-2">
        <div className="flex flex-wrap gap-2">
          {intents.map((network) => {
            const tooLong = over(network);
            return (
              <Button
                key={network}
                variant={preferred === network ? "primary" : "secondary"}
                onClick={() => onShare({ channel: "INTENT", network })}
                disabled={disabled || tooLong || busy !== null}
                aria-describedby={describe(tooLong ? "network-counts" : undefined)}
                className="min-h-11"
              >
                {busy === network
                  ? `Opening ${networkLabel(network)}…`
                  : `Share on ${networkLabel(network)}`}
              </Button>
            );
          })}
        </div>
        <p id="network-counts" className="text-xs text-slate-600 dark:text-slate-400">
          {counts.map((c, i) => (
            <span key={c.network}>
              {i > 0 ? " · " : ""}
              <span
                data-network={c.network}
                className={c.count > c.max ? "font-semibold text-red-700 dark:text-red-400" : ""}
              >
                {networkLabel(c.network)} {c.count.toLocaleString("en")} /{" "}
                {c.max.toLocaleString("en")}
                {c.count > c.max ? ` — ${(c.count - c.max).toLocaleString("en")} too many` : ""}
              </span>
            </span>
          ))}{" "}
          characters with your link{" "}
          {NETWORK_RULES.X.linkWeight ? `(X counts a link as ${NETWORK_RULES.X.linkWeight})` : ""}.
        </p>
      </div>
    </>
  );
}
