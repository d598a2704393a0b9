import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/core/env";
import { createStorage } from "@/lib/integrations/storage/get-storage";
import { S3Storage, type S3StorageConfig } from "@/lib/integrations/storage/s3-storage";
import { EMPTY_PAYLOAD_HASH, sha256Hex, signAwsV4 } from "@/lib/integrations/storage/sign-aws-v4";
import { type S3TestServer, startS3TestServer } from "../../support/s3-test-server";

let server: S3TestServer;
let config: S3StorageConfig;

beforeAll(async () => {
  server = await startS3TestServer({
    bucket: "chorus-test",
    region: "eu-central-1",
    accessKeyId: "CHORUSTESTKEY",
    secretAccessKey: "chorus/test+secret=0123456789",
  });
  config = { ...server, forcePathStyle: true };
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.objects.clear();
  server.log.length = 0;
});

describe("S3Storage against an S3-compatible server", () => {
  it("puts, gets and deletes an object with its content type", async () => {
    const storage = new S3Storage(config);
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    await storage.put("logos/org_1/Ab-9_x.png", bytes, "image/png");
    expect(server.objects.get("logos/org_1/Ab-9_x.png")?.contentType).toBe("image/png");

    const file = await storage.get("logos/org_1/Ab-9_x.png");
    expect(file?.contentType).toBe("image/png");
    expect([...file!.bytes]).toEqual([...bytes]);

    await storage.delete("logos/org_1/Ab-9_x.png");
    expect(await storage.get("logos/org_1/Ab-9_x.png")).toBeNull();
    await storage.delete("logos/org_1/Ab-9_x.png"); // deleting twice is fine
    expect(server.log.map((r) => `${r.method} ${r.error ?? "ok"}`)).toEqual([
      "PUT ok",
      "GET ok",
      "DELETE ok",
      "GET NoSuchKey",
      "DELETE ok",
    ]);
  });

  it("returns null for a missing object and overwrites on a second put", async () => {
    const storage = new S3Storage(config);
    expect(await storage.get("nothing/here.png")).toBeNull();
    await storage.put("a.txt", new TextEncoder().encode("one"), "text/plain");
    await storage.put("a.txt", new TextEncoder().encode("two"), "text/plain; charset=utf-8");
    const file = await storage.get("a.txt");
    expect(new TextDecoder().decode(file!.bytes)).toBe("two");
    expect(file!.contentType).toBe("text/plain; charset=utf-8");
  });

  it("is refused with a wrong secret or access key, on reads as well as writes", async () => {
    await new S3Storage(config).put("a.png", new Uint8Array([1]), "image/png");
    const wrongSecret = new S3Storage({ ...config, secretAccessKey: "not-the-secret" });
    await expect(wrongSecret.put("b.png", new Uint8Array([1]), "image/png")).rejects.toThrow(
      /HTTP 403 \(SignatureDoesNotMatch/,
    );
    await expect(wrongSecret.get("a.png")).rejects.toThrow(/SignatureDoesNotMatch/);
    await expect(wrongSecret.delete("a.png")).rejects.toThrow(/SignatureDoesNotMatch/);
    const wrongKey = new S3Storage({ ...config, accessKeyId: "SOMEONEELSE" });
    await expect(wrongKey.get("a.png")).rejects.toThrow(/InvalidAccessKeyId/);
    expect([...server.objects.keys()]).toEqual(["a.png"]);
  });

  it("reports a missing bucket, on reads too (not as a missing file)", async () => {
    const storage = new S3Storage({ ...config, bucket: "no-such-bucket" });
    await expect(storage.put("a.png", new Uint8Array([1]), "image/png")).rejects.toThrow(
      /HTTP 404 \(NoSuchBucket/,
    );
    await expect(storage.get("a.png")).rejects.toThrow(/HTTP 404 \(NoSuchBucket/);
  });

  it("the server checks what was signed: another path or body is refused", async () => {
    const url = new URL(`${server.endpoint}/chorus-test/a.png`);
    const signed = signAwsV4({ method: "GET", url, payloadHash: EMPTY_PAYLOAD_HASH }, server);
    const elsewhere = await fetch(`${server.endpoint}/chorus-test/b.png`, { headers: signed });
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.text()).toContain("SignatureDoesNotMatch");

    const put = signAwsV4({ method: "PUT", url, payloadHash: sha256Hex("signed body") }, server);
    const swapped = await fetch(url, { method: "PUT", headers: put, body: "other body" });
    expect(swapped.status).toBe(400);
    expect(server.objects.size).toBe(0);
  });

  it("is what getStorage builds from STORAGE_DRIVER=s3", async () => {
    const storage = createStorage(
      parseEnv({
        STORAGE_DRIVER: "s3",
        S3_ENDPOINT: server.endpoint,
        S3_REGION: server.region,
        S3_BUCKET: server.bucket,
        S3_ACCESS_KEY_ID: server.accessKeyId,
        S3_SECRET_ACCESS_KEY: server.secretAccessKey,
      }),
    );
    await storage.put("files/x.webp", new Uint8Array([9, 8, 7]), "image/webp");
    expect([...(await storage.get("files/x.webp"))!.bytes]).toEqual([9, 8, 7]);
  });
});
