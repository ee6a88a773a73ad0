import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  AdjustmentView,
  TaskDetailView,
  TaskListView,
  TaskProgressReportView,
  TaskView,
} from "../contract/tasks.ts";
import { type AccessWorld, buildAccessWorld } from "../test/access-fixture.ts";
import { createTestUser, signIn, type TestClient } from "../test/auth-helpers.ts";
import { multipartBody } from "../test/multipart.ts";
import { testApp } from "../test/test-app.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe.each(testDialects())("task routes on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: AccessWorld;
  let task: number;
  let planner: TestClient;
  let reporter: TestClient;

  beforeEach(async () => {
    world = await buildAccessWorld(store().db);
    task = world.taskNodeId;
    await store()
      .db.updateTable("plans")
      .set({ published_on: "2020-01-20" })
      .where("id", "=", world.planId)
      .execute();
    await createTestUser(store().db, {
      username: "co-reporter",
      role: "reporter",
      regionId: world.regions.nankai,
      departmentId: world.departments.nankaiJyj,
    });
    app = await testApp(store().db, dialect);
    planner = await signIn(app, world.usernames.planner);
    reporter = await signIn(app, world.usernames.reporter);
  });
  afterEach(async () => {
    await app.close();
  });

  const setUp = async () => {
    const res = await planner.inject({
      method: "PATCH",
      url: `/api/tasks/${task}`,
      payload: {
        leadDepartmentId: world.departments.nankaiRsj,
        coDepartmentIds: [world.departments.nankaiJyj],
        deadline: "2020-12-31",
        milestones: [
          { name: "6月底前完成招标", due: "2020-06-30" },
          { name: "年底前竣工", due: "2020-12-31" },
        ],
        doneCriteria: "竣工验收",
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TaskView>();
  };
  const detail = async (client: TestClient, asOf = "2020-07-12") =>
    (await client.inject({ method: "GET", url: `/api/tasks/${task}?asOf=${asOf}` })).json<TaskDetailView>();
  const auditCount = async () =>
    Number(
      (
        await store()
          .db.selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("action", "like", "task.%")
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("a task's whole life: set up, 签收, 逾期, progress with a file and a milestone, adjustment, 办结销号", async () => {
    const set = await setUp();
    expect(set.milestones.map((m) => m.name)).toEqual(["6月底前完成招标", "年底前竣工"]);

    // A milestone after the deadline is refused, naming the rule; nothing changes.
    const late = await planner.inject({
      method: "PATCH",
      url: `/api/tasks/${task}`,
      payload: { milestones: [{ name: "验收", due: "2021-01-10" }] },
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().details).toMatchObject({
      rule: "milestone_after_deadline",
      field: "milestones[0].due",
    });
    expect((await detail(planner)).milestones).toHaveLength(2);

    // The co-operating department may not acknowledge; a reporter may not close.
    const co = await signIn(app, "co-reporter");
    const coAck = await co.inject({ method: "POST", url: `/api/tasks/${task}/acknowledge` });
    expect(coAck.statusCode).toBe(403);
    expect(coAck.json().details).toMatchObject({ rule: "co_department", state: "assigned" });
    const reporterClose = await reporter.inject({
      method: "POST",
      url: `/api/tasks/${task}/close`,
      payload: {},
    });
    expect(reporterClose.statusCode).toBe(403);
    expect(reporterClose.json().details).toMatchObject({ rule: "planner_only" });

    const ack = await reporter.inject({ method: "POST", url: `/api/tasks/${task}/acknowledge` });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json<TaskView>().state).toBe("acknowledged");
    const twice = await reporter.inject({ method: "POST", url: `/api/tasks/${task}/acknowledge` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().details).toMatchObject({ state: "acknowledged" });

    // Past the first milestone, not reported done: 逾期, with the working in words.
    const list = (
      await planner.inject({ method: "GET", url: `/api/plans/${world.planId}/tasks?asOf=2020-07-12` })
    ).json<TaskListView>();
    const judged = list.tasks.find((t) => t.id === task);
    expect(judged?.status).toBe("overdue");
    expect(judged?.working.zh).toContain("6月底前完成招标");
    expect(judged?.working.zh).toContain("12天");
    expect(list.counts.overdue).toBeGreaterThanOrEqual(1);

    // A bad file refuses the whole report: no report, no milestone marked.
    const milestoneId = set.milestones[0]?.id as number;
    const body = {
      period: "2020-06",
      progress: "已完成招标，签订施工合同",
      problems: "无",
      nextSteps: "进场施工",
      percent: 40,
      milestonesDone: [{ milestoneId, doneOn: "2020-06-28" }],
    };
    const reportsBefore = await store()
      .db.selectFrom("reports")
      .select("id")
      .where("node_id", "=", task)
      .execute();
    const badFile = multipartBody({ body: JSON.stringify(body) }, [
      { name: "file", fileName: "中标通知书.pdf", content: utf8("not a pdf at all") },
    ]);
    const refused = await reporter.inject({ method: "POST", url: `/api/tasks/${task}/progress`, ...badFile });
    expect(refused.statusCode).toBe(415);
    expect(await store().db.selectFrom("reports").select("id").where("node_id", "=", task).execute()).toEqual(
      reportsBefore,
    );
    expect((await detail(planner)).milestones[0]?.doneOn).toBeNull();

    const upload = multipartBody({ body: JSON.stringify(body) }, [
      { name: "file", fileName: "中标通知书.txt", content: utf8("中标通知书：南开区某项目") },
    ]);
    const progress = await reporter.inject({ method: "POST", url: `/api/tasks/${task}/progress`, ...upload });
    expect(progress.statusCode, progress.body).toBe(201);
    const report = progress.json<TaskProgressReportView>();
    expect(report.attachments.map((a) => a.fileName)).toEqual(["中标通知书.txt"]);
    expect(report.milestonesDone).toEqual([{ milestoneId, name: "6月底前完成招标", doneOn: "2020-06-28" }]);
    const after = await detail(planner);
    expect(after.state).toBe("in_progress");
    expect(after.status).not.toBe("overdue");
    expect(after.percent).toBe(40);

    // The second milestone moved by an approved adjustment: the original stays on record.
    const second = set.milestones[1]?.id as number;
    const asked = await reporter.inject({
      method: "POST",
      url: `/api/tasks/${task}/adjust-request`,
      payload: { kind: "milestone", milestoneId: second, proposedDue: "2020-12-15", reason: "提前竣工" },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const adjustment = asked.json<AdjustmentView>();
    const queue = (
      await planner.inject({ method: "GET", url: `/api/plans/${world.planId}/adjustments?state=pending` })
    ).json<{ adjustments: AdjustmentView[] }>();
    expect(queue.adjustments.map((a) => a.id)).toEqual([adjustment.id]);
    const reporterDecides = await reporter.inject({
      method: "POST",
      url: `/api/adjustments/${adjustment.id}/decision`,
      payload: { decision: "approved" },
    });
    expect(reporterDecides.statusCode).toBe(403);
    const approved = await planner.inject({
      method: "POST",
      url: `/api/adjustments/${adjustment.id}/decision`,
      payload: { decision: "approved" },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<AdjustmentView>().record?.zh).toBe("原定12月31日，经批准调整为12月15日");
    const moved = (await detail(planner)).milestones[1];
    expect(moved).toMatchObject({ due: "2020-12-15", originalDue: "2020-12-31" });

    // 办结申请 needs every milestone done; then the planner closes.
    const open = await reporter.inject({
      method: "POST",
      url: `/api/tasks/${task}/close-request`,
      payload: { evidence: "项目已竣工验收" },
    });
    expect(open.statusCode).toBe(400);
    expect(open.json().details).toMatchObject({ rule: "milestones_open" });
    const closeAsk = await reporter.inject({
      method: "POST",
      url: `/api/tasks/${task}/close-request`,
      payload: {
        evidence: "项目已竣工验收",
        milestonesDone: [{ milestoneId: second, doneOn: "2020-12-10" }],
      },
    });
    expect(closeAsk.statusCode, closeAsk.body).toBe(200);
    expect(closeAsk.json<TaskView>().state).toBe("close_requested");
    const closed = await planner.inject({
      method: "POST",
      url: `/api/tasks/${task}/close`,
      payload: { opinion: "同意" },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<TaskView>()).toMatchObject({ state: "closed", status: "closed" });

    // A closed task takes no adjustment and no stop: 409 naming the state.
    const closedAdjust = await reporter.inject({
      method: "POST",
      url: `/api/tasks/${task}/adjust-request`,
      payload: { kind: "deadline", proposedDue: "2020-12-20", reason: "再调整" },
    });
    expect(closedAdjust.statusCode).toBe(409);
    expect(closedAdjust.json().details).toMatchObject({ state: "closed" });
    const stop = await planner.inject({
      method: "POST",
      url: `/api/tasks/${task}/stop`,
      payload: { reason: "x" },
    });
    expect(stop.statusCode).toBe(409);

    const history = (await detail(planner)).history.map((h) => h.action);
    expect(history).toEqual([
      "acknowledge",
      "report_progress",
      "request_adjustment",
      "decide_adjustment",
      "request_close",
      "close",
    ]);
    expect(await auditCount()).toBeGreaterThanOrEqual(7);
  });

  it("refusals write nothing and speak one language", async () => {
    await setUp();
    const before = await auditCount();
    const en = await reporter.inject({
      method: "POST",
      url: `/api/tasks/${task}/close`,
      payload: {},
      headers: { "x-plantrack-lang": "en" },
    });
    expect(en.json().message).toMatch(/^a reporter cannot close a task/);
    const zh = await reporter.inject({ method: "POST", url: `/api/tasks/${task}/close`, payload: {} });
    expect(zh.json().message).toMatch(/^填报人员不能办结销号/);
    const progress = await reporter.inject({
      method: "POST",
      url: `/api/tasks/${task}/progress`,
      payload: { period: "2020-06", progress: "x" },
    });
    expect(progress.statusCode).toBe(409);
    expect(progress.json().details).toMatchObject({ state: "assigned" });
    expect(await auditCount()).toBe(before);
  });

  it("a reporter sees its department's tasks only; bulk assignment is all or nothing", async () => {
    const nodes = await store()
      .db.selectFrom("outline_nodes")
      .select("id")
      .where("plan_id", "=", world.planId)
      .where("kind", "=", "task")
      .execute();
    const ids = nodes.map((n) => n.id);
    const bad = await planner.inject({
      method: "PATCH",
      url: `/api/plans/${world.planId}/tasks`,
      payload: {
        changes: [
          ...ids.map((id) => ({ id, patch: { leadDepartmentId: world.departments.nankaiRsj } })),
          { id: ids[0], patch: { deadline: "2020-06-30", milestones: [{ name: "x", due: "2020-07-01" }] } },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    const none = (
      await reporter.inject({ method: "GET", url: `/api/plans/${world.planId}/tasks` })
    ).json<TaskListView>();
    expect(none.tasks).toEqual([]);

    const ok = await planner.inject({
      method: "PATCH",
      url: `/api/plans/${world.planId}/tasks`,
      payload: {
        changes: ids.map((id) => ({ id, patch: { leadDepartmentId: world.departments.nankaiRsj } })),
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const mine = (
      await reporter.inject({ method: "GET", url: `/api/plans/${world.planId}/tasks` })
    ).json<TaskListView>();
    expect(mine.tasks.map((t) => t.id).sort()).toEqual([...ids].sort());
  });

  it("task settings are the plan's; a running task is owed on the reporter's desk, a closed one is not", async () => {
    await setUp();
    const put = await planner.inject({
      method: "PUT",
      url: `/api/plans/${world.planId}/settings`,
      payload: { tasks: { dueSoonDays: 14, acknowledgeWorkingDays: 5 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const list = (
      await planner.inject({ method: "GET", url: `/api/plans/${world.planId}/tasks?asOf=2020-06-20` })
    ).json<TaskListView>();
    expect(list.settings).toMatchObject({ dueSoonDays: 14, acknowledgeWorkingDays: 5 });
    // 6月30日 is ten days away: 临期 with 14 days, not with the default 7.
    expect(list.tasks.find((t) => t.id === task)?.signals.map((s) => s.light)).toContain("due_soon");

    const due = async () =>
      (await reporter.inject({ method: "GET", url: "/api/me/due?asOf=2020-05-10" })).json<{
        items: { subject: { kind: string; id: number }; period: { key: string } }[];
      }>();
    expect(
      (await due()).items
        .filter((i) => i.subject.kind === "node" && i.subject.id === task)
        .map((i) => i.period.key),
    ).toEqual(["2020-01", "2020-02", "2020-03", "2020-04"]);
    await reporter.inject({ method: "POST", url: `/api/tasks/${task}/acknowledge` });
    await planner.inject({
      method: "POST",
      url: `/api/tasks/${task}/stop`,
      payload: { reason: "政策调整，不再实施" },
    });
    expect((await due()).items.filter((i) => i.subject.kind === "node" && i.subject.id === task)).toEqual([]);
    const stopped = (await detail(planner)).stoppedReason;
    expect(stopped).toBe("政策调整，不再实施");
  });
});
