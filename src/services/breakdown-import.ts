// Importing a 任务分解表 (.xlsx or .csv): the preview reads the file, matches each row to the plan's
// targets and tasks and proposes the departments, deadlines, milestones and planned values it gives;
// nothing is applied. Its default choices apply as they stand: a row that would take a target or task
// another row takes, or whose milestones fall after the deadline, is a conflict the preview names and
// does not accept. The planner then confirms the rows (and any match they changed): one transaction,
// every change audited, refused (409) when the plan moved since the preview (a fingerprint).

import type {
  BreakdownApplyRequest,
  BreakdownApplyResult,
  BreakdownCandidateView,
  BreakdownFieldsView,
  BreakdownPreview,
  BreakdownRowView,
} from "../contract/documents.ts";
import { type Actor, appendAudit } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { updateNode } from "../db/outline-nodes-repository.ts";
import { replacePlannedValues } from "../db/planned-values-repository.ts";
import { updateTarget } from "../db/target-edits-repository.ts";
import { type MilestoneInput, saveTaskPlans, type TaskPlanInput } from "../db/tasks-repository.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { MATCH_THRESHOLD, type ScoredCandidate } from "../reports/breakdown-match.ts";
import { readRowDeadline } from "../reports/breakdown-model.ts";
import { columnLetter } from "../reports/sheet-cells.ts";
import {
  type BreakdownContext,
  lateMilestones,
  loadBreakdownContext,
  mergeMilestones,
  type Proposal,
  planFingerprint,
  propose,
} from "./breakdown-proposal.ts";
import { inProcessJobs, type JobRunner } from "./job-handlers.ts";
import { type Db, periodsOf } from "./reporting-context.ts";

/** The first sheet with a recognisable header. */
const kindWords = (kind: "target" | "node"): LocalText =>
  kind === "target" ? { zh: "指标", en: "target" } : { zh: "任务", en: "task" };

const atRow = (row: number, m: LocalText): LocalText => ({
  zh: `第${row}行：${m.zh}`,
  en: `row ${row}: ${m.en}`,
});

function candidateView(
  ctx: BreakdownContext,
  f: BreakdownFieldsView,
  c: ScoredCandidate,
  importDeadlines: ReadonlyMap<number, string | null>,
): BreakdownCandidateView {
  const p = propose(ctx, f, c, importDeadlines);
  return {
    kind: c.kind,
    id: c.id,
    title: c.title,
    task: c.task,
    score: c.score,
    changes: p.changes,
    unknownDepartments: p.unknownDepartments,
    warnings: p.warnings,
    conflicts: p.conflicts,
  };
}

/** The deadlines the task rows among these set (by node id): other rows' milestones must keep to them. */
function deadlinesSet(
  ctx: BreakdownContext,
  rows: readonly { fields: BreakdownFieldsView; subject: { kind: "target" | "node"; id: number } | null }[],
): Map<number, string | null> {
  const out = new Map<number, string | null>();
  for (const r of rows) {
    if (r.subject?.kind !== "node") continue;
    const d = readRowDeadline(r.fields.deadline, ctx.year);
    if (d.kind === "date") out.set(r.subject.id, d.date);
    else if (d.kind === "open") out.set(r.subject.id, null);
  }
  return out;
}

export async function previewBreakdown(
  db: Db,
  planId: number,
  bytes: Uint8Array,
  fileName: string,
  /** Where the file is read: the server's job pool, or this thread. */
  jobs: JobRunner = inProcessJobs(),
): Promise<BreakdownPreview> {
  // Reading and matching are the heavy part (thousands of rows against every target and task): jobs.
  // The file is read first, so that one refused costs no loading of the plan.
  const { sheet, layout, lines: read } = await jobs.run("readBreakdown", { bytes, fileName });
  const ctx = await loadBreakdownContext(db, planId);
  const lines = await jobs.run("rankBreakdown", { lines: read, candidates: ctx.candidates });
  // Each target or task is taken by one row: the best-scoring (then the first) keeps its match.
  const owner = new Map<string, { row: number; score: number }>();
  for (const { line, best } of lines) {
    if (!best) continue;
    const key = `${best.kind}:${best.id}`;
    const had = owner.get(key);
    if (!had || best.score > had.score) owner.set(key, { row: line.row, score: best.score });
  }
  const importDeadlines = deadlinesSet(
    ctx,
    lines.map(({ line, best }) => ({
      fields: line.fields,
      subject: best && owner.get(`${best.kind}:${best.id}`)?.row === line.row ? best : null,
    })),
  );
  const conflicts: BreakdownPreview["conflicts"] = [];
  const rows: BreakdownRowView[] = lines.map(({ line, ranked, best }) => {
    const match = best ? candidateView(ctx, line.fields, best, importDeadlines) : null;
    const taken = best ? owner.get(`${best.kind}:${best.id}`) : undefined;
    if (match && taken && taken.row !== line.row) {
      const what = kindWords(match.kind);
      match.conflicts.push({
        rule: "same_subject",
        message: {
          zh: `与第${taken.row}行对应同一${what.zh}（该行相似度更高或在前），请另选或不导入`,
          en: `row ${taken.row} matches the same ${what.en} (a better or earlier match): choose another or skip`,
        },
      });
    }
    for (const c of match?.conflicts ?? [])
      conflicts.push({ row: line.row, rule: c.rule, message: atRow(line.row, c.message) });
    return {
      sheet,
      row: line.row,
      fields: line.fields,
      match,
      alternatives: ranked
        .slice(best ? 1 : 0)
        .map((c) => candidateView(ctx, line.fields, c, importDeadlines)),
      accept: match !== null && match.changes.length > 0 && match.conflicts.length === 0,
    };
  });
  const unknown = new Set<string>();
  for (const r of rows) for (const n of r.match?.unknownDepartments ?? []) unknown.add(n);
  return {
    planId,
    fileName,
    sheet,
    headerRow: layout.headerRow,
    columns: layout.headers.map((h) => ({
      column: columnLetter(h.column),
      header: h.header,
      field: h.field,
    })),
    threshold: MATCH_THRESHOLD,
    fingerprint: planFingerprint(ctx),
    rows,
    unmatchedRows: rows.filter((r) => r.match === null).map((r) => r.row),
    unknownDepartments: [...unknown],
    conflicts,
  };
}

export async function applyBreakdown(
  db: Db,
  actor: Actor,
  planId: number,
  body: BreakdownApplyRequest,
  now: string = new Date().toISOString(),
): Promise<BreakdownApplyResult> {
  if (body.rows.length === 0)
    throw new AppError("bad_input", { zh: "没有选中的行", en: "no rows to apply" }, { field: "rows" });
  return inTransaction(db, async (trx) => {
    const ctx = await loadBreakdownContext(trx, planId);
    if (ctx.world.plan.state === "closed")
      throw new AppError(
        "conflict",
        { zh: "计划已关闭", en: "the plan is closed" },
        { planId, reason: "bad_state" },
      );
    if (planFingerprint(ctx) !== body.fingerprint)
      throw new AppError(
        "conflict",
        {
          zh: "预览之后计划的责任单位、完成时限、节点或分期计划已被修改，请重新预览",
          en: "the plan changed since the preview: preview again",
        },
        { planId, reason: "stale_preview" },
      );
    const seen = new Map<string, number>();
    for (const [i, r] of body.rows.entries()) {
      const key = `${r.subject.kind}:${r.subject.id}`;
      const other = seen.get(key);
      if (other !== undefined) {
        const what = kindWords(r.subject.kind);
        throw new AppError(
          "bad_input",
          atRow(r.row, {
            zh: `与第${other}行对应同一${what.zh}`,
            en: `the same ${what.en} as row ${other} (${key})`,
          }),
          { field: `rows[${i}].subject`, row: r.row, rule: "same_subject" },
        );
      }
      seen.set(key, r.row);
    }
    const importDeadlines = deadlinesSet(ctx, body.rows);
    const proposals = body.rows.map((r, i) => {
      let p: Proposal;
      try {
        p = propose(ctx, r.fields, r.subject, importDeadlines);
      } catch (error) {
        const m =
          error instanceof AppError && error.text ? error.text : { zh: String(error), en: String(error) };
        throw new AppError("bad_input", atRow(r.row, m), { field: `rows[${i}]`, row: r.row });
      }
      const conflict = p.conflicts[0];
      if (conflict)
        throw new AppError("bad_input", atRow(r.row, conflict.message), {
          field: `rows[${i}]`,
          row: r.row,
          rule: conflict.rule,
        });
      return { r, p };
    });
    const tasks = await writeRows(trx, actor, ctx, proposals, now);
    const changes = proposals.reduce((n, { p }) => n + p.changes.length, 0);
    await appendAudit(
      trx,
      actor,
      {
        action: "plan.breakdown_import",
        entity: "plan",
        entityId: planId,
        planId,
        before: { fingerprint: body.fingerprint },
        after: {
          fileName: body.fileName,
          rows: body.rows.map((r) => ({ row: r.row, subject: `${r.subject.kind}:${r.subject.id}` })),
          tasks,
          changes,
        },
      },
      now,
    );
    return { planId, rows: body.rows.length, changes };
  });
}

/** Writes the rows' changes; answers the tasks whose deadline or milestones it set. */
async function writeRows(
  trx: Db,
  actor: Actor,
  ctx: BreakdownContext,
  proposals: readonly { r: BreakdownApplyRequest["rows"][number]; p: Proposal }[],
  now: string,
): Promise<number[]> {
  const planId = ctx.world.plan.id;
  /** By task: its input, the milestones it will have, which row added each, which row set the deadline. */
  const plans = new Map<
    number,
    { input: TaskPlanInput; milestones: MilestoneInput[]; addedBy: Map<string, number>; deadlineRow?: number }
  >();
  for (const { r, p } of proposals) {
    const a = p.apply;
    const departments = {
      ...(a.leadDepartmentId !== undefined ? { leadDepartmentId: a.leadDepartmentId } : {}),
      ...(a.coDepartmentIds !== undefined ? { coDepartmentIds: a.coDepartmentIds } : {}),
    };
    if (r.subject.kind === "node") {
      if (Object.keys(departments).length > 0) await updateNode(trx, actor, r.subject.id, departments);
    } else {
      if (Object.keys(departments).length > 0 || a.dueDate !== undefined)
        await updateTarget(trx, actor, r.subject.id, {
          ...departments,
          ...(a.dueDate !== undefined ? { dueDate: a.dueDate } : {}),
        });
      if (a.planned) {
        const t = ctx.world.targets.find((x) => x.id === r.subject.id);
        const calendar = t ? periodsOf(ctx.world.plan, t.frequency, ctx.world.settings.dueDay) : [];
        const merged = { ...(ctx.world.planned.get(r.subject.id) ?? {}) };
        for (const [k, v] of Object.entries(a.planned)) merged[k] = v.value;
        const values = calendar
          .filter((c) => merged[c.key] !== undefined)
          .map((c) => ({ period: c.key, periodEnd: c.end, value: merged[c.key] as number }));
        await replacePlannedValues(trx, actor, { id: r.subject.id, planId }, values, now);
      }
    }
    if (a.task) {
      const nodeId = a.task.nodeId;
      const plan = plans.get(nodeId) ?? {
        input: { nodeId, planId, fields: {} },
        milestones: (ctx.tasks.get(nodeId)?.milestones ?? []).map((m) => ({ ...m })),
        addedBy: new Map<string, number>(),
      };
      if (a.task.deadline) {
        plan.input.fields = { deadline: a.task.deadline.date, deadlineText: a.task.deadline.text };
        plan.deadlineRow = r.row;
      }
      plan.milestones = mergeMilestones(plan.milestones, a.task.milestones);
      for (const m of a.task.milestones) plan.addedBy.set(m.name, r.row);
      plans.set(nodeId, plan);
    }
  }
  // The rows of one task, together, as the preview judged each: a deadline set is checked against
  // every milestone the task will have, milestones added against the deadline it will have.
  for (const [nodeId, plan] of plans) {
    const deadline =
      plan.input.fields.deadline !== undefined
        ? plan.input.fields.deadline
        : (ctx.tasks.get(nodeId)?.deadline ?? null);
    const title = ctx.world.nodes.get(nodeId)?.title ?? "";
    for (const m of plan.milestones) {
      const row = plan.addedBy.get(m.name) ?? plan.deadlineRow;
      if (row === undefined) continue;
      const late = lateMilestones(title, [m], deadline)[0];
      if (late) throw new AppError("bad_input", atRow(row, late.message), { row, rule: late.rule });
    }
    const current = ctx.tasks.get(nodeId)?.milestones ?? [];
    const changed =
      plan.milestones.length !== current.length || plan.milestones.some((m, i) => m.due !== current[i]?.due);
    if (changed) plan.input.milestones = plan.milestones;
  }
  const inputs = [...plans.values()].map((p) => p.input);
  await saveTaskPlans(trx, actor, inputs, now, "task.import");
  return inputs.map((i) => i.nodeId);
}
