"use client";

import { useEffect } from "react";

/**
 * Brings the element with this id into view and gives it focus once the page has rendered (a
 * notification that points at one share of a list). The element needs tabIndex={-1}.
 */
export function ScrollIntoView({ targetId }: { targetId: string }) {
  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!target) return;
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    target.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
    target.focus({ preventScroll: true });
  }, [targetId]);
  return null;
}
