/** Small, friendly HTML answers of the tracked-link path (no React needed). */
function page(title: string, heading: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Chorus</title><meta name="robots" content="noindex"><style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;background:#f8fafc;color:#0f172a}main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.5rem}p{color:#475569}@media(prefers-color-scheme:dark){body{background:#020617;color:#f1f5f9}p{color:#94a3b8}}</style></head><body><main><h1>${heading}</h1><p>${text}</p></main></body></html>`;
}

export const TOO_MANY_CLICKS_HTML = page(
  "Slow down",
  "That link was opened many times in a row",
  "Please wait a moment, then open it again.",
);

export const LINK_UNAVAILABLE_HTML = page(
  "Try again",
  "This link cannot be opened right now",
  "Something on our side is briefly unavailable. Please try again in a few seconds.",
);
