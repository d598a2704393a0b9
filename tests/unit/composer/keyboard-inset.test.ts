import { describe, expect, it } from "vitest";
import { keyboardInset } from "@/components/composer/keyboard-inset";

describe("keyboardInset (the composer's share bar above the on-screen keyboard)", () => {
  it("iOS Safari: the keyboard shrinks only the visual viewport, the bar is lifted by its height", () => {
    // iPhone 13 portrait: 844 px layout viewport, a 336 px keyboard.
    expect(
      keyboardInset({ innerHeight: 844, visualHeight: 508, visualOffsetTop: 0, scale: 1 }),
    ).toBe(336);
  });

  it("the visual viewport scrolled within the page (offsetTop) leaves less covered", () => {
    expect(
      keyboardInset({ innerHeight: 844, visualHeight: 508, visualOffsetTop: 100, scale: 1 }),
    ).toBe(236);
  });

  it("Chromium on Android resizes the layout viewport (interactive-widget): nothing to lift", () => {
    expect(
      keyboardInset({ innerHeight: 508, visualHeight: 508, visualOffsetTop: 0, scale: 1 }),
    ).toBe(0);
  });

  it("a sliding browser toolbar (a few dozen pixels) is not a keyboard", () => {
    expect(
      keyboardInset({ innerHeight: 844, visualHeight: 810, visualOffsetTop: 0, scale: 1 }),
    ).toBe(0);
  });

  it("pinch-zoomed: the visual viewport is smaller for another reason, the bar stays", () => {
    expect(
      keyboardInset({ innerHeight: 844, visualHeight: 422, visualOffsetTop: 0, scale: 2 }),
    ).toBe(0);
  });
});
