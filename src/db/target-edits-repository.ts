// Changing targets: a planner's corrections, targets added by hand, splits and merges. Every write
// runs in one transaction with its audit row; the caller has validated the changes.

import type { Kysely } from "kysely";
import type { Comparator, Direction, TargetAttribute, TargetKind } from "../extract/types.ts";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import { touchPlan } from "./plans-repository.ts";
import type { Database, TargetUpdate } from "./schema.ts";
import { coDepartmentIdsOfTarget, defaultFrequency, getTargetRow } from "./targets-repository.ts";

type Db = Kysely<Database>;

/** The fields of a target a planner may set (camelCase, as the API names them). */
export interface TargetChanges {
  subject?: string;
  value?: number | null;
  value2?: number | null;
  unit?: string;
  displayUnit?: string;
  display?: string;
  comparator?: Comparator;
  direction?: Direction;
  kind?: TargetKind;
  baseline?: number | null;
  attribute?: TargetAttribute | null;
  baselineYear?: number | null;
  targetYear?: number | null;
  annualGrowth?: number | null;
  dueDate?: string | null;
  frequency?: "monthly" | "quarterly";
  weight?: number;
  start?: number;
  end?: number;
  nodeId?: number | null;
  leadDepartmentId?: number | null;
  coDepartmentIds?: number[];
  confidence?: number | null;
}

function targetColumns(changes: TargetChanges): TargetUpdate {
  const out: TargetUpdate = {};
  if (changes.subject !== undefined) out.subject = changes.subject;
  if (changes.value !== undefined) out.value = changes.value;
  if (changes.value2 !== undefined) out.value2 = changes.value2;
  if (changes.unit !== undefined) out.unit = changes.unit;
  if (changes.displayUnit !== undefined) out.display_unit = changes.displayUnit;
  if (changes.display !== undefined) out.display = changes.display;
  if (changes.comparator !== undefined) out.comparator = changes.comparator;
  if (changes.direction !== undefined) out.direction = changes.direction;
  if (changes.kind !== undefined) out.kind = changes.kind;
  if (changes.baseline !== undefined) out.baseline = changes.baseline;
  if (changes.attribute !== undefined) out.attribute = changes.attribute;
  if (changes.baselineYear !== undefined) out.baseline_year = changes.baselineYear;
  if (changes.targetYear !== undefined) out.target_year = changes.targetYear;
  if (changes.annualGrowth !== undefined) out.annual_growth = changes.annualGrowth;
  if (changes.dueDate !== undefined) out.due_date = changes.dueDate;
  if (changes.frequency !== undefined) out.frequency = changes.frequency;
  if (changes.weight !== undefined) out.weight = changes.weight;
  if (changes.start !== undefined) out.span_start = changes.start;
  if (changes.end !== undefined) out.span_end = changes.end;
  if (changes.nodeId !== undefined) out.node_id = changes.nodeId;
  if (changes.leadDepartmentId !== undefined) out.lead_department_id = changes.leadDepartmentId;
  if (changes.confidence !== undefined) out.confidence = changes.confidence;
  return out;
}

async function replaceTargetDepartments(db: Db, targetId: number, ids: readonly number[]): Promise<void> {
  await db.deleteFrom("target_departments").where("target_id", "=", targetId).execute();
  const unique = [...new Set(ids)];
  if (unique.length > 0) {
    await db
      .insertInto("target_departments")
      .values(unique.map((department_id) => ({ target_id: targetId, department_id })))
      .execute();
  }
}

async function targetSnapshot(db: Db, id: number) {
  const row = await getTargetRow(db, id);
  return row ? { ...row, co_department_ids: await coDepartmentIdsOfTarget(db, id) } : undefined;
}

/** Applies the changes to one target; the caller has validated them. */
export async function updateTarget(db: Db, actor: Actor, id: number, changes: TargetChanges): Promise<void> {
  return inTransaction(db, async (trx) => {
    const before = await targetSnapshot(trx, id);
    if (!before) throw new Error(`target ${id} vanished`);
    const now = new Date().toISOString();
    await trx
      .updateTable("targets")
      .set({ ...targetColumns(changes), updated_at: now })
      .where("id", "=", id)
      .execute();
    if (changes.coDepartmentIds !== undefined)
      await replaceTargetDepartments(trx, id, changes.coDepartmentIds);
    await touchPlan(trx, before.plan_id, now);
    const after = await targetSnapshot(trx, id);
    await appendAudit(trx, actor, {
      action: "target.update",
      entity: "target",
      entityId: id,
      planId: before.plan_id,
      before,
      after,
    });
  });
}

export interface NewManualTarget extends TargetChanges {
  subject: string;
  start: number;
  end: number;
  comparator: Comparator;
  direction: Direction;
  kind: TargetKind;
}

async function insertTarget(
  db: Db,
  planId: number,
  fields: NewManualTarget & { source: "extracted" | "manual"; ord: number },
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto("targets")
    .values({
      plan_id: planId,
      node_id: fields.nodeId ?? null,
      ord: fields.ord,
      subject: fields.subject,
      value: fields.value ?? null,
      value2: fields.value2 ?? null,
      unit: fields.unit ?? "",
      display_unit: fields.displayUnit ?? "",
      display: fields.display ?? "",
      comparator: fields.comparator,
      direction: fields.direction,
      kind: fields.kind,
      baseline: fields.baseline ?? null,
      attribute: fields.attribute ?? null,
      baseline_year: fields.baselineYear ?? null,
      target_year: fields.targetYear ?? null,
      annual_growth: fields.annualGrowth ?? null,
      due_date: fields.dueDate ?? null,
      frequency: fields.frequency ?? defaultFrequency(fields.kind),
      weight: fields.weight ?? 1,
      span_start: fields.start,
      span_end: fields.end,
      confidence: fields.confidence ?? null,
      source: fields.source,
      lead_department_id: fields.leadDepartmentId ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (fields.coDepartmentIds?.length) await replaceTargetDepartments(db, id, fields.coDepartmentIds);
  return id;
}

async function nextTargetOrd(db: Db, planId: number): Promise<number> {
  const row = await db
    .selectFrom("targets")
    .select((eb) => eb.fn.max("ord").as("m"))
    .where("plan_id", "=", planId)
    .executeTakeFirst();
  return Number(row?.m ?? -1) + 1;
}

/** A target the planner adds from a span of the source text; answers its id. */
export async function insertManualTarget(
  db: Db,
  actor: Actor,
  planId: number,
  target: NewManualTarget,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const ord = await nextTargetOrd(trx, planId);
    const id = await insertTarget(trx, planId, { ...target, source: "manual", ord }, now);
    await touchPlan(trx, planId, now);
    await appendAudit(trx, actor, {
      action: "target.create",
      entity: "target",
      entityId: id,
      planId,
      after: await targetSnapshot(trx, id),
    });
    return id;
  });
}

/**
 * Splits a target at a source offset: the original keeps [start, at) with `first` applied, a new
 * target — a copy with its departments — gets [at, end) with `second` applied. Answers the new
 * target's id.
 */
export async function splitTarget(
  db: Db,
  actor: Actor,
  id: number,
  at: number,
  first: TargetChanges,
  second: TargetChanges,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const before = await targetSnapshot(trx, id);
    if (!before) throw new Error(`target ${id} vanished`);
    const now = new Date().toISOString();
    await trx
      .updateTable("targets")
      .set({ ...targetColumns(first), span_start: before.span_start, span_end: at, updated_at: now })
      .where("id", "=", id)
      .execute();
    if (first.coDepartmentIds !== undefined) await replaceTargetDepartments(trx, id, first.coDepartmentIds);
    const copy: NewManualTarget = {
      subject: before.subject,
      value: before.value,
      value2: before.value2,
      unit: before.unit,
      displayUnit: before.display_unit,
      display: before.display,
      comparator: before.comparator,
      direction: before.direction,
      kind: before.kind,
      baseline: before.baseline,
      attribute: before.attribute,
      baselineYear: before.baseline_year,
      targetYear: before.target_year,
      annualGrowth: before.annual_growth,
      dueDate: before.due_date,
      frequency: before.frequency,
      weight: before.weight,
      nodeId: before.node_id,
      leadDepartmentId: before.lead_department_id,
      coDepartmentIds: before.co_department_ids,
      ...second,
      start: at,
      end: before.span_end,
    };
    const newId = await insertTarget(
      trx,
      before.plan_id,
      { ...copy, source: "manual", ord: before.ord },
      now,
    );
    await trx
      .updateTable("targets")
      .set({
        suggested_department: before.suggested_department,
        suggested_keyword: before.suggested_keyword,
        suggested_department_id: before.suggested_department_id,
      })
      .where("id", "=", newId)
      .execute();
    await touchPlan(trx, before.plan_id, now);
    await appendAudit(trx, actor, {
      action: "target.split",
      entity: "target",
      entityId: id,
      planId: before.plan_id,
      before,
      after: [await targetSnapshot(trx, id), await targetSnapshot(trx, newId)],
    });
    return newId;
  });
}

/**
 * Merges targets of one plan: the earliest in the text survives with the span of them all (and the
 * changes applied), the others are deleted. The caller has checked that none has reports. Answers
 * the survivor's id.
 */
export async function mergeTargets(
  db: Db,
  actor: Actor,
  ids: readonly number[],
  changes: TargetChanges,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const snapshots = [];
    for (const id of ids) {
      const snap = await targetSnapshot(trx, id);
      if (!snap) throw new Error(`target ${id} vanished`);
      snapshots.push(snap);
    }
    snapshots.sort((a, b) => a.span_start - b.span_start || a.id - b.id);
    const [survivor, ...others] = snapshots;
    if (!survivor) throw new Error("nothing to merge");
    const now = new Date().toISOString();
    const start = Math.min(...snapshots.map((s) => s.span_start));
    const end = Math.max(...snapshots.map((s) => s.span_end));
    const coDepartmentIds = changes.coDepartmentIds ?? [
      ...new Set(snapshots.flatMap((s) => s.co_department_ids)),
    ];
    if (others.length > 0) {
      await trx
        .deleteFrom("targets")
        .where(
          "id",
          "in",
          others.map((o) => o.id),
        )
        .execute();
    }
    await trx
      .updateTable("targets")
      .set({ ...targetColumns(changes), span_start: start, span_end: end, updated_at: now })
      .where("id", "=", survivor.id)
      .execute();
    await replaceTargetDepartments(trx, survivor.id, coDepartmentIds);
    await touchPlan(trx, survivor.plan_id, now);
    await appendAudit(trx, actor, {
      action: "target.merge",
      entity: "target",
      entityId: survivor.id,
      planId: survivor.plan_id,
      before: snapshots,
      after: await targetSnapshot(trx, survivor.id),
    });
    return survivor.id;
  });
}
