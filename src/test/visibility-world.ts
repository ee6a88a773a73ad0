// The matrix world with a report of every state for the access matrix's body check
// (src/http/access-matrix.test.ts): 区人社局 (the reporter's department) has a draft, a submitted, a
// returned and an approved report, a task progress report, a request for more time and a reminder;
// 区教育局 (reporter_same_region's) has a report of its own and co-operates on one target of
// 区人社局's. Every text that is not approved carries SECRET, so that no answer to another department
// can carry it unseen, in JSON or in an exported file; and foreignRows finds the rows of 区人社局's in
// any answer body, by their ids.

import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Principal } from "../domain/access.ts";
import { requestExtension } from "../services/chasing.ts";
import { reviewReport, saveReport } from "../services/reporting.ts";
import { acknowledgeTask, reportTaskProgress } from "../services/task-steps.ts";
import { buildMatrixWorld, type MatrixWorld } from "./matrix-world.ts";

/** In every text of 区人社局's that is not approved: no other department may read it. */
export const SECRET = "人社局内部稿";
/** In the texts of 区人社局's approved report: the plan's record, which every reader may see. */
export const APPROVED_TEXT = "人社局已审定";

export interface VisibilityWorld extends MatrixWorld {
  /** Every report of 区人社局's on subjects 区教育局 has no part in (the matrix world's too). */
  rsjReports: number[];
  /** 区人社局's requests for more time (the matrix world's too). */
  rsjExtensions: number[];
  /** 区人社局's report on the target 区教育局 co-operates on: both departments see it. */
  sharedReport: number;
  sharedTargetId: number;
  /** 区教育局's own report, on a target it leads. */
  jyjReport: number;
  jyjTargetId: number;
}

function principal(w: MatrixWorld, persona: "reporter" | "reporter_same_region" | "planner"): Principal {
  const reporter = persona !== "planner";
  return {
    id: w.users[persona],
    role: reporter ? "reporter" : "planner",
    regionId: w.regions.nankai,
    departmentId:
      persona === "reporter" ? w.departments.nankaiRsj : reporter ? w.departments.nankaiJyj : null,
    departmentRegionId: reporter ? w.regions.nankai : null,
  };
}

export async function buildVisibilityWorld(db: Kysely<Database>): Promise<VisibilityWorld> {
  const w = await buildMatrixWorld(db);
  const rsj = principal(w, "reporter");
  const jyj = principal(w, "reporter_same_region");
  const planner = principal(w, "planner");
  const as = (p: Principal) => ({ userId: p.id, ip: null });
  const secret = { progress: `${SECRET}：进展`, problems: `${SECRET}：问题`, nextSteps: `${SECRET}：打算` };
  const save = (p: Principal, targetId: number, period: string, submit: boolean, texts = secret) =>
    saveReport(db, as(p), p, "target", targetId, period, {
      baseRevision: null,
      value: 5000,
      ...texts,
      submit,
    });

  const approved = await save(rsj, w.jobsTargetId, "2020-01", true, {
    progress: `${APPROVED_TEXT}：进展`,
    problems: `${APPROVED_TEXT}：问题`,
    nextSteps: `${APPROVED_TEXT}：打算`,
  });
  await reviewReport(db, as(planner), planner, approved.report.id, { action: "approve" });
  const returned = await save(rsj, w.jobsTargetId, "2020-02", true);
  await reviewReport(db, as(planner), planner, returned.report.id, {
    action: "return",
    reason: `${SECRET}：数据口径不符`,
  });
  const draft = await save(rsj, w.jobsTargetId, "2020-03", false);
  const extension = await requestExtension(db, as(rsj), rsj, w.planId, {
    subjectKind: "target",
    subjectId: w.jobsTargetId,
    period: "2020-06",
    reason: `${SECRET}：统计口径调整`,
    requestedDueDate: "2020-07-20",
  });
  await acknowledgeTask(db, as(rsj), rsj, w.leadTaskId);
  const progress = await reportTaskProgress(db, as(rsj), rsj, w.leadTaskId, {
    period: "2020-06",
    progress: `${SECRET}：任务进展`,
  });

  // 区教育局 co-operates on the first target (led by 区人社局) and leads the fifth.
  const sharedTargetId = w.targetIds[0] as number;
  const jyjTargetId = w.targetIds[4] as number;
  await db
    .updateTable("targets")
    .set({ lead_department_id: w.departments.nankaiRsj })
    .where("id", "=", sharedTargetId)
    .execute();
  await db
    .insertInto("target_departments")
    .values({ target_id: sharedTargetId, department_id: w.departments.nankaiJyj })
    .execute();
  await db
    .updateTable("targets")
    .set({ lead_department_id: w.departments.nankaiJyj })
    .where("id", "=", jyjTargetId)
    .execute();
  const shared = await save(rsj, sharedTargetId, "2020-Q1", true, {
    progress: "两局共同推进",
    problems: "",
    nextSteps: "",
  });
  const own = await save(jyj, jyjTargetId, "2020-01", true, {
    progress: "教育局进展",
    problems: "",
    nextSteps: "",
  });
  return {
    ...w,
    rsjReports: [w.reportId, approved.report.id, returned.report.id, draft.report.id, progress.id],
    rsjExtensions: [w.extensionId, extension.id],
    sharedReport: shared.report.id,
    sharedTargetId,
    jyjReport: own.report.id,
    jyjTargetId,
  };
}

/** What an asker must not find in an answer: the rows of another department's, by kind and id. */
export interface ForeignRows {
  reports: ReadonlySet<number>;
  attachments: ReadonlySet<number>;
  extensions: ReadonlySet<number>;
  reminders: ReadonlySet<number>;
  adjustments: ReadonlySet<number>;
  /** Task node ids. */
  tasks: ReadonlySet<number>;
  /** Subjects as "target:4", "node:6". */
  subjects: ReadonlySet<string>;
  departments: ReadonlySet<number>;
  users: ReadonlySet<number>;
  /** Texts that must appear nowhere in the body, JSON or file. */
  texts: readonly string[];
}

/** Which kind of row an object under this key is (the contract's names for lists and single rows). */
const ROW_KEYS: Record<string, keyof ForeignRows | "due"> = {
  reports: "reports",
  report: "reports",
  progressReports: "reports",
  latestProgress: "reports",
  attachments: "attachments",
  extensions: "extensions",
  extension: "extensions",
  reminders: "reminders",
  adjustments: "adjustments",
  tasks: "tasks",
  items: "due",
  rows: "due",
};
const USER_KEYS = new Set(["author", "uploadedBy", "requestedBy", "decidedBy", "sentBy", "by"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function idOf(v: Json | undefined): number | undefined {
  return isObject(v) && typeof v.id === "number" ? v.id : undefined;
}

/** Every row of another department's found in the body, as "path: what" (empty: none). */
export function foreignRows(body: string, foreign: ForeignRows): string[] {
  const found: string[] = [];
  for (const text of foreign.texts) if (body.includes(text)) found.push(`text “${text}”`);
  let json: Json;
  try {
    json = JSON.parse(body) as Json;
  } catch {
    return found; // a file (CSV, Word): the texts are what it could carry
  }
  const row = (path: string, kind: keyof ForeignRows | "due", v: Json) => {
    if (!isObject(v)) return;
    const id = idOf(v);
    // A task of the lifecycle (its progress, evidence, adjustments); the plan status's `tasks` are the
    // judged record (a light from approved reports), which every reader of the plan sees.
    const lifecycle = "latestProgress" in v;
    if (kind === "tasks" && lifecycle && typeof v.nodeId === "number" && foreign.tasks.has(v.nodeId))
      found.push(`${path}: task ${v.nodeId}`);
    else if (kind !== "due" && kind !== "tasks" && id !== undefined) {
      const ids = foreign[kind];
      if (ids instanceof Set && ids.has(id)) found.push(`${path}: ${kind} ${id}`);
    }
    const subject = v.subject;
    if (isObject(subject) && typeof subject.kind === "string" && typeof subject.id === "number") {
      const key = `${subject.kind}:${subject.id}`;
      if (foreign.subjects.has(key)) found.push(`${path}: row of ${key}`);
    }
    if (typeof v.taskId === "number" && foreign.tasks.has(v.taskId) && kind !== "tasks")
      found.push(`${path}: row of task ${v.taskId}`);
    if (kind === "reminders" && foreign.departments.has(idOf(v.department) ?? -1))
      found.push(`${path}: reminder of department ${idOf(v.department)}`);
  };
  const walk = (v: Json, path: string) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
      return;
    }
    if (!isObject(v)) return;
    for (const [key, value] of Object.entries(v)) {
      const at = `${path}.${key}`;
      const kind = ROW_KEYS[key];
      if (kind)
        for (const [i, x] of (Array.isArray(value) ? value : [value]).entries()) row(`${at}[${i}]`, kind, x);
      if (key === "reportId" && typeof value === "number" && foreign.reports.has(value))
        found.push(`${at}: report ${value}`);
      if (USER_KEYS.has(key) && foreign.users.has(idOf(value) ?? -1))
        found.push(`${at}: user ${idOf(value)}`);
      walk(value, at);
    }
  };
  walk(json, "$");
  return found;
}
