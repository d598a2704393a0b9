import { describe, expect, it } from "vitest";
import { localizeItem } from "@/lib/domains/content/localize-item";

const item = {
  language: "en",
  title: "Hello",
  body: "English text",
  translations: [
    { language: "de", title: "Hallo", body: "Deutscher Text" },
    { language: "pt-BR", title: "Olá", body: "Texto brasileiro" },
  ],
  captions: [
    { language: "en", label: "short", text: "Short EN" },
    { language: "de", label: "kurz", text: "Kurz DE" },
  ],
};

describe("translation fallback", () => {
  it("shows the preferred language with its captions", () => {
    expect(localizeItem(item, "de")).toEqual({
      language: "de",
      title: "Hallo",
      body: "Deutscher Text",
      captions: [{ label: "kurz", text: "Kurz DE" }],
      fallback: false,
    });
  });

  it("matches a regional preference to the base language and vice versa", () => {
    expect(localizeItem(item, "de-AT").language).toBe("de");
    expect(localizeItem(item, "pt").language).toBe("pt-BR");
    expect(localizeItem(item, "PT-br").language).toBe("pt-BR");
  });

  it("falls back to the item's language and says so", () => {
    const sv = localizeItem(item, "sv");
    expect(sv).toMatchObject({ language: "en", title: "Hello", fallback: true });
    expect(sv.captions).toEqual([{ label: "short", text: "Short EN" }]);
    expect(localizeItem(item, "en").fallback).toBe(false);
  });
});
