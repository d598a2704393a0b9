/** A small, friendly 404 page for route handlers (tracked links) that cannot render React. */
export function notFoundPage(): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Link not found · Chorus</title><meta name="robots" content="noindex"><style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;background:#f8fafc;color:#0f172a}main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.5rem}p{color:#475569}@media(prefers-color-scheme:dark){body{background:#020617;color:#f1f5f9}p{color:#94a3b8}}</style></head><body><main><h1>This link doesn't lead anywhere</h1><p>It may have been mistyped or shortened by the app you opened it in. Check that you copied all of it.</p></main></body></html>`;
  return new Response(html, {
    status: 404,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
