/**
 * The small page of a request refused before routing (a malformed address, headers too large, a
 * broken body): plain HTML with one inline style, served by scripts/server.ts (no React there).
 */
export function badRequestHtml(status: number): string {
  const heading =
    status === 431
      ? "This request's headers are too large"
      : status === 408
        ? "This request took too long to arrive"
        : status === 405
          ? "This address cannot be used that way"
          : "This address or request is not valid";
  const text =
    status === 431
      ? "Clear this site's cookies, then open Chorus again."
      : status === 405
        ? "Open it in your browser instead."
        : "Check that the link was copied completely, then try again.";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bad request · Chorus</title><meta name="robots" content="noindex"><style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;background:#f8fafc;color:#0f172a}main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.5rem}p{color:#475569}@media(prefers-color-scheme:dark){body{background:#020617;color:#f1f5f9}p{color:#94a3b8}}</style></head><body><main><h1>${heading}</h1><p>${text}</p></main></body></html>`;
}
