import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { brotliStaticAssets } from "@/lib/core/http/brotli-static-assets";

const dist = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-brotli-"));
const source = "console.log('chorus');\n".repeat(200);
fs.mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
fs.writeFileSync(path.join(dist, "static", "chunks", "0abc.js"), source);
fs.writeFileSync(path.join(dist, "static", "chunks", "app.css"), "body{margin:0}");
fs.writeFileSync(path.join(dist, "static", "chunks", "data.json"), "{}");
fs.writeFileSync(path.join(dist, "secret.js"), "server only");
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

describe("brotli for the build's static assets", async () => {
  const assets = brotliStaticAssets(dist);
  await assets.ready;

  it("serves a build file brotli-compressed when the browser accepts br", () => {
    const asset = assets.find("/_next/static/chunks/0abc.js?v=1", "gzip, deflate, br, zstd");
    expect(asset?.contentType).toMatch(/^application\/javascript/);
    expect(zlib.brotliDecompressSync(asset!.body).toString()).toBe(source);
    expect(asset!.body.length).toBeLessThan(source.length / 10);
    expect(assets.find("/_next/static/chunks/app.css", "br")?.contentType).toMatch(/^text\/css/);
  });

  it("leaves everything else to Next: no br, other types, unknown files, paths outside", () => {
    expect(assets.find("/_next/static/chunks/0abc.js", "gzip, deflate")).toBeNull();
    expect(assets.find("/_next/static/chunks/0abc.js", undefined)).toBeNull();
    expect(assets.find("/_next/static/chunks/data.json", "br")).toBeNull();
    expect(assets.find("/_next/static/chunks/missing.js", "br")).toBeNull();
    expect(assets.find("/_next/static/../secret.js", "br")).toBeNull();
    expect(assets.find("/_next/static/%2e%2e/secret.js", "br")).toBeNull();
    expect(assets.find("/secret.js", "br")).toBeNull();
  });
});
