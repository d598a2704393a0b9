"use client";

import { useRef, useState } from "react";
import { foldPosition } from "@/lib/domains/content/see-more-fold";
import { PostText } from "@/components/content/post-text";

/** Post text folded like LinkedIn's feed ("…see more" after about three lines). */
export function FoldedText({ text, className = "" }: { text: string; className?: string }) {
  const [expanded, setExpanded] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const cut = foldPosition(text);
  const folded = cut !== null && !expanded;

  function toggle(next: boolean) {
    setExpanded(next);
    // Keep the reader's place: the button they pressed is replaced.
    setTimeout(() => box.current?.focus(), 0);
  }

  const linkButton =
    "touch-area rounded-sm font-medium text-slate-600 hover:text-[#0a66c2] hover:underline dark:text-slate-400 dark:hover:text-[#71b7fb]";

  return (
    <div ref={box} tabIndex={-1} className={`whitespace-pre-wrap break-words ${className}`}>
      {folded ? (
        <>
          <PostText text={text.slice(0, cut)} />
          <span aria-hidden="true">…</span>{" "}
          <button
            type="button"
            aria-expanded="false"
            onClick={() => toggle(true)}
            className={linkButton}
          >
            see more
          </button>
        </>
      ) : (
        <>
          <PostText text={text} />
          {cut !== null ? (
            <>
              {" "}
              <button
                type="button"
                aria-expanded="true"
                onClick={() => toggle(false)}
                className={linkButton}
              >
                show less
              </button>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
