import { describe, expect, it } from "vitest";
import { parsePrometheusText, sampleValue } from "../test/prometheus-text.ts";
import { createMetricsRegistry } from "./metrics-registry.ts";

describe("the metrics registry", () => {
  it("render counters, gauges and cumulative histograms that a strict reader accepts", () => {
    const r = createMetricsRegistry();
    const c = r.counter("t_requests_total", "requests\nwith a newline");
    const g = r.gauge("t_reports", "reports");
    const h = r.histogram("t_seconds", "latency", [0.1, 1, 0.5]);
    c.inc({ route: '/a"b\\c', status: "200" });
    c.inc({ status: "200", route: '/a"b\\c' }, 2);
    g.set({ state: "submitted" }, 7);
    for (const v of [0.05, 0.3, 0.3, 2]) h.observe({ route: "/x" }, v);
    const samples = parsePrometheusText(r.render());
    expect(sampleValue(samples, "t_requests_total", { route: '/a"b\\c' })).toBe(3);
    expect(sampleValue(samples, "t_reports", { state: "submitted" })).toBe(7);
    expect(sampleValue(samples, "t_seconds_bucket", { le: "0.1" })).toBe(1);
    expect(sampleValue(samples, "t_seconds_bucket", { le: "0.5" })).toBe(3);
    expect(sampleValue(samples, "t_seconds_bucket", { le: "1" })).toBe(3);
    expect(sampleValue(samples, "t_seconds_bucket", { le: "+Inf" })).toBe(4);
    expect(sampleValue(samples, "t_seconds_sum", {})).toBeCloseTo(2.65);
    g.reset();
    expect(sampleValue(parsePrometheusText(r.render()), "t_reports", { state: "submitted" })).toBeUndefined();
  });

  it("refuse bad names, twice-registered names and counters going down", () => {
    const r = createMetricsRegistry();
    expect(() => r.counter("bad-name", "x")).toThrow(/not allowed/);
    r.gauge("ok_name", "x");
    expect(() => r.gauge("ok_name", "x")).toThrow(/twice/);
    expect(() => r.counter("c_total", "x").inc({}, -1)).toThrow(/only goes up/);
  });
});

describe("the strict Prometheus reader used by the tests", () => {
  it("reject what a scraper would reject", () => {
    const ok = "# TYPE a counter\na 1\n";
    expect(parsePrometheusText(ok)).toEqual([{ name: "a", labels: {}, value: 1 }]);
    expect(() => parsePrometheusText("a 1\n")).toThrow(/no TYPE/);
    expect(() => parsePrometheusText("# TYPE a counter\na 1")).toThrow(/newline/);
    expect(() => parsePrometheusText('# TYPE a counter\na{x="1} 1\n')).toThrow(/unterminated/);
    expect(() => parsePrometheusText("# TYPE a counter\na one\n")).toThrow(/bad value/);
    expect(() => parsePrometheusText("# TYPE a counter\na 1\na 2\n")).toThrow(/twice/);
    expect(() =>
      parsePrometheusText(
        '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\nh_sum 1\n',
      ),
    ).toThrow(/cumulative/);
    expect(() =>
      parsePrometheusText(
        '# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_count 3\nh_sum 1\n',
      ),
    ).toThrow(/count/);
  });
});
