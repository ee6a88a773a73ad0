// The two Word documents of a plan and a reporting period: the progress report (执行进度报告) and the
// draft of the execution report (计划执行情况报告). The plan is judged as the status pages judge it
// (statusOfWorld), at the end of the period asked for, with what was known by the "as of" date.

import type { PlanStatusView } from "../contract/status.ts";
import { getRegion } from "../db/regions-repository.ts";
import type { RevisionRow } from "../db/reports-repository.ts";
import { AppError } from "../domain/app-error.ts";
import type { ReportingPeriod } from "../domain/periods.ts";
import { periodWords } from "../domain/reminder-text.ts";
import { approvedAsOf } from "../domain/revisions.ts";
import { judgeTask } from "../domain/task-lights.ts";
import { latestApprovedProgress, taskDeadlineWords } from "../reports/ledger-tasks.ts";
import { type DocumentFrameSettings, frameOf } from "../reports/progress-frame.ts";
import {
  buildProgressModel,
  type ProgressInput,
  type ProgressModel,
  type ReportTarget,
  type ReportText,
} from "../reports/progress-model.ts";
import type { ReportTask } from "../reports/progress-tasks.ts";
import { inProcessJobs, type JobRunner } from "./job-handlers.ts";
import { readingClock, statusOfWorld } from "./plan-status.ts";
import {
  type Db,
  loadPlanWorld,
  type PlanWorld,
  periodsOf,
  reportKey,
  revisionCutoff,
  subjectKey,
} from "./reporting-context.ts";
import { loadTaskWorld, type TaskWorld, timelineOf } from "./task-world.ts";

export interface ReportDocOptions {
  /** A period of the plan's reporting frequency: "2020-06" (monthly) or "2020-Q2" (quarterly). */
  period: string;
  /** What was known by this date (YYYY-MM-DD); default today, or the demo plan's fixed date. */
  asOf?: string;
  /** The 公文 frame for this export, over the plan's settings field by field. */
  frame?: Partial<DocumentFrameSettings>;
}

/** The section of the plan's 主要预期指标: its title speaks of indicators or expected targets. */
const HEADLINE_SECTION = /主要.*(指标|目标)|预期(指标|目标)/;

const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);

function choosePeriod(
  world: PlanWorld,
  key: string,
): { period: ReportingPeriod; next: ReportingPeriod | null } {
  const periods = periodsOf(world.plan, world.settings.frequency, world.settings.dueDay);
  const i = periods.findIndex((p) => p.key === key);
  const found = periods[i];
  if (!found) {
    const first = periods[0]?.key ?? "";
    const last = periods[periods.length - 1]?.key ?? "";
    throw new AppError(
      "bad_input",
      {
        zh: `报告期${periodWords(key, "zh")}不是本计划的报告期（应为${periodWords(first, "zh")}至${periodWords(last, "zh")}之一）`,
        en: `period ${key} is not a reporting period of this plan (one of ${first} … ${last})`,
      },
      { field: "period", value: key, first, last },
    );
  }
  return { period: found, next: periods[i + 1] ?? null };
}

function sectionOf(world: PlanWorld, nodeId: number | null): string | null {
  let cursor = nodeId === null ? undefined : world.nodes.get(nodeId);
  let guard = 0;
  while (cursor && guard++ < 20) {
    if (cursor.kind === "section") return cursor.title;
    cursor = cursor.parentId === null ? undefined : world.nodes.get(cursor.parentId);
  }
  return null;
}

function reportTargets(world: PlanWorld, status: PlanStatusView): ReportTarget[] {
  const rows = new Map(world.targets.map((t) => [t.id, t.row]));
  return status.targets.flatMap((v) => {
    const row = rows.get(v.targetId);
    if (!row) return [];
    const e = v.evaluation;
    return [
      {
        id: v.targetId,
        subject: v.subject,
        display: v.display,
        kind: v.kind,
        comparator: row.comparator,
        direction: row.direction,
        target: row.value,
        target2: row.value2,
        unit: v.unit,
        displayUnit: v.displayUnit,
        areaId: v.areaId,
        headline: HEADLINE_SECTION.test(sectionOf(world, v.nodeId) ?? ""),
        department: v.department?.name ?? null,
        weight: v.weight,
        attribute: row.attribute ?? null,
        value: v.value,
        status: e.status,
        completion: e.completion,
        expectedShare: e.expectedShare,
        gapPoints: e.gapPoints,
        expectedFrom: e.working.expectedFrom,
        judgedPeriod: e.period?.key ?? null,
        due: e.status === "not_reported" ? (e.period?.due ?? null) : null,
      },
    ];
  });
}

/** The approved revision of a subject's report for a period, as known by the cut-off. */
function approvedRevision(world: PlanWorld, key: string, period: string, cutoff: string): RevisionRow | null {
  const report = world.reports.get(reportKey(key, period));
  if (!report) return null;
  return approvedAsOf(
    (world.revisions.get(report.id) ?? []).map((r: RevisionRow) => ({
      ...r,
      approvedAt: r.state === "approved" ? r.created_at : null,
    })),
    cutoff,
  );
}

/**
 * The plan's tasks as the report needs them, judged by the lifecycle (亮灯, with its working) on the
 * day the report is judged on, with their 完成时限 and the newest progress approved by the cut-off.
 */
function reportTasks(
  world: PlanWorld,
  tasks: TaskWorld,
  status: PlanStatusView,
  judgedOn: string,
  asOf: string,
): ReportTask[] {
  const cutoff = revisionCutoff(world, asOf);
  const areaOf = new Map(status.tasks.map((v) => [v.id, v.areaId]));
  return tasks.tasks.map((entry) => {
    const judged = judgeTask(timelineOf(tasks, entry), judgedOn, tasks.lightSettings);
    const lead = entry.node.lead_department_id;
    return {
      id: entry.node.id,
      title: entry.node.title,
      areaId: areaOf.get(entry.node.id) ?? null,
      department: lead === null ? null : (world.names.departments.get(lead)?.name ?? null),
      light: judged.status,
      working: judged.working.zh,
      deadline: taskDeadlineWords(entry.row?.deadline ?? null, entry.row?.deadline_text ?? null),
      progress: latestApprovedProgress(entry, cutoff, judgedOn)?.text ?? null,
    };
  });
}

/** 存在问题 and 下步打算 of the approved report each subject was judged on. */
function reportTexts(world: PlanWorld, status: PlanStatusView, asOf: string): ReportText[] {
  const cutoff = revisionCutoff(world, asOf);
  const judged: Array<{ key: string; period: string | null; subject: string; department: string | null }> = [
    ...status.targets.map((v) => ({
      key: `target:${v.targetId}`,
      period: v.evaluation.period?.key ?? null,
      subject: v.subject,
      department: v.department?.name ?? null,
    })),
    ...[...status.tasks, ...status.items].map((v) => ({
      key: subjectKey({ kind: v.kind, id: v.id }),
      period: v.evaluation.period?.key ?? null,
      subject: v.title,
      department: v.department?.name ?? null,
    })),
  ];
  const out: ReportText[] = [];
  for (const j of judged) {
    if (j.period === null) continue;
    const chosen = approvedRevision(world, j.key, j.period, cutoff);
    if (!chosen) continue;
    out.push({
      subject: j.subject,
      department: j.department,
      problems: chosen.problems ?? "",
      nextSteps: chosen.next_steps ?? "",
    });
  }
  return out;
}

/** The report model of a plan at the end of a period, as known by the date (exported for the web and tests). */
export async function progressReportModel(
  db: Db,
  planId: number,
  options: ReportDocOptions,
): Promise<ProgressModel> {
  const loaded = await loadPlanWorld(db, planId);
  const { period, next } = choosePeriod(loaded, options.period);
  const { world, asOf } = readingClock(loaded, options.asOf);
  if (asOf < period.end)
    throw new AppError(
      "bad_input",
      {
        zh: `报告期${periodWords(period.key, "zh")}截至${period.end}，在${asOf}尚未结束`,
        en: `period ${period.key} ends on ${period.end}, after ${asOf}`,
      },
      { field: "period", value: period.key, asOf },
    );
  // What was known by asOf, judged at the end of the period asked for (not of a later one).
  const judgedOn = next && asOf >= next.end ? dayBefore(next.end) : asOf;
  const known: PlanWorld = { ...world, knownBy: world.knownBy ?? asOf };
  const status = statusOfWorld(known, judgedOn);
  const taskWorld = await loadTaskWorld(db, planId, world.plan);
  const region = world.plan.region_id === null ? undefined : await getRegion(db, world.plan.region_id);
  const areas = [...world.nodes.values()]
    .filter((n) => n.kind === "area")
    .map((n) => ({ id: n.id, title: n.title }));
  const input: ProgressInput = {
    planTitle: world.plan.title,
    region: region?.name ?? null,
    planStart: world.plan.period_start,
    planEnd: world.plan.period_end,
    period: { key: period.key, end: period.end, elapsedShare: period.elapsedShare },
    asOf,
    targets: reportTargets(world, status),
    areas,
    texts: reportTexts(known, status, asOf),
    tasks: reportTasks(known, taskWorld, status, judgedOn, asOf),
    frame: frameOf(world.settings.document, options.frame ?? {}),
    departments: status.rankings.map((r) => ({
      name: r.department.name,
      completionIndex: r.completionIndex,
      reportsDue: r.reportsDue,
      reportsOnTime: r.reportsOnTime,
    })),
  };
  return buildProgressModel(input);
}

/** The progress report (.docx, GB/T 9704-2012 layout) of a plan for one reporting period. */
export async function buildProgressReportDocx(
  db: Db,
  planId: number,
  options: ReportDocOptions,
  /** Where the document is rendered: the server's job pool, or this thread. */
  jobs: JobRunner = inProcessJobs(),
): Promise<Buffer> {
  return asBuffer(await jobs.run("renderProgressDocx", await progressReportModel(db, planId, options)));
}

/** The draft of the execution report (计划执行情况报告, .docx prose) for the planner to edit. */
export async function buildExecutionDraftDocx(
  db: Db,
  planId: number,
  options: ReportDocOptions,
  jobs: JobRunner = inProcessJobs(),
): Promise<Buffer> {
  return asBuffer(await jobs.run("renderExecutionDraftDocx", await progressReportModel(db, planId, options)));
}

/** A worker's answer arrives as a plain Uint8Array: the same bytes as a Buffer, not copied. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
