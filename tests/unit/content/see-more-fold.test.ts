import { describe, expect, it } from "vitest";
import { FOLD_MAX_CHARS, foldPosition } from "@/lib/domains/content/see-more-fold";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 10}`).join(" ");

describe("foldPosition", () => {
  it("does not fold text that fits", () => {
    expect(foldPosition("")).toBeNull();
    expect(foldPosition("A short post.")).toBeNull();
    expect(foldPosition("x".repeat(FOLD_MAX_CHARS))).toBeNull();
    expect(foldPosition("one\ntwo\nthree")).toBeNull();
  });

  it("ignores trailing blank lines and spaces", () => {
    expect(foldPosition("one\ntwo\nthree\n\n\n   ")).toBeNull();
    expect(foldPosition(`${"x".repeat(FOLD_MAX_CHARS)}   \n`)).toBeNull();
  });

  it("folds after three lines, empty lines included", () => {
    const text = "Big news!\n\nWe opened our Lisbon office.\n\nCome and visit.";
    const cut = foldPosition(text);
    expect(cut).not.toBeNull();
    expect(text.slice(0, cut!)).toBe("Big news!\n\nWe opened our Lisbon office.");
  });

  it("folds long text at a word boundary before the character limit", () => {
    const text = words(60);
    const cut = foldPosition(text)!;
    expect(cut).toBeLessThanOrEqual(FOLD_MAX_CHARS);
    expect(cut).toBeGreaterThan(FOLD_MAX_CHARS - 10);
    expect(text[cut]).toBe(" ");
    expect(text.slice(0, cut)).toMatch(/word\d$/);
  });

  it("cuts exactly at the limit when a space follows it", () => {
    const text = `${"a".repeat(FOLD_MAX_CHARS)} and more`;
    expect(foldPosition(text)).toBe(FOLD_MAX_CHARS);
  });

  it("cuts inside a very long word (a URL) rather than hiding almost everything", () => {
    const text = `See https://example.com/${"x".repeat(300)}`;
    expect(foldPosition(text)).toBe(FOLD_MAX_CHARS);
  });

  it("counts a long paragraph as the lines it wraps over", () => {
    const first = words(33); // ~200 characters: three lines on desktop
    const text = `${first}\n\nAnd then the rest of the story.`;
    expect(foldPosition(text)).toBe(first.length);
  });

  it("cuts a paragraph that does not fit in the lines left", () => {
    const longLine = words(50);
    const text = `Short\n${longLine}\nthird\nfourth`;
    const cut = foldPosition(text)!;
    expect(cut).toBeLessThanOrEqual(FOLD_MAX_CHARS);
    expect(text.slice(0, cut)).not.toContain("third");
  });

  it("counts emoji as one character each and never splits them", () => {
    const text = "🎉".repeat(FOLD_MAX_CHARS + 5);
    const cut = foldPosition(text)!;
    expect(cut).toBe(FOLD_MAX_CHARS * 2);
    expect([...text.slice(0, cut)]).toHaveLength(FOLD_MAX_CHARS);
    expect(foldPosition("🎉".repeat(FOLD_MAX_CHARS))).toBeNull();
  });

  it("does not leave trailing whitespace in the visible part", () => {
    const text = `${"a".repeat(100)}${" ".repeat(120)}b`;
    const cut = foldPosition(text)!;
    expect(cut).toBe(100);
  });

  it("respects custom limits", () => {
    expect(foldPosition("a\nb", { maxLines: 1 })).toBe(1);
    expect(foldPosition("hello world", { maxLines: 1, lineChars: 8 })).toBe(5);
  });
});
