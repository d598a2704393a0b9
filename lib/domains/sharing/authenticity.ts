/**
 * How much of a post is the employee's own words versus the suggested text it started from.
 *
 * Measure (documented in the README): both texts are split into words (letters and digits,
 * lower-cased, accents kept; hashtags and links ignored). A word of the post counts as copied when
 * it belongs to a run of three consecutive words that also appears, in that order, in a
 * suggestion (word 3-gram "shingles"). Authenticity is the share of the post's words that are not
 * copied: 1 − copied / words(post). Against several suggestions (body and captions) the closest one
 * counts. A pasted caption scores 0; a rewrite scores 1 even though it shares common words like
 * "the"; a personal sentence added to a caption of the same length scores about 0.5; swapping one
 * word of a caption barely moves it (that is still the caption). Texts under three words compare
 * word by word.
 */
export function words(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLocaleLowerCase("en")
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/#[\p{L}\p{N}_]+/gu, " ")
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
  );
}

/** Marks, for each word of `post`, whether it lies inside an n-word run that `source` contains. */
export function copiedMask(post: string[], source: string[]): boolean[] {
  const n = Math.min(3, post.length, source.length);
  const mask = new Array<boolean>(post.length).fill(false);
  if (n === 0) return mask;
  const shingles = new Set<string>();
  for (let i = 0; i + n <= source.length; i++) shingles.add(source.slice(i, i + n).join(" "));
  for (let i = 0; i + n <= post.length; i++) {
    if (shingles.has(post.slice(i, i + n).join(" "))) mask.fill(true, i, i + n);
  }
  return mask;
}

/** `post` without the first run of `phrase` in it (the words of a required disclosure). */
function withoutRun(post: string[], phrase: string[]): string[] {
  if (phrase.length === 0) return post;
  for (let i = 0; i + phrase.length <= post.length; i++) {
    if (phrase.every((word, j) => post[i + j] === word)) {
      return [...post.slice(0, i), ...post.slice(i + phrase.length)];
    }
  }
  return post;
}

/**
 * 0 (copied) … 1 (entirely own words), rounded to two decimals. Empty text scores 0. The
 * organisation's disclosures (`ignore`) are nobody's own words and no copy either: their words are left
 * out, so inserting one never moves the score.
 */
export function authenticityScore(
  text: string,
  sources: string[],
  { ignore }: { ignore?: string | null | (string | null | undefined)[] } = {},
): number {
  // The disclosures (the guardrail's and, while sharing is rewarded, the incentive disclosure).
  const ignored = [ignore].flat().filter((t): t is string => !!t);
  const post = ignored.reduce((left, t) => withoutRun(left, words(t)), words(text));
  if (post.length === 0) return 0;
  let copied = 0;
  for (const source of sources) {
    copied = Math.max(copied, copiedMask(post, words(source)).filter(Boolean).length);
  }
  return Math.round((1 - copied / post.length) * 100) / 100;
}

export interface AuthenticityNudge {
  level: "copied" | "light" | "personal" | "own";
  label: string;
  nudge: string | null;
}

/** Friendly words for the meter. */
export function describeAuthenticity(score: number): AuthenticityNudge {
  if (score < 0.15) {
    return {
      level: "copied",
      label: "Mostly the suggested text",
      nudge:
        "Add a sentence about what this means to you — posts in your own words get more reactions.",
    };
  }
  if (score < 0.4) {
    return {
      level: "light",
      label: "A light personal touch",
      nudge: "Add a sentence about why this matters to you.",
    };
  }
  if (score < 0.7) return { level: "personal", label: "Personal", nudge: null };
  return { level: "own", label: "Your own words", nudge: null };
}
