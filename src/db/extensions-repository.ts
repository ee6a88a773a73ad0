// Requests for more time (延期申请) for a subject's report of one period, and their decisions.

import type { Kysely, Selectable } from "kysely";
import { AppError } from "../domain/app-error.ts";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import { type ReportSubjectKey, subjectKeyOf } from "./reports-repository.ts";
import type { Database, ExtensionRequestsTable } from "./schema.ts";

type Db = Kysely<Database>;
export type ExtensionRow = Selectable<ExtensionRequestsTable>;

export interface NewExtension {
  planId: number;
  departmentId: number;
  subject: ReportSubjectKey;
  reportId: number | null;
  period: string;
  reason: string;
  requestedDueDate: string;
  at: string;
}

export async function insertExtension(db: Db, actor: Actor, input: NewExtension): Promise<ExtensionRow> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("extension_requests")
      .values({
        plan_id: input.planId,
        department_id: input.departmentId,
        report_id: input.reportId,
        target_id: input.subject.type === "target" ? input.subject.id : null,
        node_id: input.subject.type === "task" ? input.subject.id : null,
        item_id: input.subject.type === "item" ? input.subject.id : null,
        period: input.period,
        reason: input.reason,
        requested_due_date: input.requestedDueDate,
        state: "pending",
        requested_by: actor.userId,
        decided_by: null,
        decided_at: null,
        decision_note: null,
        created_at: input.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      actor,
      {
        action: "extension.request",
        entity: "extension_request",
        entityId: row.id,
        planId: input.planId,
        after: {
          subject: subjectKeyOf(input.subject),
          period: input.period,
          reason: input.reason,
          requestedDueDate: input.requestedDueDate,
        },
      },
      input.at,
    );
    return row;
  });
}

export async function decideExtension(
  db: Db,
  actor: Actor,
  id: number,
  decision: { grant: boolean; note: string | null; at: string },
): Promise<ExtensionRow> {
  return inTransaction(db, async (trx) => {
    const state = decision.grant ? "granted" : "refused";
    const moved = await trx
      .updateTable("extension_requests")
      .set({ state, decided_by: actor.userId, decided_at: decision.at, decision_note: decision.note })
      .where("id", "=", id)
      .where("state", "=", "pending")
      .executeTakeFirst();
    const row = await getExtension(trx, id);
    if (!row)
      throw new AppError(
        "not_found",
        { zh: `延期申请 ${id} 不存在`, en: `no extension request ${id}` },
        { id },
      );
    if (Number(moved.numUpdatedRows) !== 1) {
      throw new AppError(
        "conflict",
        {
          zh: `该延期申请已处理（${{ pending: "待审批", granted: "已批准", refused: "未批准" }[row.state] ?? row.state}）`,
          en: `the request was decided already (${row.state})`,
        },
        { id, state: row.state, reason: "bad_state" },
      );
    }
    await appendAudit(
      trx,
      actor,
      {
        action: `extension.${state === "granted" ? "grant" : "refuse"}`,
        entity: "extension_request",
        entityId: id,
        planId: row.plan_id,
        before: { state: "pending" },
        after: { state, note: decision.note },
      },
      decision.at,
    );
    return row;
  });
}

export async function getExtension(db: Db, id: number): Promise<ExtensionRow | undefined> {
  return db.selectFrom("extension_requests").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listExtensions(
  db: Db,
  filter: { planId?: number; departmentId?: number },
): Promise<ExtensionRow[]> {
  let q = db.selectFrom("extension_requests").selectAll();
  if (filter.planId !== undefined) q = q.where("plan_id", "=", filter.planId);
  if (filter.departmentId !== undefined) q = q.where("department_id", "=", filter.departmentId);
  return q.orderBy("created_at", "desc").orderBy("id", "desc").execute();
}

/** The requests for more time about one subject's report of one period, newest first. */
export async function listExtensionsOfSubject(
  db: Db,
  planId: number,
  subject: ReportSubjectKey,
  period: string,
): Promise<ExtensionRow[]> {
  const column = subject.type === "target" ? "target_id" : subject.type === "task" ? "node_id" : "item_id";
  return db
    .selectFrom("extension_requests")
    .selectAll()
    .where("plan_id", "=", planId)
    .where(column, "=", subject.id)
    .where("period", "=", period)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}
