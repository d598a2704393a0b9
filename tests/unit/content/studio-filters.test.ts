import { describe, expect, it } from "vitest";
import {
  hasStudioFilters,
  readStudioFilters,
  studioHref,
  toListQuery,
} from "@/lib/domains/content/studio-filters";

describe("studio filters", () => {
  it("reads usable values and drops the rest", () => {
    expect(
      readStudioFilters({
        q: "  lisbon ",
        status: "published",
        valueType: "EDUCATION",
        goal: "nope",
        audience: "team_abc",
        language: "pt-br",
        from: "2026-12-01",
        to: "2026-13-45",
        page: "x",
      }),
    ).toEqual({
      q: "lisbon",
      status: "PUBLISHED",
      valueType: "EDUCATION",
      goal: undefined,
      audience: "team_abc",
      language: "pt-br",
      from: "2026-12-01",
      to: undefined,
      page: 1,
    });
  });

  it("turns a date range into whole days in the organisation's zone", () => {
    const query = toListQuery(
      { from: "2026-12-01", to: "2026-12-31", language: "pt-br", page: 2 },
      "Europe/Berlin",
      25,
    );
    expect(query.from).toEqual(new Date("2026-11-30T23:00:00Z"));
    expect(query.to).toEqual(new Date("2026-12-31T22:59:59.999Z"));
    expect(query.language).toBe("pt-BR");
    expect(query.page).toBe(2);
    expect(query.pageSize).toBe(25);
  });

  it("builds links that go back to page 1 when a filter changes", () => {
    const filters = readStudioFilters({ status: "DRAFT", page: "3" });
    expect(studioHref(filters, { page: 4 })).toBe("/studio?status=DRAFT&page=4");
    expect(studioHref(filters, { goal: "HR" })).toBe("/studio?status=DRAFT&goal=HR");
    expect(studioHref({ page: 1 })).toBe("/studio");
    expect(hasStudioFilters(filters)).toBe(true);
    expect(hasStudioFilters({ page: 5 })).toBe(false);
  });
});
