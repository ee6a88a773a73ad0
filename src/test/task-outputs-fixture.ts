// A published plan whose five tasks have lived through the lifecycle by 10 August 2020, for the tests
// of the documents and pages built from tasks (the ledger, the Word report, `plantrack status`, the
// public page, the cockpit's ranking). Every step goes through the services, as a person's would:
//
//   全年新增就业4万人          区人社局  2020年12月底前, 2 节点 (the first done)  签收 on time; June approved,
//                                      July submitted and not yet approved       → 正常推进
//   雏鹰企业分别达到80家和18家   区教育局  2020-06-30, never acknowledged                   → 逾期
//   建成南开美术馆            区人社局  三季度末; 签收 on time, June approved, closed       → 已办结
//   推进水厂南BC地块出让       区人社局  签收 late, then stopped                             → 已中止
//   地区生产总值增长5%…       no lead department                                          → 未签收

import type { Kysely } from "kysely";
import type { Actor } from "../db/audit-repository.ts";
import type { Database } from "../db/schema.ts";
import type { Principal } from "../domain/access.ts";
import { reviewReport } from "../services/reporting.ts";
import {
  acknowledgeTask,
  plannerTaskStep,
  reportTaskProgress,
  requestTaskClose,
} from "../services/task-steps.ts";
import { patchTask } from "../services/tasks.ts";
import { type AccessWorld, buildAccessWorld } from "./access-fixture.ts";

export const TASK_OUTPUTS_AS_OF = "2020-08-10";
export const APPROVED_PROGRESS = "已完成招标，签订施工合同";
export const UNAPPROVED_PROGRESS = "七月进展尚待审核，不得公开";

export interface TaskOutputsWorld {
  access: AccessWorld;
  planId: number;
  planner: Principal;
  reporter: Principal;
  tasks: { jobs: number; eagles: number; museum: number; parcel: number; gdp: number };
}

const at = (day: string) => ({ now: `${day}T09:00:00.000Z` });

export async function buildTaskOutputsWorld(db: Kysely<Database>): Promise<TaskOutputsWorld> {
  const access = await buildAccessWorld(db);
  const planId = access.planId;
  await db.updateTable("plans").set({ published_on: "2020-01-20" }).where("id", "=", planId).execute();
  const nodes = await db
    .selectFrom("outline_nodes")
    .select(["id", "title"])
    .where("plan_id", "=", planId)
    .where("kind", "=", "task")
    .execute();
  const node = (start: string) => {
    const found = nodes.find((n) => n.title.startsWith(start));
    if (!found) throw new Error(`no task ${start}`);
    return found.id;
  };
  const tasks = {
    jobs: node("全年新增就业"),
    eagles: node("雏鹰企业"),
    museum: node("建成南开美术馆"),
    parcel: node("推进水厂南BC地块"),
    gdp: node("地区生产总值"),
  };
  const { nankaiRsj: rsj, nankaiJyj: jyj } = access.departments;
  const planner: Principal = {
    id: access.users.planner,
    role: "planner",
    regionId: access.regions.nankai,
    departmentId: null,
    departmentRegionId: null,
  };
  const reporter: Principal = {
    id: access.users.reporter,
    role: "reporter",
    regionId: access.regions.nankai,
    departmentId: rsj,
    departmentRegionId: access.regions.nankai,
  };
  const actor = (p: Principal): Actor => ({ userId: p.id, ip: null });
  const asPlanner = actor(planner);
  const asReporter = actor(reporter);

  const jobs = await patchTask(db, asPlanner, planner, tasks.jobs, {
    leadDepartmentId: rsj,
    coDepartmentIds: [jyj],
    deadlineText: "2020年12月底前",
    milestones: [
      { name: "6月底前完成招标", due: "2020-06-30" },
      { name: "年底前竣工", due: "2020-12-31" },
    ],
  });
  await patchTask(db, asPlanner, planner, tasks.eagles, { leadDepartmentId: jyj, deadline: "2020-06-30" });
  await patchTask(db, asPlanner, planner, tasks.museum, { leadDepartmentId: rsj, deadlineText: "三季度末" });
  await patchTask(db, asPlanner, planner, tasks.parcel, { leadDepartmentId: rsj });

  const approve = async (reportId: number, day: string) =>
    reviewReport(db, asPlanner, planner, reportId, { action: "approve" }, at(day));

  await acknowledgeTask(db, asReporter, reporter, tasks.jobs, at("2020-01-21"));
  const june = await reportTaskProgress(
    db,
    asReporter,
    reporter,
    tasks.jobs,
    {
      period: "2020-06",
      progress: APPROVED_PROGRESS,
      problems: "施工许可办理较慢",
      nextSteps: "进场施工",
      percent: 40,
      milestonesDone: [{ milestoneId: jobs.milestones[0]?.id as number, doneOn: "2020-06-25" }],
    },
    [],
    at("2020-07-02"),
  );
  await approve(june.id, "2020-07-03");
  await reportTaskProgress(
    db,
    asReporter,
    reporter,
    tasks.jobs,
    { period: "2020-07", progress: UNAPPROVED_PROGRESS, percent: 55 },
    [],
    at("2020-08-03"),
  );

  await acknowledgeTask(db, asReporter, reporter, tasks.museum, at("2020-01-22"));
  const museumJune = await reportTaskProgress(
    db,
    asReporter,
    reporter,
    tasks.museum,
    { period: "2020-06", progress: "美术馆主体完工，布展中" },
    [],
    at("2020-07-01"),
  );
  await approve(museumJune.id, "2020-07-02");
  await requestTaskClose(
    db,
    asReporter,
    reporter,
    tasks.museum,
    { evidence: "美术馆已建成开放" },
    [],
    at("2020-07-10"),
  );
  await plannerTaskStep(
    db,
    asPlanner,
    planner,
    tasks.museum,
    "close",
    { opinion: "同意办结" },
    at("2020-07-15"),
  );

  await acknowledgeTask(db, asReporter, reporter, tasks.parcel, at("2020-02-10"));
  await plannerTaskStep(
    db,
    asPlanner,
    planner,
    tasks.parcel,
    "stop",
    { reason: "规划调整，不再出让" },
    at("2020-05-10"),
  );

  return { access, planId, planner, reporter, tasks };
}
