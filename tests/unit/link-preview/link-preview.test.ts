import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/core/env";
import { decodeHtmlEntities } from "@/lib/core/text/decode-html-entities";
import {
  addressCategory,
  isAllowedAddress,
  isAllowedHost,
  isRefusedAddress,
  parseAllowList,
  parseIp,
} from "@/lib/core/net/is-refused-address";
import { parseOpenGraph } from "@/lib/integrations/link-preview/parse-open-graph";

describe("address classification", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "shared"],
    ["100.127.255.255", "shared"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "this-network"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.10", "documentation"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.99", "documentation"],
    ["198.18.0.1", "benchmark"],
    ["198.19.255.255", "benchmark"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::127.0.0.1", "reserved"],
    ["64:ff9b::10.0.0.1", "private"],
    ["2002:c0a8:0101::1", "private"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["fec0::1", "site-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456:789a::1", "unique-local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["2001::1", "reserved"],
    ["100::1", "reserved"],
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["172.32.0.1", "public"],
    ["100.128.0.1", "public"],
    ["198.20.0.1", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::8.8.8.8", "public"],
    ["2606:4700:4700::1111", "public"],
    ["2001:4860:4860::8888", "public"],
    ["2a00:1450:4001:80b::200e", "public"],
  ])("%s is %s", (ip, category) => {
    expect(addressCategory(ip)).toBe(category);
    expect(isRefusedAddress(ip)).toBe(category !== "public");
  });

  it.each([
    "",
    "localhost",
    "1.2.3",
    "1.2.3.4.5",
    "256.0.0.1",
    "01.2.3.4",
    "1::2::3",
    "12345::",
    "::g",
  ])("%j is not an address and is refused", (text) => {
    expect(parseIp(text)).toBeNull();
    expect(addressCategory(text)).toBeNull();
    expect(isRefusedAddress(text)).toBe(true);
  });

  it("parses full and compressed IPv6 forms to the same bytes", () => {
    expect(parseIp("2001:db8::1")).toEqual(parseIp("2001:0db8:0000:0000:0000:0000:0000:0001"));
    expect(parseIp("1:2:3:4:5:6:7::")).toEqual(parseIp("1:2:3:4:5:6:7:0"));
    expect(parseIp("1:2:3:4:5:6:7:8:9")).toBeNull();
    expect(parseIp("1:2:3:4:5:6:7:8::")).toBeNull();
  });
});

describe("allow-list", () => {
  const allowList = parseAllowList([
    "127.0.0.1",
    "Intranet.Example.com.",
    "10.0.0.0/8",
    "fd00::/8",
    " ",
  ]);

  it("allows listed addresses, networks and hosts only", () => {
    expect(isRefusedAddress("127.0.0.1", allowList)).toBe(false);
    expect(isRefusedAddress("::ffff:127.0.0.1", allowList)).toBe(false);
    expect(isRefusedAddress("127.0.0.2", allowList)).toBe(true);
    expect(isRefusedAddress("10.200.3.4", allowList)).toBe(false);
    expect(isRefusedAddress("11.0.0.0", allowList)).toBe(false); // public anyway
    expect(isRefusedAddress("192.168.0.1", allowList)).toBe(true);
    expect(isRefusedAddress("fd00::5", allowList)).toBe(false);
    expect(isRefusedAddress("fc00::5", allowList)).toBe(true);
    expect(isRefusedAddress("169.254.169.254", allowList)).toBe(true);
    expect(isAllowedHost("intranet.example.com", allowList)).toBe(true);
    expect(isAllowedHost("INTRANET.example.com.", allowList)).toBe(true);
    expect(isAllowedHost("other.example.com", allowList)).toBe(false);
    expect(isAllowedHost("evil-intranet.example.com", allowList)).toBe(false);
  });

  it("matches CIDR prefixes bit by bit", () => {
    const list = parseAllowList(["100.64.0.0/10", "0.0.0.0/0"]);
    expect(isAllowedAddress("100.127.0.1", parseAllowList(["100.64.0.0/10"]))).toBe(true);
    expect(isAllowedAddress("100.128.0.1", parseAllowList(["100.64.0.0/10"]))).toBe(false);
    expect(isAllowedAddress("::1", list)).toBe(false); // an IPv4 network never matches IPv6
    expect(isAllowedAddress("::1", parseAllowList(["::/0"]))).toBe(true);
  });

  it("rejects malformed entries", () => {
    for (const entry of ["10.0.0.0/33", "fd00::/129", "1.2.3.4/8/1", "bad host", "http://x.com"]) {
      expect(() => parseAllowList([entry])).toThrow(/Invalid link preview allow-list entry/);
    }
  });

  it("is read from LINK_PREVIEW_ALLOWED_HOSTS, with each bad entry named", () => {
    expect(parseEnv({}).LINK_PREVIEW_ALLOWED_HOSTS).toEqual([]);
    expect(
      parseEnv({ LINK_PREVIEW_ALLOWED_HOSTS: " 127.0.0.1, Intranet.example.com,,10.0.0.0/8 " })
        .LINK_PREVIEW_ALLOWED_HOSTS,
    ).toEqual(["127.0.0.1", "intranet.example.com", "10.0.0.0/8"]);
    try {
      parseEnv({ LINK_PREVIEW_ALLOWED_HOSTS: "ok.example.com,10.0.0.0/40,https://x" });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).problems).toEqual([
        expect.stringMatching(/^LINK_PREVIEW_ALLOWED_HOSTS: "10\.0\.0\.0\/40" is not a hostname/),
        expect.stringMatching(/^LINK_PREVIEW_ALLOWED_HOSTS: "https:\/\/x" is not/),
      ]);
    }
  });
});

describe("Open Graph parsing", () => {
  const page = "https://news.example.com/articles/solar?ref=feed";

  it("reads Open Graph tags in any attribute order and quoting", () => {
    const html = `<html><head>
      <meta property="og:title" content="Solar &amp; wind: a record year">
      <meta content='Renewables passed 40&#37; of supply &#x2014; a first.' property='og:description' />
      <META PROPERTY=og:image CONTENT=/img/cover.jpg>
      <meta name="og:site_name" content="Example &quot;News&quot;"/>
      <title>Ignored title</title>
    </head>`;
    expect(parseOpenGraph(html, page)).toEqual({
      title: "Solar & wind: a record year",
      description: "Renewables passed 40% of supply — a first.",
      imageUrl: "https://news.example.com/img/cover.jpg",
      siteName: 'Example "News"',
    });
  });

  it("falls back to <title> and <meta name=description>", () => {
    const html = `<head><title>
        Caf&eacute; opening &ndash; Example
      </title><meta name="Description" content="  Our new   café\n opens.  "></head>`;
    expect(parseOpenGraph(html, page)).toEqual({
      title: "Café opening – Example",
      description: "Our new café opens.",
      imageUrl: null,
      siteName: null,
    });
  });

  it("returns nulls for a page without any of it", () => {
    expect(parseOpenGraph("<html><body>Hello</body></html>", page)).toEqual({
      title: null,
      description: null,
      imageUrl: null,
      siteName: null,
    });
  });

  it("resolves relative images (and <base href>) and ignores non-http(s) ones", () => {
    const image = (html: string) => parseOpenGraph(html, page).imageUrl;
    expect(image(`<meta property="og:image" content="../img/a.png">`)).toBe(
      "https://news.example.com/img/a.png",
    );
    expect(image(`<meta property="og:image" content="//cdn.example.net/a.png">`)).toBe(
      "https://cdn.example.net/a.png",
    );
    expect(
      image(
        `<base href="https://static.example.org/s/"><meta property="og:image" content="a.png">`,
      ),
    ).toBe("https://static.example.org/s/a.png");
    expect(image(`<meta property="og:image" content="javascript:alert(1)">`)).toBeNull();
    expect(image(`<meta property="og:image" content="data:image/png;base64,AAAA">`)).toBeNull();
    expect(
      image(
        `<meta property="og:image" content="file:///etc/passwd"><meta name="twitter:image" content="https://x.example/t.png">`,
      ),
    ).toBe("https://x.example/t.png");
  });

  it("prefers the first value and Open Graph over Twitter tags", () => {
    const html = `<meta name="twitter:title" content="Twitter"><meta property="og:title" content="First">
      <meta property="og:title" content="Second">`;
    expect(parseOpenGraph(html, page).title).toBe("First");
  });

  it("ignores tags inside comments and scripts, and a > inside a quoted value", () => {
    const html = `<!-- <meta property="og:title" content="commented"> -->
      <script>document.write('<meta property="og:title" content="scripted">')</script>
      <meta property="og:description" content="a > b, really">
      <meta property="og:title" content="Real">`;
    expect(parseOpenGraph(html, page)).toMatchObject({
      title: "Real",
      description: "a > b, really",
    });
  });

  it("limits lengths without splitting characters", () => {
    const html = `<meta property="og:title" content="${"😀".repeat(400)}">
      <meta property="og:description" content="${"word ".repeat(500)}">`;
    const preview = parseOpenGraph(html, page);
    expect(Array.from(preview.title!)).toHaveLength(300);
    expect(preview.title!.endsWith("😀…")).toBe(true);
    expect(Array.from(preview.description!).length).toBeLessThanOrEqual(1000);
    expect(preview.description!.endsWith("…")).toBe(true);
  });
});

describe("HTML entities", () => {
  it("decodes named, decimal and hex references and leaves unknown ones", () => {
    expect(decodeHtmlEntities("&lt;b&gt; &amp;amp; &#39;q&#39; &#x1F600; &rsquo;")).toBe(
      "<b> &amp; 'q' 😀 ’",
    );
    expect(decodeHtmlEntities("AT&T &unknown; &#0; &#xD800;")).toBe("AT&T &unknown; \ufffd \ufffd");
  });
});
