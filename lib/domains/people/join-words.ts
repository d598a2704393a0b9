/** "a", "a and b", "a, b and c" (no serial comma, as elsewhere in the product). */
export function joinWords(words: string[], conjunction: "and" | "or" = "and"): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words.at(-1)}`;
}
