const LETTERS: Record<string, string> = {
  æ: "ae",
  ø: "o",
  å: "a",
  ß: "ss",
  ı: "i",
  ł: "l",
  đ: "d",
  œ: "oe",
  þ: "th",
};

/**
 * A URL-safe slug of a name ("Fernhill Énergie" → "fernhill-energie"): lower-case ASCII letters,
 * digits and dashes, at most 40 characters; "org" when nothing is left.
 */
export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[æøåßıłđœþ]/g, (ch) => LETTERS[ch] ?? ch)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "org";
}
