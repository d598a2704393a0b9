"use client";

import { useSyncExternalStore } from "react";

/** What `keyboardInset` reads from `window` and `window.visualViewport`. */
export interface ViewportSnapshot {
  innerHeight: number;
  visualHeight: number;
  visualOffsetTop: number;
  scale: number;
}

/**
 * How much of the bottom of the layout viewport the on-screen keyboard covers, in CSS pixels.
 * Chromium on Android resizes the layout viewport for the keyboard (the root layout's
 * `interactive-widget=resizes-content`): there the visual viewport fills it and this is 0. iOS
 * Safari keeps the layout viewport and shrinks only the visual one: this is the keyboard's height,
 * and a `bottom: 0` sticky bar must be lifted by it to stay visible. While the page is pinch-zoomed
 * the visual viewport is smaller for another reason: 0 (the bar stays where it is).
 */
export function keyboardInset(v: ViewportSnapshot): number {
  if (Math.abs(v.scale - 1) > 0.01) return 0;
  const covered = v.innerHeight - (v.visualHeight + v.visualOffsetTop);
  // Below 40 px it is a browser toolbar sliding, not a keyboard.
  return covered >= 40 ? Math.round(covered) : 0;
}

function subscribe(onChange: () => void): () => void {
  const vv = window.visualViewport;
  if (!vv) return () => {};
  vv.addEventListener("resize", onChange);
  vv.addEventListener("scroll", onChange);
  return () => {
    vv.removeEventListener("resize", onChange);
    vv.removeEventListener("scroll", onChange);
  };
}

function snapshot(): number {
  const vv = window.visualViewport;
  if (!vv) return 0;
  return keyboardInset({
    innerHeight: window.innerHeight,
    visualHeight: vv.height,
    visualOffsetTop: vv.offsetTop,
    scale: vv.scale,
  });
}

/** The keyboard's cover of the layout viewport (see keyboardInset); 0 on the server. */
export function useKeyboardInset(): number {
  return useSyncExternalStore(subscribe, snapshot, () => 0);
}
