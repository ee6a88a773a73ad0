// Bulk review (批量审核): a planner approves — or returns with one reason — several submitted reports
// of one plan in a single action. All or nothing: every report is checked and written inside one
// transaction, and when any of them cannot be reviewed the transaction is rolled back and the error
// names each refused report and why, so the planner can untick it and try again. Each report still
// gets its own revision and its own audit row (appendRevision writes both).

import type { BulkReviewError, BulkReviewRequest, BulkReviewResult } from "../contract/review.ts";
import type { Actor } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { appendRevision, getReport, listRevisions, type ReportRow } from "../db/reports-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError, isAppError } from "../domain/app-error.ts";
import { refuseArchived } from "../domain/plan-structure.ts";
import { periodWords } from "../domain/reminder-text.ts";
import { type Clock, reportViewsOf, reviewRevision, subjectIdOf } from "./reporting.ts";
import { DB_TO_KIND, type Db, loadSubject, mayEditPlan, requirePlan } from "./reporting-context.ts";

/** More than a planner ticks on one screen; keeps one transaction short. */
export const BULK_REVIEW_MAX = 200;

const STATE_ZH: Record<ReportRow["state"], string> = {
  draft: "草稿",
  submitted: "已提交",
  approved: "已通过",
  returned: "已退回",
};

function refusal(
  index: number,
  reportId: number,
  code: BulkReviewError["code"],
  what: string,
  zh: string,
  en: string,
): BulkReviewError {
  return {
    reportId,
    index,
    code,
    message: { zh: `第${index + 1}项 ${what}：${zh}`, en: `item ${index + 1} (report ${reportId}): ${en}` },
  };
}

/** POST /api/plans/:id/reports/review-bulk */
export async function reviewReportsBulk(
  db: Db,
  actor: Actor,
  user: Principal,
  planId: number,
  body: BulkReviewRequest,
  clock: Clock = {},
): Promise<BulkReviewResult> {
  const plan = await requirePlan(db, planId);
  if (!(await mayEditPlan(db, user, plan)))
    throw new AppError("forbidden", {
      zh: "无权审核此计划的报告",
      en: "you may not review this plan's reports",
    });
  refuseArchived(plan);
  const reason = body.reason?.trim() ?? "";
  if (body.action === "return" && reason === "")
    throw new AppError(
      "bad_input",
      { zh: "批量退回须说明原因", en: "give a reason to return the reports" },
      {
        field: "reason",
      },
    );
  if (body.reports.length === 0)
    throw new AppError(
      "bad_input",
      { zh: "请至少选择一份报告", en: "choose at least one report" },
      { field: "reports" },
    );
  if (body.reports.length > BULK_REVIEW_MAX)
    throw new AppError(
      "bad_input",
      { zh: `一次最多审核${BULK_REVIEW_MAX}份报告`, en: `at most ${BULK_REVIEW_MAX} reports at once` },
      { field: "reports", count: body.reports.length },
    );
  const seen = new Map<number, number>();
  for (const [index, r] of body.reports.entries()) {
    const first = seen.get(r.id);
    if (first !== undefined)
      throw new AppError(
        "bad_input",
        {
          zh: `报告 ${r.id} 在第${first + 1}项和第${index + 1}项重复`,
          en: `report ${r.id} is listed twice (items ${first + 1} and ${index + 1})`,
        },
        { field: `reports[${index}].id`, reportId: r.id },
      );
    seen.set(r.id, index);
  }

  const at = clock.now ?? new Date().toISOString();
  // Filled inside the transaction, which is then rolled back by a throw.
  let refused: BulkReviewError[] = [];
  try {
    await inTransaction(db, async (trx) => {
      const errors: BulkReviewError[] = [];
      for (const [index, asked] of body.reports.entries()) {
        const report = await getReport(trx, asked.id);
        if (!report) {
          errors.push(refusal(index, asked.id, "not_found", `报告 ${asked.id}`, "不存在", "no such report"));
          continue;
        }
        const subject = await loadSubject(trx, DB_TO_KIND[report.subject_type], subjectIdOf(report));
        const what = `「${subject.title}」${periodWords(report.period, "zh")}`;
        if (report.plan_id !== planId) {
          errors.push(
            refusal(index, asked.id, "bad_input", what, "不属于此计划", `is not a report of plan ${planId}`),
          );
          continue;
        }
        if (report.state !== "submitted") {
          errors.push(
            refusal(
              index,
              asked.id,
              "conflict",
              what,
              `当前为“${STATE_ZH[report.state]}”，只能审核已提交的报告`,
              `it is ${report.state}; only submitted reports are reviewed`,
            ),
          );
          continue;
        }
        if (asked.baseRevision !== undefined && asked.baseRevision !== report.current_revision) {
          errors.push(
            refusal(
              index,
              asked.id,
              "conflict",
              what,
              `已有新的修订（第${report.current_revision}版，你看到的是第${asked.baseRevision}版），请刷新后再审`,
              `it changed meanwhile (revision ${report.current_revision}, you saw ${asked.baseRevision}): reload`,
            ),
          );
          continue;
        }
        // Once one report is refused the rest are only checked: nothing will be kept anyway.
        if (errors.length > 0) continue;
        const [latest] = (await listRevisions(trx, [report.id])).slice(-1);
        if (!latest) {
          errors.push(refusal(index, asked.id, "not_found", what, "没有任何修订", "has no revision"));
          continue;
        }
        try {
          await appendRevision(
            trx,
            actor,
            reviewRevision(report, latest, body.action, reason, report.current_revision, at),
          );
        } catch (error) {
          // A writer who got in between this check and the write: the same refusal as a stale base.
          if (!isAppError(error) || error.code !== "conflict") throw error;
          errors.push(
            refusal(
              index,
              asked.id,
              "conflict",
              what,
              "刚被他人更新，请刷新后再审",
              "changed meanwhile: reload",
            ),
          );
        }
      }
      if (errors.length > 0) {
        refused = errors;
        throw new AppError("conflict", "bulk review rolled back");
      }
    });
  } catch (error) {
    if (refused.length === 0) throw error;
    const errors = refused;
    const code = errors.some((e) => e.code === "conflict")
      ? "conflict"
      : errors.every((e) => e.code === "not_found")
        ? "not_found"
        : "bad_input";
    throw new AppError(
      code,
      {
        zh: `${errors.length}份报告不能${body.action === "approve" ? "通过" : "退回"}，所选报告均未改动：${errors
          .map((e) => e.message.zh)
          .join("；")}`,
        en: `${errors.length} of the reports cannot be ${body.action === "approve" ? "approved" : "returned"}; none was changed: ${errors
          .map((e) => e.message.en)
          .join("; ")}`,
      },
      { errors, count: body.reports.length },
    );
  }

  const rows: ReportRow[] = [];
  for (const r of body.reports) {
    const row = await getReport(db, r.id);
    if (row) rows.push(row);
  }
  const views = await reportViewsOf(db, rows);
  const byId = new Map(views.map((v) => [v.id, v]));
  return {
    action: body.action,
    reports: body.reports.flatMap((r) => {
      const v = byId.get(r.id);
      return v ? [v] : [];
    }),
  };
}
