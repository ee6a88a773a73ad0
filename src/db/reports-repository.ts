// Reports and their revisions; reminders, requests for more time, planned values and plan settings
// have repositories of their own. Revisions are append-only (the database refuses updates and
// deletes); a report row is the header: its newest revision number and state. A new revision is
// accepted only on top of the revision the writer saw — checked by a conditional update of the header
// and backed by the unique (report_id, revision) constraint, so the rule holds across transactions
// and app servers on both SQLite and PostgreSQL.

import { expressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import { AppError } from "../domain/app-error.ts";
import type { ConfirmedFinding } from "../domain/plausibility.ts";
import { REVISION_STATE_ZH } from "../domain/revisions.ts";
import { type Actor, type AuditItem, appendAuditRows } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import { idChunks } from "./id-chunks.ts";
import type { Database, ReportRevisionsTable, ReportState, ReportSubject, ReportsTable } from "./schema.ts";

type Db = Kysely<Database>;
export type ReportRow = Selectable<ReportsTable>;
export type RevisionRow = Selectable<ReportRevisionsTable>;

export interface ReportSubjectKey {
  type: ReportSubject;
  id: number;
}

export function subjectKeyOf(subject: ReportSubjectKey): string {
  return `${subject.type}:${subject.id}`;
}

/** A unique-constraint violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const code = (error as { code?: unknown }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

export async function getReport(db: Db, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findReport(
  db: Db,
  subject: ReportSubjectKey,
  period: string,
): Promise<ReportRow | undefined> {
  return db
    .selectFrom("reports")
    .selectAll()
    .where("subject_key", "=", subjectKeyOf(subject))
    .where("period", "=", period)
    .executeTakeFirst();
}

export async function listReportsOfPlan(db: Db, planId: number): Promise<ReportRow[]> {
  return db.selectFrom("reports").selectAll().where("plan_id", "=", planId).orderBy("id").execute();
}

export async function listReportsBySubject(db: Db, subject: ReportSubjectKey): Promise<ReportRow[]> {
  return db
    .selectFrom("reports")
    .selectAll()
    .where("subject_key", "=", subjectKeyOf(subject))
    .orderBy("period_end")
    .execute();
}

/** Every revision of these reports, oldest first. */
/**
 * Revisions of these reports, by report and revision. By id list, not by a join on the plan: on a
 * province's database PostgreSQL would hash-join a seq scan of every revision (a second at two million
 * reports) instead of looking up the plan's few thousand. Without `texts` the progress, problems, next
 * steps and reason of a return read as null: what judging needs, a fraction of the bytes.
 */
export async function listRevisions(
  db: Db,
  reportIds: readonly number[],
  options: { texts?: boolean } = {},
): Promise<RevisionRow[]> {
  if (reportIds.length === 0) return [];
  const out: RevisionRow[] = [];
  for (const chunk of idChunks(db, reportIds)) {
    const q = db
      .selectFrom("report_revisions")
      .where("report_id", "in", chunk)
      .orderBy("report_id")
      .orderBy("revision");
    if (options.texts === false) {
      const rows = await q
        .select([
          "id",
          "report_id",
          "revision",
          "value",
          "percent",
          "status_word",
          "state",
          "author_id",
          "created_at",
          sql<string | null>`null`.as("progress"),
          sql<string | null>`null`.as("problems"),
          sql<string | null>`null`.as("next_steps"),
          sql<string | null>`null`.as("return_reason"),
          sql<string | null>`null`.as("warnings"),
        ])
        .execute();
      for (const r of rows) out.push(r);
    } else for (const r of await q.selectAll().execute()) out.push(r);
  }
  return out;
}

export async function listRevisionsOfPlan(db: Db, planId: number): Promise<RevisionRow[]> {
  return db
    .selectFrom("report_revisions")
    .innerJoin("reports", "reports.id", "report_revisions.report_id")
    .selectAll("report_revisions")
    .where("reports.plan_id", "=", planId)
    .orderBy("report_revisions.report_id")
    .orderBy("report_revisions.revision")
    .execute();
}

export interface RevisionContent {
  value: number | null;
  percent: number | null;
  statusWord: string | null;
  progress: string;
  problems: string;
  nextSteps: string;
  /** Plausibility warnings the author confirmed with a reason (src/domain/plausibility.ts). */
  warnings?: readonly ConfirmedFinding[];
}

export interface NewReport {
  planId: number;
  subject: ReportSubjectKey;
  departmentId: number | null;
  period: string;
  periodEnd: string;
  dueDate: string;
}

export interface AppendRevision {
  /** The report, or what to create when it does not exist yet (baseRevision null). */
  report: NewReport;
  baseRevision: number | null;
  content: RevisionContent;
  state: ReportState;
  returnReason?: string | null;
  /** The states the report must be in (review: submitted). */
  requireState?: readonly ReportState[];
  at: string;
}

export interface AppendOutcome {
  report: ReportRow;
  revision: RevisionRow;
}

async function conflict(db: Db, reportId: number, base: number | null): Promise<AppError> {
  const latest = await db
    .selectFrom("report_revisions")
    .selectAll()
    .where("report_id", "=", reportId)
    .orderBy("revision", "desc")
    .limit(1)
    .executeTakeFirst();
  return new AppError(
    "conflict",
    {
      zh: `报告已被他人更新（最新为第${latest?.revision ?? 0}版，你的修改基于第${base ?? 0}版），请刷新后再改`,
      en: `the report was changed meanwhile (latest revision ${latest?.revision ?? 0}, yours was based on ${base ?? 0}): reload and edit again`,
    },
    { reportId, baseRevision: base, latestRevision: latest?.revision ?? 0, latest: latest ?? null },
  );
}

function newReportValues(spec: NewReport, revision: number, state: ReportState, at: string) {
  return {
    plan_id: spec.planId,
    subject_type: spec.subject.type,
    subject_key: subjectKeyOf(spec.subject),
    target_id: spec.subject.type === "target" ? spec.subject.id : null,
    node_id: spec.subject.type === "task" ? spec.subject.id : null,
    item_id: spec.subject.type === "item" ? spec.subject.id : null,
    department_id: spec.departmentId,
    period: spec.period,
    period_end: spec.periodEnd,
    due_date: spec.dueDate,
    current_revision: revision,
    state,
    created_at: at,
    updated_at: at,
  };
}

function revisionValues(actor: Actor, input: AppendRevision, reportId: number, revision: number) {
  return {
    report_id: reportId,
    revision,
    value: input.content.value,
    percent: input.content.percent,
    status_word: input.content.statusWord,
    progress: input.content.progress,
    problems: input.content.problems,
    next_steps: input.content.nextSteps,
    state: input.state,
    return_reason: input.returnReason ?? null,
    author_id: actor.userId,
    created_at: input.at,
    warnings: input.content.warnings?.length ? JSON.stringify(input.content.warnings) : null,
  };
}

const AUDIT_ACTION: Record<ReportState, string> = {
  draft: "report.save",
  submitted: "report.submit",
  approved: "report.approve",
  returned: "report.return",
};

function revisionAudit(
  actor: Actor,
  input: AppendRevision,
  report: ReportRow,
  before: { revision: number; state: ReportState },
  revision: RevisionRow,
): AuditItem {
  return {
    actor,
    at: input.at,
    // The row as its insert returned it: its digest goes into the chain, no statement more.
    revision,
    entry: {
      action: AUDIT_ACTION[input.state],
      entity: "report",
      entityId: report.id,
      planId: report.plan_id,
      before,
      after: {
        revision: report.current_revision,
        state: input.state,
        subject: report.subject_key,
        period: report.period,
        ...input.content,
        returnReason: input.returnReason ?? null,
      },
    },
  };
}

/**
 * Appends a revision on top of `baseRevision`, creating the report on its first save. One
 * transaction: the header moves from base to base + 1 only if it still is at base (a concurrent
 * writer's transaction makes this update match nothing, or its insert hit the unique constraint), then
 * the revision row and the audit row are written.
 */
export async function appendRevision(db: Db, actor: Actor, input: AppendRevision): Promise<AppendOutcome> {
  const { report: spec, at } = input;
  try {
    return await inTransaction(db, async (trx) => {
      const base = input.baseRevision ?? 0;
      const next = base + 1;
      // The first revision of a new report creates the report in its final state in one statement;
      // when the report exists already (a race, or a stale client) nothing is inserted and the
      // existing report's revision decides below.
      const created =
        base === 0 && !input.requireState
          ? await trx
              .insertInto("reports")
              .values(newReportValues(spec, next, input.state, at))
              .onConflict((oc) => oc.columns(["subject_key", "period"]).doNothing())
              .returningAll()
              .executeTakeFirst()
          : undefined;
      let before: { revision: number; state: ReportState };
      let report: ReportRow;
      if (created) {
        report = created;
        before = { revision: 0, state: "draft" };
      } else {
        const found = await findReport(trx, spec.subject, spec.period);
        if (!found) {
          throw new AppError(
            "not_found",
            { zh: "报告不存在", en: "no such report" },
            {
              baseRevision: input.baseRevision,
            },
          );
        }
        if (found.current_revision !== base) throw await conflict(trx, found.id, input.baseRevision);
        if (input.requireState && !input.requireState.includes(found.state)) {
          throw new AppError(
            "conflict",
            {
              zh: `报告当前状态为“${REVISION_STATE_ZH[found.state]}”，不能执行此操作`,
              en: `the report is ${found.state}: not possible now`,
            },
            { reportId: found.id, state: found.state, reason: "bad_state" },
          );
        }
        const moved = await trx
          .updateTable("reports")
          .set({ current_revision: next, state: input.state, updated_at: at })
          .where("id", "=", found.id)
          .where("current_revision", "=", base)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw await conflict(trx, found.id, input.baseRevision);
        before = { revision: base, state: found.state };
        report = { ...found, current_revision: next, state: input.state, updated_at: at };
      }
      const revision = await trx
        .insertInto("report_revisions")
        .values(revisionValues(actor, input, report.id, next))
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAuditRows(trx, [revisionAudit(actor, input, report, before, revision)]);
      return { report, revision };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another transaction created the report or wrote the same revision number first.
    const report = await findReport(db, spec.subject, spec.period);
    throw await conflict(db, report?.id ?? 0, input.baseRevision);
  }
}

export interface FirstRevision {
  actor: Actor;
  /** A first save: baseRevision null or 0, no required state. */
  input: AppendRevision;
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * The first revisions of several new reports in one transaction — a group commit for submissions that
 * arrive together: three multi-row statements and one turn of the audit chain for all of them. Each
 * is judged on its own: one whose report exists already (or that repeats an earlier one of the batch)
 * gets the conflict appendRevision would give, and the others still go in. A failing statement fails
 * the whole transaction; the caller then writes them one by one.
 */
export async function appendFirstRevisions(
  db: Db,
  items: readonly FirstRevision[],
): Promise<Settled<AppendOutcome>[]> {
  for (const { input } of items) {
    if ((input.baseRevision ?? 0) !== 0 || input.requireState)
      throw new AppError("internal", "appendFirstRevisions takes first saves only");
  }
  return inTransaction(db, async (trx) => {
    const created = await trx
      .insertInto("reports")
      .values(items.map(({ input }) => newReportValues(input.report, 1, input.state, input.at)))
      .onConflict((oc) => oc.columns(["subject_key", "period"]).doNothing())
      .returningAll()
      .execute();
    const byKey = new Map(created.map((r) => [`${r.subject_key}|${r.period}`, r]));
    const winners: { index: number; item: FirstRevision; report: ReportRow }[] = [];
    const losers: number[] = [];
    for (const [index, item] of items.entries()) {
      const key = `${subjectKeyOf(item.input.report.subject)}|${item.input.report.period}`;
      const report = byKey.get(key);
      if (report) {
        winners.push({ index, item, report });
        byKey.delete(key); // a second item for the same report is a loser
      } else losers.push(index);
    }
    const results: Settled<AppendOutcome>[] = new Array(items.length);
    if (winners.length > 0) {
      const revisions = await trx
        .insertInto("report_revisions")
        .values(winners.map((w) => revisionValues(w.item.actor, w.item.input, w.report.id, 1)))
        .returningAll()
        .execute();
      const revisionOf = new Map(revisions.map((r) => [r.report_id, r]));
      const written = winners.map((w) => {
        const revision = revisionOf.get(w.report.id);
        if (!revision)
          throw new AppError("internal", {
            zh: `报告 ${w.report.id} 的修订未写入`,
            en: `report ${w.report.id}: its revision was not written`,
          });
        return { ...w, revision };
      });
      await appendAuditRows(
        trx,
        written.map((w) =>
          revisionAudit(w.item.actor, w.item.input, w.report, { revision: 0, state: "draft" }, w.revision),
        ),
      );
      for (const w of written)
        results[w.index] = { ok: true, value: { report: w.report, revision: w.revision } };
    }
    for (const index of losers) {
      const { input } = items[index] as FirstRevision;
      const found = await findReport(trx, input.report.subject, input.report.period);
      results[index] = { ok: false, error: await conflict(trx, found?.id ?? 0, input.baseRevision) };
    }
    return results;
  });
}

export interface PlanReportFilter {
  period?: string;
  state?: ReportRow["state"];
  subjectType?: ReportRow["subject_type"];
  departmentId?: number;
}

/** A plan's reports matching the filter, by period end then id. */
export async function listReportsOfPlanFiltered(
  db: Db,
  planId: number,
  filter: PlanReportFilter,
): Promise<ReportRow[]> {
  let q = db.selectFrom("reports").selectAll().where("plan_id", "=", planId);
  if (filter.period) q = q.where("period", "=", filter.period);
  if (filter.state) q = q.where("state", "=", filter.state);
  if (filter.subjectType) q = q.where("subject_type", "=", filter.subjectType);
  if (filter.departmentId !== undefined) q = q.where("department_id", "=", filter.departmentId);
  return q.orderBy("period_end").orderBy("id").execute();
}

/** Every report of one subject (by its key), by period end. */
export async function listReportsBySubjectKey(db: Db, subjectKey: string): Promise<ReportRow[]> {
  return db
    .selectFrom("reports")
    .selectAll()
    .where("subject_key", "=", subjectKey)
    .orderBy("period_end")
    .execute();
}

/**
 * The subject's figure of the latest period ending before `before` (YYYY-MM-DD): that report's
 * approved revision, else its newest one sent (a draft is nobody's word yet).
 */
function previousFigureQuery(from: Pick<Db, "selectFrom">, subjectKey: string, before: string) {
  return from
    .selectFrom("reports as pr")
    .innerJoin("report_revisions as prr", "prr.report_id", "pr.id")
    .where("pr.subject_key", "=", subjectKey)
    .where("pr.period_end", "<", before)
    .where("prr.state", "<>", "draft")
    .where("prr.value", "is not", null)
    .orderBy("pr.period_end", "desc")
    .orderBy(sql`case when prr.state = 'approved' then 0 else 1 end`)
    .orderBy("prr.revision", "desc")
    .limit(1);
}

/**
 * previousFigureQuery's value as a subquery, so that a statement the caller makes anyway carries it.
 * Built apart from any database: it is part of the caller's statement, not one of its own.
 */
export function previousValueSubquery(subjectKey: string, before: string) {
  return previousFigureQuery(expressionBuilder<Database, never>(), subjectKey, before).select("prr.value");
}

/** The figure of the period before, and the end of that period (imports). */
export async function findPreviousFigure(
  db: Db,
  subjectKey: string,
  before: string,
): Promise<{ value: number; periodEnd: string } | null> {
  const row = await previousFigureQuery(db, subjectKey, before)
    .select(["prr.value", "pr.period_end"])
    .executeTakeFirst();
  return row && row.value !== null ? { value: Number(row.value), periodEnd: row.period_end } : null;
}
