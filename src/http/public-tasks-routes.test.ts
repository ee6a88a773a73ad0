// The public page's tasks (GET /api/public/plans/:id, no sign-in): each with its light and only the
// 进展情况 of an approved progress report — a submitted or returned one never shows, nor the
// problems, next steps, reporters or reviewers.

import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PublicPlanDetail } from "../contract/public.ts";
import { findReport } from "../db/reports-repository.ts";
import { publicPlanDetail, setPublic } from "../services/public-plans.ts";
import { reviewReport } from "../services/reporting.ts";
import {
  APPROVED_PROGRESS,
  buildTaskOutputsWorld,
  TASK_OUTPUTS_AS_OF,
  type TaskOutputsWorld,
  UNAPPROVED_PROGRESS,
} from "../test/task-outputs-fixture.ts";
import { testApp } from "../test/test-app.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";

describe.each(testDialects())("the public page's tasks on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let w: TaskOutputsWorld;

  beforeEach(async () => {
    w = await buildTaskOutputsWorld(store().db);
    await setPublic(store().db, { userId: w.planner.id, ip: null }, w.planId, true);
    app = await testApp(store().db, dialect);
  });
  afterEach(async () => {
    await app.close();
  });

  /** The page as the public reads it (today), and as the service sees it on the fixture's date. */
  const page = async () => {
    const res = await app.inject({ method: "GET", url: `/api/public/plans/${w.planId}` });
    expect(res.statusCode, res.body).toBe(200);
    const detail = await publicPlanDetail(store().db, w.planId, TASK_OUTPUTS_AS_OF);
    return { served: res.json<PublicPlanDetail>(), body: res.body, detail, json: JSON.stringify(detail) };
  };

  it("list every task with its light, 完成时限, 节点 and the approved 进展 only", async () => {
    const { detail, served, body, json } = await page();
    const task = (id: number) => detail.tasks.find((t) => t.id === id);
    expect(detail.tasks.map((t) => t.id).sort()).toEqual(Object.values(w.tasks).sort());
    expect(task(w.tasks.jobs)).toMatchObject({
      title: "全年新增就业4万人。",
      leadDepartment: { name: "区人社局" },
      deadline: "2020-12-31",
      deadlineText: "2020年12月底前",
      milestones: [
        { name: "6月底前完成招标", due: "2020-06-30", doneOn: "2020-06-25" },
        { name: "年底前竣工", due: "2020-12-31", doneOn: null },
      ],
      progress: { period: "2020-06", text: APPROVED_PROGRESS },
    });
    expect(task(w.tasks.eagles)?.progress).toBeNull();
    // The route serves the same fields, nothing more (its schema keeps them).
    const servedJobs = served.tasks.find((t) => t.id === w.tasks.jobs);
    expect(Object.keys(servedJobs ?? {}).sort()).toEqual(
      [
        "deadline",
        "deadlineText",
        "id",
        "leadDepartment",
        "milestones",
        "progress",
        "status",
        "title",
      ].sort(),
    );
    expect(servedJobs?.progress).toEqual({ period: "2020-06", text: APPROVED_PROGRESS });
    // The July report was submitted and never approved; the June report's problems and next steps,
    // and who wrote and approved it, are the office's.
    for (const text of [body, json]) {
      expect(text).not.toContain(UNAPPROVED_PROGRESS);
      expect(text).not.toContain("施工许可办理较慢");
      expect(text).not.toContain("进场施工");
      expect(text).not.toContain("planner");
      expect(text).not.toContain("reporter");
    }
  });

  it("show the lights as the office judges them, and never a returned report", async () => {
    const first = (await page()).detail;
    const lights = Object.fromEntries(first.tasks.map((t) => [t.id, t.status]));
    expect(lights).toEqual({
      [w.tasks.jobs]: "on_track",
      [w.tasks.eagles]: "overdue",
      [w.tasks.museum]: "closed",
      [w.tasks.parcel]: "stopped",
      [w.tasks.gdp]: "unacknowledged",
    });
    const july = await findReport(store().db, { type: "task", id: w.tasks.jobs }, "2020-07");
    if (!july) throw new Error("no July report");
    const actor = { userId: w.planner.id, ip: null };
    await reviewReport(
      store().db,
      actor,
      w.planner,
      july.id,
      { action: "return", reason: "请补充数据" },
      {
        now: "2020-08-04T09:00:00.000Z",
      },
    );
    const returned = await page();
    for (const text of [returned.body, returned.json]) {
      expect(text).not.toContain(UNAPPROVED_PROGRESS);
      expect(text).not.toContain("请补充数据");
    }
    expect(returned.detail.tasks.find((t) => t.id === w.tasks.jobs)?.progress?.text).toBe(APPROVED_PROGRESS);
  });

  it("show the newest progress once the office approves it", async () => {
    const july = await findReport(store().db, { type: "task", id: w.tasks.jobs }, "2020-07");
    if (!july) throw new Error("no July report");
    await reviewReport(
      store().db,
      { userId: w.planner.id, ip: null },
      w.planner,
      july.id,
      { action: "approve" },
      {
        now: "2020-08-04T09:00:00.000Z",
      },
    );
    const { detail, served } = await page();
    expect(detail.tasks.find((t) => t.id === w.tasks.jobs)?.progress).toEqual({
      period: "2020-07",
      text: UNAPPROVED_PROGRESS,
    });
    expect(served.tasks.find((t) => t.id === w.tasks.jobs)?.progress?.period).toBe("2020-07");
    // As of the day before the approval it was not public yet.
    const before = await publicPlanDetail(store().db, w.planId, "2020-08-03");
    expect(before.tasks.find((t) => t.id === w.tasks.jobs)?.progress?.period).toBe("2020-06");
  });
});
