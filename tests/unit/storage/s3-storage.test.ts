import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/core/env";
import { createStorage } from "@/lib/integrations/storage/get-storage";
import { LocalDiskStorage } from "@/lib/integrations/storage/local-disk-storage";
import { S3Storage } from "@/lib/integrations/storage/s3-storage";
import {
  EMPTY_PAYLOAD_HASH,
  sha256Hex,
  signAwsV4,
  uriEncode,
} from "@/lib/integrations/storage/sign-aws-v4";

// The examples of AWS's "Signature Calculations for the Authorization Header: Transferring
// Payload in a Single Chunk" page (Amazon S3 API reference).
const AWS_EXAMPLE = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  region: "us-east-1",
};
const MAY_24_2013 = new Date("2013-05-24T00:00:00Z");
const signatureOf = (headers: Record<string, string>) =>
  /Signature=([0-9a-f]{64})$/.exec(headers.authorization!)?.[1];

describe("AWS Signature V4", () => {
  it("matches AWS's GET Object example", () => {
    const headers = signAwsV4(
      {
        method: "GET",
        url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
        headers: { Range: "bytes=0-9" },
        payloadHash: EMPTY_PAYLOAD_HASH,
      },
      AWS_EXAMPLE,
      MAY_24_2013,
    );
    expect(headers).toEqual({
      "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "x-amz-date": "20130524T000000Z",
      authorization:
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, " +
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    });
  });

  it("matches AWS's PUT Object example (an encoded key and extra signed headers)", () => {
    const payloadHash = sha256Hex("Welcome to Amazon S3.");
    expect(payloadHash).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const headers = signAwsV4(
      {
        method: "PUT",
        url: new URL(`https://examplebucket.s3.amazonaws.com/${uriEncode("test$file.text")}`),
        headers: {
          Date: "Fri, 24 May 2013 00:00:00 GMT",
          "x-amz-storage-class": "REDUCED_REDUNDANCY",
        },
        payloadHash,
      },
      AWS_EXAMPLE,
      MAY_24_2013,
    );
    expect(headers.authorization).toContain(
      "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,",
    );
    expect(signatureOf(headers)).toBe(
      "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
    );
  });

  it("matches AWS's GET Bucket (List Objects) example (a sorted query string)", () => {
    const headers = signAwsV4(
      {
        method: "GET",
        url: new URL("https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J"),
        payloadHash: EMPTY_PAYLOAD_HASH,
      },
      AWS_EXAMPLE,
      MAY_24_2013,
    );
    expect(signatureOf(headers)).toBe(
      "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7",
    );
  });

  it("changes with the secret, the day and the payload", () => {
    const request = {
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      payloadHash: EMPTY_PAYLOAD_HASH,
    };
    const base = signatureOf(signAwsV4(request, AWS_EXAMPLE, MAY_24_2013));
    const other = [
      signAwsV4(request, { ...AWS_EXAMPLE, secretAccessKey: "x" }, MAY_24_2013),
      signAwsV4(request, AWS_EXAMPLE, new Date("2013-05-25T00:00:00Z")),
      signAwsV4({ ...request, payloadHash: sha256Hex("x") }, AWS_EXAMPLE, MAY_24_2013),
    ].map(signatureOf);
    expect(new Set([base, ...other]).size).toBe(4);
  });

  it("URI-encodes as S3 expects", () => {
    expect(uriEncode("a b+c$d!e'f(g)h*i~j_k-l.m")).toBe(
      "a%20b%2Bc%24d%21e%27f%28g%29h%2Ai~j_k-l.m",
    );
    expect(uriEncode("logos/org_1/a.png", true)).toBe("logos/org_1/a.png");
    expect(uriEncode("a/b")).toBe("a%2Fb");
    expect(uriEncode("é")).toBe("%C3%A9");
  });
});

describe("S3Storage addressing", () => {
  const config = {
    endpoint: "https://s3.example.test:9000",
    region: "eu-west-1",
    bucket: "chorus-files",
    accessKeyId: "AKID",
    secretAccessKey: "secret",
  };

  it("uses path-style or virtual-hosted URLs, keeping an endpoint path", () => {
    const key = "logos/org_1/abc.png";
    expect(new S3Storage({ ...config, forcePathStyle: true }).objectUrl(key).href).toBe(
      "https://s3.example.test:9000/chorus-files/logos/org_1/abc.png",
    );
    expect(new S3Storage({ ...config, forcePathStyle: false }).objectUrl(key).href).toBe(
      "https://chorus-files.s3.example.test:9000/logos/org_1/abc.png",
    );
    const prefixed = new S3Storage({
      ...config,
      endpoint: "http://gw.test/s3/",
      forcePathStyle: true,
    });
    expect(prefixed.objectUrl(key).href).toBe("http://gw.test/s3/chorus-files/logos/org_1/abc.png");
  });

  it("refuses invalid keys before any request", () => {
    const storage = new S3Storage({ ...config, forcePathStyle: true });
    expect(() => storage.objectUrl("../x.png")).toThrow(/Invalid storage key/);
  });

  it("sends signed requests to the bucket's host when virtual-hosted", async () => {
    const seen: { url: string; headers: Headers; method: string }[] = [];
    const storage = new S3Storage({
      ...config,
      forcePathStyle: false,
      fetch: async (input, init) => {
        seen.push({
          url: String(input),
          headers: new Headers(init?.headers),
          method: init!.method!,
        });
        return new Response(null, { status: 404 });
      },
    });
    expect(await storage.get("logos/a.png")).toBeNull();
    await storage.delete("logos/a.png");
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET https://chorus-files.s3.example.test:9000/logos/a.png",
      "DELETE https://chorus-files.s3.example.test:9000/logos/a.png",
    ]);
    expect(seen[0]!.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKID\/\d{8}\/eu-west-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it("reports S3's error code and message", async () => {
    const storage = new S3Storage({
      ...config,
      forcePathStyle: true,
      fetch: async () =>
        new Response("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>", {
          status: 403,
        }),
    });
    await expect(storage.get("a.png")).rejects.toThrow(
      "S3 GET a.png failed with HTTP 403 (AccessDenied: Access Denied)",
    );
  });
});

describe("storage configuration", () => {
  const s3 = {
    STORAGE_DRIVER: "s3",
    S3_BUCKET: "chorus-files",
    S3_ACCESS_KEY_ID: "AKID",
    S3_SECRET_ACCESS_KEY: "secret",
  };
  const problems = (source: Record<string, string>) => {
    try {
      parseEnv(source);
      return [];
    } catch (error) {
      if (error instanceof EnvError) return error.problems;
      throw error;
    }
  };

  it("defaults to local disk", () => {
    const env = parseEnv({});
    expect(env.STORAGE_DRIVER).toBe("local");
    expect(createStorage(env)).toBeInstanceOf(LocalDiskStorage);
  });

  it("builds S3 storage with AWS defaults", () => {
    const env = parseEnv(s3);
    expect(env).toMatchObject({ S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: true });
    const storage = createStorage(env);
    expect(storage).toBeInstanceOf(S3Storage);
    expect((storage as S3Storage).objectUrl("a.png").href).toBe(
      "https://s3.us-east-1.amazonaws.com/chorus-files/a.png",
    );
  });

  it("needs every S3 setting, and no S3 setting without the driver", () => {
    expect(problems({ STORAGE_DRIVER: "s3", S3_BUCKET: "chorus-files" })).toEqual([
      expect.stringContaining(
        "S3 storage needs all of S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY",
      ),
    ]);
    expect(problems({ ...s3, STORAGE_DRIVER: "" })).toEqual([
      expect.stringContaining('STORAGE_DRIVER is not "s3"'),
    ]);
  });

  it("names malformed S3 values", () => {
    const found = problems({
      ...s3,
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: "ftp://files.example.com",
      S3_BUCKET: "Bad_Bucket",
      S3_FORCE_PATH_STYLE: "yes",
    });
    expect(found.find((p) => p.startsWith("S3_ENDPOINT:"))).toContain("http:// or https://");
    expect(found.find((p) => p.startsWith("S3_BUCKET:"))).toContain("bucket name");
    expect(found.find((p) => p.startsWith("S3_FORCE_PATH_STYLE:"))).toBeDefined();
    expect(problems({ STORAGE_DRIVER: "gcs" })[0]).toContain('must be "local" or "s3"');
  });
});
