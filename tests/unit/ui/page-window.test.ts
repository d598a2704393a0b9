import { describe, expect, it } from "vitest";
import { pageWindow } from "@/components/ui/pagination";

describe("pageWindow", () => {
  it("offers the first, the last and two either side of the page, with gaps", () => {
    expect(pageWindow(50, 2000)).toEqual([1, null, 48, 49, 50, 51, 52, null, 2000]);
    expect(pageWindow(1, 2000)).toEqual([1, 2, 3, null, 2000]);
    expect(pageWindow(2000, 2000)).toEqual([1, null, 1998, 1999, 2000]);
  });

  it("leaves no gap where nothing is left out", () => {
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});
