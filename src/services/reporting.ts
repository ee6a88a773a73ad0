// Reports (进展填报): a department saves and submits a revision for one subject and period, a planner
// approves it or returns it with a reason; every step is a new revision. Also the plan's reporting
// settings and a target's planned values per period (分期计划).

import type { PlanSettingsPatch, PlanSettingsView } from "../contract/plans.ts";
import type {
  AttachmentView,
  ReportDetail,
  ReportSubjectKind,
  ReportView,
  SaveReportRequest,
} from "../contract/reports.ts";
import type { ReviewRequest } from "../contract/review.ts";
import type { PlannedValuesRequest, TargetPlannedView } from "../contract/targets.ts";
import { type AttachmentMeta, listAttachments } from "../db/attachments-repository.ts";
import type { Actor } from "../db/audit-repository.ts";
import { type ExtensionRow, listExtensions, listExtensionsOfSubject } from "../db/extensions-repository.ts";
import { readPlanSettings, writePlanSettings } from "../db/plan-settings-repository.ts";
import { listPlannedValues, replacePlannedValues } from "../db/planned-values-repository.ts";
import {
  type AppendRevision,
  appendRevision,
  getReport,
  listReportsBySubjectKey,
  listReportsOfPlanFiltered,
  listRevisions,
  type ReportRow,
  type RevisionContent,
  type RevisionRow,
} from "../db/reports-repository.ts";
import type { PlanRow } from "../db/schema.ts";
import type { Principal } from "../domain/access.ts";
import { AppError, isAppError, type LocalText } from "../domain/app-error.ts";
import { refuseArchived } from "../domain/plan-structure.ts";
import { type PlannedKind, plannedProblems } from "../domain/planned-values.ts";
import { periodWords } from "../domain/reminder-text.ts";
import { frameOf } from "../reports/progress-frame.ts";
import { confirmedWarnings, periodStartOfKey, storedWarnings } from "./report-plausibility.ts";
import { mayReadRow, planRowSight } from "./report-visibility.ts";
import {
  buildReportView,
  DB_TO_KIND,
  type Db,
  dueInForce,
  extensionView,
  KIND_TO_DB,
  loadNames,
  loadSubject,
  loadSubjectWithPlan,
  mayEditPlan,
  maySaveReport,
  type Names,
  notFound,
  periodsOf,
  periodView,
  requirePlan,
  revisionViews,
  STATUS_WORDS,
  type Subject,
  settingsOf,
  settingsOfPlan,
  subjectKey,
  subjectRef,
} from "./reporting-context.ts";
import { appendFirstRevisionBatched } from "./submission-batch.ts";

const MAX_TEXT = 4000;

function bad(message: LocalText, details: Record<string, unknown> = {}): AppError {
  return new AppError("bad_input", message, details);
}

/** The report's three texts as the Chinese form names them. */
const TEXT_FIELD_ZH = { progress: "进展情况", problems: "存在问题", nextSteps: "下步打算" } as const;

/**
 * Checks a save's content against its subject; on submit the value the subject needs must be there.
 * A target's figure goes through the plausibility rules against the target and `previous` (the
 * figure of the period before): the warnings confirmed come back with the content.
 */
export function validateContent(
  subject: Subject,
  body: SaveReportRequest,
  previous: number | null = null,
  options: { judgeValue?: boolean } = {},
): RevisionContent {
  const content: RevisionContent = {
    value: body.value ?? null,
    percent: body.percent ?? null,
    statusWord: body.statusWord ?? null,
    progress: (body.progress ?? "").trim(),
    problems: (body.problems ?? "").trim(),
    nextSteps: (body.nextSteps ?? "").trim(),
  };
  for (const [field, text] of [
    ["progress", content.progress],
    ["problems", content.problems],
    ["nextSteps", content.nextSteps],
  ] as const) {
    if (text.length > MAX_TEXT)
      throw bad(
        {
          zh: `${TEXT_FIELD_ZH[field]}超过${MAX_TEXT}字`,
          en: `${field} is longer than ${MAX_TEXT} characters`,
        },
        { field },
      );
  }
  if (content.value !== null && !Number.isFinite(content.value))
    throw bad({ zh: "完成值无效", en: "value is not a number" }, { field: "value" });
  if (
    content.percent !== null &&
    (!Number.isFinite(content.percent) || content.percent < 0 || content.percent > 100)
  )
    throw bad({ zh: "完成百分比应在0–100之间", en: "percent must be within 0–100" }, { field: "percent" });
  if (content.statusWord !== null && !(STATUS_WORDS as readonly string[]).includes(content.statusWord))
    throw bad(
      {
        zh: `状态应为${STATUS_WORDS.join("、")}之一`,
        en: `statusWord must be one of ${STATUS_WORDS.join(", ")}`,
      },
      {
        field: "statusWord",
      },
    );
  if (body.submit) {
    const milestone = subject.kind !== "target" || subject.targetKind === "milestone";
    if (subject.kind === "target" && !milestone && content.value === null)
      throw bad({ zh: "提交前请填写完成值", en: "give the value before submitting" }, { field: "value" });
    if (milestone && content.percent === null && content.statusWord === null && content.value === null)
      throw bad(
        { zh: "提交前请填写完成百分比或状态", en: "give a percent or a status before submitting" },
        {
          field: "percent",
        },
      );
    if (content.progress === "")
      throw bad(
        { zh: "提交前请填写进展情况", en: "describe the progress before submitting" },
        {
          field: "progress",
        },
      );
  }
  if (options.judgeValue === false) return content;
  const warnings = confirmedWarnings(subject, {
    value: content.value,
    previous,
    problems: content.problems,
    confirm: body.confirm,
    confirmReason: body.confirmReason,
  });
  if (warnings.length > 0) content.warnings = warnings;
  return content;
}

export interface Clock {
  /** ISO timestamp; tests and the demo seed pass fixed times. */
  now?: string;
}

/** PUT /api/{targets|nodes|items}/:id/reports/:period */
export async function saveReport(
  db: Db,
  actor: Actor,
  user: Principal,
  subjectKind: ReportSubjectKind,
  subjectId: number,
  periodKey: string,
  body: SaveReportRequest,
  clock: Clock = {},
): Promise<ReportDetail> {
  // Last period's figure comes with the target, in the same statement (plausibility compares with it).
  const previousBefore = periodStartOfKey(periodKey) ?? undefined;
  const { subject, plan, hasExtensions, previousValue } = await loadSubjectWithPlan(
    db,
    subjectKind,
    subjectId,
    { previousBefore },
  );
  if (!(await maySaveReport(db, user, plan, subject))) {
    throw new AppError(
      "forbidden",
      {
        zh: "只有牵头或配合单位可以填报此项",
        en: "only the lead or a co-operating department reports on this",
      },
      { subject: subjectKey(subject) },
    );
  }
  refuseArchived(plan);
  if (plan.state !== "published") {
    throw new AppError(
      "conflict",
      {
        zh: `计划${plan.state === "draft" ? "尚未发布" : "已关闭"}，不能填报`,
        en: `the plan is ${plan.state}: no reports`,
      },
      { planId: plan.id, reason: "bad_state" },
    );
  }
  if (subject.stoppedAt) {
    throw new AppError(
      "conflict",
      { zh: "该指标已中止，不再填报", en: "the target is stopped (中止): it takes no more reports" },
      { rule: "target_stopped", targetId: subject.id, stoppedAt: subject.stoppedAt },
    );
  }
  const settings = settingsOfPlan(plan);
  const periods = periodsOf(plan, subject.frequency, settings.dueDay);
  const period = periods.find((p) => p.key === periodKey);
  if (!period) {
    throw bad(
      {
        zh: `报告期 ${periodWords(periodKey, "zh")} 不在计划期内（${periodWords(periods[0]?.key ?? "", "zh")}至${periodWords(periods[periods.length - 1]?.key ?? "", "zh")}）`,
        en: `period ${periodKey} is not one of this ${subject.frequency} calendar (${periods[0]?.key} … ${periods[periods.length - 1]?.key})`,
      },
      { field: "period", period: periodKey },
    );
  }
  const content = validateContent(subject, body, previousValue ?? null);
  const reportingDepartment =
    user.role === "reporter"
      ? user.departmentId
      : (subject.leadDepartmentId ?? subject.departmentIds[0] ?? null);
  const outcome = await appendWithViews(db, actor, {
    report: {
      planId: plan.id,
      subject: { type: KIND_TO_DB[subjectKind], id: subjectId },
      departmentId: reportingDepartment,
      period: period.key,
      periodEnd: period.end,
      dueDate: period.due,
    },
    baseRevision: body.baseRevision,
    content,
    state: body.submit ? "submitted" : "draft",
    at: clock.now ?? new Date().toISOString(),
  });
  // Answered from what was just written: a new report has one revision and no attachments yet.
  const created = outcome.revision.revision === 1;
  return detailOf(db, user, {
    report: outcome.report,
    plan,
    subject,
    canSave: true,
    ...(created ? { revisions: [outcome.revision], attachments: [] } : {}),
    ...(hasExtensions === false ? { extensions: [] } : {}),
  });
}

/**
 * A review as a revision: the latest revision's content again, in the state the planner decides, on
 * top of the revision the planner saw, allowed only while the report is submitted.
 */
export function reviewRevision(
  report: ReportRow,
  latest: RevisionRow,
  action: ReviewRequest["action"],
  reason: string,
  baseRevision: number,
  at: string,
): AppendRevision {
  return {
    report: {
      planId: report.plan_id,
      subject: { type: report.subject_type, id: subjectIdOf(report) },
      departmentId: report.department_id,
      period: report.period,
      periodEnd: report.period_end,
      dueDate: report.due_date,
    },
    baseRevision,
    content: {
      value: latest.value,
      percent: latest.percent,
      statusWord: latest.status_word,
      progress: latest.progress ?? "",
      problems: latest.problems ?? "",
      nextSteps: latest.next_steps ?? "",
      // What the reporter confirmed stays with the content the planner decided on.
      warnings: storedWarnings(latest.warnings),
    },
    state: action === "approve" ? "approved" : "returned",
    returnReason: action === "return" ? reason : null,
    requireState: ["submitted"],
    at,
  };
}

/** POST /api/reports/:id/review */
export async function reviewReport(
  db: Db,
  actor: Actor,
  user: Principal,
  reportId: number,
  body: ReviewRequest,
  clock: Clock = {},
): Promise<ReportDetail> {
  const report = await getReport(db, reportId);
  if (!report) throw notFound("报告", "report", reportId);
  const plan = await requirePlan(db, report.plan_id);
  if (!(await mayEditPlan(db, user, plan)))
    throw new AppError("forbidden", { zh: "无权审核此报告", en: "you may not review this report" });
  refuseArchived(plan);
  const reason = body.reason?.trim() ?? "";
  if (body.action === "return" && reason === "")
    throw bad({ zh: "退回须说明原因", en: "give a reason to return a report" }, { field: "reason" });
  const revisions = await listRevisions(db, [report.id]);
  const latest = revisions[revisions.length - 1];
  if (!latest) throw notFound("报告", "report", reportId);
  const base = body.baseRevision ?? report.current_revision;
  await appendWithViews(
    db,
    actor,
    reviewRevision(report, latest, body.action, reason, base, clock.now ?? new Date().toISOString()),
  );
  return reportDetail(db, user, reportId);
}

async function attachmentViews(
  db: Db,
  reportId: number,
  revisions: readonly { id: number; revision: number }[],
): Promise<AttachmentView[]> {
  const rows = await listAttachments(db, reportId);
  if (rows.length === 0) return [];
  const names = await loadNames(
    db,
    rows.map((r) => r.uploaded_by),
    [],
  );
  const revisionOf = new Map(revisions.map((r) => [r.id, r.revision]));
  return rows.map((r) => attachmentView(r, names, revisionOf));
}

export function attachmentView(
  r: AttachmentMeta,
  names: Names,
  revisionOf: ReadonlyMap<number, number>,
): AttachmentView {
  return {
    id: r.id,
    reportId: r.report_id,
    revision: r.revision_id === null ? null : (revisionOf.get(r.revision_id) ?? null),
    fileName: r.file_name,
    mediaType: r.media_type,
    byteSize: r.byte_size,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by === null ? null : (names.users.get(r.uploaded_by) ?? null),
    createdAt: r.created_at,
  };
}

export function subjectIdOf(report: ReportRow): number {
  return (report.target_id ?? report.node_id ?? report.item_id) as number;
}

export async function reportViewsOf(
  db: Db,
  reports: readonly ReportRow[],
  subjects?: Map<string, Subject>,
): Promise<ReportView[]> {
  if (reports.length === 0) return [];
  const revisions = await listRevisions(
    db,
    reports.map((r) => r.id),
  );
  const byReport = new Map<number, typeof revisions>();
  for (const r of revisions) byReport.set(r.report_id, [...(byReport.get(r.report_id) ?? []), r]);
  const names = await loadNames(
    db,
    revisions.map((r) => r.author_id),
    reports.map((r) => r.department_id),
  );
  const planIds = [...new Set(reports.map((r) => r.plan_id))];
  const out: ReportView[] = [];
  for (const planId of planIds) {
    const plan = await requirePlan(db, planId);
    const settings = settingsOfPlan(plan);
    const extensions = await listExtensions(db, { planId });
    for (const report of reports.filter((r) => r.plan_id === planId)) {
      const kind = DB_TO_KIND[report.subject_type];
      const subject =
        subjects?.get(report.subject_key) ?? (await loadSubject(db, kind, subjectIdOf(report), settings));
      const period = periodsOf(plan, subject.frequency, settings.dueDay).find((p) => p.key === report.period);
      const due = dueInForce(extensions, report.subject_key, report.period, period?.due ?? report.due_date);
      out.push(buildReportView(report, byReport.get(report.id) ?? [], subject, period, due, names));
    }
  }
  return out;
}

/** GET /api/reports/:id — reporters: the reports src/services/report-visibility.ts lets them read. */
export async function reportAccess(db: Db, user: Principal, reportId: number) {
  const report = await getReport(db, reportId);
  if (!report) throw notFound("报告", "report", reportId);
  const plan = await requirePlan(db, report.plan_id);
  const subject = await loadSubject(db, DB_TO_KIND[report.subject_type], subjectIdOf(report));
  const canSave = plan.state === "published" && (await maySaveReport(db, user, plan, subject));
  const facts = { departmentId: report.department_id, subjectDepartmentIds: subject.departmentIds };
  if (!mayReadRow(user, facts))
    throw new AppError("forbidden", {
      zh: "只能查看本单位的报告",
      en: "reporters see their own department's reports",
    });
  return { report, plan, subject, canSave };
}

export async function reportDetail(db: Db, user: Principal, reportId: number): Promise<ReportDetail> {
  return detailOf(db, user, await reportAccess(db, user, reportId));
}

interface DetailContext {
  report: ReportRow;
  plan: PlanRow;
  subject: Subject;
  canSave: boolean;
  /** Known already (a save that created the report, a target nobody asked more time for): not read. */
  revisions?: RevisionRow[];
  attachments?: AttachmentView[];
  extensions?: ExtensionRow[];
}

async function detailOf(db: Db, user: Principal, ctx: DetailContext): Promise<ReportDetail> {
  const { report, plan, subject } = ctx;
  const revisions = ctx.revisions ?? (await listRevisions(db, [report.id]));
  const extensions =
    ctx.extensions ??
    (await listExtensionsOfSubject(
      db,
      report.plan_id,
      { type: report.subject_type, id: subjectIdOf(report) },
      report.period,
    ));
  const names = await loadNames(
    db,
    [...revisions.map((r) => r.author_id), ...extensions.flatMap((e) => [e.requested_by, e.decided_by])],
    [report.department_id, ...extensions.map((e) => e.department_id)],
    user,
  );
  const settings = settingsOfPlan(plan);
  const period = periodsOf(plan, subject.frequency, settings.dueDay).find((p) => p.key === report.period);
  const due = dueInForce(extensions, report.subject_key, report.period, period?.due ?? report.due_date);
  return {
    report: buildReportView(report, revisions, subject, period, due, names),
    revisions: revisionViews(revisions, names),
    extensions: extensions.map((e) => extensionView(e, subjectRef(subject), names)),
    attachments: ctx.attachments ?? (await attachmentViews(db, report.id, revisions)),
    can: {
      save: ctx.canSave,
      review: report.state === "submitted" && (await mayEditPlan(db, user, plan)),
    },
  };
}

export interface ReportFilter {
  period?: string;
  departmentId?: number;
  state?: ReportRow["state"];
  subjectKind?: ReportSubjectKind;
}

/**
 * GET /api/plans/:id/reports — reporters: their department's and those of the subjects it leads or
 * co-operates on (src/services/report-visibility.ts); `departmentId` narrows further for anyone.
 */
export async function listPlanReports(
  db: Db,
  user: Principal,
  planId: number,
  filter: ReportFilter,
): Promise<ReportView[]> {
  await requirePlan(db, planId);
  if (user.role === "reporter" && user.departmentId === null) return [];
  const [rows, sees] = await Promise.all([
    listReportsOfPlanFiltered(db, planId, {
      period: filter.period,
      state: filter.state,
      subjectType: filter.subjectKind ? KIND_TO_DB[filter.subjectKind] : undefined,
      departmentId: filter.departmentId,
    }),
    planRowSight(db, user, planId),
  ]);
  return reportViewsOf(db, rows.filter(sees));
}

/** GET /api/targets/:id/reports — every period's report of one target that the asker may read. */
export async function listTargetReports(db: Db, user: Principal, targetId: number): Promise<ReportView[]> {
  const subject = await loadSubject(db, "target", targetId);
  const rows = (await listReportsBySubjectKey(db, subjectKey(subject))).filter((r) =>
    mayReadRow(user, { departmentId: r.department_id, subjectDepartmentIds: subject.departmentIds }),
  );
  return reportViewsOf(db, rows, new Map([[subjectKey(subject), subject]]));
}

// ── Settings and 分期计划 ─────────────────────────────────────────────────────────────────────

export async function planSettings(db: Db, planId: number): Promise<PlanSettingsView> {
  const raw = await readPlanSettings(db, planId);
  if (!raw) throw notFound("计划", "plan", planId);
  return settingsOf(raw);
}

export async function updatePlanSettings(
  db: Db,
  actor: Actor,
  planId: number,
  patch: PlanSettingsPatch,
): Promise<PlanSettingsView> {
  const raw = await readPlanSettings(db, planId);
  if (!raw) throw notFound("计划", "plan", planId);
  refuseArchived(await requirePlan(db, planId));
  const current = settingsOf(raw);
  const thresholds = { ...current.thresholds, ...(patch.thresholds ?? {}) };
  if (thresholds.farBehindPoints < thresholds.behindPoints)
    throw bad(
      { zh: "严重滞后阈值不能小于滞后阈值", en: "farBehindPoints must be at least behindPoints" },
      {
        field: "thresholds.farBehindPoints",
      },
    );
  const next = {
    ...raw,
    thresholds,
    frequency: patch.frequency ?? current.frequency,
    dueDay: patch.dueDay ?? current.dueDay,
    // Checked (发文字号 with 六角括号) before anything is written.
    document: patch.document ? frameOf(current.document, patch.document) : current.document,
    tasks: { ...current.tasks, ...(patch.tasks ?? {}) },
  };
  await writePlanSettings(db, actor, planId, next);
  return settingsOf(next);
}

export async function targetPlanned(db: Db, targetId: number): Promise<TargetPlannedView> {
  const subject = await loadSubject(db, "target", targetId);
  const plan = await requirePlan(db, subject.planId);
  const settings = settingsOf((await readPlanSettings(db, plan.id)) ?? {});
  const values = new Map(
    (await listPlannedValues(db, [targetId])).map((v) => [v.period, v.planned_value] as const),
  );
  return {
    targetId,
    frequency: subject.frequency,
    periods: periodsOf(plan, subject.frequency, settings.dueDay).map((p) => ({
      ...periodView(p),
      planned: values.get(p.key) ?? null,
    })),
  };
}

export async function setTargetPlanned(
  db: Db,
  actor: Actor,
  targetId: number,
  body: PlannedValuesRequest,
  clock: Clock = {},
): Promise<TargetPlannedView> {
  const subject = await loadSubject(db, "target", targetId);
  const plan = await requirePlan(db, subject.planId);
  refuseArchived(plan);
  const settings = settingsOf((await readPlanSettings(db, plan.id)) ?? {});
  const frequency = subject.frequency;
  const periods = periodsOf(plan, frequency, settings.dueDay);
  const seen = new Set<string>();
  const values = body.values.map((v, i) => {
    const p = periods.find((x) => x.key === v.period);
    if (!p)
      throw bad(
        {
          zh: `第${i + 1}项：报告期 ${periodWords(v.period, "zh")} 不在计划期内`,
          en: `values[${i}]: ${v.period} is not a ${frequency} period of the plan`,
        },
        {
          field: `values[${i}].period`,
        },
      );
    if (seen.has(v.period))
      throw bad(
        { zh: `报告期 ${periodWords(v.period, "zh")} 重复`, en: `period ${v.period} given twice` },
        { field: `values[${i}]` },
      );
    if (!Number.isFinite(v.value))
      throw bad(
        { zh: `第${i + 1}项：计划值不是数字`, en: `values[${i}].value is not a number` },
        { field: `values[${i}].value` },
      );
    seen.add(v.period);
    return { period: p.key, periodEnd: p.end, value: v.value };
  });
  checkPlannedOrder(subject.targetKind ?? "cumulative", periods, values);
  const at = clock.now ?? new Date().toISOString();
  await replacePlannedValues(db, actor, { id: targetId, planId: plan.id }, values, at);
  return targetPlanned(db, targetId);
}

/** Cumulative and milestone plans grow period by period (src/domain/planned-values.ts). */
function checkPlannedOrder(
  kind: PlannedKind,
  periods: readonly { key: string }[],
  values: readonly { period: string; value: number }[],
): void {
  const byPeriod = new Map(values.map((v) => [v.period, v.value]));
  const keys = periods.map((p) => p.key);
  const problem = plannedProblems(
    kind,
    keys.map((k) => byPeriod.get(k) ?? null),
  )[0];
  if (!problem) return;
  const period = keys[problem.index] as string;
  const field = `values[${values.findIndex((v) => v.period === period)}].value`;
  if (problem.code === "decreasing") {
    const earlier = keys[problem.previousIndex ?? 0] as string;
    throw bad(
      {
        zh: `${periodWords(period, "zh")}的计划值小于${periodWords(earlier, "zh")}的：${kind === "milestone" ? "里程碑" : "累计"}指标的分期计划不能减少`,
        en: `the planned value of ${period} is below that of ${earlier}: a ${kind} target's plan cannot decrease`,
      },
      { field, period, earlierPeriod: earlier },
    );
  }
  throw bad(
    {
      zh: `${periodWords(period, "zh")}的计划进度应在 0–100 之间`,
      en: `the planned percent of ${period} must lie within 0–100`,
    },
    { field, period },
  );
}

/**
 * appendRevision, with a conflict's newer revision given as the API's ReportRevisionView (the
 * repository knows only rows), so a client can show what the other person saved.
 */
async function appendWithViews(db: Db, actor: Actor, input: Parameters<typeof appendRevision>[2]) {
  try {
    const first = (input.baseRevision ?? 0) === 0 && !input.requireState;
    return await (first ? appendFirstRevisionBatched(db, actor, input) : appendRevision(db, actor, input));
  } catch (error) {
    const latest =
      isAppError(error) && error.code === "conflict" ? (error.details.latest as RevisionRow | null) : null;
    if (!latest || !isAppError(error)) throw error;
    const names = await loadNames(db, [latest.author_id], []);
    throw new AppError(error.code, error.text ?? error.message, {
      ...error.details,
      latest: revisionViews([latest], names)[0],
    });
  }
}
