/**
 * fetchLinkPreview against real HTTP servers on 127.0.0.1 (no database needed). Loopback is a
 * refused address, so tests that fetch allow-list it — or allow-list a made-up hostname that a
 * fake DNS resolves to 127.0.0.1, which also proves the connection goes to the checked address.
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors/app-error";
import {
  fetchLinkPreview,
  type FetchLinkPreviewOptions,
} from "@/lib/integrations/link-preview/fetch-link-preview";
import type { ResolveHost } from "@/lib/core/net/resolve-link-target";

interface TestServer {
  origin: string;
  port: number;
  requests: http.IncomingMessage[];
  close(): Promise<void>;
}

const servers: TestServer[] = [];

async function startServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<TestServer> {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const started: TestServer = {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const OG_PAGE = `<!doctype html><html><head>
  <meta charset="utf-8">
  <title>Fallback title</title>
  <meta property="og:title" content="Fernhill wins the &quot;Green Grid&quot; award">
  <meta property="og:description" content="Our solar team&#39;s work, recognised.">
  <meta property="og:image" content="/images/award.png">
  <meta property="og:site_name" content="Fernhill Energy">
</head><body><p>Article</p></body></html>`;

const html = (res: http.ServerResponse, body: string | Buffer, headers = {}) =>
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers }).end(body);

const LOOPBACK: FetchLinkPreviewOptions = { allowList: ["127.0.0.1"] };

/** The AppError message a failed preview gives. */
async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("BAD_REQUEST");
  return (error as AppError).message;
}

/** Fake DNS: the given names, anything else not found. */
const fakeDns =
  (names: Record<string, string[]>): ResolveHost =>
  async (hostname) => {
    const addresses = names[hostname];
    if (!addresses) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

const PRIVATE =
  "That link points to a private or local network address, which Chorus does not fetch.";
const REDIRECTS_PRIVATE =
  "That link redirects to a private or local network address, which Chorus does not fetch.";

describe("link preview of an allowed server", () => {
  it("reads the Open Graph fields, sending Chorus's User-Agent", async () => {
    const server = await startServer((_req, res) => html(res, OG_PAGE));
    const preview = await fetchLinkPreview(`${server.origin}/news/award`, LOOPBACK);
    expect(preview).toEqual({
      url: `${server.origin}/news/award`,
      title: 'Fernhill wins the "Green Grid" award',
      description: "Our solar team's work, recognised.",
      imageUrl: `${server.origin}/images/award.png`,
      siteName: "Fernhill Energy",
    });
    const headers = server.requests[0]!.headers;
    expect(headers["user-agent"]).toBe("ChorusLinkPreview/1.0");
    expect(headers.accept).toContain("text/html");
    expect(headers.host).toBe(`127.0.0.1:${server.port}`);
  });

  it("follows a redirect and reports the final URL", async () => {
    const server = await startServer((req, res) => {
      if (req.url === "/short") res.writeHead(301, { location: "/news/award?x=1" }).end();
      else html(res, OG_PAGE);
    });
    const preview = await fetchLinkPreview(`${server.origin}/short#top`, LOOPBACK);
    expect(preview.url).toBe(`${server.origin}/news/award?x=1#top`);
    expect(preview.title).toBe('Fernhill wins the "Green Grid" award');
    expect(server.requests.map((r) => r.url)).toEqual(["/short", "/news/award?x=1"]);
  });

  it("reads gzip-compressed and Latin-1 pages, falling back to <title>", async () => {
    const server = await startServer((req, res) => {
      if (req.url === "/gzip") {
        html(res, zlib.gzipSync(OG_PAGE), { "content-encoding": "gzip" });
      } else {
        const page = "<head><title>Caf\u00e9 d\u00e9j\u00e0 vu</title></head>";
        html(res, Buffer.from(page, "latin1"), { "content-type": "text/html; charset=ISO-8859-1" });
      }
    });
    expect((await fetchLinkPreview(`${server.origin}/gzip`, LOOPBACK)).siteName).toBe(
      "Fernhill Energy",
    );
    expect(await fetchLinkPreview(`${server.origin}/latin1`, LOOPBACK)).toMatchObject({
      title: "Café déjà vu",
      description: null,
      imageUrl: null,
    });
  });

  it("connects to the address it checked, never asking DNS again", async () => {
    const server = await startServer((_req, res) => html(res, OG_PAGE));
    const lookups: string[] = [];
    const dns = fakeDns({ "news.chorus.test": ["127.0.0.1"] });
    const preview = await fetchLinkPreview(`http://news.chorus.test:${server.port}/a`, {
      allowList: ["news.chorus.test"],
      resolveHost: (host) => {
        lookups.push(host);
        return dns(host);
      },
    });
    // news.chorus.test exists only in the fake DNS: a second, system lookup would have failed.
    expect(preview.title).toBe('Fernhill wins the "Green Grid" award');
    expect(lookups).toEqual(["news.chorus.test"]);
    expect(server.requests[0]!.headers.host).toBe(`news.chorus.test:${server.port}`);
  });
});

// A self-signed test certificate for news.chorus.test (made with openssl, valid until 2126).
const TEST_TLS = {
  key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgdqGpYny7yX4X61ww
9Bgr8sUfXIYn84/cVLNWOP0MUZ6hRANCAAShpGMPkugPm9DpGVoxQvq16N9MZxXW
tml25+fpVfbYyfm44TyEEYWKY8ziyFpUFwyj2VYGfnqGXguyN1FfNTnS
-----END PRIVATE KEY-----`,
  cert: `-----BEGIN CERTIFICATE-----
MIIBqTCCAVCgAwIBAgIUTPvd76/i7LluEC2JTe+6uncM/sYwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQbmV3cy5jaG9ydXMudGVzdDAgFw0yNjExMjUyMTI5MTFaGA8y
MTI2MTEwMTIxMjkxMVowGzEZMBcGA1UEAwwQbmV3cy5jaG9ydXMudGVzdDBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABKGkYw+S6A+b0OkZWjFC+rXo30xnFda2aXbn
5+lV9tjJ+bjhPIQRhYpjzOLIWlQXDKPZVgZ+eoZeC7I3UV81OdKjcDBuMB0GA1Ud
DgQWBBTI90bGG5XEhS2yvpF0Ocy4Q6VFXTAfBgNVHSMEGDAWgBTI90bGG5XEhS2y
vpF0Ocy4Q6VFXTAPBgNVHRMBAf8EBTADAQH/MBsGA1UdEQQUMBKCEG5ld3MuY2hv
cnVzLnRlc3QwCgYIKoZIzj0EAwIDRwAwRAIgWW7qgn9F3/hVZ6gcfIrPW80Kmc3N
lT+Aag1CAVK8+OgCIGsssW8SxjcZWuTEkqs0mKEHpyMumYctYZE9q6aHn7CB
-----END CERTIFICATE-----`,
};

describe("https", () => {
  it("connects to the checked address with the hostname as SNI, and verifies the certificate", async () => {
    const names: string[] = [];
    const server = https.createServer({
      ...TEST_TLS,
      SNICallback: (name, done) => {
        names.push(name);
        done(null, undefined);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const message = await failure(
        fetchLinkPreview(`https://news.chorus.test:${port}/`, {
          allowList: ["news.chorus.test"],
          resolveHost: fakeDns({ "news.chorus.test": ["127.0.0.1"] }),
        }),
      );
      // The certificate is self-signed, so no trusted CA vouches for it.
      expect(message).toBe("The site's security certificate could not be verified.");
      expect(names).toEqual(["news.chorus.test"]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("refused addresses", () => {
  it("refuses loopback links without an allow-list, before connecting", async () => {
    const server = await startServer((_req, res) => html(res, OG_PAGE));
    for (const link of [
      `${server.origin}/`,
      `http://localhost:${server.port}/`,
      `http://[::1]:${server.port}/`,
      `http://[::ffff:127.0.0.1]:${server.port}/`,
      `http://2130706433:${server.port}/`,
      `http://0x7f.1:${server.port}/`,
      `http://127.1:${server.port}/`,
      "http://0.0.0.0/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[fe80::1]/",
      "http://100.64.0.1/",
    ]) {
      expect(await failure(fetchLinkPreview(link, { allowList: [] })), link).toBe(PRIVATE);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a host when any of its addresses is private", async () => {
    const resolveHost = fakeDns({ "mixed.chorus.test": ["93.184.216.34", "10.0.0.7"] });
    expect(
      await failure(fetchLinkPreview("https://mixed.chorus.test/", { allowList: [], resolveHost })),
    ).toBe(PRIVATE);
  });

  it("refuses a redirect from an allowed host to a refused address", async () => {
    const targets: Record<string, string> = {
      "/to-loopback-ip": "", // filled in below: the same server by IP
      "/to-ipv6-loopback": "http://[::1]/",
      "/to-other-loopback": "http://127.0.0.2/",
      "/to-metadata": "http://169.254.169.254/latest/meta-data/iam/",
      "/to-localhost": "http://localhost/",
      "/to-private-name": "http://db.internal.chorus.test/",
    };
    const server = await startServer((req, res) => {
      const location = targets[req.url!];
      if (location) res.writeHead(302, { location }).end();
      else html(res, OG_PAGE);
    });
    targets["/to-loopback-ip"] = `${server.origin}/page`;
    const options: FetchLinkPreviewOptions = {
      allowList: ["news.chorus.test"],
      resolveHost: fakeDns({
        "news.chorus.test": ["127.0.0.1"],
        localhost: ["127.0.0.1"],
        "db.internal.chorus.test": ["10.1.2.3"],
      }),
    };
    const base = `http://news.chorus.test:${server.port}`;
    expect((await fetchLinkPreview(`${base}/page`, options)).siteName).toBe("Fernhill Energy");
    for (const path of Object.keys(targets)) {
      expect(await failure(fetchLinkPreview(`${base}${path}`, options)), path).toBe(
        REDIRECTS_PRIVATE,
      );
    }
    // Only the allowed host was ever asked: one request per attempt, none to the targets.
    expect(server.requests.map((r) => r.headers.host)).toEqual(
      Array(1 + Object.keys(targets).length).fill(`news.chorus.test:${server.port}`),
    );
  });
});

describe("links that are not previewed", () => {
  it.each([
    ["javascript:alert(1)", "Only http and https links can be previewed."],
    ["data:text/html,<title>x</title>", "Only http and https links can be previewed."],
    ["file:///etc/passwd", "Only http and https links can be previewed."],
    ["ftp://files.example.com/a.html", "Only http and https links can be previewed."],
    ["https://user:secret@example.com/", "Links with a user name or password cannot be previewed."],
    [
      "example.com/news",
      "That is not a valid link. Paste the full address, starting with https://",
    ],
    ["", "That is not a valid link. Paste the full address, starting with https://"],
    [`https://example.com/${"a".repeat(3000)}`, "That link is too long to preview."],
  ])("%j: %s", async (link, message) => {
    expect(await failure(fetchLinkPreview(link, { allowList: [] }))).toBe(message);
  });

  it("says when a redirect leaves http(s) or is malformed", async () => {
    const server = await startServer((req, res) => {
      const location = req.url === "/ftp" ? "ftp://example.com/x" : "http://exa mple.com:99999/";
      res.writeHead(302, { location }).end();
    });
    expect(await failure(fetchLinkPreview(`${server.origin}/ftp`, LOOPBACK))).toBe(
      "The page redirects to a non-web address (ftp:); only http and https links can be previewed.",
    );
    expect(await failure(fetchLinkPreview(`${server.origin}/bad`, LOOPBACK))).toBe(
      "The page redirects to an address that is not a valid link.",
    );
  });

  it("refuses content that is not HTML", async () => {
    const server = await startServer((req, res) => {
      if (req.url === "/png") res.writeHead(200, { "content-type": "image/png" }).end("\x89PNG");
      else if (req.url === "/json")
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      else res.writeHead(200).end("<html>");
    });
    expect(await failure(fetchLinkPreview(`${server.origin}/png`, LOOPBACK))).toBe(
      "That link does not point to a web page (it is image/png).",
    );
    expect(await failure(fetchLinkPreview(`${server.origin}/json`, LOOPBACK))).toBe(
      "That link does not point to a web page (it is application/json).",
    );
    expect(await failure(fetchLinkPreview(`${server.origin}/none`, LOOPBACK))).toBe(
      "That link does not point to a web page (it is of an unknown type).",
    );
  });

  it("reports the status of a page that is not there", async () => {
    const server = await startServer((req, res) => {
      res.writeHead(req.url === "/gone" ? 404 : 503, { "content-type": "text/html" }).end("<p>");
    });
    expect(await failure(fetchLinkPreview(`${server.origin}/gone`, LOOPBACK))).toBe(
      "The page answered 404.",
    );
    expect(await failure(fetchLinkPreview(`${server.origin}/down`, LOOPBACK))).toBe(
      "The page answered 503.",
    );
  });

  it("follows at most 3 redirects", async () => {
    const server = await startServer((req, res) => {
      const hop = Number(req.url!.split("/")[2]);
      if (hop < 100 && req.url !== "/r/3") res.writeHead(302, { location: `/r/${hop + 1}` }).end();
      else html(res, OG_PAGE);
    });
    const preview = await fetchLinkPreview(`${server.origin}/r/0`, LOOPBACK);
    expect(preview.url).toBe(`${server.origin}/r/3`);

    server.requests.length = 0;
    expect(await failure(fetchLinkPreview(`${server.origin}/r/4`, LOOPBACK))).toBe(
      "The link redirects too many times.",
    );
    expect(server.requests.map((r) => r.url)).toEqual(["/r/4", "/r/5", "/r/6", "/r/7"]);
  });

  it("says when a site cannot be found or refuses the connection", async () => {
    const resolveHost = fakeDns({});
    expect(
      await failure(
        fetchLinkPreview("https://nowhere.chorus.test/", { allowList: [], resolveHost }),
      ),
    ).toBe("The site nowhere.chorus.test could not be found.");
    const closed = await startServer(() => {});
    await closed.close();
    expect(await failure(fetchLinkPreview(`${closed.origin}/`, LOOPBACK))).toBe(
      "The site refused the connection.",
    );
  });
});

describe("time and size limits", () => {
  const TOO_LONG = "The page took too long to answer.";

  it("times out on a server that never answers", async () => {
    const server = await startServer(() => {});
    const started = Date.now();
    expect(await failure(fetchLinkPreview(server.origin, { ...LOOPBACK, timeoutMs: 300 }))).toBe(
      TOO_LONG,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("times out on a page that trickles in, the limit covering the whole fetch", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><head>");
      const timer = setInterval(() => res.write(" "), 50);
      res.on("close", () => clearInterval(timer));
    });
    const started = Date.now();
    expect(await failure(fetchLinkPreview(server.origin, { ...LOOPBACK, timeoutMs: 400 }))).toBe(
      TOO_LONG,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("times out on DNS that never answers", async () => {
    const resolveHost: ResolveHost = () => new Promise(() => {});
    expect(
      await failure(
        fetchLinkPreview("https://slow-dns.chorus.test/", {
          allowList: [],
          resolveHost,
          timeoutMs: 200,
        }),
      ),
    ).toBe(TOO_LONG);
  });

  it("stops reading an endless page at the size cap", async () => {
    let written = 0;
    let closed = false;
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write(`<html><head><meta property="og:title" content="Endless">`);
      const chunk = Buffer.alloc(64 * 1024, "<!-- padding -->");
      const pump = () => {
        while (!closed && written < 200 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
      };
      res.on("close", () => (closed = true));
      pump();
    });
    const started = Date.now();
    const preview = await fetchLinkPreview(server.origin, { ...LOOPBACK, timeoutMs: 10_000 });
    expect(preview.title).toBe("Endless");
    expect(Date.now() - started).toBeLessThan(3000);
    await expect.poll(() => closed).toBe(true);
    // 1 MB read, plus what socket buffers held: nowhere near the 200 MB on offer.
    expect(written).toBeLessThan(32 * 1024 * 1024);
  });

  it("stops reading after </head>", async () => {
    let closed = false;
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write(OG_PAGE);
      res.on("close", () => (closed = true)); // the body never ends
    });
    const preview = await fetchLinkPreview(server.origin, { ...LOOPBACK, timeoutMs: 2000 });
    expect(preview.siteName).toBe("Fernhill Energy");
    await expect.poll(() => closed).toBe(true);
  });

  it("caps a compressed page by its decompressed size", async () => {
    const bomb = zlib.gzipSync(
      Buffer.concat([Buffer.from("<head><title>Bomb</title>"), Buffer.alloc(64 * 1024 * 1024)]),
    );
    const server = await startServer((_req, res) =>
      html(res, bomb, { "content-encoding": "gzip" }),
    );
    const preview = await fetchLinkPreview(server.origin, { ...LOOPBACK, maxBytes: 256 * 1024 });
    expect(preview.title).toBe("Bomb");
  });
});
