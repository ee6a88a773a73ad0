// A planner's review of a plan draft: correcting targets and outline nodes, splitting and merging
// targets, adding the ones the extractor missed, publishing. Each use case checks its input against
// the stored plan, then changes it in one transaction (with its audit row).

import type { Kysely } from "kysely";
import type { NodePatch, OutlineNodeView, PlanSummary } from "../contract/plans.ts";
import type {
  BulkTargetsRequest,
  BulkTargetsResult,
  ManualTargetRequest,
  MergeTargetsRequest,
  SplitTargetRequest,
  TargetPatch,
  TargetPatchRequest,
  TargetView,
} from "../contract/targets.ts";
import type { Actor } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { getDepartmentsByIds } from "../db/departments-repository.ts";
import { findTaskAt, getNodeRow, updateNode } from "../db/outline-nodes-repository.ts";
import { getPlanRow, getPlanSourceText, getSourceLength, setPlanState } from "../db/plans-repository.ts";
import type { Database, PlanRow, TargetRow } from "../db/schema.ts";
import {
  insertManualTarget,
  mergeTargets as mergeTargetRows,
  type NewManualTarget,
  splitTarget as splitTargetRow,
  type TargetChanges,
  updateTarget,
} from "../db/target-edits-repository.ts";
import { countReportsOfTargets, getTargetRow, getTargetRows } from "../db/targets-repository.ts";
import { AppError, isAppError, type LocalText } from "../domain/app-error.ts";
import { refuseArchived } from "../domain/plan-structure.ts";
import { formatTargetDisplay } from "../domain/target-display.ts";
import type { ExtractPlanFn } from "./import-plan.ts";
import { getNodeView, getPlanSummary, getTargetView } from "./plan-queries.ts";
import { resolveTargetChanges, type TargetShape } from "./target-changes.ts";
import { auditTargetWarning, checkTargetValue } from "./target-plausibility.ts";
import { assignTasksOnPublish } from "./task-assignment.ts";

type Db = Kysely<Database>;

function notFound(what: string, id: number): AppError {
  const zh = { plan: "计划", target: "指标", node: "提纲节点" }[what] ?? what;
  return new AppError(
    "not_found",
    { zh: `${zh} ${id} 不存在`, en: `${what} ${id} not found` },
    { entity: what, id },
  );
}

function bad(message: LocalText, details: Record<string, unknown> = {}): AppError {
  return new AppError("bad_input", message, details);
}

export async function editablePlan(db: Db, planId: number): Promise<PlanRow> {
  const plan = await getPlanRow(db, planId);
  if (!plan) throw notFound("plan", planId);
  refuseArchived(plan);
  return plan;
}

export async function checkDepartments(
  db: Db,
  plan: PlanRow,
  ids: (number | null | undefined)[],
): Promise<void> {
  const wanted = ids.filter((id): id is number => typeof id === "number");
  if (wanted.length === 0) return;
  const found = await getDepartmentsByIds(db, wanted);
  for (const id of wanted) {
    const dept = found.find((d) => d.id === id);
    if (!dept) throw bad({ zh: `部门 ${id} 不存在`, en: `department ${id} not found` }, { departmentId: id });
    if (plan.region_id !== null && dept.region_id !== plan.region_id) {
      throw bad(
        {
          zh: `部门「${dept.name}」不属于本计划的地区`,
          en: `department ${dept.name} is not of this plan's region`,
        },
        {
          departmentId: id,
        },
      );
    }
  }
}

async function checkNode(db: Db, plan: PlanRow, nodeId: number | null | undefined): Promise<void> {
  if (nodeId === null || nodeId === undefined) return;
  const node = await getNodeRow(db, nodeId);
  if (!node || node.plan_id !== plan.id) {
    throw bad(
      { zh: `提纲节点 ${nodeId} 不属于本计划`, en: `node ${nodeId} is not part of this plan` },
      { nodeId },
    );
  }
}

async function checkSpan(db: Db, planId: number, start: number, end: number): Promise<void> {
  const length = (await getSourceLength(db, planId)) ?? 0;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > length) {
    throw bad(
      {
        zh: `文本位置无效：[${start}, ${end}) 应在 [0, ${length}] 之内`,
        en: `invalid text span [${start}, ${end}) for a text of ${length}`,
      },
      {
        start,
        end,
        length,
      },
    );
  }
}

async function loadTarget(db: Db, id: number): Promise<{ target: TargetRow; plan: PlanRow }> {
  const target = await getTargetRow(db, id);
  if (!target) throw notFound("target", id);
  const plan = await editablePlan(db, target.plan_id);
  return { target, plan };
}

async function checkTargetReferences(
  db: Db,
  plan: PlanRow,
  patch: TargetPatch,
  span?: { start: number; end: number },
) {
  await checkDepartments(db, plan, [patch.leadDepartmentId, ...(patch.coDepartmentIds ?? [])]);
  await checkNode(db, plan, patch.nodeId);
  if (span) await checkSpan(db, plan.id, span.start, span.end);
}

/** The changes of `patch` on a stored target, checked against the target and its plan; nothing stored. */
async function checkedTargetChanges(
  db: Db,
  target: TargetRow,
  plan: PlanRow,
  patch: TargetPatch,
): Promise<TargetChanges> {
  const changes = resolveTargetChanges(target, patch);
  const spanChanged = patch.start !== undefined || patch.end !== undefined;
  await checkTargetReferences(
    db,
    plan,
    patch,
    spanChanged ? { start: patch.start ?? target.span_start, end: patch.end ?? target.span_end } : undefined,
  );
  return changes;
}

export async function patchTarget(
  db: Db,
  actor: Actor,
  id: number,
  request: TargetPatchRequest,
): Promise<TargetView> {
  const { confirm: _confirm, confirmReason: _reason, ...patch } = request;
  return inTransaction(db, async (trx) => {
    const { target, plan } = await loadTarget(trx, id);
    const changes = await checkedTargetChanges(trx, target, plan, patch);
    // The value against the number the plan's text states (the 万/亿 slip), at the span it will have.
    const warning = await checkTargetValue(
      trx,
      { ...target, span_start: patch.start ?? target.span_start, span_end: patch.end ?? target.span_end },
      { unit: patch.unit ?? target.unit, kind: patch.kind ?? target.kind },
      request,
    );
    await updateTarget(trx, actor, id, changes);
    if (warning) await auditTargetWarning(trx, actor, target, warning);
    return (await getTargetView(trx, id)) as TargetView;
  });
}

/**
 * PATCH /api/plans/:id/targets: many targets of one plan changed at once (the editor's bulk
 * assignment). All or nothing: every row is checked before any is stored, and the first bad row is
 * named in the error (its index, target id and subject) with the reason. Each target changed gets
 * its own audit row, as a single correction would.
 */
export async function bulkPatchTargets(
  db: Db,
  actor: Actor,
  planId: number,
  request: BulkTargetsRequest,
): Promise<BulkTargetsResult> {
  return inTransaction(db, async (trx) => {
    const plan = await editablePlan(trx, planId);
    const rows = await getTargetRows(
      trx,
      request.changes.map((c) => c.id),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const seen = new Set<number>();
    const planned: { id: number; changes: TargetChanges }[] = [];
    for (const [index, change] of request.changes.entries()) {
      const target = byId.get(change.id);
      const where = { row: index, targetId: change.id };
      if (!target || target.plan_id !== planId) {
        throw bad(
          {
            zh: `第${index + 1}行：指标 ${change.id} 不属于计划 ${planId}`,
            en: `row ${index + 1}: target ${change.id} is not part of plan ${planId}`,
          },
          where,
        );
      }
      if (seen.has(change.id)) {
        throw bad(
          {
            zh: `第${index + 1}行：指标 ${change.id} 重复`,
            en: `row ${index + 1}: target ${change.id} given twice`,
          },
          where,
        );
      }
      seen.add(change.id);
      try {
        planned.push({ id: change.id, changes: await checkedTargetChanges(trx, target, plan, change.patch) });
      } catch (error) {
        if (!isAppError(error)) throw error;
        throw new AppError(
          error.code,
          {
            zh: `第${index + 1}行（指标 ${change.id}「${target.subject}」）：${error.messageIn("zh")}`,
            en: `row ${index + 1} (target ${change.id}): ${error.messageIn("en")}`,
          },
          { ...error.details, ...where, subject: target.subject },
        );
      }
    }
    const targets: TargetView[] = [];
    for (const p of planned) {
      await updateTarget(trx, actor, p.id, p.changes);
      targets.push((await getTargetView(trx, p.id)) as TargetView);
    }
    return { targets };
  });
}

async function refuseIfReported(db: Db, ids: number[], what: string): Promise<void> {
  const reports = await countReportsOfTargets(db, ids);
  if (reports > 0) {
    throw new AppError(
      "conflict",
      {
        zh: `已有进展填报的指标不能${what === "split" ? "拆分" : "合并"}`,
        en: `a target with reports cannot be ${what === "split" ? "split" : "merged"}`,
      },
      {
        targetIds: ids,
        reports,
      },
    );
  }
}

export async function splitTarget(
  db: Db,
  actor: Actor,
  id: number,
  request: SplitTargetRequest,
): Promise<[TargetView, TargetView]> {
  return inTransaction(db, async (trx) => {
    const { target, plan } = await loadTarget(trx, id);
    const at = request.at;
    if (!Number.isInteger(at) || at <= target.span_start || at >= target.span_end) {
      throw bad(
        {
          zh: `拆分位置应在指标文本之内（${target.span_start}, ${target.span_end}）`,
          en: `the split point must lie inside the target's span (${target.span_start}, ${target.span_end})`,
        },
        { at, start: target.span_start, end: target.span_end },
      );
    }
    const first = request.first ?? {};
    const second = request.second ?? {};
    for (const part of [first, second]) {
      if (part.start !== undefined || part.end !== undefined) {
        throw bad(
          { zh: "拆分时文本位置由拆分点（at）决定", en: "when splitting, `at` sets the spans" },
          { field: "start" },
        );
      }
    }
    await refuseIfReported(trx, [id], "split");
    const firstChanges = resolveTargetChanges({ ...target, span_end: at }, first);
    const secondChanges = resolveTargetChanges({ ...target, span_start: at }, second);
    await checkTargetReferences(trx, plan, first);
    await checkTargetReferences(trx, plan, second);
    const newId = await splitTargetRow(trx, actor, id, at, firstChanges, secondChanges);
    return [(await getTargetView(trx, id)) as TargetView, (await getTargetView(trx, newId)) as TargetView];
  });
}

export async function mergeTargets(db: Db, actor: Actor, request: MergeTargetsRequest): Promise<TargetView> {
  return inTransaction(db, async (trx) => {
    const ids = [...new Set(request.ids)];
    if (ids.length < 2)
      throw bad(
        { zh: "合并需要至少两个不同的指标", en: "merging needs at least two different targets" },
        { ids },
      );
    const rows = await getTargetRows(trx, ids);
    for (const id of ids) if (!rows.some((r) => r.id === id)) throw notFound("target", id);
    const planIds = new Set(rows.map((r) => r.plan_id));
    if (planIds.size > 1)
      throw bad({ zh: "只能合并同一计划的指标", en: "only targets of one plan can be merged" }, { ids });
    const plan = await editablePlan(trx, rows[0]?.plan_id as number);
    await refuseIfReported(trx, ids, "merge");
    const patch = request.patch ?? {};
    if (patch.start !== undefined || patch.end !== undefined) {
      throw bad(
        { zh: "合并后的文本位置由各指标决定", en: "the merged span comes from the targets" },
        { field: "start" },
      );
    }
    const ordered = [...rows].sort((a, b) => a.span_start - b.span_start || a.id - b.id);
    const survivor = ordered[0] as TargetRow;
    const span = {
      span_start: Math.min(...rows.map((r) => r.span_start)),
      span_end: Math.max(...rows.map((r) => r.span_end)),
    };
    const changes = resolveTargetChanges({ ...survivor, ...span }, patch);
    await checkTargetReferences(trx, plan, patch);
    const survivorId = await mergeTargetRows(trx, actor, ids, changes);
    return (await getTargetView(trx, survivorId)) as TargetView;
  });
}

const SUBJECT_FROM_SPAN_LENGTH = 40;

/**
 * Adds a target from selected text. Fields left out are read from the selection by the extractor when
 * one is given (so selecting 新增就业4万人 fills value, unit and kind); a selection without a number
 * becomes a milestone.
 */
export async function addManualTarget(
  db: Db,
  actor: Actor,
  planId: number,
  request: ManualTargetRequest,
  extract?: ExtractPlanFn,
): Promise<TargetView> {
  return inTransaction(db, async (trx) => {
    const plan = await editablePlan(trx, planId);
    await checkSpan(trx, planId, request.start, request.end);
    const source = { text: (await getPlanSourceText(trx, planId)) ?? "" };
    const selected = source.text.slice(request.start, request.end);
    let guess: Partial<NewManualTarget> = {};
    if (extract && request.value === undefined) {
      try {
        const found = extract(selected).targets[0];
        if (found) {
          guess = {
            subject: found.subject,
            value: found.value,
            value2: found.value2,
            unit: found.unit,
            displayUnit: found.displayUnit,
            display: found.display,
            comparator: found.comparator,
            direction: found.direction,
            kind: found.kind,
          };
        }
      } catch {
        // A guess only: the planner fills the fields by hand.
      }
    }
    const value = request.value !== undefined ? request.value : (guess.value ?? null);
    const kind = request.kind ?? guess.kind ?? (value === null ? "milestone" : "cumulative");
    const subject = (request.subject ?? guess.subject ?? selected).trim().slice(0, SUBJECT_FROM_SPAN_LENGTH);
    const base: TargetShape = {
      value,
      value2: request.value2 !== undefined ? request.value2 : (guess.value2 ?? null),
      unit: request.unit ?? guess.unit ?? "",
      display_unit: request.displayUnit ?? guess.displayUnit ?? "",
      display: request.display ?? guess.display ?? "",
      comparator: request.comparator ?? guess.comparator ?? "target",
      kind,
      span_start: request.start,
      span_end: request.end,
    };
    const changes = resolveTargetChanges(base, { ...request, subject: subject || selected.trim() || "指标" });
    await checkTargetReferences(trx, plan, request);
    const nodeId =
      request.nodeId !== undefined
        ? request.nodeId
        : await findTaskAt(trx, planId, request.start, request.end);
    const id = await insertManualTarget(trx, actor, planId, {
      ...changes,
      subject: changes.subject ?? subject,
      value: base.value,
      value2: changes.value2 !== undefined ? changes.value2 : base.value2,
      unit: base.unit,
      displayUnit: base.display_unit,
      display:
        changes.display ??
        (base.display || formatTargetDisplay(base.value, base.value2, base.unit, base.display_unit)),
      comparator: base.comparator,
      direction: request.direction ?? guess.direction ?? "increase",
      kind,
      start: request.start,
      end: request.end,
      nodeId,
    });
    return (await getTargetView(trx, id)) as TargetView;
  });
}

export async function patchNode(
  db: Db,
  actor: Actor,
  id: number,
  patch: NodePatch,
): Promise<OutlineNodeView> {
  return inTransaction(db, async (trx) => {
    const node = await getNodeRow(trx, id);
    if (!node) throw notFound("node", id);
    const plan = await editablePlan(trx, node.plan_id);
    if (patch.title !== undefined && patch.title.trim() === "") {
      throw bad({ zh: "标题不能为空", en: "the title cannot be empty" }, { field: "title" });
    }
    await checkDepartments(trx, plan, [patch.leadDepartmentId, ...(patch.coDepartmentIds ?? [])]);
    await updateNode(trx, actor, id, {
      ...patch,
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
    });
    return (await getNodeView(trx, id)) as OutlineNodeView;
  });
}

export async function publishPlan(db: Db, actor: Actor, planId: number): Promise<PlanSummary> {
  return inTransaction(db, async (trx) => {
    const plan = await getPlanRow(trx, planId);
    if (!plan) throw notFound("plan", planId);
    if (plan.state !== "draft") {
      throw new AppError(
        "conflict",
        {
          zh: `计划 ${planId} 已${plan.state === "published" ? "发布" : "关闭"}，只有草稿可以发布`,
          en: `plan ${planId} is ${plan.state}: only a draft can be published`,
        },
        { planId, state: plan.state },
      );
    }
    await setPlanState(trx, actor, planId, "published");
    await assignTasksOnPublish(trx, actor, plan);
    return (await getPlanSummary(trx, planId)) as PlanSummary;
  });
}
