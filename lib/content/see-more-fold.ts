/**
 * Where LinkedIn's feed folds a post behind "…see more". On desktop it shows about three lines,
 * roughly 210 characters; explicit line breaks (empty lines too) each count as a line. Pure, so
 * the studio preview and the employee feed fold alike.
 */
export const FOLD_MAX_CHARS = 210;
export const FOLD_MAX_LINES = 3;
/** How far back from the character limit we look for a space before cutting inside a word. */
const WORD_BOUNDARY_WINDOW = 40;

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

/**
 * The index where the visible part of `text` ends (`text.slice(0, index)` is shown before
 * "…see more"), or null when everything fits. Cuts at a line end when the text has more than
 * three lines, else at a word boundary near the character limit.
 */
export function foldPosition(
  text: string,
  { maxChars = FOLD_MAX_CHARS, maxLines = FOLD_MAX_LINES } = {},
): number | null {
  const content = text.slice(0, trimEndIndex(text, text.length));
  const lines = content.split("\n");
  if (lines.length <= maxLines && [...content].length <= maxChars) return null;

  // End of the last line that may show, if the text has more lines than that.
  let lineCut = content.length;
  if (lines.length > maxLines) {
    lineCut = lines.slice(0, maxLines).join("\n").length;
  }
  const charCut = indexAfterCodePoints(content, maxChars);
  let cut: number;
  if (lineCut <= charCut) {
    cut = lineCut;
  } else if (/\s/.test(content[charCut] ?? "")) {
    cut = charCut;
  } else {
    // Inside a word: go back to the last space, unless the word is very long (a URL).
    const windowStart = Math.max(0, charCut - WORD_BOUNDARY_WINDOW);
    const lastSpace = content.slice(windowStart, charCut).search(/\s\S*$/);
    cut = lastSpace >= 0 ? windowStart + lastSpace : charCut;
  }
  cut = trimEndIndex(content, cut);
  // Nothing worth hiding (only blank lines after the cut), or nothing left to show.
  if (!content.slice(cut).trim()) return null;
  return cut > 0 ? cut : charCut;
}
