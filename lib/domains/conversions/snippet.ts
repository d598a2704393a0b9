import { createHash } from "node:crypto";

/**
 * The browser snippet served at /chorus.js. Small, dependency-free, no eval, ES5 syntax so any
 * browser parses it. Embed it on the pages a tracked link leads to:
 *
 *   <script src="https://APP/chorus.js" data-key="chorus_pk_…" data-param="aid" async></script>
 *
 * - On landing, the click id from the `data-param` query parameter (default "aid") is kept in a
 *   first-party cookie `chorus_aid` for `data-days` days (default 30: match your attribution
 *   window), SameSite=Lax, Secure on https.
 * - When a form marked `data-chorus-outcome="signup"` (any API outcome) is submitted, the
 *   conversion is posted with fetch(…, { keepalive: true }) so it survives the page unloading. The
 *   request is a CORS "simple" request (text/plain body, publishable key in the URL): no preflight.
 * - `window.Chorus.convert("lead")` reports an outcome from script (single-page apps).
 *
 * Trust model: the publishable key is public. It can only report a conversion for a click id that
 * exists, once per (click id, outcome), at the time it is received and without a value — so anyone
 * who clicked can report their own click's conversion (inherent to any browser snippet), but nobody
 * can inflate values or count one click twice. Report values and server-side outcomes (hires,
 * deals) with a secret key from your server.
 */
export const SNIPPET_SOURCE = `/*! Chorus conversion snippet — https://github.com/chorus-advocacy/chorus (MIT) */
(function (w, d) {
  "use strict";
  var s = d.currentScript;
  if (!s || w.Chorus) return;
  var COOKIE = "chorus_aid";
  var ID = /^[A-Za-z0-9_-]{1,64}$/;
  var OUTCOME = /^(visit|signup|application|hire|lead|opportunity|deal)$/;
  var key = s.getAttribute("data-key") || "";
  var param = s.getAttribute("data-param") || "aid";
  var days = parseInt(s.getAttribute("data-days") || "30", 10);
  if (!(days >= 1 && days <= 365)) days = 30;
  var base = (s.getAttribute("data-endpoint") || s.src.replace(/^(https?:\\/\\/[^\\/]+).*$/, "$1")).replace(/\\/+$/, "");
  var sent = {};

  function queryParam(search, name) {
    var parts = search.replace(/^\\?/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      var k = eq < 0 ? parts[i] : parts[i].slice(0, eq);
      try {
        if (decodeURIComponent(k) === name) return decodeURIComponent(parts[i].slice(eq + 1).replace(/\\+/g, " "));
      } catch (e) {
        return null;
      }
    }
    return null;
  }

  function readCookie() {
    var parts = d.cookie ? d.cookie.split(/;\\s*/) : [];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].indexOf(COOKIE + "=") === 0) return parts[i].slice(COOKIE.length + 1);
    }
    return null;
  }

  function clickId() {
    var v = readCookie();
    return v && ID.test(v) ? v : null;
  }

  var landed = queryParam(w.location.search, param);
  if (landed && ID.test(landed)) {
    d.cookie = COOKIE + "=" + landed + "; Max-Age=" + days * 86400 + "; Path=/; SameSite=Lax" +
      (w.location.protocol === "https:" ? "; Secure" : "");
  }

  function convert(outcome) {
    outcome = String(outcome || "").toLowerCase();
    var id = clickId();
    if (!id || !key || !OUTCOME.test(outcome) || sent[outcome]) return false;
    sent[outcome] = true;
    var url = base + "/api/v1/conversions?key=" + encodeURIComponent(key);
    var body = JSON.stringify({ clickId: id, outcome: outcome, idempotencyKey: id + ":" + outcome });
    try {
      w.fetch(url, {
        method: "POST",
        mode: "cors",
        credentials: "omit",
        keepalive: true,
        headers: { "Content-Type": "text/plain;charset=UTF-8" },
        body: body
      })["catch"](function () {});
    } catch (e) {
      if (w.navigator && w.navigator.sendBeacon) w.navigator.sendBeacon(url, body);
    }
    return true;
  }

  d.addEventListener("submit", function (event) {
    var form = event.target;
    var outcome = form && form.getAttribute && form.getAttribute("data-chorus-outcome");
    if (outcome) convert(outcome);
  }, true);

  w.Chorus = { convert: convert, clickId: clickId };
})(window, document);
`;

export const SNIPPET_ETAG = `"${createHash("sha256").update(SNIPPET_SOURCE).digest("base64url").slice(0, 22)}"`;
