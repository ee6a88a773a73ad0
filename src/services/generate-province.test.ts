import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listAudit, verifyAuditChain } from "../db/audit-repository.ts";
import type { Store } from "../db/database.ts";
import { countRows, tableRowsInOrder } from "../db/generator-repository.ts";
import type { Database } from "../db/schema.ts";
import { listTargetRowsOfPlan } from "../db/targets-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { canonicalJson } from "../domain/canonical-json.ts";
import type { GeneratorOptions } from "../generate/province-layout.ts";
import {
  createTestDatabase,
  testDialects,
  truncateTestTables,
  useTestDatabase,
} from "../test/test-databases.ts";
import { planCockpit } from "./cockpit.ts";
import { generateProvince } from "./generate-province.ts";
import { planStatus } from "./plan-status.ts";
import { reviewReport, saveReport } from "./reporting.ts";

const SMALL: GeneratorOptions = {
  regions: 3,
  targets: 24,
  months: 5,
  seed: 42,
  year: 2025,
  provinceCode: "44",
};

/** Everything the generator writes; the audit log is left out because its row carries the time of the run. */
const TABLES: (keyof Database & string)[] = [
  "regions",
  "departments",
  "users",
  "plans",
  "plan_sources",
  "outline_nodes",
  "node_departments",
  "targets",
  "target_departments",
  "items",
  "target_period_plans",
  "reports",
  "report_revisions",
  "reminders",
  "extension_requests",
];

const ORDER: Partial<Record<string, string>> = {
  node_departments: "node_id, department_id",
  target_departments: "target_id, department_id",
};

async function contentHash(store: Store): Promise<string> {
  const hash = createHash("sha256");
  for (const table of TABLES) {
    hash.update(`\n#${table}\n`);
    for await (const rows of tableRowsInOrder(store.db, table, ORDER[table] ?? "id")) {
      for (const row of rows) hash.update(canonicalJson(row));
    }
  }
  return hash.digest("hex");
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe.each(testDialects())("plantrack generate on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("writes a province with GB/T 2260 codes, every kind of target and every life of a report", async () => {
    const db = store().db;
    const summary = await generateProvince(db, SMALL);
    const counts = await countRows(db, [...TABLES, "audit_log"]);
    // 3 counties in one city, and the province: 5 regions, each with its plan.
    expect(summary.regions).toBe(5);
    expect(counts.regions).toBe(5);
    expect(counts.plans).toBe(5);
    expect(counts.targets).toBe(5 * SMALL.targets);
    expect(counts.reports).toBe(summary.reports);
    expect(counts.report_revisions).toBe(summary.revisions);
    expect(counts.departments).toBe(summary.departments);
    expect(counts.users).toBe(summary.users);
    expect(summary.reports).toBeGreaterThan(5 * SMALL.targets);

    const regions: Record<string, unknown>[] = [];
    for await (const rows of tableRowsInOrder(db, "regions")) regions.push(...rows);
    expect(regions.map((r) => [r.code, r.level])).toEqual([
      ["440000", "province"],
      ["440100", "city"],
      ["440102", "county"],
      ["440103", "county"],
      ["440104", "county"],
    ]);

    const targets: Record<string, unknown>[] = [];
    for await (const rows of tableRowsInOrder(db, "targets")) targets.push(...rows);
    for (const kind of ["cumulative", "level", "rate", "milestone"])
      expect(targets.some((t) => t.kind === kind)).toBe(true);
    for (const comparator of ["target", "at_least", "at_most", "about", "range"])
      expect(targets.some((t) => t.comparator === comparator)).toBe(true);
    for (const direction of ["increase", "decrease", "level"])
      expect(targets.some((t) => t.direction === direction)).toBe(true);
    expect(targets.some((t) => t.frequency === "quarterly")).toBe(true);

    const reports: Record<string, unknown>[] = [];
    for await (const rows of tableRowsInOrder(db, "reports")) reports.push(...rows);
    for (const state of ["draft", "submitted", "approved", "returned"])
      expect(reports.some((r) => r.state === state)).toBe(true);
    for (const type of ["target", "task", "item"])
      expect(reports.some((r) => r.subject_type === type)).toBe(true);
    expect(reports.every((r) => Number(String(r.period_end).slice(5, 7)) <= SMALL.months)).toBe(true);

    const revisions: Record<string, unknown>[] = [];
    for await (const rows of tableRowsInOrder(db, "report_revisions")) revisions.push(...rows);
    const byReport = new Map<unknown, Record<string, unknown>[]>();
    for (const v of revisions) byReport.set(v.report_id, [...(byReport.get(v.report_id) ?? []), v]);
    // The header agrees with its revisions: count and the newest state.
    for (const r of reports) {
      const list = byReport.get(r.id) ?? [];
      expect(list.length).toBe(r.current_revision);
      expect(list[list.length - 1]?.state).toBe(r.state);
    }
    // Late: first submitted after the due date; returned and then approved on resubmission.
    const late = reports.filter((r) => {
      const first = (byReport.get(r.id) ?? []).find((v) => v.state !== "draft");
      return first !== undefined && String(first.created_at).slice(0, 10) > String(r.due_date);
    });
    expect(late.length).toBeGreaterThan(0);
    expect(
      [...byReport.values()].some(
        (list) => list.some((v) => v.state === "returned") && list[list.length - 1]?.state === "approved",
      ),
    ).toBe(true);
    expect(counts.reminders).toBeGreaterThan(0);
    expect(counts.extension_requests).toBeGreaterThan(0);
    expect(counts.target_period_plans).toBeGreaterThan(0);

    // One audit entry for the whole run, and the chain holds.
    const audit = await listAudit(db);
    expect(audit.map((a) => a.action)).toEqual(["generate.province"]);
    expect(JSON.parse(audit[0]?.after ?? "{}")).toMatchObject({ generated: true, reports: summary.reports });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 1 });

    // The data is real data to the rest of the product: a county's plan is judged target by target.
    const status = await planStatus(db, summary.firstPlanId + 2, "2025-06-10");
    expect(status.targets).toHaveLength(SMALL.targets);
    const statuses = new Set(status.targets.map((t) => t.evaluation.status));
    expect(statuses.size).toBeGreaterThan(2);
    expect(status.rankings.length).toBeGreaterThan(0);
  });

  it("shows a newly approved revision in the very next status and cockpit read", async () => {
    const db = store().db;
    const summary = await generateProvince(db, SMALL);
    const planId = summary.firstPlanId + 2;
    const before = await planStatus(db, planId, "2025-12-20");
    // A cumulative target's November: no report yet (months 1–5 were generated).
    const target = before.targets.find((t) => t.kind === "cumulative") as (typeof before.targets)[number];
    const admin: Principal = {
      id: 0,
      role: "admin",
      regionId: null,
      departmentId: null,
      departmentRegionId: null,
    };
    const actor = { userId: null, ip: null };
    const goal = (await listTargetRowsOfPlan(db, planId)).find((t) => t.id === target.targetId)?.value ?? 0;
    const saved = await saveReport(
      db,
      actor,
      admin,
      "target",
      target.targetId,
      "2025-11",
      {
        baseRevision: null,
        value: goal * 1.5,
        progress: "提前完成全年目标",
        problems: "",
        nextSteps: "",
        submit: true,
        // A month that adds more than the year's target: meant here, so confirmed.
        confirm: true,
        confirmReason: "年底集中招聘，已与统计月报核对",
      },
      { now: "2025-12-02T09:00:00.000Z" },
    );
    await reviewReport(
      db,
      actor,
      admin,
      saved.report.id,
      { action: "approve", baseRevision: 1 },
      { now: "2025-12-03T09:00:00.000Z" },
    );
    const after = await planStatus(db, planId, "2025-12-20");
    const judged = after.targets.find((t) => t.targetId === target.targetId);
    expect(judged?.value).toBe(goal * 1.5);
    expect(judged?.evaluation.status).toBe("completed");
    const cockpit = await planCockpit(db, planId, "2025-12-20");
    expect(cockpit.targets.find((t) => t.targetId === target.targetId)?.evaluation.status).toBe("completed");
  });

  it("gives the same rows for the same seed and other rows for another", async () => {
    const first = await contentHash(await generated(store(), SMALL));
    const again = await emptied(dialect, store());
    try {
      expect(await contentHash(await generated(again, SMALL))).toBe(first);
    } finally {
      if (again !== store()) await again.close();
    }
    const other = await emptied(dialect, store());
    try {
      expect(await contentHash(await generated(other, { ...SMALL, seed: 43 }))).not.toBe(first);
    } finally {
      if (other !== store()) await other.close();
    }
  });

  it("refuses a second province with the same code and leaves the first as it was", async () => {
    const db = store().db;
    await generateProvince(db, SMALL);
    const before = await countRows(db, [...TABLES, "audit_log"]);
    const error = await errorOf(generateProvince(db, { ...SMALL, seed: 9 }));
    expect(error.code).toBe("conflict");
    expect(error.details.field).toBe("province");
    expect(await countRows(db, [...TABLES, "audit_log"])).toEqual(before);
    // Another province code goes next to it, with ids after the first's.
    const second = await generateProvince(db, { ...SMALL, provinceCode: "45", regions: 1 });
    expect(second.firstPlanId).toBe((before.plans ?? 0) + 1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 2 });
  });

  it("says which option is wrong and writes nothing", async () => {
    const db = store().db;
    for (const [patch, field] of [
      [{ months: 13 }, "months"],
      [{ targets: 0 }, "targets"],
      [{ regions: 0 }, "regions"],
      [{ seed: -1 }, "seed"],
      [{ provinceCode: "4" }, "province"],
    ] as const) {
      const error = await errorOf(generateProvince(db, { ...SMALL, ...patch }));
      expect(error.code).toBe("bad_input");
      expect(error.details.field).toBe(field);
      expect(error.message).toMatch(new RegExp(`--${field}`));
    }
    expect((await countRows(db, ["regions", "audit_log"])).regions).toBe(0);
  });
});

/**
 * An empty database again: SQLite, a new one in memory; PostgreSQL, the test's schema truncated with
 * its ids restarted (a second schema in one process would confuse Kysely's migration-table lookup).
 */
async function emptied(dialect: "sqlite" | "postgres", current: Store): Promise<Store> {
  if (dialect === "sqlite") return createTestDatabase("sqlite");
  await truncateTestTables(current, [...TABLES, "audit_log"]);
  return current;
}

async function generated(store: Store, options: GeneratorOptions): Promise<Store> {
  await generateProvince(store.db, options);
  return store;
}
