import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/core/ids/slugify";

describe("slugify", () => {
  it("makes URL-safe slugs from any name", () => {
    expect(slugify("Fernhill Energy")).toBe("fernhill-energy");
    expect(slugify("Ærø & Café Ü")).toBe("aero-cafe-u");
    expect(slugify("Elif Yılmaz")).toBe("elif-yilmaz");
    expect(slugify("Katarzyna Wiśniewska")).toBe("katarzyna-wisniewska");
    expect(slugify("!!!")).toBe("org");
  });
});
