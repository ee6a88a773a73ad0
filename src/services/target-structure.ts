// The editor's structural operations on targets (issue 13): a draft's target deleted; 中止 of a target
// in a published plan — kept and shown struck through, taking no more reports, counted apart in the
// status. The plan is locked and checked as for the other structural operations (plan-structure.ts).

import type { Kysely } from "kysely";
import type { StopTargetRequest } from "../contract/structure.ts";
import type { TargetView } from "../contract/targets.ts";
import { type Actor, appendAudit } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import type { Database, TargetRow } from "../db/schema.ts";
import {
  coDepartmentIdsOfTarget,
  deleteTargetRow,
  getTargetRow,
  markTargetStopped,
} from "../db/targets-repository.ts";
import { AppError } from "../domain/app-error.ts";
import { refuseArchived, refuseDeleteUnlessDraft } from "../domain/plan-structure.ts";
import { getTargetView } from "./plan-queries.ts";
import { lockedPlan, notFound, refuseIfReported } from "./plan-structure.ts";

type Db = Kysely<Database>;

async function targetSnapshot(db: Db, row: TargetRow) {
  return { ...row, co_department_ids: await coDepartmentIdsOfTarget(db, row.id) };
}

async function loadTarget(db: Db, id: number): Promise<TargetRow> {
  const target = await getTargetRow(db, id);
  if (!target) throw notFound("target", id);
  return target;
}

/** DELETE /api/targets/:id — a draft's target; in a published plan it is stopped instead. */
export async function deleteTarget(db: Db, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const found = await loadTarget(trx, id);
    const plan = await lockedPlan(trx, found.plan_id, now);
    refuseDeleteUnlessDraft(plan, "target", id);
    await refuseIfReported(trx, plan.id, { targetIds: [id] });
    const before = await targetSnapshot(trx, await loadTarget(trx, id));
    await deleteTargetRow(trx, id);
    await appendAudit(
      trx,
      actor,
      { action: "target.delete", entity: "target", entityId: id, planId: plan.id, before },
      now,
    );
  });
}

/** POST /api/targets/:id/stop — 中止 in a published plan: kept and shown, no more reports, counted apart. */
export async function stopTarget(
  db: Db,
  actor: Actor,
  id: number,
  request: StopTargetRequest,
): Promise<TargetView> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const reason = request.reason.trim();
    if (reason === "")
      throw new AppError(
        "bad_input",
        { zh: "中止须说明原因", en: "give the reason for stopping (中止) the target" },
        { rule: "reason_required", field: "reason" },
      );
    const found = await loadTarget(trx, id);
    const plan = await lockedPlan(trx, found.plan_id, now);
    refuseArchived(plan);
    if (plan.state === "draft")
      throw new AppError(
        "conflict",
        {
          zh: "草稿中的指标不必中止，可以直接删除",
          en: "a draft's target is not stopped: delete it instead",
        },
        { rule: "not_published", planId: plan.id, state: plan.state },
      );
    const target = await loadTarget(trx, id);
    const before = await targetSnapshot(trx, target);
    if (target.stopped_at !== null || !(await markTargetStopped(trx, id, now, reason)))
      throw new AppError(
        "conflict",
        { zh: "该指标已中止", en: "the target is stopped already" },
        { rule: "already_stopped", targetId: id, stoppedAt: target.stopped_at },
      );
    await appendAudit(
      trx,
      actor,
      {
        action: "target.stop",
        entity: "target",
        entityId: id,
        planId: plan.id,
        before,
        after: await targetSnapshot(trx, await loadTarget(trx, id)),
      },
      now,
    );
    return (await getTargetView(trx, id)) as TargetView;
  });
}
