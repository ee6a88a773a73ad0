// A small metrics registry that renders the Prometheus text exposition format (version 0.0.4): counters,
// gauges and histograms with labels. Small on purpose: three kinds are all PlanTrack needs, and each
// app instance owns its registry, so tests never see another app's counts.

export type Labels = Readonly<Record<string, string>>;

interface Series {
  labels: Labels;
  value: number;
}

interface HistogramSeries {
  labels: Labels;
  counts: number[];
  sum: number;
  count: number;
}

export interface Counter {
  inc: (labels?: Labels, by?: number) => void;
}

export interface Gauge {
  set: (labels: Labels, value: number) => void;
  /** Drops every series, for gauges refilled from scratch at each scrape (reports by state). */
  reset: () => void;
}

export interface Histogram {
  observe: (labels: Labels, value: number) => void;
}

export interface MetricsRegistry {
  counter: (name: string, help: string) => Counter;
  gauge: (name: string, help: string) => Gauge;
  histogram: (name: string, help: string, buckets: readonly number[]) => Histogram;
  render: () => string;
}

/** Seconds: from a fast lookup to a slow import. */
export const LATENCY_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function renderLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return "";
  for (const [name] of entries) {
    if (!LABEL.test(name)) throw new Error(`metric label name not allowed: ${name}`);
  }
  return `{${entries.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(",")}}`;
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

export function createMetricsRegistry(): MetricsRegistry {
  const blocks: (() => string[])[] = [];
  const names = new Set<string>();

  function claim(name: string): void {
    if (!NAME.test(name)) throw new Error(`metric name not allowed: ${name}`);
    if (names.has(name)) throw new Error(`metric registered twice: ${name}`);
    names.add(name);
  }

  function simple(name: string, help: string, type: "counter" | "gauge") {
    claim(name);
    const series = new Map<string, Series>();
    blocks.push(() => [
      `# HELP ${name} ${escapeHelp(help)}`,
      `# TYPE ${name} ${type}`,
      ...[...series.values()].map((s) => `${name}${renderLabels(s.labels)} ${formatNumber(s.value)}`),
    ]);
    return series;
  }

  return {
    counter(name, help) {
      const series = simple(name, help, "counter");
      return {
        inc(labels = {}, by = 1) {
          if (by < 0) throw new Error(`a counter only goes up: ${name}`);
          const key = labelKey(labels);
          const s = series.get(key);
          if (s) s.value += by;
          else series.set(key, { labels: { ...labels }, value: by });
        },
      };
    },
    gauge(name, help) {
      const series = simple(name, help, "gauge");
      return {
        set(labels, value) {
          series.set(labelKey(labels), { labels: { ...labels }, value });
        },
        reset() {
          series.clear();
        },
      };
    },
    histogram(name, help, buckets) {
      claim(name);
      const bounds = [...buckets].sort((a, b) => a - b);
      const series = new Map<string, HistogramSeries>();
      blocks.push(() => {
        const lines = [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} histogram`];
        for (const s of series.values()) {
          bounds.forEach((le, i) => {
            lines.push(
              `${name}_bucket${renderLabels({ ...s.labels, le: formatNumber(le) })} ${s.counts[i] ?? 0}`,
            );
          });
          lines.push(`${name}_bucket${renderLabels({ ...s.labels, le: "+Inf" })} ${s.count}`);
          lines.push(`${name}_sum${renderLabels(s.labels)} ${formatNumber(s.sum)}`);
          lines.push(`${name}_count${renderLabels(s.labels)} ${s.count}`);
        }
        return lines;
      });
      return {
        observe(labels, value) {
          const key = labelKey(labels);
          let s = series.get(key);
          if (!s) {
            s = { labels: { ...labels }, counts: bounds.map(() => 0), sum: 0, count: 0 };
            series.set(key, s);
          }
          // Buckets are cumulative: a value counts in every bucket whose bound it does not exceed.
          bounds.forEach((le, i) => {
            if (value <= le && s) s.counts[i] = (s.counts[i] ?? 0) + 1;
          });
          s.sum += value;
          s.count += 1;
        },
      };
    },
    render() {
      return `${blocks.flatMap((block) => block()).join("\n")}\n`;
    },
  };
}
