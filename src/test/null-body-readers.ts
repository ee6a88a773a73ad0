// The null test's helpers (src/http/null-bodies.test.ts, src/test/null-body-cases.ts): what a case
// is, the steps that bring the world to where a request succeeds, and the readers of where each
// nullable field ends up (the database, or the API where it says so).

import type { InjectOptions } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Persona } from "./access-fixture.ts";
import type { TestClient } from "./auth-helpers.ts";
import type { MatrixWorld } from "./matrix-world.ts";
import { SAMPLES } from "./route-samples.ts";

export type Caller = Exclude<Persona, "anonymous">;

export interface NullContext {
  db: Kysely<Database>;
  w: MatrixWorld;
  client: (who: Caller) => Promise<TestClient>;
}

/** What the database (or, where it says so, the API) holds for one field after a 2xx answer. */
export type StoredReader = (ctx: NullContext, answer: unknown) => Promise<unknown>;

export interface NullCase {
  /** Someone the route lets in. */
  as: Caller;
  /**
   * Repeatable: the request is sent as it is first, so that every field holds a value before the
   * null is sent (an update that ignored the null would leave the value). Otherwise (a creation, a
   * step taken once) the baseline test sends it in a world of its own.
   */
  repeatable: boolean;
  /** Brings the world to where the request succeeds (a task waiting to be closed …). */
  prepare?: (ctx: NullContext) => Promise<void>;
  request: (w: MatrixWorld) => InjectOptions;
  stored: Record<string, StoredReader>;
  /** Nullable fields that are compared or decide something but are not kept, and why. */
  notStored?: Record<string, string>;
}

/** A number found at a path of a JSON answer ("report/id"), for the id of what was created. */
export function numberAt(answer: unknown, path: string): number {
  let at: unknown = answer;
  for (const key of path.split("/")) at = (at as Record<string, unknown> | null)?.[key];
  if (typeof at !== "number") throw new Error(`no number at ${path} in ${JSON.stringify(answer)}`);
  return at;
}

/** Sends a request that must succeed (a step that brings the world to where the case starts). */
export async function step(ctx: NullContext, who: Caller, request: InjectOptions): Promise<unknown> {
  const response = await (await ctx.client(who)).inject(request);
  if (response.statusCode >= 300)
    throw new Error(`${request.method} ${request.url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

export function targetFields(prefix: string, idOf: (ctx: NullContext, answer: unknown) => number) {
  const column =
    (
      name:
        | "value"
        | "value2"
        | "baseline"
        | "due_date"
        | "node_id"
        | "lead_department_id"
        | "attribute"
        | "baseline_year"
        | "target_year"
        | "annual_growth",
    ): StoredReader =>
    async (ctx, answer) =>
      (
        await ctx.db
          .selectFrom("targets")
          .select(name)
          .where("id", "=", idOf(ctx, answer))
          .executeTakeFirstOrThrow()
      )[name];
  return {
    [`${prefix}value`]: column("value"),
    [`${prefix}value2`]: column("value2"),
    [`${prefix}baseline`]: column("baseline"),
    [`${prefix}dueDate`]: column("due_date"),
    [`${prefix}nodeId`]: column("node_id"),
    [`${prefix}leadDepartmentId`]: column("lead_department_id"),
    [`${prefix}attribute`]: column("attribute"),
    [`${prefix}baselineYear`]: column("baseline_year"),
    [`${prefix}targetYear`]: column("target_year"),
    [`${prefix}annualGrowth`]: column("annual_growth"),
  };
}

/** A target patch with every nullable field set: a range with a baseline, due date, task and lead. */
export const fullTargetPatch = (w: MatrixWorld) => ({
  comparator: "range" as const,
  value: 5,
  value2: 8,
  baseline: 3,
  attribute: "binding" as const,
  baselineYear: 2019,
  targetYear: 2020,
  annualGrowth: 6,
  dueDate: "2020-12-31",
  nodeId: w.taskNodeId,
  leadDepartmentId: w.departments.nankaiRsj,
});

export function taskFields(prefix: string, nodeOf: (w: MatrixWorld) => number): Record<string, StoredReader> {
  const task = async (ctx: NullContext) =>
    ctx.db
      .selectFrom("tasks")
      .select(["deadline", "deadline_text", "done_criteria"])
      .where("node_id", "=", nodeOf(ctx.w))
      .executeTakeFirstOrThrow();
  return {
    [`${prefix}leadDepartmentId`]: async (ctx) =>
      (
        await ctx.db
          .selectFrom("outline_nodes")
          .select("lead_department_id")
          .where("id", "=", nodeOf(ctx.w))
          .executeTakeFirstOrThrow()
      ).lead_department_id,
    [`${prefix}deadline`]: async (ctx) => (await task(ctx)).deadline,
    [`${prefix}deadlineText`]: async (ctx) => (await task(ctx)).deadline_text,
    [`${prefix}doneCriteria`]: async (ctx) => (await task(ctx)).done_criteria,
  };
}

export const fullTaskPatch = (w: MatrixWorld) => ({
  leadDepartmentId: w.departments.nankaiRsj,
  deadline: "2020-11-30",
  deadlineText: "11月底前",
  doneCriteria: "建成并投入使用",
});

export async function latestRevision(db: Kysely<Database>, reportId: number) {
  const report = await db
    .selectFrom("reports")
    .select("current_revision")
    .where("id", "=", reportId)
    .executeTakeFirstOrThrow();
  return db
    .selectFrom("report_revisions")
    .selectAll()
    .where("report_id", "=", reportId)
    .where("revision", "=", report.current_revision)
    .executeTakeFirstOrThrow();
}

export function reportFields(): Record<string, StoredReader> {
  const column =
    (name: "value" | "percent" | "status_word"): StoredReader =>
    async (ctx, answer) =>
      (await latestRevision(ctx.db, numberAt(answer, "report/id")))[name];
  return { value: column("value"), percent: column("percent"), statusWord: column("status_word") };
}

export const BASE_REVISION =
  "null: the report's first revision (nothing to build on); compared with the report, not kept";

export async function planSettingsJson(ctx: NullContext): Promise<Record<string, Record<string, unknown>>> {
  const row = await ctx.db
    .selectFrom("plans")
    .select("settings")
    .where("id", "=", ctx.w.planId)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.settings) as Record<string, Record<string, unknown>>;
}

export const settingsField =
  (group: string, key: string): StoredReader =>
  async (ctx) => {
    const value = (await planSettingsJson(ctx))[group]?.[key];
    // Absent is not null: the presenter would fill in a default where the user cleared the value.
    if (value === undefined) throw new Error(`settings ${group}.${key} is absent, not null`);
    return value;
  };

export function userField(
  column: "region_id" | "department_id",
  idOf: (ctx: NullContext, answer: unknown) => number,
) {
  return async (ctx: NullContext, answer: unknown) =>
    (
      await ctx.db
        .selectFrom("users")
        .select(column)
        .where("id", "=", idOf(ctx, answer))
        .executeTakeFirstOrThrow()
    )[column];
}

export function departmentField(
  column: "short_name" | "full_name",
  idOf: (ctx: NullContext, answer: unknown) => number,
) {
  return async (ctx: NullContext, answer: unknown) =>
    (
      await ctx.db
        .selectFrom("departments")
        .select(column)
        .where("id", "=", idOf(ctx, answer))
        .executeTakeFirstOrThrow()
    )[column];
}

/** The lead department's reporter acknowledges the task (交办 → 已签收), so that it can report. */
export async function acknowledged(ctx: NullContext): Promise<void> {
  await step(ctx, "reporter", { method: "POST", url: `/api/tasks/${ctx.w.leadTaskId}/acknowledge` });
}

/**
 * Back to a draft: a published plan's deadlines change only by an 调整申请 (409 adjust_instead), so
 * clearing one is tried where the editor may still clear it.
 */
export async function draft(ctx: NullContext): Promise<void> {
  await ctx.db.updateTable("plans").set({ state: "draft" }).where("id", "=", ctx.w.planId).execute();
}

export const sample = (key: string) => {
  const found = SAMPLES[key];
  if (!found) throw new Error(`no sample request for ${key}`);
  return found.request;
};

export async function jobsJune(ctx: NullContext) {
  const report = await ctx.db
    .selectFrom("reports")
    .select("id")
    .where("target_id", "=", ctx.w.jobsTargetId)
    .where("period", "=", "2020-06")
    .executeTakeFirstOrThrow();
  return latestRevision(ctx.db, report.id);
}

/** A text of a task's progress report as the task shows it (GET /api/tasks/:id). */
export async function progressOf(
  ctx: NullContext,
  reportId: number,
  field: "problems" | "nextSteps",
): Promise<unknown> {
  const client = await ctx.client("reporter");
  const response = await client.inject({ method: "GET", url: `/api/tasks/${ctx.w.leadTaskId}` });
  const detail = response.json() as {
    progressReports?: { id: number; problems: unknown; nextSteps: unknown }[];
  };
  const found = detail.progressReports?.find((r) => r.id === reportId);
  if (!found) throw new Error(`progress report ${reportId} not in ${response.body.slice(0, 300)}`);
  return found[field];
}
