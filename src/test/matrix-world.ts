// The access world with something of every kind in it, for the route tests that send one request to
// every route (src/test/route-samples.ts): a submitted report, a pending extension, a reminder, a
// channel, an attachment, a task led by the reporter's department with a pending 调整申请.

import type { Kysely } from "kysely";
import { insertChannel } from "../db/reminder-channels-repository.ts";
import type { Database } from "../db/schema.ts";
import type { Principal } from "../domain/access.ts";
import { addAttachment } from "../services/attachments.ts";
import { requestExtension, sendReminder } from "../services/chasing.ts";
import { saveReport } from "../services/reporting.ts";
import { requestTaskAdjustment } from "../services/task-steps.ts";
import { type AccessWorld, buildAccessWorld } from "./access-fixture.ts";

/** The access world with reports in it: a submitted report, a pending extension, a reminder. */
export interface MatrixWorld extends AccessWorld {
  jobsTargetId: number;
  itemId: number;
  reportId: number;
  extensionId: number;
  reminderId: number;
  attachmentId: number;
  channelId: number;
  /** A task led by the reporter's department, with a pending 调整申请. */
  leadTaskId: number;
  adjustmentId: number;
}

export async function buildMatrixWorld(db: Kysely<Database>): Promise<MatrixWorld> {
  const w = await buildAccessWorld(db);
  const jobsTargetId = w.targetIds[3] as number;
  await db
    .updateTable("targets")
    .set({ lead_department_id: w.departments.nankaiRsj })
    .where("id", "=", jobsTargetId)
    .execute();
  const item = await db
    .selectFrom("items")
    .select("id")
    .where("plan_id", "=", w.planId)
    .executeTakeFirstOrThrow();
  const reporter: Principal = {
    id: w.users.reporter,
    role: "reporter",
    regionId: w.regions.nankai,
    departmentId: w.departments.nankaiRsj,
    departmentRegionId: w.regions.nankai,
  };
  const actor = { userId: w.users.reporter, ip: null };
  const texts = { progress: "进展", problems: "", nextSteps: "" };
  const saved = await saveReport(db, actor, reporter, "target", jobsTargetId, "2020-04", {
    baseRevision: null,
    value: 10000,
    ...texts,
    submit: true,
  });
  const extension = await requestExtension(db, actor, reporter, w.planId, {
    subjectKind: "target",
    subjectId: jobsTargetId,
    period: "2020-05",
    reason: "数据未出",
    requestedDueDate: "2020-06-20",
  });
  const reminder = await sendReminder(db, { userId: w.users.planner, ip: null }, w.planId, {
    departmentId: w.departments.nankaiRsj,
  });
  const channel = await insertChannel(
    db,
    { userId: w.users.planner, ip: null },
    {
      planId: w.planId,
      departmentId: null,
      kind: "webhook",
      address: "http://127.0.0.1:9/hook",
      secret: null,
      label: null,
    },
    new Date().toISOString(),
  );
  const attachment = await addAttachment(db, actor, reporter, saved.report.id, {
    fileName: "说明.txt",
    bytes: new TextEncoder().encode("进展说明"),
  });
  const tasks = await db
    .selectFrom("outline_nodes")
    .select("id")
    .where("plan_id", "=", w.planId)
    .where("kind", "=", "task")
    .orderBy("span_start")
    .execute();
  const leadTaskId = (tasks[1] ?? tasks[0])?.id as number;
  await db
    .updateTable("outline_nodes")
    .set({ lead_department_id: w.departments.nankaiRsj })
    .where("id", "=", leadTaskId)
    .execute();
  const planner: Principal = {
    id: w.users.planner,
    role: "planner",
    regionId: w.regions.nankai,
    departmentId: null,
    departmentRegionId: null,
  };
  const adjustment = await requestTaskAdjustment(
    db,
    { userId: w.users.planner, ip: null },
    planner,
    leadTaskId,
    {
      kind: "deadline",
      proposedDue: "2020-11-30",
      reason: "进度调整",
    },
  );
  return {
    ...w,
    leadTaskId,
    adjustmentId: adjustment.id,
    attachmentId: attachment.id,
    channelId: channel.id,
    jobsTargetId,
    itemId: item.id,
    reportId: saved.report.id,
    extensionId: extension.id,
    reminderId: reminder.id,
  };
}
