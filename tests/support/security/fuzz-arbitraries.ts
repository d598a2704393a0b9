/**
 * fast-check arbitraries for the bad-input suite (tests/integration/security/bad-input.test.ts):
 * hostile JSON values, raw body texts, content types, path parameters and query strings.
 * Everything here is data; the suite sends it to the real route handlers.
 */
import fc from "fast-check";

/** Keys that pollute Object.prototype when a careless merge copies them. */
export const POLLUTION_KEYS = ["__proto__", "constructor", "prototype"] as const;

/** The marker property a polluting payload tries to plant on Object.prototype. */
export const POLLUTION_MARKER = "chorusPolluted";

/** Strings that break naive code: encodings, control characters, number look-alikes, paths, SQL. */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "x\uDC00y\uD800",
  "\u202Eevil\u202C",
  "\u200B\u200C\u200D\uFEFF",
  "\uFEFF",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈🧑🏽‍🚀",
  "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
  "Z̸̡̢̛̗͎̭̤̬͓̬̥͖̝̘͑̇̋̎͑̓̈́͊͆̔͘a̶",
  "ﷺ",
  "\u0085\u2028\u2029",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e308",
  "1e309",
  "-1e308",
  "9007199254740993",
  "99999999999999999999999999999",
  "0x1F",
  "1_000",
  "true",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  "constructor",
  "prototype",
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%00",
  "%2e%2e%2f",
  "' OR '1'='1",
  '1; DROP TABLE "User"; --',
  "$1",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "http://127.0.0.1:1/",
  "file:///etc/passwd",
  "-100000-01-01",
  "+275760-09-13T00:00:00.000Z",
  "0000-00-00",
  "2026-02-30",
  "9999-99-99T99:99:99Z",
  "\\",
  '"',
  "%",
];

/** Numbers at the edges (NaN and ±Infinity become null in JSON, so they are strings above). */
export const NASTY_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1.5,
  0.1 + 0.2,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  2 ** 53 + 2,
  2 ** 64,
  -(2 ** 63),
  Number.MAX_SAFE_INTEGER,
  1e21,
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY_STRINGS), fc.constantFrom(...NASTY_STRINGS))
      .map(([a, b]) => `${a}${b}`),
  },
);

/** Long strings: just past common limits, past the usual 64 KB body cap, and about 1 MB. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(300, 5_000, 70_000, 1_048_576),
    fc.constantFrom("a", "é", "😀", "\u0000", "\u202E", "e\u0301", " "),
  )
  .map(([length, unit]) => unit.repeat(Math.max(1, Math.floor(length / unit.length))));

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
);

/** A plain object with a null prototype, so `__proto__` becomes an ordinary own key. */
export function bareObject(entries: [string, unknown][]): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** A payload that tries to plant the marker through any of the pollution keys. */
export const pollutionPayload: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(...POLLUTION_KEYS)
  .map((key) => {
    const plant = bareObject([[POLLUTION_MARKER, "yes"]]);
    if (key === "__proto__") return bareObject([["__proto__", plant]]);
    if (key === "constructor") {
      return bareObject([["constructor", bareObject([["prototype", plant]])]]);
    }
    return bareObject([["prototype", plant]]);
  });

/** Any hostile JSON value: wrong types, nulls, edge strings and numbers, small nested shapes. */
export const badValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 3, arbitrary: nastyString },
    { weight: 2, arbitrary: nastyNumber },
    { weight: 2, arbitrary: fc.constantFrom(null, true, false) },
    { weight: 1, arbitrary: hugeString },
    { weight: 1, arbitrary: pollutionPayload },
    { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(nastyString, fc.constantFrom(...POLLUTION_KEYS)), tie("value")), {
          maxLength: 4,
        })
        .map(bareObject),
    },
  ),
})).value;

/** A valid string with hostile text added: it gets past type checks and into the code behind. */
export function twistedString(original: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      // The characters storage refuses (NUL, unpaired surrogates) weigh most.
      fc.constantFrom(
        "\u0000",
        "\u0000",
        "\u0000",
        "\uD800",
        "\uD800",
        "\uDFFF",
        "\u202E",
        "\u200B",
        "😀",
        " ",
        "'",
        "%00",
      ),
      fc.constantFrom("suffix", "prefix", "middle"),
    )
    .map(([bad, where]) => {
      if (where === "prefix") return `${bad}${original}`;
      if (where === "suffix") return `${original}${bad}`;
      const half = Math.floor(original.length / 2);
      return `${original.slice(0, half)}${bad}${original.slice(half)}`;
    });
}

/** One hostile replacement for a value of the valid example, shaped by what it was. */
function badReplacement(original: unknown): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [badValue, fc.constant(null)];
  if (typeof original === "string") {
    options.push(twistedString(original), twistedString(original), twistedString(original));
  }
  if (isPlainObject(original)) {
    options.push(mutatedObject(original), fc.constant([original]));
  }
  if (Array.isArray(original)) {
    options.push(fc.array(badValue, { maxLength: 5 }), fc.constant([original]));
    const first: unknown = original[0];
    if (typeof first === "string") options.push(twistedString(first).map((item) => [item]));
    if (isPlainObject(first)) options.push(mutatedObject(first).map((item) => [item]));
  }
  return fc.oneof(...options);
}

/**
 * The route's valid example, mutated. Mostly one key at a time (the others stay valid, so the
 * bad value gets past validation of the rest and into the code behind it); sometimes many keys
 * dropped or replaced at once; sometimes pollution or unknown keys added.
 */
export function mutatedObject(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(example);
  if (!keys.length) return fc.constant(bareObject([]));
  const oneKey = fc
    .constantFrom(...keys)
    .chain((key) =>
      badReplacement(example[key]).map((value) =>
        bareObject(keys.map((k) => [k, k === key ? value : example[k]])),
      ),
    );
  const manyKeys = fc
    .tuple(
      fc.tuple(
        ...keys.map((key) =>
          fc.oneof(fc.constant(example[key]), fc.constant(undefined), badReplacement(example[key])),
        ),
      ),
      fc.array(fc.tuple(fc.oneof(nastyString, fc.constantFrom(...POLLUTION_KEYS)), badValue), {
        maxLength: 2,
      }),
    )
    .map(([values, extra]) => {
      const entries: [string, unknown][] = [];
      keys.forEach((key, i) => {
        if (values[i] !== undefined) entries.push([key, values[i]]);
      });
      entries.push(...extra);
      return bareObject(entries);
    });
  const polluted = pollutionPayload.map((pollution) =>
    bareObject([...Object.entries(example), ...Object.entries(pollution)]),
  );
  return fc.oneof(
    { weight: 5, arbitrary: oneKey },
    { weight: 2, arbitrary: manyKeys },
    { weight: 1, arbitrary: polluted },
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Raw texts that are not the JSON a route expects: broken, deeply nested, odd encodings. */
export const badJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "{",
    "}",
    "[",
    "{'a': 1}",
    '{"a": 1,}',
    '{"a": 1}garbage',
    "\uFEFF{}",
    "NaN",
    "undefined",
    "Infinity",
    "-",
    "01",
    '"\\ud800"',
    '{"a": "\\u0000"}',
    '{"a": "\\ud800\\udc00\\udfff"}',
    '{"__proto__": {"chorusPolluted": "yes"}}',
    '{"constructor": {"prototype": {"chorusPolluted": "yes"}}}',
    '{"a": 1, "a": 2, "a": {"__proto__": null}}',
    "[]".repeat(1000),
    "\u0000",
    "null",
    "true",
    "0",
    '"just a string"',
  ),
  fc
    .constantFrom(1_000, 5_000, 100_000)
    .chain((depth) =>
      fc.constantFrom(
        `${"[".repeat(depth)}${"]".repeat(depth)}`,
        `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`,
        `${'{"__proto__":'.repeat(depth)}{}${"}".repeat(depth)}`,
        `${"[".repeat(depth)}`,
      ),
    ),
);

/** Content types a JSON route may be sent; "" stands for a missing header. */
export const contentTypes: fc.Arbitrary<string> = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json; charset=utf-16",
  "application/vnd.api+json",
  "text/plain",
  "text/plain;charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=nope",
  "application/xml",
  "",
);

/** A multipart form with text fields and files of odd names and types. */
export const multipartForm: fc.Arbitrary<FormData> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom("file", "image", "json", "token", "__proto__"), nastyString),
      fc.oneof(
        nastyString.map((value) => ({ kind: "text" as const, value })),
        fc
          .record({
            name: fc.oneof(fc.constantFrom("a.png", "../../x.svg", "logo.gif", ""), nastyString),
            type: fc.constantFrom("image/png", "image/svg+xml", "text/html", "", "image/jpeg"),
            bytes: fc.oneof(
              fc.uint8Array({ maxLength: 64 }),
              fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
              fc.constant(new TextEncoder().encode("<svg onload=alert(1)>")),
            ),
          })
          .map((file) => ({ kind: "file" as const, ...file })),
      ),
    ),
    { maxLength: 4 },
  )
  .map((fields) => {
    const form = new FormData();
    for (const [name, field] of fields) {
      if (field.kind === "text") form.append(name, field.value);
      else form.append(name, new Blob([field.bytes], { type: field.type }), field.name);
    }
    return form;
  });

/** A request body as the suite sends it. */
export type BodyCase =
  | { kind: "json"; value: unknown; contentType: string }
  | { kind: "raw"; text: string; contentType: string }
  | { kind: "form"; form: FormData }
  | { kind: "none"; contentType: string };

/** Bodies for a route that reads JSON shaped like `example` (null: the route reads no body). */
export function bodyCases(example: Record<string, unknown> | null): fc.Arbitrary<BodyCase> {
  const jsonCt = fc.constantFrom("application/json", "application/json; charset=utf-8");
  const options: fc.WeightedArbitrary<BodyCase>[] = [
    // Every JSON type at the top level, with the right content type.
    {
      weight: 2,
      arbitrary: fc
        .tuple(badValue, jsonCt)
        .map(([value, contentType]) => ({ kind: "json", value, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(badJsonText, fc.oneof(jsonCt, contentTypes))
        .map(([text, contentType]) => ({ kind: "raw", text, contentType })),
    },
    { weight: 1, arbitrary: multipartForm.map((form) => ({ kind: "form", form })) },
    { weight: 1, arbitrary: contentTypes.map((contentType) => ({ kind: "none", contentType })) },
  ];
  if (example) {
    const mutated = mutatedObject(example);
    options.push(
      // Mostly the valid body with a hostile value: that gets furthest into the route.
      {
        weight: 8,
        arbitrary: fc
          .tuple(mutated, jsonCt)
          .map(([value, contentType]) => ({ kind: "json", value, contentType })),
      },
      {
        weight: 1,
        arbitrary: contentTypes.map((contentType) => ({
          kind: "json",
          value: example,
          contentType,
        })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(mutated, jsonCt)
          .map(([value, contentType]) => ({ kind: "json", value: [value], contentType })),
      },
    );
  }
  return fc.oneof(...options);
}

/** Percent-encodes what encodeURIComponent can, and lone surrogates as invalid UTF-8 bytes. */
export function encodeLoosely(value: string): string {
  let out = "";
  for (const char of value) {
    try {
      out += encodeURIComponent(char);
    } catch {
      out += "%ED%A0%80";
    }
  }
  return out;
}

/** Ids that name nothing: empty, huge, unicode, traversal, NUL, SQL-ish, type confusion. */
export const garbageId: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(10_000, 100_000).map((n) => "x".repeat(n)) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.string({ maxLength: 64 }) },
);

/** Path parameters: for catch-alls an array of segments (sometimes a plain string). */
export function paramCases(
  names: { name: string; catchAll: boolean }[],
  real: Record<string, string | string[]> = {},
): fc.Arbitrary<Record<string, string | string[]>> {
  return fc
    .tuple(
      ...names.map(({ name, catchAll }) => {
        const good = real[name];
        return catchAll
          ? fc.oneof(
              fc.array(garbageId, { minLength: 0, maxLength: 6 }),
              fc
                .constantFrom(
                  ["..", "..", "etc", "passwd"],
                  ["suggestions", "..", "..", "x"],
                  ["%00"],
                  [],
                  ["a\u0000b"],
                )
                .map((segments): string[] => [...segments]),
              ...(Array.isArray(good) && good.length
                ? [twistedString(good.join("/")).map((v) => v.split("/"))]
                : []),
            )
          : typeof good === "string"
            ? fc.oneof(garbageId, twistedString(good))
            : garbageId;
      }),
    )
    .map((values) => Object.fromEntries(names.map(({ name }, i) => [name, values[i]!])));
}

/** Raw query values: hostile strings (loosely encoded) and malformed percent escapes. */
const queryValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: nastyString.map(encodeLoosely) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("%", "%ZZ", "%00", "%ED%A0%80", "%FF%FE", "%C0%AF", "+"),
  },
  { weight: 1, arbitrary: fc.constantFrom(5_000, 100_000).map((n) => "q".repeat(n)) },
);

/**
 * A query string over the route's known keys (with their valid example values sometimes kept),
 * unknown and pollution keys, repeated keys, invalid values.
 */
export function queryCases(known: Record<string, string[]>): fc.Arbitrary<string> {
  const keys = Object.keys(known);
  const key = fc.oneof(
    ...(keys.length ? [{ weight: 4, arbitrary: fc.constantFrom(...keys) }] : []),
    { weight: 1, arbitrary: fc.constantFrom(...POLLUTION_KEYS, "key", "token", "unknown") },
    { weight: 1, arbitrary: nastyString.map(encodeLoosely) },
  );
  const pair = key.chain((k) => {
    const examples = Object.hasOwn(known, k) ? known[k] : undefined;
    const value = examples?.length
      ? fc.oneof(
          fc.constantFrom(...examples),
          queryValue,
          fc
            .constantFrom(...examples)
            .chain((example) => twistedString(example).map(encodeLoosely)),
        )
      : queryValue;
    return value.map((v) => `${k}=${v}`);
  });
  return fc
    .array(pair, { minLength: 1, maxLength: 6 })
    .chain((pairs) =>
      fc.boolean().map((repeat) => (repeat && pairs.length ? [...pairs, pairs[0]!] : pairs)),
    )
    .map((pairs) => pairs.join("&"));
}

/**
 * Form fields for a server action, from a valid example: mostly one field replaced (hostile
 * text, about 1 MB of text, a file where text is expected), sometimes fields dropped, unknown or
 * pollution keys added, or a key repeated.
 */
export function actionFormCases(example: Record<string, string>): fc.Arbitrary<FormData> {
  const keys = Object.keys(example);
  const replacement = (original: string) =>
    fc.oneof(
      nastyString.map((value) => ({ kind: "text" as const, value })),
      twistedString(original).map((value) => ({ kind: "text" as const, value })),
      hugeString.map((value) => ({ kind: "text" as const, value })),
      fc.constant({ kind: "file" as const, value: "" }),
      fc.constant({ kind: "missing" as const, value: "" }),
    );
  return fc
    .tuple(
      fc
        .constantFrom(...keys)
        .chain((key) => replacement(example[key]!).map((r) => [key, r] as const)),
      fc.array(fc.tuple(fc.oneof(nastyString, fc.constantFrom(...POLLUTION_KEYS)), nastyString), {
        maxLength: 2,
      }),
      fc.boolean(),
    )
    .map(([[key, replaced], extra, repeat]) => {
      const form = new FormData();
      for (const name of keys) {
        if (name !== key) form.append(name, example[name]!);
        else if (replaced.kind === "text") form.append(name, replaced.value);
        else if (replaced.kind === "file") form.append(name, new Blob(["x"]), "x.txt");
      }
      for (const [name, value] of extra) form.append(name, value);
      if (repeat && keys.length) form.append(keys[0]!, "repeated");
      return form;
    });
}
