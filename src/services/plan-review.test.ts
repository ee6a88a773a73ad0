import { describe, expect, it } from "vitest";
import { type Actor, verifyAuditChain } from "../db/audit-repository.ts";
import { ensureDepartments } from "../db/departments-repository.ts";
import { ensureRegion } from "../db/regions-repository.ts";
import { AppError } from "../domain/app-error.ts";
import { FIXTURE_TEXT, fixtureExtract } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { importPlan } from "./import-plan.ts";
import { loadPlanDetail } from "./plan-queries.ts";
import {
  addManualTarget,
  mergeTargets,
  patchNode,
  patchTarget,
  publishPlan,
  splitTarget,
} from "./plan-review.ts";

const actor: Actor = { userId: null, ip: "127.0.0.1" };

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe.each(testDialects())("plan review on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  async function setup() {
    const db = store().db;
    const region = await ensureRegion(db, actor, { name: "南开区", code: "120104" });
    const departments = await ensureDepartments(db, actor, region.id, [
      { name: "区人社局" },
      { name: "区科技局" },
    ]);
    const other = await ensureRegion(db, actor, { name: "和平区", code: "120101" });
    const [foreign] = await ensureDepartments(db, actor, other.id, [{ name: "区人社局" }]);
    const { planId } = await importPlan(
      { db, extract: fixtureExtract },
      { bytes: new TextEncoder().encode(FIXTURE_TEXT), fileName: "plan.txt", region: "120104" },
    );
    const detail = await loadPlanDetail(db, planId);
    if (!detail) throw new Error("no plan");
    const target = (subject: string) => {
      const t = detail.targets.find((x) => x.subject === subject);
      if (!t) throw new Error(subject);
      return t;
    };
    return { db, planId, detail, departments, foreign, target };
  }

  it("correct a value and rewrite the display in the plan's own unit", async () => {
    const { db, target } = await setup();
    const jobs = target("新增就业");
    const updated = await patchTarget(db, actor, jobs.id, { value: 45000 });
    expect(updated).toMatchObject({ value: 45000, display: "4.5万人", displayUnit: "万人" });
    const explicit = await patchTarget(db, actor, jobs.id, { value: 46000, display: "四万六千人" });
    expect(explicit.display).toBe("四万六千人");
  });

  it("make a range and back, keeping value2 coherent", async () => {
    const { db, target } = await setup();
    const gdp = target("地区生产总值");
    expect((await errorOf(patchTarget(db, actor, gdp.id, { comparator: "range" }))).message).toMatch(
      /value2/,
    );
    const range = await patchTarget(db, actor, gdp.id, { comparator: "range", value2: 6 });
    expect(range).toMatchObject({ value: 5, value2: 6, display: "5-6%" });
    expect((await errorOf(patchTarget(db, actor, gdp.id, { value2: 4 }))).code).toBe("bad_input");
    const back = await patchTarget(db, actor, gdp.id, { comparator: "at_least" });
    expect(back).toMatchObject({ value2: null, display: "5%", comparator: "at_least" });
    expect((await errorOf(patchTarget(db, actor, gdp.id, { value2: 7 }))).message).toMatch(/只有区间指标/);
  });

  it("refuse bad corrections and change nothing", async () => {
    const { db, target, foreign, detail } = await setup();
    const jobs = target("新增就业");
    const cases = [
      { subject: "  " },
      { value: null },
      { dueDate: "2020-02-30" },
      { weight: -1 },
      { leadDepartmentId: 9999 },
      { leadDepartmentId: foreign?.id },
      { coDepartmentIds: [foreign?.id as number] },
      { nodeId: 9999 },
      { start: 5, end: 5 },
      { end: FIXTURE_TEXT.length + 10 },
    ];
    for (const patch of cases) {
      const error = await errorOf(patchTarget(db, actor, jobs.id, patch));
      expect(error.code, JSON.stringify(patch)).toBe("bad_input");
    }
    expect((await errorOf(patchTarget(db, actor, 9999, { value: 1 }))).code).toBe("not_found");
    const after = await loadPlanDetail(db, detail.plan.id);
    expect(after?.targets).toEqual(detail.targets);
  });

  it("let a milestone have no value", async () => {
    const { db, target } = await setup();
    const gdp = target("地区生产总值");
    const milestone = await patchTarget(db, actor, gdp.id, { kind: "milestone", value: null });
    expect(milestone).toMatchObject({ kind: "milestone", value: null, display: "" });
  });

  it("split a list target at a point inside its text", async () => {
    const { db, target } = await setup();
    const eagle = target("雏鹰企业");
    const at = FIXTURE_TEXT.indexOf("和18家");
    expect((await errorOf(splitTarget(db, actor, eagle.id, { at: eagle.start }))).code).toBe("bad_input");
    const [a, b] = await splitTarget(db, actor, eagle.id, { at, second: { value: 18 } });
    expect(a).toMatchObject({ value: 80, end: at, display: "80家" });
    expect(b).toMatchObject({ value: 18, start: at, display: "18家", subject: "雏鹰企业" });
  });

  it("merge two targets, refusing a single or a missing one", async () => {
    const { db, target } = await setup();
    const gdp = target("地区生产总值");
    const income = target("一般公共预算收入");
    expect((await errorOf(mergeTargets(db, actor, { ids: [gdp.id, gdp.id] }))).code).toBe("bad_input");
    expect((await errorOf(mergeTargets(db, actor, { ids: [gdp.id, 9999] }))).code).toBe("not_found");
    const merged = await mergeTargets(db, actor, {
      ids: [gdp.id, income.id],
      patch: { subject: "两项收入" },
    });
    expect(merged).toMatchObject({ id: gdp.id, start: gdp.start, end: income.end, subject: "两项收入" });
  });

  it("add a target from selected text, guessing its fields with the extractor", async () => {
    const { db, planId, detail } = await setup();
    const start = FIXTURE_TEXT.indexOf("新增就业4万人");
    const end = start + "新增就业4万人".length;
    const guessed = await addManualTarget(db, actor, planId, { start, end }, fixtureExtractOnSpan);
    expect(guessed).toMatchObject({
      source: "manual",
      value: 40000,
      unit: "人",
      display: "4万人",
      kind: "cumulative",
    });
    const task = detail.outline.find((n) => n.text === "全年新增就业4万人。");
    expect(guessed.nodeId).toBe(task?.id);

    const museumStart = FIXTURE_TEXT.indexOf("建成南开美术馆");
    const milestone = await addManualTarget(db, actor, planId, { start: museumStart, end: museumStart + 7 });
    expect(milestone).toMatchObject({ kind: "milestone", value: null, subject: "建成南开美术馆" });

    const manual = await addManualTarget(db, actor, planId, {
      start,
      end,
      subject: "就业",
      value: 4,
      unit: "万人",
      kind: "cumulative",
    });
    expect(manual).toMatchObject({ subject: "就业", value: 4, display: "4万人" });
    expect((await errorOf(addManualTarget(db, actor, planId, { start: end, end: start }))).code).toBe(
      "bad_input",
    );
    expect((await errorOf(addManualTarget(db, actor, 9999, { start, end }))).code).toBe("not_found");
  });

  it("correct a node, then publish once", async () => {
    const { db, planId, detail, departments, foreign } = await setup();
    const group = detail.outline.find((n) => n.kind === "group");
    if (!group) throw new Error("no group");
    const node = await patchNode(db, actor, group.id, {
      title: " 拓展增量 ",
      leadDepartmentId: departments[0]?.id,
    });
    expect(node).toMatchObject({ title: "拓展增量", leadDepartment: { name: "区人社局" } });
    expect((await errorOf(patchNode(db, actor, group.id, { title: "" }))).code).toBe("bad_input");
    expect((await errorOf(patchNode(db, actor, group.id, { leadDepartmentId: foreign?.id }))).code).toBe(
      "bad_input",
    );
    expect((await errorOf(patchNode(db, actor, 9999, { title: "x" }))).code).toBe("not_found");

    expect((await publishPlan(db, actor, planId)).state).toBe("published");
    expect((await errorOf(publishPlan(db, actor, planId))).code).toBe("conflict");
    expect((await errorOf(publishPlan(db, actor, 9999))).code).toBe("not_found");
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("refuse changes to a closed plan", async () => {
    const { db, planId, target } = await setup();
    await db.updateTable("plans").set({ state: "closed" }).where("id", "=", planId).execute();
    const error = await errorOf(patchTarget(db, actor, target("新增就业").id, { value: 1 }));
    expect(error.code).toBe("conflict");
  });
});

/** The fixture extractor finds nothing in a fragment; this one reads "新增就业4万人" as the real one would. */
function fixtureExtractOnSpan(text: string) {
  const draft = fixtureExtract(FIXTURE_TEXT);
  const jobs = draft.targets.find((t) => t.subject === "新增就业");
  return {
    ...draft,
    targets: jobs && text.includes("新增就业4万人") ? [{ ...jobs, start: 0, end: text.length }] : [],
  };
}
