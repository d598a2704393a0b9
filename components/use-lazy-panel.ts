"use client";

import { useState } from "react";

/**
 * A panel whose code loads on first intent, not with the page (every page's first-load JavaScript
 * budget, README "Phone app"): `triggerProps` on its button start the download when the button is
 * pointed at or focused; `used` turns true on the first press (`markUsed`), after which the panel
 * is rendered (and stays, so it can animate closed and keep its state).
 */
export function useLazyPanel(load: () => Promise<unknown>) {
  const [used, setUsed] = useState(false);
  const preload = () => void load();
  return {
    used,
    markUsed: () => setUsed(true),
    triggerProps: { onPointerEnter: preload, onFocus: preload },
  };
}
