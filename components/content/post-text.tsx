import { Fragment } from "react";

const TOKEN = /(#[\p{L}\p{N}_]+|https?:\/\/[^\s]+)/gu;

/**
 * Post text as LinkedIn shows it: line breaks kept, hashtags and links in the accent colour.
 * Plain React text nodes only — user text is never parsed as HTML.
 */
export function PostText({ text }: { text: string }) {
  const parts = text.split(TOKEN);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="font-semibold text-[#0a66c2] dark:text-[#71b7fb]">
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
