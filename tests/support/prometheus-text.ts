/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4): every line is a
 * `# HELP`, a `# TYPE` or a sample of a family declared before it, with well-formed labels and a
 * number. Throws naming the first line that is not.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
const SAMPLE = new RegExp(
  `^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*,?)?\\})? (\\S+)(?: (-?\\d+))?$`,
);
const SUFFIXES = ["_bucket", "_sum", "_count", "_total", "_created"];

export function parsePrometheusText(text: string): {
  types: Map<string, string>;
  samples: Sample[];
} {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    const where = `line ${i + 1}: ${JSON.stringify(line)}`;
    if (line === "") continue;
    const type = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`).exec(
      line,
    );
    if (type) {
      if (types.has(type[1]!)) throw new Error(`${where}: family declared twice`);
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (new RegExp(`^# HELP ${NAME} `).test(line)) continue;
    if (line.startsWith("#")) throw new Error(`${where}: not a HELP or TYPE comment`);
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`${where}: not a sample`);
    const [, name, labelText, rawValue] = sample;
    const family = types.has(name!)
      ? name!
      : SUFFIXES.map((s) => (name!.endsWith(s) ? name!.slice(0, -s.length) : "")).find((f) =>
          types.has(f),
        );
    if (!family) throw new Error(`${where}: sample of no declared family`);
    const value = number(rawValue!);
    if (value === null) throw new Error(`${where}: not a number`);
    const labels: Record<string, string> = {};
    for (const m of (labelText ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[m[1]!] = m[2]!.replace(/\\n/g, "\n").replace(/\\(["\\])/g, "$1");
    }
    samples.push({ name: name!, labels, value });
  }
  return { types, samples };
}

/** A sample value as Prometheus reads it (Go's ParseFloat: NaN and Inf in any case, as prom-client writes "Nan"). */
function number(text: string): number | null {
  if (/^nan$/i.test(text)) return NaN;
  const inf = /^([+-]?)inf(inity)?$/i.exec(text);
  if (inf) return inf[1] === "-" ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  return Number(text);
}

/** The value of the one sample named `name` whose labels include `labels` (throws unless one). */
export function sampleValue(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  const found = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length !== 1) {
    throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}, expected one`);
  }
  return found[0]!.value;
}
