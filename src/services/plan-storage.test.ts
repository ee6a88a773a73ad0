import { describe, expect, it } from "vitest";
import { type Actor, listAudit, verifyAuditChain } from "../db/audit-repository.ts";
import { ensureDepartments } from "../db/departments-repository.ts";
import { updateNode } from "../db/outline-nodes-repository.ts";
import { insertPlanDraft, type NewPlan, type SourceDocument } from "../db/plan-import-repository.ts";
import { findPlansBySource, setPlanState } from "../db/plans-repository.ts";
import { ensureRegion } from "../db/regions-repository.ts";
import type { Database } from "../db/schema.ts";
import {
  insertManualTarget,
  mergeTargets,
  splitTarget,
  updateTarget,
} from "../db/target-edits-repository.ts";
import type { PlanDraft } from "../extract/types.ts";
import { FIXTURE_COUNTS, FIXTURE_TEXT, fixtureDraft } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import {
  getNodeView,
  getPlanSource,
  getPlanSummary,
  getTargetView,
  listPlans,
  loadPlanDetail,
} from "./plan-queries.ts";

const actor: Actor = { userId: null, ip: "127.0.0.1" };

const source: SourceDocument = {
  fileName: "nankai.txt",
  mediaType: "txt",
  encoding: "utf-8",
  sha256: "a".repeat(64),
  textSha256: "b".repeat(64),
  byteSize: 1234,
  text: FIXTURE_TEXT,
};

function newPlan(regionId: number | null): NewPlan {
  return {
    regionId,
    title: "南开区2020年国民经济和社会发展计划",
    year: 2020,
    periodStart: "2020-01-01",
    periodEnd: "2020-12-31",
    issuer: "天津市南开区发展和改革委员会",
    publishedOn: "2020-03-02",
  };
}

const TABLES: (keyof Database)[] = [
  "regions",
  "departments",
  "plans",
  "plan_sources",
  "outline_nodes",
  "targets",
  "items",
  "audit_log",
];

describe.each(testDialects())("plan storage and its views on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  async function rowCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of TABLES) {
      const row = await store()
        .db.selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  async function seedRegion() {
    const { db } = store();
    const region = await ensureRegion(db, actor, { name: "南开区", code: "120104" });
    const departments = await ensureDepartments(db, actor, region.id, [
      { name: "区人社局" },
      { name: "区科技局" },
      { name: "区统计局" },
    ]);
    return { region, departments };
  }

  it("store a draft with its source in document order, parents first, and count it", async () => {
    const { region } = await seedRegion();
    const { planId, summary } = await insertPlanDraft(
      store().db,
      actor,
      newPlan(region.id),
      source,
      fixtureDraft(),
    );
    expect(summary).toEqual(FIXTURE_COUNTS);

    const detail = await loadPlanDetail(store().db, planId);
    if (!detail) throw new Error("no detail");
    expect(detail.plan).toMatchObject({
      id: planId,
      regionName: "南开区",
      regionCode: "120104",
      year: 2020,
      state: "draft",
      periodStart: "2020-01-01",
      periodEnd: "2020-12-31",
      fileName: "nankai.txt",
      counts: FIXTURE_COUNTS,
    });
    const kinds = detail.outline.map((n) => n.kind);
    expect(kinds).toEqual(["section", "task", "section", "area", "group", "task", "task", "task", "task"]);
    const starts = detail.outline.map((n) => n.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const byId = new Map(detail.outline.map((n) => [n.id, n]));
    for (const node of detail.outline) {
      if (node.parentId !== null) {
        const parent = byId.get(node.parentId);
        expect(parent).toBeDefined();
        expect(node.level).toBe((parent?.level ?? 0) + 1);
      }
      expect(FIXTURE_TEXT.slice(node.start, node.end)).toContain(
        node.kind === "task" ? node.text : node.title,
      );
    }
    const group = detail.outline.find((n) => n.kind === "group");
    const employment = detail.outline.find((n) => n.text === "全年新增就业4万人。");
    expect(employment?.parentId).toBe(group?.id);
    expect(employment?.suggestedDepartment).toMatchObject({
      department: "区人社局",
      keyword: "就业",
      suggested: true,
    });
    expect(employment?.suggestedDepartment?.departmentId).toBe(
      detail.departments.find((d) => d.name === "区人社局")?.id,
    );
    expect(employment?.leadDepartment).toBeNull();

    expect(detail.targets).toHaveLength(6);
    const jobs = detail.targets.find((t) => t.subject === "新增就业");
    expect(jobs).toMatchObject({
      value: 40000,
      unit: "人",
      displayUnit: "万人",
      display: "4万人",
      kind: "cumulative",
      frequency: "monthly",
      source: "extracted",
      nodeId: employment?.id,
      weight: 1,
      dueDate: null,
      confidence: 0.9,
    });
    expect(FIXTURE_TEXT.slice(jobs?.start, jobs?.end)).toBe("新增就业4万人");
    expect(detail.targets.find((t) => t.subject === "地区生产总值")?.frequency).toBe("quarterly");
    const museum = detail.targets.find((t) => t.kind === "milestone");
    expect(museum).toMatchObject({ subject: "建成南开美术馆", value: null, unit: "", display: "" });
    expect(detail.items).toEqual([
      expect.objectContaining({ name: "水厂南BC地块", category: "land_parcel", leadDepartment: null }),
    ]);
    expect(detail.departments.map((d) => d.name)).toEqual(["区人社局", "区科技局", "区统计局"]);

    expect(await getPlanSource(store().db, planId)).toEqual({
      planId,
      fileName: "nankai.txt",
      encoding: "utf-8",
      sha256: source.sha256,
      text: FIXTURE_TEXT,
    });
    const audit = await listAudit(store().db, { planId });
    expect(audit.map((a) => a.action)).toEqual(["plan.import"]);
    expect(await verifyAuditChain(store().db)).toEqual({
      ok: true,
      count: (await listAudit(store().db)).length,
    });
  });

  it("store a large draft in chunks, keeping every parent link, and make roots of unknown parents", async () => {
    const draft = fixtureDraft();
    const group = draft.outline.find((h) => h.kind === "group");
    for (let i = 0; i < 450; i++) {
      draft.tasks.push({
        id: `bulk${i}`,
        parentId: group?.id ?? null,
        text: `任务${i}`,
        department: null,
        start: 200 + i,
        end: 201 + i,
      });
    }
    draft.tasks.push({
      id: "orphan",
      parentId: "nowhere",
      text: "孤立任务",
      department: null,
      start: 10,
      end: 12,
    });
    const { planId, summary } = await insertPlanDraft(store().db, actor, newPlan(null), source, draft);
    expect(summary.tasks).toBe(FIXTURE_COUNTS.tasks + 451);
    const detail = await loadPlanDetail(store().db, planId);
    const groupNode = detail?.outline.find((n) => n.kind === "group");
    const bulk = detail?.outline.filter((n) => n.text.startsWith("任务")) ?? [];
    expect(bulk).toHaveLength(450);
    expect(bulk.every((n) => n.parentId === groupNode?.id && n.level === 4)).toBe(true);
    expect(detail?.outline.find((n) => n.text === "孤立任务")).toMatchObject({ parentId: null, level: 1 });
    const orders = detail?.outline.map((n) => n.order) ?? [];
    expect(new Set(orders).size).toBe(orders.length);
  });

  it("find plans by the file's hash or the text's hash", async () => {
    const { planId } = await insertPlanDraft(store().db, actor, newPlan(null), source, fixtureDraft());
    expect(await findPlansBySource(store().db, { sha256: source.sha256 })).toEqual([
      expect.objectContaining({ planId }),
    ]);
    expect(
      await findPlansBySource(store().db, { sha256: "c".repeat(64), textSha256: source.textSha256 }),
    ).toHaveLength(1);
    expect(
      await findPlansBySource(store().db, { sha256: "c".repeat(64), textSha256: "d".repeat(64) }),
    ).toEqual([]);
  });

  it("list plans newest first with their counts", async () => {
    const first = await insertPlanDraft(store().db, actor, newPlan(null), source, fixtureDraft());
    const second = await insertPlanDraft(
      store().db,
      actor,
      newPlan(null),
      { ...source, sha256: "e".repeat(64) },
      {
        ...fixtureDraft(),
        targets: [],
        items: [],
      },
    );
    const plans = await listPlans(store().db);
    expect(plans.map((p) => p.id)).toEqual([second.planId, first.planId]);
    expect(plans[0]?.counts).toEqual({ ...FIXTURE_COUNTS, targets: 0, items: 0 });
    expect(plans[1]?.counts).toEqual(FIXTURE_COUNTS);
    expect(plans[1]?.regionName).toBeNull();
  });

  it("leave nothing behind when storing fails half-way", async () => {
    const { region } = await seedRegion();
    const before = await rowCounts();
    const draft: PlanDraft = fixtureDraft();
    // A kind the database refuses: the failure comes after the plan, source and nodes were written.
    (draft.targets[3] as { kind: string }).kind = "bogus";
    await expect(insertPlanDraft(store().db, actor, newPlan(region.id), source, draft)).rejects.toThrow();
    expect(await rowCounts()).toEqual(before);
  });

  it("update a target and its departments, with an audit row holding before and after", async () => {
    const { region, departments } = await seedRegion();
    const { planId } = await insertPlanDraft(store().db, actor, newPlan(region.id), source, fixtureDraft());
    const detail = await loadPlanDetail(store().db, planId);
    const jobs = detail?.targets.find((t) => t.subject === "新增就业");
    if (!jobs) throw new Error("no target");
    const [rs, kj, tj] = departments;
    await updateTarget(store().db, actor, jobs.id, {
      value: 45000,
      display: "4.5万人",
      leadDepartmentId: rs?.id,
      coDepartmentIds: [kj?.id as number, tj?.id as number],
      dueDate: "2020-11-30",
    });
    expect(await getTargetView(store().db, jobs.id)).toMatchObject({
      value: 45000,
      display: "4.5万人",
      dueDate: "2020-11-30",
      leadDepartment: { id: rs?.id, name: "区人社局" },
      coDepartments: [
        { id: kj?.id, name: "区科技局" },
        { id: tj?.id, name: "区统计局" },
      ],
    });
    await updateTarget(store().db, actor, jobs.id, { coDepartmentIds: [] });
    expect((await getTargetView(store().db, jobs.id))?.coDepartments).toEqual([]);
    const audit = await listAudit(store().db, { entity: "target", entityId: jobs.id });
    expect(audit.map((a) => a.action)).toEqual(["target.update", "target.update"]);
    expect(JSON.parse(audit[0]?.before ?? "{}")).toMatchObject({ value: 40000, co_department_ids: [] });
    expect(JSON.parse(audit[0]?.after ?? "{}")).toMatchObject({ value: 45000 });
    expect((await verifyAuditChain(store().db)).ok).toBe(true);
  });

  it("split a target in two at a text offset", async () => {
    const { planId } = await insertPlanDraft(store().db, actor, newPlan(null), source, fixtureDraft());
    const detail = await loadPlanDetail(store().db, planId);
    const eagle = detail?.targets.find((t) => t.subject === "雏鹰企业");
    if (!eagle) throw new Error("no target");
    const at = FIXTURE_TEXT.indexOf("和18家", eagle.start);
    const secondId = await splitTarget(
      store().db,
      actor,
      eagle.id,
      at,
      {},
      { value: 18, display: "18家", subject: "瞪羚企业" },
    );
    const first = await getTargetView(store().db, eagle.id);
    const second = await getTargetView(store().db, secondId);
    expect(first).toMatchObject({
      id: eagle.id,
      value: 80,
      start: eagle.start,
      end: at,
      source: "extracted",
    });
    expect(second).toMatchObject({
      value: 18,
      display: "18家",
      subject: "瞪羚企业",
      start: at,
      end: eagle.end,
    });
    expect(second).toMatchObject({ source: "manual", nodeId: eagle.nodeId, kind: "level", unit: "家" });
    const after = await loadPlanDetail(store().db, planId);
    expect(after?.plan.counts.targets).toBe(6);
    expect((await listAudit(store().db, { planId })).map((a) => a.action)).toContain("target.split");
  });

  it("merge targets into the earliest, spanning them all", async () => {
    const { planId } = await insertPlanDraft(store().db, actor, newPlan(null), source, fixtureDraft());
    const detail = await loadPlanDetail(store().db, planId);
    const gdp = detail?.targets.find((t) => t.subject === "地区生产总值");
    const income = detail?.targets.find((t) => t.subject === "一般公共预算收入");
    if (!gdp || !income) throw new Error("no target");
    const mergedId = await mergeTargets(store().db, actor, [income.id, gdp.id], {
      subject: "地区生产总值与财政收入",
    });
    expect(await getTargetView(store().db, mergedId)).toMatchObject({
      id: gdp.id,
      start: gdp.start,
      end: income.end,
      subject: "地区生产总值与财政收入",
    });
    const after = await loadPlanDetail(store().db, planId);
    expect(after?.targets.some((t) => t.id === income.id)).toBe(false);
    expect(after?.plan.counts.targets).toBe(4);
  });

  it("add a manual target, update a node, and publish", async () => {
    const { region, departments } = await seedRegion();
    const { planId } = await insertPlanDraft(store().db, actor, newPlan(region.id), source, fixtureDraft());
    const start = FIXTURE_TEXT.indexOf("推进水厂南BC地块出让");
    const manualId = await insertManualTarget(store().db, actor, planId, {
      subject: "水厂南BC地块出让",
      start,
      end: start + "推进水厂南BC地块出让".length,
      comparator: "target",
      direction: "increase",
      kind: "milestone",
      leadDepartmentId: departments[0]?.id,
    });
    expect(await getTargetView(store().db, manualId)).toMatchObject({
      source: "manual",
      kind: "milestone",
      value: null,
      leadDepartment: { name: "区人社局" },
    });

    const detail = await loadPlanDetail(store().db, planId);
    const group = detail?.outline.find((n) => n.kind === "group");
    if (!group) throw new Error("no group");
    await updateNode(store().db, actor, group.id, {
      title: "拓展经济增量",
      leadDepartmentId: departments[1]?.id,
      coDepartmentIds: [departments[2]?.id as number],
    });
    expect(await getNodeView(store().db, group.id)).toMatchObject({
      title: "拓展经济增量",
      leadDepartment: { name: "区科技局" },
      coDepartments: [{ name: "区统计局" }],
    });

    await setPlanState(store().db, actor, planId, "published");
    expect((await getPlanSummary(store().db, planId))?.state).toBe("published");
    const actions = (await listAudit(store().db, { planId })).map((a) => a.action);
    expect(actions).toEqual(["plan.import", "target.create", "node.update", "plan.publish"]);
    expect((await verifyAuditChain(store().db)).ok).toBe(true);
  });

  it("return nothing for a plan that does not exist", async () => {
    expect(await loadPlanDetail(store().db, 999)).toBeUndefined();
    expect(await getPlanSource(store().db, 999)).toBeUndefined();
  });
});
