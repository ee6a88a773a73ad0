import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listDepartments } from "../db/departments-repository.ts";
import { findRegionByCode } from "../db/regions-repository.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { listPlans, loadPlanDetail } from "./plan-queries.ts";
import { NANKAI_DEPARTMENTS, seedDemo } from "./seed-demo.ts";

const examplesDir = join(import.meta.dirname, "../../examples");

describe("Nankai departments", () => {
  it("have unique names", () => {
    const names = NANKAI_DEPARTMENTS.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe.each(testDialects())("seedDemo on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("import the Nankai plan with its region and departments once, and nothing on a second start", async () => {
    const db = store().db;
    const first = await seedDemo({ db, extract: fixtureExtract, examplesDir });
    expect(first.seeded).toBe(true);
    const nankai = await findRegionByCode(db, "120104");
    const tianjin = await findRegionByCode(db, "120000");
    expect(nankai).toMatchObject({ name: "南开区", parent_id: tianjin?.id });
    expect((await listDepartments(db, nankai?.id as number)).length).toBe(NANKAI_DEPARTMENTS.length);
    const second = await seedDemo({ db, extract: fixtureExtract, examplesDir });
    expect(second).toEqual({ seeded: false, planId: null, summary: null });
    expect(await listPlans(db)).toHaveLength(1);
  });

  it("link the real extractor's department suggestions to the district's departments", async () => {
    const db = store().db;
    const outcome = await seedDemo({ db, extract: extractPlan, examplesDir });
    const detail = await loadPlanDetail(db, outcome.planId as number);
    if (!detail) throw new Error("no plan");
    expect(detail.plan).toMatchObject({
      regionName: "南开区",
      regionCode: "120104",
      year: 2020,
      state: "draft",
    });
    const suggestions = [...detail.outline, ...detail.targets].flatMap((x) =>
      x.suggestedDepartment ? [x.suggestedDepartment] : [],
    );
    expect(suggestions.length).toBeGreaterThan(0);
    const unresolved = suggestions.filter((s) => s.departmentId === null).map((s) => s.department);
    expect(unresolved).toEqual([]);
    const names = new Map(detail.departments.map((d) => [d.id, d.name]));
    for (const s of suggestions) expect(names.get(s.departmentId as number)).toBe(s.department);
  });
});
