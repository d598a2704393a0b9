/**
 * Where LinkedIn's feed folds a post behind "…see more". On desktop it shows about three lines of
 * roughly 70 characters (~210 in all). Every explicit line break starts a new line (an empty line
 * counts too), and a long paragraph wraps over several. Pure, so the studio preview and the
 * employee feed fold alike.
 */
export const FOLD_MAX_LINES = 3;
export const FOLD_LINE_CHARS = 70;
export const FOLD_MAX_CHARS = FOLD_MAX_LINES * FOLD_LINE_CHARS;
/** How far back from the cut we look for a space before cutting inside a word. */
const WORD_BOUNDARY_WINDOW = 40;

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** UTF-16 index just after the first `count` code points (emoji are never split). */
function indexAfterCodePoints(text: string, count: number): number {
  let index = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen === count) break;
    index += ch.length;
    seen++;
  }
  return index;
}

function trimEndIndex(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}

/** A cut inside one line: at a space near the limit, unless the word is very long (a URL). */
function cutInsideLine(line: string, chars: number): number {
  const limit = indexAfterCodePoints(line, chars);
  if (/\s/.test(line[limit] ?? "")) return limit;
  const windowStart = Math.max(0, limit - WORD_BOUNDARY_WINDOW);
  const lastSpace = line.slice(windowStart, limit).search(/\s\S*$/);
  return lastSpace >= 0 ? windowStart + lastSpace : limit;
}

/**
 * The index where the visible part of `text` ends (`text.slice(0, index)` is shown before
 * "…see more"), or null when everything fits.
 */
export function foldPosition(
  text: string,
  { maxLines = FOLD_MAX_LINES, lineChars = FOLD_LINE_CHARS } = {},
): number | null {
  const content = text.slice(0, trimEndIndex(text, text.length));
  const lines = content.split("\n");
  let remaining = maxLines;
  let lineStart = 0;
  for (const [i, line] of lines.entries()) {
    const needed = Math.max(1, Math.ceil(codePoints(line) / lineChars));
    if (needed > remaining) {
      const cut = trimEndIndex(content, lineStart + cutInsideLine(line, remaining * lineChars));
      return cut > 0 ? cut : lineStart + indexAfterCodePoints(line, remaining * lineChars);
    }
    remaining -= needed;
    const lineEnd = lineStart + line.length;
    if (remaining === 0 && i < lines.length - 1) {
      const cut = trimEndIndex(content, lineEnd);
      return cut > 0 ? cut : lineEnd;
    }
    lineStart = lineEnd + 1;
  }
  return null;
}
