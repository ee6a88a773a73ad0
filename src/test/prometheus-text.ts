// A strict reader of the Prometheus text exposition format (0.0.4) for tests: every line must be a
// HELP, a TYPE or a sample of a declared family, label values properly escaped, no series twice, and a
// histogram's buckets cumulative with +Inf equal to its count. Throws, naming the line, otherwise.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const TYPES = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);
const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const SAMPLE = new RegExp(`^(${NAME})(\\{(.*)\\})? (\\S+)( -?\\d+)?$`);

function parseLabels(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const name = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(text.slice(i));
    if (!name) throw new Error(`${where}: bad label name at ${i}`);
    i += name[0].length;
    if (text.slice(i, i + 2) !== '="') throw new Error(`${where}: expected =" after ${name[0]}`);
    i += 2;
    let value = "";
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Error(`${where}: unterminated label value`);
      i += 1;
      if (c === '"') break;
      if (c === "\\") {
        const next = text[i];
        i += 1;
        if (next === "n") value += "\n";
        else if (next === "\\" || next === '"') value += next;
        else throw new Error(`${where}: bad escape \\${next}`);
      } else if (c === "\n") throw new Error(`${where}: raw newline in a label value`);
      else value += c;
    }
    if (name[0] in labels) throw new Error(`${where}: label ${name[0]} twice`);
    labels[name[0]] = value;
    if (text[i] === ",") i += 1;
    else if (i < text.length) throw new Error(`${where}: expected , or } at ${i}`);
  }
  return labels;
}

function parseValue(text: string, where: string): number {
  if (text === "+Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  if (text === "NaN") return Number.NaN;
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`${where}: bad value ${text}`);
  return Number(text);
}

function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  for (const suffix of ["_bucket", "_sum", "_count"]) {
    if (name.endsWith(suffix)) {
      const base = name.slice(0, -suffix.length);
      const type = types.get(base);
      if (type === "histogram" || (type === "summary" && suffix !== "_bucket")) return base;
    }
  }
  return undefined;
}

export function parsePrometheusText(text: string): Sample[] {
  if (!text.endsWith("\n")) throw new Error("the exposition must end with a newline");
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const seen = new Set<string>();
  text
    .slice(0, -1)
    .split("\n")
    .forEach((line, index) => {
      const where = `line ${index + 1}`;
      if (line.startsWith("# HELP ")) {
        if (!new RegExp(`^# HELP ${NAME} `).test(line)) throw new Error(`${where}: bad HELP`);
        return;
      }
      if (line.startsWith("# TYPE ")) {
        const m = new RegExp(`^# TYPE (${NAME}) (\\w+)$`).exec(line);
        if (!m?.[1] || !m[2] || !TYPES.has(m[2])) throw new Error(`${where}: bad TYPE`);
        if (types.has(m[1])) throw new Error(`${where}: TYPE of ${m[1]} twice`);
        types.set(m[1], m[2]);
        return;
      }
      if (line.startsWith("#") || line === "") return;
      const m = SAMPLE.exec(line);
      if (!m?.[1] || m[4] === undefined) throw new Error(`${where}: not a sample: ${line}`);
      const name = m[1];
      if (!familyOf(name, types)) throw new Error(`${where}: ${name} has no TYPE before it`);
      const labels = m[3] ? parseLabels(m[3], where) : {};
      const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
      if (seen.has(key)) throw new Error(`${where}: series twice: ${key}`);
      seen.add(key);
      samples.push({ name, labels, value: parseValue(m[4], where) });
    });
  checkHistograms(samples, types);
  return samples;
}

function checkHistograms(samples: Sample[], types: Map<string, string>): void {
  for (const [family, type] of types) {
    if (type !== "histogram") continue;
    const groups = new Map<string, Sample[]>();
    for (const s of samples.filter((x) => x.name === `${family}_bucket`)) {
      const { le, ...rest } = s.labels;
      if (le === undefined) throw new Error(`${family}: a bucket without le`);
      const key = JSON.stringify(Object.entries(rest).sort());
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    for (const [key, buckets] of groups) {
      const sorted = [...buckets].sort(
        (a, b) => parseValue(a.labels.le ?? "", family) - parseValue(b.labels.le ?? "", family),
      );
      for (let i = 1; i < sorted.length; i++) {
        if ((sorted[i]?.value ?? 0) < (sorted[i - 1]?.value ?? 0))
          throw new Error(`${family}${key}: buckets not cumulative`);
      }
      const last = sorted[sorted.length - 1];
      if (last?.labels.le !== "+Inf") throw new Error(`${family}${key}: no +Inf bucket`);
      const count = samples.find(
        (s) => s.name === `${family}_count` && JSON.stringify(Object.entries(s.labels).sort()) === key,
      );
      if (count?.value !== last.value) throw new Error(`${family}${key}: +Inf bucket ≠ count`);
    }
  }
}

/** The value of the one sample of `name` whose labels include `labels`; undefined when none. */
export function sampleValue(
  samples: Sample[],
  name: string,
  labels: Record<string, string>,
): number | undefined {
  const matches = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (matches.length > 1)
    throw new Error(`${name} ${JSON.stringify(labels)}: ${matches.length} series match`);
  return matches[0]?.value;
}
