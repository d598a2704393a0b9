import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/core/csv/parse-csv";
import { csvCell, toCsv } from "@/lib/core/csv/to-csv";

describe("parseCsv", () => {
  it("parses plain rows with their line numbers", () => {
    expect(parseCsv("email,name\na@x.com,Ann\nb@x.com,Bob\n")).toEqual([
      { line: 1, cells: ["email", "name"] },
      { line: 2, cells: ["a@x.com", "Ann"] },
      { line: 3, cells: ["b@x.com", "Bob"] },
    ]);
  });

  it("handles quotes, doubled quotes, commas and newlines inside quotes, CRLF and a BOM", () => {
    const rows = parseCsv('\uFEFFa,b\r\n"Smith, Jo","say ""hi"""\r\n"two\nlines",x\r\nlast,row');
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["Smith, Jo", 'say "hi"'] },
      { line: 3, cells: ["two\nlines", "x"] },
      { line: 5, cells: ["last", "row"] },
    ]);
  });

  it("skips blank lines and keeps empty cells", () => {
    expect(parseCsv("a,,c\n\n,b,\n")).toEqual([
      { line: 1, cells: ["a", "", "c"] },
      { line: 3, cells: ["", "b", ""] },
    ]);
  });
});

describe("toCsv", () => {
  it("quotes cells with separators and neutralises spreadsheet formulas", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe("a,b\r\n1,x\r\n");
  });

  it("neutralises formulas behind leading white space and in full-width forms", () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell("   =1+1")).toBe("'   =1+1");
    expect(csvCell("\u00a0+SUM(1)")).toBe("'\u00a0+SUM(1)");
    expect(csvCell("\u3000@A1")).toBe("'\u3000@A1");
    expect(csvCell("＝1+1")).toBe("'＝1+1");
    expect(csvCell("＋SUM(1)")).toBe("'＋SUM(1)");
    expect(csvCell("－1")).toBe("'－1");
    expect(csvCell("＠A1")).toBe("'＠A1");
    expect(csvCell("\t=1")).toBe("'\t=1");
    // Ordinary text and numbers stay as they are.
    expect(csvCell("Ana Admin")).toBe("Ana Admin");
    expect(csvCell(" Ana")).toBe(" Ana");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(-1.5)).toBe("-1.5");
  });

  it("round-trips through parseCsv", () => {
    const rows = [["name, with comma", 'quote "q"', "multi\nline"]];
    expect(parseCsv(toCsv(["x", "y", "z"], rows))[1]?.cells).toEqual(rows[0]);
  });
});
