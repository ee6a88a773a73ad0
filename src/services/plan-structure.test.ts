import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { type Actor, verifyAuditChain } from "../db/audit-repository.ts";
import { ensureDepartments } from "../db/departments-repository.ts";
import { setPlanState } from "../db/plans-repository.ts";
import { ensureRegion } from "../db/regions-repository.ts";
import type { Database } from "../db/schema.ts";
import type { Principal } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { FIXTURE_TEXT, fixtureExtract, spanOf } from "../test/plan-draft-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { planDue, sendReminder } from "./chasing.ts";
import { importPlan } from "./import-plan.ts";
import { loadPlanDetail } from "./plan-queries.ts";
import { patchNode, patchTarget } from "./plan-review.ts";
import { planStatus } from "./plan-status.ts";
import { addTask, archivePlan, deletePlan, deleteTask, mergeTasks, splitTask } from "./plan-structure.ts";
import { saveReport } from "./reporting.ts";
import { deleteTarget, stopTarget } from "./target-structure.ts";

const actor: Actor = { userId: null, ip: "127.0.0.1" };
const admin: Principal = {
  id: 1,
  role: "admin",
  regionId: null,
  departmentId: null,
  departmentRegionId: null,
};

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

function span(quote: string): { start: number; end: number } {
  const found = spanOf(FIXTURE_TEXT, quote);
  if (!found) throw new Error(quote);
  return found;
}

async function count(
  db: Kysely<Database>,
  table: "audit_log" | "outline_nodes" | "targets",
  planId?: number,
) {
  let q = db.selectFrom(table).select((eb) => eb.fn.countAll().as("n"));
  if (planId !== undefined) q = q.where("plan_id", "=", planId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe.each(testDialects())("the editor's structural operations on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  async function setup() {
    const db = store().db;
    const region = await ensureRegion(db, actor, { name: "南开区", code: "120104" });
    const [rsj, kjj] = await ensureDepartments(db, actor, region.id, [
      { name: "区人社局" },
      { name: "区科技局" },
    ]);
    const { planId } = await importPlan(
      { db, extract: fixtureExtract },
      { bytes: new TextEncoder().encode(FIXTURE_TEXT), fileName: "plan.txt", region: "120104" },
    );
    const read = async () => {
      const detail = await loadPlanDetail(db, planId);
      if (!detail) throw new Error("no plan");
      return detail;
    };
    const detail = await read();
    const node = (title: string) => {
      const n = detail.outline.find((x) => x.title === title);
      if (!n) throw new Error(title);
      return n;
    };
    const target = (subject: string) => {
      const t = detail.targets.find((x) => x.subject === subject);
      if (!t) throw new Error(subject);
      return t;
    };
    return { db, planId, read, node, target, rsj: rsj?.id as number, kjj: kjj?.id as number };
  }

  it("delete a draft's task to its heading and add it back from the text, with its target and item", async () => {
    const { db, planId, read, node } = await setup();
    const group = node("拓展经济发展增量");
    const jobs = node("全年新增就业4万人。");
    await deleteTask(db, actor, jobs.id);
    let detail = await read();
    expect(detail.outline.some((n) => n.id === jobs.id)).toBe(false);
    expect(detail.targets.find((t) => t.subject === "新增就业")?.nodeId).toBe(group.id);

    const added = await addTask(db, actor, planId, span("全年新增就业4万人。"));
    expect(added).toMatchObject({
      kind: "task",
      title: "全年新增就业4万人。",
      parentId: group.id,
      level: group.level + 1,
    });
    detail = await read();
    expect(detail.targets.find((t) => t.subject === "新增就业")?.nodeId).toBe(added.id);
    // The outline is still in text order, the new task between the heading and the next task.
    const order = [...detail.outline].sort((a, b) => a.order - b.order).map((n) => n.start);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(detail.outline.map((n) => n.order)).size).toBe(detail.outline.length);

    const park = node("推进水厂南BC地块出让。");
    await deleteTask(db, actor, park.id);
    expect((await read()).items[0]?.nodeId).toBe(group.id);
    const again = await addTask(db, actor, planId, span("推进水厂南BC地块出让。"));
    expect((await read()).items[0]?.nodeId).toBe(again.id);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("refuse a span over another task, naming it, and write nothing", async () => {
    const { db, planId, node } = await setup();
    const before = await count(db, "audit_log");
    const nodes = await count(db, "outline_nodes", planId);
    const over = span("全年新增就业4万人。雏鹰");
    const error = await errorOf(addTask(db, actor, planId, over));
    expect(error.code).toBe("conflict");
    expect(error.details).toMatchObject({ rule: "overlaps_task", taskId: node("全年新增就业4万人。").id });
    expect(error.text?.en).toMatch(/overlaps the task/);
    const parent = await errorOf(
      addTask(db, actor, planId, { ...span("来源"), parentId: node("全年新增就业4万人。").id }),
    );
    expect(parent.details.rule).toBe("bad_parent");
    expect(await count(db, "audit_log")).toBe(before);
    expect(await count(db, "outline_nodes", planId)).toBe(nodes);
  });

  it("assign a task added to a published plan at once", async () => {
    const { db, planId } = await setup();
    await setPlanState(db, actor, planId, "published");
    const added = await addTask(db, actor, planId, span("来源:天津市南开区发展和改革委员会"));
    expect(added.parentId).toBeNull();
    const row = await db.selectFrom("tasks").selectAll().where("node_id", "=", added.id).executeTakeFirst();
    expect(row?.assigned_at).toBe(new Date().toISOString().slice(0, 10));
  });

  it("split a draft's task where its title is cut; targets go by their span, departments with both", async () => {
    const { db, read, node, rsj, kjj } = await setup();
    const main = node("地区生产总值增长5%,一般公共预算收入增长5%,固定资产投资增长6%。");
    await patchNode(db, actor, main.id, { leadDepartmentId: rsj, coDepartmentIds: [kjj] });
    const cut = "地区生产总值增长5%,".length;
    const [first, second] = await splitTask(db, actor, main.id, { at: cut });
    expect(first).toMatchObject({
      id: main.id,
      title: "地区生产总值增长5%,",
      start: main.start,
      end: main.start + cut,
    });
    expect(second).toMatchObject({
      title: "一般公共预算收入增长5%,固定资产投资增长6%。",
      start: main.start + cut,
      end: main.end,
      parentId: main.parentId,
      order: main.order + 1,
    });
    expect(second.leadDepartment?.id).toBe(rsj);
    expect(second.coDepartments.map((d) => d.id)).toEqual([kjj]);
    const targets = (await read()).targets;
    const nodeOf = (subject: string) => targets.find((t) => t.subject === subject)?.nodeId;
    expect(nodeOf("地区生产总值")).toBe(first.id);
    expect(nodeOf("一般公共预算收入")).toBe(second.id);
    expect(nodeOf("固定资产投资")).toBe(second.id);
    expect((await errorOf(splitTask(db, actor, main.id, { at: 999 }))).details.rule).toBe("bad_offset");
    expect((await errorOf(splitTask(db, actor, node("拓展经济发展增量").id, { at: 2 }))).details.rule).toBe(
      "not_task",
    );
  });

  it("merge adjacent tasks under one heading into the first, and refuse the others", async () => {
    const { db, read, node, rsj } = await setup();
    const jobs = node("全年新增就业4万人。");
    const firms = node("雏鹰企业分别达到80家和18家。");
    await patchNode(db, actor, jobs.id, { leadDepartmentId: rsj });
    const notAdjacent = await errorOf(mergeTasks(db, actor, { ids: [jobs.id, node("建成南开美术馆。").id] }));
    expect(notAdjacent.details).toMatchObject({ rule: "not_adjacent", betweenId: firms.id });
    const otherHeading = node("地区生产总值增长5%,一般公共预算收入增长5%,固定资产投资增长6%。");
    expect((await errorOf(mergeTasks(db, actor, { ids: [otherHeading.id, jobs.id] }))).details.rule).toBe(
      "not_siblings",
    );
    const merged = await mergeTasks(db, actor, { ids: [firms.id, jobs.id] });
    expect(merged).toMatchObject({
      id: jobs.id,
      title: "全年新增就业4万人。雏鹰企业分别达到80家和18家。",
      start: jobs.start,
      end: firms.end,
    });
    expect(merged.leadDepartment?.id).toBe(rsj);
    const detail = await read();
    expect(detail.outline.some((n) => n.id === firms.id)).toBe(false);
    expect(detail.targets.find((t) => t.subject === "雏鹰企业")?.nodeId).toBe(jobs.id);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("delete a draft's target; in a published plan refuse deleting and splitting, stop instead", async () => {
    const { db, planId, read, node, target } = await setup();
    await deleteTarget(db, actor, target("固定资产投资").id);
    expect((await read()).targets.some((t) => t.subject === "固定资产投资")).toBe(false);
    const draftStop = await errorOf(stopTarget(db, actor, target("新增就业").id, { reason: "x" }));
    expect(draftStop.details.rule).toBe("not_published");

    await setPlanState(db, actor, planId, "published");
    const jobs = target("新增就业");
    const refused = await errorOf(deleteTarget(db, actor, jobs.id));
    expect(refused.code).toBe("conflict");
    expect(refused.details.rule).toBe("published_stop_instead");
    expect(refused.text?.zh).toMatch(/中止/);
    expect((await errorOf(deleteTask(db, actor, node("全年新增就业4万人。").id))).details.rule).toBe(
      "published_stop_instead",
    );
    expect((await errorOf(splitTask(db, actor, node("建成南开美术馆。").id, { at: 2 }))).details.rule).toBe(
      "not_draft",
    );
    expect((await errorOf(stopTarget(db, actor, jobs.id, { reason: "  " }))).details.rule).toBe(
      "reason_required",
    );

    const owed = async () =>
      (await planDue(db, planId, "2020-06-30")).departments
        .flatMap((d) => d.items)
        .filter((i) => i.subject.kind === "target" && i.subject.id === jobs.id).length;
    expect(await owed()).toBeGreaterThan(0);
    const stopped = await stopTarget(db, actor, jobs.id, { reason: "政策调整，不再考核" });
    expect(await owed()).toBe(0);
    expect(stopped.stoppedReason).toBe("政策调整，不再考核");
    expect(stopped.stoppedAt).not.toBeNull();
    expect((await read()).targets.find((t) => t.id === jobs.id)?.stoppedReason).toBe("政策调整，不再考核");
    expect((await errorOf(stopTarget(db, actor, jobs.id, { reason: "again" }))).details.rule).toBe(
      "already_stopped",
    );

    const report = await errorOf(
      saveReport(db, actor, admin, "target", jobs.id, "2020-04", {
        baseRevision: null,
        value: 10000,
        progress: "进展",
        problems: "",
        nextSteps: "",
      }),
    );
    expect(report.details).toMatchObject({ rule: "target_stopped", targetId: jobs.id });

    const status = await planStatus(db, planId, "2020-06-30");
    expect(status.plan.stopped).toBe(1);
    expect(status.targets.some((t) => t.targetId === jobs.id)).toBe(false);
    const all = (await read()).targets.length;
    expect(status.plan.total).toBe(all - 1);
    const group = status.groups.find((g) => g.id === node("拓展经济发展增量").id);
    expect(group?.rollup.stopped).toBe(1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("archive a published plan: no more edits or reports, no second archiving, no deleting", async () => {
    const { db, planId, target } = await setup();
    expect((await errorOf(archivePlan(db, actor, planId))).details).toMatchObject({ rule: "not_published" });
    await setPlanState(db, actor, planId, "published");
    const archived = await archivePlan(db, actor, planId);
    expect(archived.state).toBe("closed");
    const row = await db
      .selectFrom("plans")
      .select("closed_at")
      .where("id", "=", planId)
      .executeTakeFirstOrThrow();
    expect(row.closed_at).not.toBeNull();
    const jobs = target("新增就业");
    const edit = await errorOf(patchTarget(db, actor, jobs.id, { value: 1 }));
    expect(edit.details).toMatchObject({ rule: "plan_archived", planId });
    const report = await errorOf(
      saveReport(db, actor, admin, "target", jobs.id, "2020-04", {
        baseRevision: null,
        value: 10000,
        progress: "进展",
        problems: "",
        nextSteps: "",
      }),
    );
    expect(report.details.rule).toBe("plan_archived");
    expect(report.text?.en).toMatch(/archived/);
    expect((await errorOf(addTask(db, actor, planId, span("来源")))).details.rule).toBe("plan_archived");
    expect((await errorOf(archivePlan(db, actor, planId))).details.rule).toBe("plan_archived");
    expect((await errorOf(deletePlan(db, actor, planId))).details).toMatchObject({
      rule: "not_draft",
      state: "closed",
    });
  });

  it("delete a draft plan with everything of it, audited with its title; keep a published one", async () => {
    const { db, planId, rsj } = await setup();
    await sendReminder(db, actor, planId, { departmentId: rsj });
    await deletePlan(db, actor, planId);
    expect(
      await db.selectFrom("plans").select("id").where("id", "=", planId).executeTakeFirst(),
    ).toBeUndefined();
    expect(await count(db, "outline_nodes", planId)).toBe(0);
    expect(await count(db, "targets", planId)).toBe(0);
    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "plan.delete")
      .executeTakeFirstOrThrow();
    expect(audit.plan_id).toBe(planId);
    expect(JSON.parse(audit.before ?? "{}").title).toBe("南开区2020年国民经济和社会发展计划");
    expect((await verifyAuditChain(db)).ok).toBe(true);

    const other = await importPlan(
      { db, extract: fixtureExtract },
      { bytes: new TextEncoder().encode(FIXTURE_TEXT), fileName: "plan.txt", region: "120104", force: true },
    );
    await setPlanState(db, actor, other.planId, "published");
    const refused = await errorOf(deletePlan(db, actor, other.planId));
    expect(refused.details).toMatchObject({ rule: "not_draft", state: "published" });
    expect(await count(db, "targets", other.planId)).toBeGreaterThan(0);
    expect((await errorOf(deletePlan(db, actor, 999_999))).code).toBe("not_found");
  });
});
