// plantrack generate: writes a generated province (src/generate/) into the database
// in one transaction — everything or nothing — with many rows to a statement, and records the run as
// one audit entry (not one per row: a run of millions of rows is one act of one operator, and the rows
// say by their titles and the plans' settings that they are generated).

import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { type Actor, appendAudit, SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import {
  advanceIdSequences,
  type GeneratedIdTable,
  highestIds,
  insertMany,
  lockForBulkLoad,
  regionCodeExists,
  usernamesTaken,
} from "../db/generator-repository.ts";
import type { Database, ReportSubject } from "../db/schema.ts";
import { AppError, type LocalText } from "../domain/app-error.ts";
import { type GenPlan, generatePlan } from "../generate/plan-generator.ts";
import {
  GENERATOR_LIMITS,
  type GeneratorOptions,
  type GenRegion,
  provinceLayout,
} from "../generate/province-layout.ts";

type Db = Kysely<Database>;

/** A generated user cannot sign in until an administrator gives a password (plantrack user reset). */
export const GENERATED_PASSWORD_HASH = "!generated-no-password";

export interface GenerateSummary {
  options: GeneratorOptions;
  regions: number;
  departments: number;
  users: number;
  plans: number;
  nodes: number;
  targets: number;
  items: number;
  reports: number;
  revisions: number;
  reminders: number;
  extensions: number;
  /** The province's region id, and the id ranges the run used. */
  provinceRegionId: number;
  firstPlanId: number;
  lastPlanId: number;
}

function bad(field: string, message: LocalText): AppError {
  return new AppError("bad_input", message, { field });
}

function checkInteger(name: keyof typeof GENERATOR_LIMITS, value: number): void {
  const { min, max } = GENERATOR_LIMITS[name];
  if (!Number.isInteger(value) || value < min || value > max)
    throw bad(name, {
      zh: `--${name} 应为 ${min}–${max} 之间的整数，收到 ${value}`,
      en: `--${name} must be an integer from ${min} to ${max}, got ${value}`,
    });
}

export function checkGeneratorOptions(options: GeneratorOptions): GeneratorOptions {
  checkInteger("regions", options.regions);
  checkInteger("targets", options.targets);
  checkInteger("months", options.months);
  checkInteger("year", options.year);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff)
    throw bad("seed", {
      zh: `--seed 应为 0–4294967295 的整数，收到 ${options.seed}`,
      en: `--seed must be an integer from 0 to 4294967295, got ${options.seed}`,
    });
  if (!/^[1-8][0-9]$/.test(options.provinceCode))
    throw bad("province", {
      zh: `--province 应为两位省级代码（如 44），收到 ${options.provinceCode}`,
      en: `--province must be a two-digit province code such as 44, got ${options.provinceCode}`,
    });
  // A city holds up to 99 codes: 10 counties each gives at most 99 cities.
  if (Math.ceil(options.regions / 10) > 99)
    throw bad("regions", {
      zh: "--regions 最多 990 个",
      en: "--regions allows at most 990 (99 cities of 10)",
    });
  return options;
}

/** Ids numbered from the tables' highest, handed out in order. */
function idCounter(start: Record<GeneratedIdTable, number>) {
  const next = { ...start };
  return (table: GeneratedIdTable) => {
    next[table] += 1;
    return next[table];
  };
}

interface Progress {
  /** After each plan: how many plans are written, of how many. */
  onPlan?: (done: number, total: number, reports: number) => void;
}

export async function generateProvince(
  db: Db,
  input: GeneratorOptions,
  progress: Progress = {},
  actor: Actor = SYSTEM_ACTOR,
): Promise<GenerateSummary> {
  const options = checkGeneratorOptions(input);
  const layout = provinceLayout(options);
  const province = layout.regions[0] as GenRegion;
  const at = `${options.year}-01-01T00:00:00.000Z`;
  return inTransaction(db, async (trx) => {
    await lockForBulkLoad(trx);
    if (await regionCodeExists(trx, province.code))
      throw new AppError(
        "conflict",
        {
          zh: `行政区划代码 ${province.code} 已存在：请用另一 --province 或空数据库`,
          en: `region code ${province.code} exists already: choose another --province or an empty database`,
        },
        { field: "province", code: province.code },
      );
    const taken = await usernamesTaken(
      trx,
      layout.users.map((u) => u.username),
    );
    if (taken.length > 0)
      throw new AppError(
        "conflict",
        {
          zh: `用户名已存在：${taken.slice(0, 5).join("、")}`,
          en: `user names exist already: ${taken.slice(0, 5).join(", ")}`,
        },
        {
          field: "province",
          usernames: taken.slice(0, 20),
        },
      );
    const nextId = idCounter(await highestIds(trx));

    const regionIds = layout.regions.map(() => nextId("regions"));
    await insertMany(
      trx,
      "regions",
      layout.regions.map((r, i) => ({
        id: regionIds[i] as number,
        name: r.name,
        code: r.code,
        parent_id: r.parentKey === null ? null : (regionIds[r.parentKey] as number),
        level: r.level,
        created_at: at,
      })),
    );
    const departmentIds = layout.departments.map(() => nextId("departments"));
    await insertMany(
      trx,
      "departments",
      layout.departments.map((d, i) => ({
        id: departmentIds[i] as number,
        region_id: regionIds[d.regionKey] as number,
        name: d.name,
        short_name: d.name.slice(1),
        full_name: d.fullName,
        ord: d.ord,
        disabled: 0,
        created_at: at,
      })),
    );
    const userIds = layout.users.map(() => nextId("users"));
    await insertMany(
      trx,
      "users",
      layout.users.map((u, i) => ({
        id: userIds[i] as number,
        username: u.username,
        display_name: u.displayName,
        password_hash: GENERATED_PASSWORD_HASH,
        role: u.role,
        region_id: u.regionKey === null ? null : (regionIds[u.regionKey] as number),
        department_id: u.departmentKey === null ? null : (departmentIds[u.departmentKey] as number),
        disabled: 0,
        must_change_password: 1,
        totp_enabled: 0,
        created_at: at,
        updated_at: at,
      })),
    );
    // Per region: its departments in order, their reporters, its planner.
    const deptIdsOf = new Map<number, number[]>();
    layout.departments.forEach((d, i) => {
      deptIdsOf.set(d.regionKey, [...(deptIdsOf.get(d.regionKey) ?? []), departmentIds[i] as number]);
    });
    const reporterOf = new Map<number, number>();
    const plannerOf = new Map<number, number>();
    layout.users.forEach((u, i) => {
      if (u.role === "reporter" && u.departmentKey !== null)
        reporterOf.set(departmentIds[u.departmentKey] as number, userIds[i] as number);
      if (u.role === "planner" && u.regionKey !== null) plannerOf.set(u.regionKey, userIds[i] as number);
    });

    const totals = { nodes: 0, targets: 0, items: 0, reports: 0, revisions: 0, reminders: 0, extensions: 0 };
    let firstPlanId = 0;
    let lastPlanId = 0;
    for (const region of layout.regions) {
      const plan = generatePlan(options, region);
      const ids = await writePlan(trx, plan, {
        nextId,
        regionId: regionIds[region.key] as number,
        departments: deptIdsOf.get(region.key) ?? [],
        reporterOf,
        plannerId: plannerOf.get(region.key) ?? null,
      });
      if (firstPlanId === 0) firstPlanId = ids.planId;
      lastPlanId = ids.planId;
      totals.nodes += plan.nodes.length;
      totals.targets += plan.targets.length;
      totals.items += plan.items.length;
      totals.reports += plan.reports.length;
      totals.revisions += ids.revisions;
      totals.reminders += plan.reminders.length;
      totals.extensions += plan.extensions.length;
      progress.onPlan?.(region.key + 1, layout.regions.length, totals.reports);
    }
    await advanceIdSequences(trx);
    const summary: GenerateSummary = {
      options,
      regions: layout.regions.length,
      departments: layout.departments.length,
      users: layout.users.length,
      plans: layout.regions.length,
      ...totals,
      provinceRegionId: regionIds[0] as number,
      firstPlanId,
      lastPlanId,
    };
    await appendAudit(trx, actor, {
      action: "generate.province",
      entity: "region",
      entityId: summary.provinceRegionId,
      after: { generated: true, ...summary },
    });
    return summary;
  });
}

interface PlanContext {
  nextId: (table: GeneratedIdTable) => number;
  regionId: number;
  /** The region's department ids, by the generator's department index. */
  departments: readonly number[];
  reporterOf: ReadonlyMap<number, number>;
  plannerId: number | null;
}

async function writePlan(
  db: Db,
  plan: GenPlan,
  ctx: PlanContext,
): Promise<{ planId: number; revisions: number }> {
  const dept = (index: number) => ctx.departments[index] ?? null;
  const planId = ctx.nextId("plans");
  const created = plan.createdAt;
  const published = `${plan.publishedOn}T09:00:00.000Z`;
  await insertMany(db, "plans", [
    {
      id: planId,
      region_id: ctx.regionId,
      title: plan.title,
      year: Number(plan.periodStart.slice(0, 4)),
      period_start: plan.periodStart,
      period_end: plan.periodEnd,
      issuer: plan.issuer,
      published_on: plan.publishedOn,
      state: "published",
      is_public: 0,
      settings: JSON.stringify({ frequency: "monthly", dueDay: 5, generated: true }),
      created_by: null,
      created_at: created,
      updated_at: published,
      published_at: published,
      closed_at: null,
    },
  ]);
  const textHash = createHash("sha256").update(plan.sourceText).digest("hex");
  await insertMany(db, "plan_sources", [
    {
      id: ctx.nextId("plan_sources"),
      plan_id: planId,
      file_name: `generated-${planId}.txt`,
      media_type: "txt",
      encoding: "utf-8",
      sha256: textHash,
      text_sha256: textHash,
      byte_size: Buffer.byteLength(plan.sourceText),
      text: plan.sourceText,
      created_at: created,
    },
  ]);
  const nodeIds = plan.nodes.map(() => ctx.nextId("outline_nodes"));
  await insertMany(
    db,
    "outline_nodes",
    plan.nodes.map((n, i) => ({
      id: nodeIds[i] as number,
      plan_id: planId,
      parent_id: n.parent === null ? null : (nodeIds[n.parent] as number),
      kind: n.kind,
      level: n.level,
      ord: i,
      marker: n.marker,
      title: n.title,
      text: n.text,
      span_start: n.spanStart,
      span_end: n.spanEnd,
      lead_department_id: n.lead === null ? null : dept(n.lead),
      suggested_department: null,
      suggested_keyword: null,
      suggested_department_id: null,
      draft_id: null,
      created_at: created,
      updated_at: created,
    })),
  );
  await insertMany(
    db,
    "node_departments",
    plan.nodes.flatMap((n, i) =>
      n.co.map((c) => ({ node_id: nodeIds[i] as number, department_id: dept(c) as number })),
    ),
  );
  const targetIds = plan.targets.map(() => ctx.nextId("targets"));
  await insertMany(
    db,
    "targets",
    plan.targets.map((t, i) => ({
      id: targetIds[i] as number,
      plan_id: planId,
      node_id: nodeIds[t.node] as number,
      ord: i,
      subject: t.subject,
      value: t.value,
      value2: t.value2,
      unit: t.unit,
      display_unit: t.displayUnit,
      display: t.display,
      comparator: t.comparator,
      direction: t.direction,
      kind: t.kind,
      baseline: t.baseline,
      due_date: null,
      frequency: t.frequency,
      weight: t.weight,
      span_start: t.spanStart,
      span_end: t.spanEnd,
      confidence: null,
      source: "manual" as const,
      lead_department_id: dept(t.lead),
      suggested_department: null,
      suggested_keyword: null,
      suggested_department_id: null,
      draft_id: null,
      created_at: created,
      updated_at: created,
    })),
  );
  await insertMany(
    db,
    "target_departments",
    plan.targets.flatMap((t, i) =>
      t.co.map((c) => ({ target_id: targetIds[i] as number, department_id: dept(c) as number })),
    ),
  );
  const itemIds = plan.items.map(() => ctx.nextId("items"));
  await insertMany(
    db,
    "items",
    plan.items.map((it, i) => ({
      id: itemIds[i] as number,
      plan_id: planId,
      node_id: nodeIds[it.node] as number,
      ord: i,
      name: it.name,
      category: it.category,
      span_start: it.spanStart,
      span_end: it.spanEnd,
      lead_department_id: dept(it.lead),
      due_date: it.dueDate,
      draft_id: null,
      created_at: created,
      updated_at: created,
    })),
  );
  await insertMany(
    db,
    "target_period_plans",
    plan.planned.map((p) => ({
      id: ctx.nextId("target_period_plans"),
      target_id: targetIds[p.target] as number,
      period: p.period,
      period_end: p.periodEnd,
      planned_value: p.value,
      created_at: created,
      updated_at: created,
    })),
  );
  const subjectId = (s: { type: ReportSubject; index: number }) =>
    (s.type === "target" ? targetIds : s.type === "task" ? nodeIds : itemIds)[s.index] as number;
  const reportIds = plan.reports.map(() => ctx.nextId("reports"));
  await insertMany(
    db,
    "reports",
    plan.reports.map((r, i) => {
      const id = subjectId(r.subject);
      const last = r.revisions[r.revisions.length - 1];
      return {
        id: reportIds[i] as number,
        plan_id: planId,
        subject_type: r.subject.type,
        subject_key: `${r.subject.type}:${id}`,
        target_id: r.subject.type === "target" ? id : null,
        node_id: r.subject.type === "task" ? id : null,
        item_id: r.subject.type === "item" ? id : null,
        department_id: dept(r.department),
        period: r.period.key,
        period_end: r.period.end,
        due_date: r.period.due,
        current_revision: r.revisions.length,
        state: last?.state ?? "draft",
        created_at: r.revisions[0]?.at ?? created,
        updated_at: last?.at ?? created,
      };
    }),
  );
  const revisions = plan.reports.flatMap((r, i) => {
    const reporter = ctx.reporterOf.get(dept(r.department) ?? -1) ?? null;
    return r.revisions.map((v, k) => ({
      id: ctx.nextId("report_revisions"),
      report_id: reportIds[i] as number,
      revision: k + 1,
      value: v.value,
      percent: v.percent,
      status_word: v.statusWord,
      progress: v.progress,
      problems: v.problems,
      next_steps: v.nextSteps,
      state: v.state,
      return_reason: v.returnReason,
      author_id: v.author === "reporter" ? reporter : ctx.plannerId,
      created_at: v.at,
    }));
  });
  await insertMany(db, "report_revisions", revisions);
  await insertMany(
    db,
    "reminders",
    plan.reminders.map((m) => ({
      id: ctx.nextId("reminders"),
      plan_id: planId,
      department_id: dept(m.department) as number,
      report_id: null,
      target_id: m.subject.type === "target" ? subjectId(m.subject) : null,
      period: m.period,
      message: m.message,
      channel: "in_app",
      sent_by: ctx.plannerId,
      sent_at: m.at,
      read_at: null,
      delivery: "in_app",
      delivery_error: null,
    })),
  );
  await insertMany(
    db,
    "extension_requests",
    plan.extensions.map((e) => {
      const r = plan.reports[e.report];
      const id = r ? subjectId(r.subject) : 0;
      const reporter = r ? (ctx.reporterOf.get(dept(r.department) ?? -1) ?? null) : null;
      return {
        id: ctx.nextId("extension_requests"),
        plan_id: planId,
        department_id: dept(r?.department ?? 0) as number,
        report_id: reportIds[e.report] as number,
        target_id: r?.subject.type === "target" ? id : null,
        node_id: r?.subject.type === "task" ? id : null,
        item_id: r?.subject.type === "item" ? id : null,
        period: r?.period.key ?? null,
        reason: e.reason,
        requested_due_date: e.requestedDueDate,
        state: e.state,
        requested_by: reporter,
        decided_by: e.decidedAt === null ? null : ctx.plannerId,
        decided_at: e.decidedAt,
        // Stored words of the office, read by its planners and reporters: Chinese.
        decision_note: e.state === "refused" ? "数据应按期报送" : null,
        created_at: e.at,
      };
    }),
  );
  return { planId, revisions: revisions.length };
}
