// End to end with the real extractor: the example plan, and the same plan saved as GBK text, as a web
// page and as a Word file, all import to the same plan.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractPlan } from "../extract/extract-plan.ts";
import { encodeGbk, makeDocx, makeHtml } from "../test/make-files.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { importPlan } from "./import-plan.ts";
import { loadPlanDetail } from "./plan-queries.ts";

const NANKAI = readFileSync(join(import.meta.dirname, "../../examples/nankai-2020.txt"));

describe.each(testDialects())("importing the Nankai 2020 plan on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  async function shape(planId: number) {
    const detail = await loadPlanDetail(store().db, planId);
    return {
      counts: detail?.plan.counts,
      meta: [detail?.plan.title, detail?.plan.year, detail?.plan.issuer, detail?.plan.published],
      outline: detail?.outline.filter((n) => n.kind !== "task").map((n) => [n.kind, n.level, n.title]),
      targets: detail?.targets.map((t) => [t.subject, t.value, t.unit, t.comparator, t.direction, t.kind]),
    };
  }

  it("store its outline and targets with spans that quote the source", async () => {
    const result = await importPlan(
      { db: store().db, extract: extractPlan },
      { bytes: NANKAI, fileName: "nankai-2020.txt", region: "南开区" },
    );
    expect(result.plan).toMatchObject({
      title: "南开区2020年国民经济和社会发展计划",
      year: 2020,
      regionName: "南开区",
    });
    expect(result.summary.areas).toBeGreaterThan(0);
    expect(result.summary.targets).toBeGreaterThan(0);
    const detail = await loadPlanDetail(store().db, result.planId);
    const text = NANKAI.toString("utf8");
    for (const t of detail?.targets ?? []) expect(t.end).toBeLessThanOrEqual(text.length);
    for (const n of detail?.outline ?? []) {
      if (n.kind !== "task") expect(text.slice(n.start, n.end)).toContain(n.title);
    }
  });

  it("read the same plan from GBK text, a web page and a Word file", async () => {
    const deps = { db: store().db, extract: extractPlan };
    const base = await importPlan(deps, { bytes: NANKAI, fileName: "nankai-2020.txt" });
    const expected = await shape(base.planId);
    const text = NANKAI.toString("utf8");
    const files: [string, Uint8Array][] = [
      ["nankai-gbk.txt", encodeGbk(text)],
      ["nankai.html", new TextEncoder().encode(makeHtml(text))],
      ["nankai.docx", makeDocx(text)],
    ];
    for (const [fileName, bytes] of files) {
      const result = await importPlan(deps, { bytes, fileName, force: true });
      expect(await shape(result.planId), fileName).toEqual(expected);
    }
  });
});
