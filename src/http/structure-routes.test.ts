// The editor's structural operations over HTTP (issue 13): a task added from the text, a draft's tasks
// split, merged and deleted and its targets deleted, 中止 of a published plan's target, a draft plan
// deleted and a published plan archived — with the refusals a client tells apart by their rule.

import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutlineNodeView, PlanDetail, PlanSummary } from "../contract/plans.ts";
import type { PlanStatusView } from "../contract/status.ts";
import type { SplitNodeResult } from "../contract/structure.ts";
import type { TargetView } from "../contract/targets.ts";
import { importPlan } from "../services/import-plan.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { signIn, type TestClient } from "../test/auth-helpers.ts";
import { FIXTURE_TEXT, fixtureExtract, spanOf } from "../test/plan-draft-fixture.ts";
import { testApp } from "../test/test-app.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";

const HAN = /[\u4e00-\u9fff]/;

function span(quote: string): { start: number; end: number } {
  const found = spanOf(FIXTURE_TEXT, quote);
  if (!found) throw new Error(quote);
  return found;
}

describe.each(testDialects())("structural operations API on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let planner: TestClient;

  const auditCount = async (action: string) =>
    Number(
      (
        await store()
          .db.selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("action", "=", action)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const detailOf = async (planId: number) =>
    (await planner.inject({ method: "GET", url: `/api/plans/${planId}` })).json<PlanDetail>();
  /** A second plan of Nankai, left a draft. */
  const draftPlan = async () =>
    (
      await importPlan(
        { db: store().db, extract: fixtureExtract },
        {
          bytes: new TextEncoder().encode(FIXTURE_TEXT),
          fileName: "draft.txt",
          region: "120104",
          year: 2020,
          force: true,
        },
      )
    ).planId;

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    app = await testApp(store().db, dialect);
    planner = await signIn(app, world.usernames.planner);
  }, 60_000);
  afterEach(async () => {
    await app.close();
  });

  it("add a task from the text (201), refuse one over another task naming it", async () => {
    const response = await planner.inject({
      method: "POST",
      url: `/api/plans/${world.planId}/tasks`,
      payload: span("来源:天津市南开区发展和改革委员会"),
    });
    expect(response.statusCode, response.body).toBe(201);
    const node = response.json<OutlineNodeView>();
    expect(node).toMatchObject({ kind: "task", title: "来源:天津市南开区发展和改革委员会" });
    expect((await detailOf(world.planId)).outline.some((n) => n.id === node.id)).toBe(true);

    const overlapping = await planner.inject({
      method: "POST",
      url: `/api/plans/${world.planId}/tasks`,
      headers: { "x-plantrack-lang": "en" },
      payload: span("天津市南开区"),
    });
    expect(overlapping.statusCode).toBe(409);
    const body = overlapping.json();
    expect(body.details).toMatchObject({ rule: "overlaps_task", taskId: node.id });
    expect(body.message).toMatch(/overlaps the task/);
    expect(body.message.replace(node.title, "")).not.toMatch(HAN);
  });

  it("refuse deleting a published plan's target and task (stop instead), then stop the target", async () => {
    const [targetId] = world.targetIds as [number];
    const deleting = await planner.inject({ method: "DELETE", url: `/api/targets/${targetId}` });
    expect(deleting.statusCode).toBe(409);
    expect(deleting.json().details.rule).toBe("published_stop_instead");
    expect(deleting.json().message).toMatch(/中止/);
    const task = await planner.inject({ method: "DELETE", url: `/api/nodes/${world.taskNodeId}` });
    expect(task.json().details.rule).toBe("published_stop_instead");
    const split = await planner.inject({
      method: "POST",
      url: `/api/nodes/${world.taskNodeId}/split`,
      payload: { at: 2 },
    });
    expect(split.json().details.rule).toBe("not_draft");

    expect(
      (await planner.inject({ method: "POST", url: `/api/targets/${targetId}/stop`, payload: {} }))
        .statusCode,
    ).toBe(400);
    const before = await auditCount("target.stop");
    const stopped = await planner.inject({
      method: "POST",
      url: `/api/targets/${targetId}/stop`,
      payload: { reason: "统计口径取消" },
    });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json<TargetView>()).toMatchObject({ id: targetId, stoppedReason: "统计口径取消" });
    expect(await auditCount("target.stop")).toBe(before + 1);
    const shown = (await detailOf(world.planId)).targets.find((t) => t.id === targetId);
    expect(shown?.stoppedAt).not.toBeNull();

    const status = (
      await planner.inject({ method: "GET", url: `/api/plans/${world.planId}/status?asOf=2020-06-30` })
    ).json<PlanStatusView>();
    expect(status.plan.stopped).toBe(1);
    expect(status.targets.map((t) => t.targetId)).not.toContain(targetId);
    const report = await planner.inject({
      method: "PUT",
      url: `/api/targets/${targetId}/reports/2020-Q2`,
      payload: { baseRevision: null, value: 5, progress: "进展", problems: "", nextSteps: "" },
    });
    expect(report.statusCode).toBe(409);
    expect(report.json().details.rule).toBe("target_stopped");
  });

  it("let only the plan's editors stop a target", async () => {
    const reporter = await signIn(app, world.usernames.reporter);
    const response = await reporter.inject({
      method: "POST",
      url: `/api/targets/${world.targetIds[0]}/stop`,
      payload: { reason: "x" },
    });
    expect(response.statusCode).toBe(403);
    expect(await auditCount("target.stop")).toBe(0);
  });

  it("archive a published plan; then it takes no reports and cannot be deleted", async () => {
    const archived = await planner.inject({ method: "POST", url: `/api/plans/${world.planId}/archive` });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json<PlanSummary>().state).toBe("closed");
    const report = await planner.inject({
      method: "PUT",
      url: `/api/targets/${world.targetIds[3]}/reports/2020-04`,
      headers: { "x-plantrack-lang": "en" },
      payload: { baseRevision: null, value: 5, progress: "progress", problems: "", nextSteps: "" },
    });
    expect(report.statusCode).toBe(409);
    expect(report.json().details.rule).toBe("plan_archived");
    expect(report.json().message).not.toMatch(HAN);
    const deleting = await planner.inject({ method: "DELETE", url: `/api/plans/${world.planId}` });
    expect(deleting.statusCode).toBe(409);
    expect(deleting.json().details).toMatchObject({ rule: "not_draft", state: "closed" });
  });

  it("split, merge and delete a draft's tasks, delete its target, then delete the draft (204 each)", async () => {
    const planId = await draftPlan();
    let detail = await detailOf(planId);
    const node = (title: string) => detail.outline.find((n) => n.title === title) as OutlineNodeView;
    const firms = node("雏鹰企业分别达到80家和18家。");
    const split = await planner.inject({
      method: "POST",
      url: `/api/nodes/${firms.id}/split`,
      payload: { at: "雏鹰企业分别达到80家".length },
    });
    expect(split.statusCode, split.body).toBe(200);
    const [first, second] = split.json<SplitNodeResult>().nodes;
    expect([first.title, second.title]).toEqual(["雏鹰企业分别达到80家", "和18家。"]);

    const merged = await planner.inject({
      method: "POST",
      url: "/api/nodes/merge",
      payload: { ids: [first.id, second.id] },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json<OutlineNodeView>()).toMatchObject({
      id: firms.id,
      title: "雏鹰企业分别达到80家和18家。",
    });

    const museum = node("建成南开美术馆。");
    expect((await planner.inject({ method: "DELETE", url: `/api/nodes/${museum.id}` })).statusCode).toBe(204);
    const target = detail.targets.find((t) => t.subject === "新增就业") as TargetView;
    expect((await planner.inject({ method: "DELETE", url: `/api/targets/${target.id}` })).statusCode).toBe(
      204,
    );
    detail = await detailOf(planId);
    expect(detail.outline.some((n) => n.id === museum.id)).toBe(false);
    expect(detail.targets.some((t) => t.id === target.id)).toBe(false);
    expect(detail.targets.find((t) => t.subject === "建成南开美术馆")?.nodeId).toBe(museum.parentId);

    expect((await planner.inject({ method: "DELETE", url: `/api/plans/${planId}` })).statusCode).toBe(204);
    expect((await planner.inject({ method: "GET", url: `/api/plans/${planId}` })).statusCode).toBe(404);
    expect(await auditCount("plan.delete")).toBe(1);
  });

  it("refuse merging tasks of another region's plan to its planner", async () => {
    const other = await signIn(app, world.usernames.planner_other_region);
    const planId = await draftPlan();
    const tasks = (await detailOf(planId)).outline.filter((n) => n.kind === "task").map((n) => n.id);
    const response = await other.inject({
      method: "POST",
      url: "/api/nodes/merge",
      payload: { ids: tasks.slice(1, 3) },
    });
    expect(response.statusCode).toBe(403);
    expect(await auditCount("node.merge")).toBe(0);
  });
});
