// Who reads which rows of a plan's reporting: the one rule behind every answer that carries reports,
// revisions (their texts and authors), attachments, requests for more time, reminders, tasks and
// their adjustments. The access guard (src/http/access-guard.ts) has already let the asker read the
// plan; this decides, row by row, what of it is the asker's to see.
//
// The rule:
// - Admins, and planners and leaders whose region scope reaches the plan, see every row: they run the
//   plan and answer for all of it.
// - A reporter sees the rows of the subjects (targets, tasks, items) its department leads or
//   co-operates on, and the rows its own department made (a report stays with the department that
//   wrote it when the subject is later given to another). Nothing of the others': no drafts, no
//   submitted or returned reports, no authors, files, requests for more time or tasks.
// - A reminder (催报) is addressed to one department: a reporter sees its own department's.
// - The approved record is every reader's: approved values and what is judged from them (the plan
//   status, the cockpit, a trend's values, the evaluation of each period) and the documents made of
//   approved content only (the ledger, the Word progress report — GET /api/plans/:id/export), because
//   leaders and every department of the plan work from the same figures. The report rows behind
//   them are not: the evaluation's report of a period is null, and a trend point names its report
//   only to those who may open it.
//
// Per route: GET /api/plans/:id/reports, /api/targets/:id/reports, /api/reports/:id (and its
// attachments), /api/plans/:id/extensions, /api/plans/:id/due, /api/plans/:id/tasks, /api/tasks/:id,
// /api/plans/:id/adjustments, /api/targets/:id/evaluation (each period's report),
// /api/targets/:id/trend and /api/plans/:id/cockpit (each point's report) filter through mayReadRow;
// /api/plans/:id/reminders through mayReadRow with the department reminded; /api/me/* answer the
// asker's department only; /api/plans/:id/status, /api/plans/:id/cockpit's figures and
// /api/plans/:id/export are the record. The access matrix (src/http/access-matrix.test.ts) checks every
// GET answer's body against this.

import type { Kysely } from "kysely";
import { listItemRowsOfPlan } from "../db/items-repository.ts";
import { listNodeBriefsOfPlan, listNodeCoDepartments } from "../db/outline-nodes-repository.ts";
import type { Database } from "../db/schema.ts";
import { listTargetCoDepartments, listTargetRowsOfPlan } from "../db/targets-repository.ts";
import type { Principal } from "../domain/access.ts";

/** What the rule needs to know of a row. */
export interface RowFacts {
  /** The department that made the row (a report's, a request's) or was addressed (a reminder's). */
  departmentId: number | null;
  /** The departments of the row's subject: its lead and co-operating departments (empty: none). */
  subjectDepartmentIds: readonly number[];
}

/** Whether the asker may see this row (see the rule above). */
export function mayReadRow(user: Principal, row: RowFacts): boolean {
  if (user.role !== "reporter") return true;
  const own = user.departmentId;
  if (own === null) return false;
  return row.departmentId === own || row.subjectDepartmentIds.includes(own);
}

/** A row of a plan, by the key of its subject ("target:4", "task:6", "item:1"). */
export interface KeyedRow {
  department_id: number | null;
  subject_key: string;
}

/**
 * The rule for rows of one plan whose subjects are not loaded yet: the departments of every subject
 * of the plan are read once, and only when the asker is a reporter (the others see every row).
 */
export async function planRowSight(
  db: Kysely<Database>,
  user: Principal,
  planId: number,
): Promise<(row: KeyedRow) => boolean> {
  if (user.role !== "reporter") return () => true;
  const departments = await subjectDepartmentsOfPlan(db, planId);
  return (row) =>
    mayReadRow(user, {
      departmentId: row.department_id,
      subjectDepartmentIds: departments.get(row.subject_key) ?? [],
    });
}

/** Every subject of the plan with its lead and co-operating departments, by subject key. */
async function subjectDepartmentsOfPlan(
  db: Kysely<Database>,
  planId: number,
): Promise<Map<string, number[]>> {
  const [targets, nodes, items] = await Promise.all([
    listTargetRowsOfPlan(db, planId),
    listNodeBriefsOfPlan(db, planId),
    listItemRowsOfPlan(db, planId),
  ]);
  const tasks = nodes.filter((n) => n.kind === "task");
  const [targetCo, nodeCo] = await Promise.all([
    listTargetCoDepartments(
      db,
      targets.map((t) => t.id),
    ),
    listNodeCoDepartments(
      db,
      tasks.map((n) => n.id),
    ),
  ]);
  const out = new Map<string, number[]>();
  const add = (key: string, id: number | null) => {
    if (id === null) return;
    const list = out.get(key) ?? [];
    list.push(id);
    out.set(key, list);
  };
  for (const t of targets) add(`target:${t.id}`, t.lead_department_id);
  for (const c of targetCo) add(`target:${c.target_id}`, c.department_id);
  for (const n of tasks) add(`task:${n.id}`, n.lead_department_id);
  for (const c of nodeCo) add(`task:${c.node_id}`, c.department_id);
  for (const i of items) add(`item:${i.id}`, i.lead_department_id);
  return out;
}
