import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors/app-error";
import { formatBytes, readFormData } from "@/lib/core/http/read-form-data";

function upload(size: number, { declare = true } = {}) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(size)], "logo.png", { type: "image/png" }));
  const req = new Request("http://localhost/api/org/logo", { method: "POST", body: form });
  if (!declare) req.headers.delete("content-length");
  return req;
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

describe("readFormData", () => {
  it("reads a multipart body under the limit", async () => {
    const form = await readFormData(upload(1000), { maxBytes: 4096 });
    const file = form.get("file");
    expect(file).toBeInstanceOf(File);
    expect((file as File).size).toBe(1000);
  });

  it("answers 413 past the limit and 415 for other content types", async () => {
    expect(await statusOf(readFormData(upload(10_000), { maxBytes: 4096 }))).toBe(413);
    const json = new Request("http://localhost/x", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(await statusOf(readFormData(json, { maxBytes: 4096 }))).toBe(415);
  });

  it("counts the bytes actually sent when the declared length is missing or false", async () => {
    const req = new Request("http://localhost/x", {
      method: "POST",
      body: new Uint8Array(10_000),
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "10" },
    });
    expect(await statusOf(readFormData(req, { maxBytes: 4096 }))).toBe(413);
  });

  it("answers 400 for a body that is not valid multipart", async () => {
    const req = new Request("http://localhost/x", {
      method: "POST",
      body: "not multipart at all",
      headers: { "content-type": "multipart/form-data; boundary=zzz" },
    });
    expect(await statusOf(readFormData(req, { maxBytes: 4096 }))).toBe(400);
  });

  it("formats sizes for messages", () => {
    expect(formatBytes(1024 * 1024)).toBe("1 MB");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(10)).toBe("10 bytes");
  });
});
