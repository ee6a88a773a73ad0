// Importing a 任务分解表 (.xlsx or .csv): the preview reads the file, matches each row to the plan's
// targets and tasks and proposes the departments, deadlines and planned values it gives; nothing is
// applied. The planner then confirms the rows (and any match they changed): one transaction, every
// change audited, refused (409) when the plan's assignments moved since the preview (a fingerprint).

import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import type {
  BreakdownApplyRequest,
  BreakdownApplyResult,
  BreakdownCandidateView,
  BreakdownChangeView,
  BreakdownFieldsView,
  BreakdownPreview,
  BreakdownRowView,
} from "../contract/documents.ts";
import { type Actor, appendAudit } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { listDepartments } from "../db/departments-repository.ts";
import { updateNode } from "../db/outline-nodes-repository.ts";
import { replacePlannedValues } from "../db/planned-values-repository.ts";
import { updateTarget } from "../db/target-edits-repository.ts";
import { AppError } from "../domain/app-error.ts";
import { canonicalJson } from "../domain/canonical-json.ts";
import { displayFactor, formatNumber } from "../domain/target-display.ts";
import { decodeText } from "../extract/decode-text.ts";
import {
  type DepartmentName,
  detectHeader,
  type HeaderLayout,
  MATCH_THRESHOLD,
  type MatchCandidate,
  parseDeadline,
  parsePlanned,
  rankCandidates,
  readLines,
  resolveDepartment,
  type ScoredCandidate,
  splitNames,
} from "../reports/breakdown-model.ts";
import { cellValue, columnLetter } from "../reports/sheet-cells.ts";
import { assertZipWithinLimits } from "./bounded-zip.ts";
import { parseCsv } from "./report-import.ts";
import { type Db, loadPlanWorld, type PlanWorld, periodsOf } from "./reporting-context.ts";

interface Grid {
  sheet: string;
  rows: string[][];
}

const asText = (v: string | number | null) => (v === null ? "" : typeof v === "number" ? formatNumber(v) : v);

/** Every sheet of the file as rows of cell texts; a merged cell's text in each cell it covers. */
export async function readGrids(bytes: Uint8Array, fileName: string): Promise<Grid[]> {
  if (bytes.length === 0)
    throw new AppError("empty_file", `${fileName}：文件为空 / the file is empty`, { file: fileName });
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) {
    const { text } = decodeText(bytes, fileName);
    const rows: string[][] = [];
    for (const r of parseCsv(text)) {
      while (rows.length < r.line - 1) rows.push([]);
      rows.push(r.cells.map((c) => c.trim()));
    }
    return [{ sheet: "CSV", rows }];
  }
  if (!lower.endsWith(".xlsx"))
    throw new AppError(
      "unsupported_file",
      `${fileName}：请上传 .xlsx 或 .csv 文件 / upload an .xlsx or .csv file`,
      {
        file: fileName,
      },
    );
  await assertZipWithinLimits(bytes, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      "unsupported_file",
      `${fileName}：不是有效的 Excel 文件（.xlsx） / not an .xlsx workbook`,
      {
        file: fileName,
      },
    );
  }
  const grids: Grid[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== "visible") continue;
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        cells.push(asText(cellValue(cell.isMerged ? cell.master.value : cell.value)));
      }
      rows.push(cells);
    }
    grids.push({ sheet: ws.name, rows });
  }
  return grids;
}

/** The first sheet with a recognisable header. */
function pickSheet(grids: Grid[], fileName: string): { grid: Grid; layout: HeaderLayout } {
  let first: unknown = null;
  for (const grid of grids) {
    try {
      return {
        grid,
        layout: detectHeader(grid.rows, `${fileName}：工作表“${grid.sheet}” sheet “${grid.sheet}”`),
      };
    } catch (error) {
      first ??= error;
    }
  }
  if (first) throw first;
  throw new AppError("bad_input", `${fileName}：没有工作表 / the workbook has no sheet`, { file: fileName });
}

interface Context {
  world: PlanWorld;
  departments: DepartmentName[];
  candidates: MatchCandidate[];
  year: number;
}

async function loadContext(db: Db, planId: number): Promise<Context> {
  const world = await loadPlanWorld(db, planId);
  const departments = (world.plan.region_id === null ? [] : await listDepartments(db, world.plan.region_id))
    .filter((d) => d.disabled === 0)
    .map((d) => ({ id: d.id, name: d.name, shortName: d.short_name, fullName: d.full_name }));
  const taskTitle = (id: number | null) => (id === null ? "" : (world.nodes.get(id)?.title ?? ""));
  const candidates: MatchCandidate[] = [
    ...world.targets.map((t) => ({
      kind: "target" as const,
      id: t.id,
      title: `${t.title} ${t.display ?? ""}`.trim(),
      task: taskTitle(t.row.node_id),
    })),
    ...[...world.nodes.values()]
      .filter((n) => n.kind === "task")
      .map((n) => ({
        kind: "node" as const,
        id: n.id,
        title: n.title,
        task: n.title,
        hasTargets: world.targets.some((t) => t.row.node_id === n.id),
      })),
  ];
  return { world, departments, candidates, year: Number(world.plan.period_end.slice(0, 4)) };
}

/** Of what a breakdown may change: departments, deadlines and planned values of targets and tasks. */
export function planFingerprint(world: PlanWorld): string {
  const state = {
    targets: world.targets.map((t) => ({
      id: t.id,
      lead: t.leadDepartmentId,
      co: [...t.departmentIds].sort((a, b) => a - b),
      due: t.row.due_date,
      planned: world.planned.get(t.id) ?? {},
    })),
    tasks: [...world.subjects.values()]
      .filter((s) => s.kind === "node")
      .map((s) => ({ id: s.id, lead: s.leadDepartmentId, co: [...s.departmentIds].sort((a, b) => a - b) })),
  };
  return createHash("sha256").update(canonicalJson(state)).digest("hex").slice(0, 32);
}

interface Proposal {
  changes: BreakdownChangeView[];
  unknownDepartments: string[];
  warnings: string[];
  apply: {
    leadDepartmentId?: number | null;
    coDepartmentIds?: number[];
    dueDate?: string;
    planned?: Record<string, { periodEnd: string; value: number }>;
  };
}

/** What taking the row for this subject would change, against the plan as it is. */
function propose(
  ctx: Context,
  f: BreakdownFieldsView,
  subject: { kind: "target" | "node"; id: number },
): Proposal {
  const { world, departments } = ctx;
  const s = world.subjects.get(`${subject.kind === "target" ? "target" : "task"}:${subject.id}`);
  if (!s)
    throw new AppError("bad_input", `${subject.kind} ${subject.id} 不在此计划中 / not of this plan`, {
      subject,
    });
  const name = (id: number | null) =>
    id === null
      ? ""
      : (world.names.departments.get(id)?.name ?? departments.find((d) => d.id === id)?.name ?? "");
  const out: Proposal = { changes: [], unknownDepartments: [], warnings: [], apply: {} };
  const resolve = (names: string[]) => {
    const ids: number[] = [];
    for (const n of names) {
      const d = resolveDepartment(n, departments);
      if (d) ids.push(d.id);
      else if (!out.unknownDepartments.includes(n)) out.unknownDepartments.push(n);
    }
    return ids;
  };
  const leads = resolve(splitNames(f.lead));
  const cos = resolve(splitNames(f.co));
  const currentCo = s.departmentIds.filter((id) => id !== s.leadDepartmentId);
  const lead = leads[0];
  if (lead !== undefined && lead !== s.leadDepartmentId) {
    out.apply.leadDepartmentId = lead;
    out.changes.push({ field: "leadDepartment", before: name(s.leadDepartmentId), after: name(lead) });
  }
  const leadAfter = lead ?? s.leadDepartmentId;
  const coAfter = [...new Set([...leads.slice(1), ...cos])].filter((id) => id !== leadAfter);
  const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x));
  if ((f.co.trim() !== "" || leads.length > 1) && !sameSet(coAfter, currentCo)) {
    out.apply.coDepartmentIds = coAfter;
    out.changes.push({
      field: "coDepartments",
      before: currentCo.map(name).join("、"),
      after: coAfter.map(name).join("、"),
    });
  }
  if (subject.kind === "node") {
    if (f.deadline !== "" || f.planned.length > 0)
      out.warnings.push("任务没有完成时限和分期计划，只取牵头和配合单位 / a task takes only departments");
    return out;
  }
  const t = world.targets.find((x) => x.id === subject.id);
  if (!t) return out;
  if (f.deadline !== "") {
    const due = parseDeadline(f.deadline, ctx.year);
    if (due === null) out.warnings.push(`完成时限“${f.deadline}”无法识别 / deadline not understood`);
    else if (due < world.plan.period_start || due > world.plan.period_end)
      out.warnings.push(`完成时限 ${due} 不在计划期内 / deadline outside the plan period`);
    else if (due !== (t.row.due_date ?? world.plan.period_end)) {
      out.apply.dueDate = due;
      out.changes.push({ field: "dueDate", before: t.row.due_date ?? world.plan.period_end, after: due });
    }
  }
  if (f.planned.length > 0) {
    const calendar = periodsOf(world.plan, t.frequency, world.settings.dueDay);
    const current = world.planned.get(t.id) ?? {};
    const next: Record<string, { periodEnd: string; value: number }> = {};
    const facts = { unit: t.row.unit, displayUnit: t.row.display_unit, value: t.row.value, kind: t.row.kind };
    for (const p of f.planned) {
      const period = calendar.find((c) => Number(c.end.slice(5, 7)) === p.endMonth);
      if (!period) {
        out.warnings.push(
          `“${p.label}”不是该指标的报告期 / ${p.label} is not a period of this ${t.frequency} target`,
        );
        continue;
      }
      const value = parsePlanned(p.text, facts);
      if (value === null) {
        out.warnings.push(`${p.label}计划值“${p.text}”不是数字 / planned value is not a number`);
        continue;
      }
      next[period.key] = { periodEnd: period.end, value: Number(value.toPrecision(12)) };
    }
    const changed = Object.entries(next).filter(
      ([k, v]) =>
        current[k] === undefined ||
        Math.abs((current[k] as number) - v.value) > 1e-9 * Math.max(1, Math.abs(v.value)),
    );
    if (changed.length > 0) {
      out.apply.planned = next;
      const factor =
        t.row.kind === "milestone" ? 1 : displayFactor(t.row.unit, t.row.display_unit || t.row.unit);
      const unit = t.row.kind === "milestone" ? "%" : t.row.display_unit || t.row.unit;
      const show = (rec: Record<string, number>) =>
        Object.entries(rec)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => `${k}: ${formatNumber(v / factor)}${unit}`)
          .join("；");
      out.changes.push({
        field: "planned",
        before: show(current),
        after: show({
          ...current,
          ...Object.fromEntries(Object.entries(next).map(([k, v]) => [k, v.value])),
        }),
      });
    }
  }
  return out;
}

function candidateView(ctx: Context, f: BreakdownFieldsView, c: ScoredCandidate): BreakdownCandidateView {
  const p = propose(ctx, f, c);
  return {
    kind: c.kind,
    id: c.id,
    title: c.title,
    task: c.task,
    score: c.score,
    changes: p.changes,
    unknownDepartments: p.unknownDepartments,
    warnings: p.warnings,
  };
}

export async function previewBreakdown(
  db: Db,
  planId: number,
  bytes: Uint8Array,
  fileName: string,
): Promise<BreakdownPreview> {
  const { grid, layout } = pickSheet(await readGrids(bytes, fileName), fileName);
  if (
    layout.columns.lead === undefined &&
    layout.planned.length === 0 &&
    layout.columns.deadline === undefined
  )
    throw new AppError(
      "bad_input",
      `${fileName}：工作表“${grid.sheet}”第${layout.headerRow}行的表头中没有牵头单位、完成时限或分期计划列 / sheet “${grid.sheet}”, row ${layout.headerRow}: no 牵头单位, 完成时限 or planned-value column`,
      { file: fileName, sheet: grid.sheet, row: layout.headerRow },
    );
  const ctx = await loadContext(db, planId);
  const rows: BreakdownRowView[] = readLines(grid.rows, layout).map((line) => {
    const ranked = rankCandidates(line.fields, ctx.candidates).slice(0, 4);
    const best = ranked[0];
    const matched = best !== undefined && best.score >= MATCH_THRESHOLD;
    return {
      sheet: grid.sheet,
      row: line.row,
      fields: line.fields,
      match: matched ? candidateView(ctx, line.fields, best) : null,
      alternatives: ranked.slice(matched ? 1 : 0).map((c) => candidateView(ctx, line.fields, c)),
    };
  });
  const unknown = new Set<string>();
  for (const r of rows) for (const n of r.match?.unknownDepartments ?? []) unknown.add(n);
  return {
    planId,
    fileName,
    sheet: grid.sheet,
    headerRow: layout.headerRow,
    columns: layout.headers.map((h) => ({
      column: columnLetter(h.column),
      header: h.header,
      field: h.field,
    })),
    threshold: MATCH_THRESHOLD,
    fingerprint: planFingerprint(ctx.world),
    rows,
    unmatchedRows: rows.filter((r) => r.match === null).map((r) => r.row),
    unknownDepartments: [...unknown],
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
    throw new AppError("bad_input", "没有选中的行 / no rows to apply", { field: "rows" });
  return inTransaction(db, async (trx) => {
    const ctx = await loadContext(trx, planId);
    if (ctx.world.plan.state === "closed")
      throw new AppError("conflict", "计划已关闭 / the plan is closed", { planId, reason: "bad_state" });
    if (planFingerprint(ctx.world) !== body.fingerprint)
      throw new AppError(
        "conflict",
        "预览之后计划的责任单位、完成时限或分期计划已被修改，请重新预览 / the plan changed since the preview: preview again",
        { planId, reason: "stale_preview" },
      );
    const seen = new Set<string>();
    const proposals = body.rows.map((r, i) => {
      const key = `${r.subject.kind}:${r.subject.id}`;
      if (seen.has(key))
        throw new AppError(
          "bad_input",
          `第${r.row}行与另一行对应同一${r.subject.kind === "target" ? "指标" : "任务"} / rows[${i}] (row ${r.row}): ${key} is chosen twice`,
          {
            field: `rows[${i}].subject`,
          },
        );
      seen.add(key);
      try {
        return { r, p: propose(ctx, r.fields, r.subject) };
      } catch (error) {
        throw new AppError("bad_input", `第${r.row}行 row ${r.row}: ${(error as Error).message}`, {
          field: `rows[${i}]`,
        });
      }
    });
    let changes = 0;
    for (const { r, p } of proposals) {
      const a = p.apply;
      if (r.subject.kind === "node") {
        if (a.leadDepartmentId !== undefined || a.coDepartmentIds !== undefined) {
          await updateNode(trx, actor, r.subject.id, {
            ...(a.leadDepartmentId !== undefined ? { leadDepartmentId: a.leadDepartmentId } : {}),
            ...(a.coDepartmentIds !== undefined ? { coDepartmentIds: a.coDepartmentIds } : {}),
          });
        }
      } else {
        if (a.leadDepartmentId !== undefined || a.coDepartmentIds !== undefined || a.dueDate !== undefined) {
          await updateTarget(trx, actor, r.subject.id, {
            ...(a.leadDepartmentId !== undefined ? { leadDepartmentId: a.leadDepartmentId } : {}),
            ...(a.coDepartmentIds !== undefined ? { coDepartmentIds: a.coDepartmentIds } : {}),
            ...(a.dueDate !== undefined ? { dueDate: a.dueDate } : {}),
          });
        }
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
      changes += p.changes.length;
    }
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
          changes,
        },
      },
      now,
    );
    return { planId, rows: body.rows.length, changes };
  });
}
