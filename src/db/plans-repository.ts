// Plans and everything read from their document: source, outline nodes, targets, items. Every write
// runs in one transaction with its audit row; callers that need more in the same transaction pass a
// Transaction as `db` (see inTransaction).

import { type Kysely, sql } from "kysely";
import type { DepartmentRef, SuggestedDepartment } from "../contract/common.ts";
import type {
  ImportSummary,
  OutlineNodeView,
  PlanDetail,
  PlanSource,
  PlanSummary,
} from "../contract/plans.ts";
import type { ItemView, TargetView } from "../contract/targets.ts";
import type {
  Comparator,
  DepartmentSuggestion,
  Direction,
  ItemCategory,
  OutlineKind,
  PlanDraft,
  TargetKind,
} from "../extract/types.ts";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import { listDepartments } from "./departments-repository.ts";
import { isPostgres } from "./dialect.ts";
import { idChunks } from "./id-chunks.ts";
import type { Database, ItemRow, OutlineNodeRow, PlanRow, TargetRow, TargetUpdate } from "./schema.ts";

type Db = Kysely<Database>;

// ---------------------------------------------------------------------------------------------------
// Storing a draft

export interface SourceDocument {
  fileName: string;
  mediaType: string;
  encoding: string;
  sha256: string;
  textSha256: string;
  byteSize: number;
  text: string;
}

export interface NewPlan {
  regionId: number | null;
  title: string;
  year: number | null;
  periodStart: string;
  periodEnd: string;
  issuer: string | null;
  publishedOn: string | null;
  createdBy?: number | null;
}

export interface StoredPlan {
  planId: number;
  summary: ImportSummary;
}

const CHUNK = 200;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** The key departments are matched by: exact name, short name or full name. */
function departmentIndex(
  departments: { id: number; name: string; short_name: string | null; full_name: string | null }[],
) {
  const byName = new Map<string, number>();
  for (const d of departments) {
    for (const key of [d.full_name, d.short_name, d.name]) if (key) byName.set(key, d.id);
  }
  return (name: string | null | undefined): number | null => (name ? (byName.get(name) ?? null) : null);
}

function summaryOf(draft: PlanDraft): ImportSummary {
  const count = (kind: string) => draft.outline.filter((h) => h.kind === kind).length;
  return {
    sections: count("section"),
    areas: count("area"),
    groups: count("group"),
    tasks: draft.tasks.length,
    targets: draft.targets.length,
    milestones: draft.milestones.length,
    items: draft.items.length,
  };
}

const TASK_TITLE_LENGTH = 60;

function taskTitle(text: string): string {
  const t = text.trim();
  return t.length <= TASK_TITLE_LENGTH ? t : `${t.slice(0, TASK_TITLE_LENGTH)}…`;
}

/** Rates (GDP growth) come from quarterly statistics; everything else is reported monthly. */
export function defaultFrequency(kind: TargetKind): "monthly" | "quarterly" {
  return kind === "rate" ? "quarterly" : "monthly";
}

/**
 * Stores a plan, its source document and its draft in one transaction. Department suggestions are
 * resolved against the region's departments but not applied: a planner confirms them.
 */
export async function insertPlanDraft(
  db: Db,
  actor: Actor,
  plan: NewPlan,
  source: SourceDocument,
  draft: PlanDraft,
): Promise<StoredPlan> {
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const { id: planId } = await trx
      .insertInto("plans")
      .values({
        region_id: plan.regionId,
        title: plan.title,
        year: plan.year,
        period_start: plan.periodStart,
        period_end: plan.periodEnd,
        issuer: plan.issuer,
        published_on: plan.publishedOn,
        state: "draft",
        created_by: plan.createdBy ?? actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    await trx
      .insertInto("plan_sources")
      .values({
        plan_id: planId,
        file_name: source.fileName,
        media_type: source.mediaType,
        encoding: source.encoding,
        sha256: source.sha256,
        text_sha256: source.textSha256,
        byte_size: source.byteSize,
        text: source.text,
        created_at: now,
      })
      .execute();

    const resolve = departmentIndex(plan.regionId === null ? [] : await listDepartments(trx, plan.regionId));
    const suggestion = (s: DepartmentSuggestion | null) => ({
      suggested_department: s?.department ?? null,
      suggested_keyword: s?.keyword ?? null,
      suggested_department_id: resolve(s?.department),
    });

    // Headings and tasks in document order. Stored a depth at a time (a parent's id is known before
    // its children are written), in chunks; ids come back matched by draft id, not by row order.
    type Pending =
      | { type: "heading"; node: PlanDraft["outline"][number] }
      | { type: "task"; node: PlanDraft["tasks"][number] };
    const pending: Pending[] = [
      ...draft.outline.map((node) => ({ type: "heading" as const, node })),
      ...draft.tasks.map((node) => ({ type: "task" as const, node })),
    ];
    pending.sort(
      (a, b) => a.node.start - b.node.start || (a.type === b.type ? 0 : a.type === "heading" ? -1 : 1),
    );
    const byDraftId = new Map<string, Pending>();
    for (const p of pending) if (!byDraftId.has(p.node.id)) byDraftId.set(p.node.id, p);
    const unique = [...byDraftId.values()];
    const orderOf = new Map(unique.map((p, i) => [p.node.id, i]));
    // Depth through known parents; a parent id that is unknown, or a cycle, makes a root.
    const depthOf = new Map<string, number>();
    const parentOf = (p: Pending): Pending | undefined =>
      p.node.parentId ? byDraftId.get(p.node.parentId) : undefined;
    const depth = (p: Pending, seen: Set<string> = new Set()): number => {
      const known = depthOf.get(p.node.id);
      if (known !== undefined) return known;
      seen.add(p.node.id);
      const parent = parentOf(p);
      const d = parent && !seen.has(parent.node.id) ? depth(parent, seen) + 1 : 0;
      depthOf.set(p.node.id, d);
      return d;
    };
    const levels: Pending[][] = [];
    for (const p of unique) {
      const d = depth(p);
      const list = levels[d] ?? [];
      list.push(p);
      levels[d] = list;
    }
    const stored = new Map<string, { id: number; level: number }>();
    for (const level of levels) {
      const rows = (level ?? []).map((p) => {
        const parentDraft = parentOf(p);
        const parent =
          parentDraft && depth(parentDraft) < depth(p) ? stored.get(parentDraft.node.id) : undefined;
        const base = {
          plan_id: planId,
          parent_id: parent?.id ?? null,
          ord: orderOf.get(p.node.id) ?? 0,
          span_start: p.node.start,
          span_end: p.node.end,
          draft_id: p.node.id,
          created_at: now,
          updated_at: now,
        };
        return p.type === "heading"
          ? {
              ...base,
              kind: p.node.kind,
              level: p.node.level,
              marker: p.node.marker,
              title: p.node.title,
              text: p.node.title,
              ...suggestion(null),
            }
          : {
              ...base,
              kind: "task" as const,
              level: (parent?.level ?? 0) + 1,
              marker: "",
              title: taskTitle(p.node.text),
              text: p.node.text,
              ...suggestion(p.node.department),
            };
      });
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const ids = await trx
          .insertInto("outline_nodes")
          .values(chunk)
          .returning(["id", "draft_id"])
          .execute();
        const levelOf = new Map(chunk.map((r) => [r.draft_id, r.level]));
        for (const { id, draft_id } of ids) {
          if (draft_id !== null) stored.set(draft_id, { id, level: levelOf.get(draft_id) ?? 1 });
        }
      }
    }
    const nodeId = (draftId: string | null) => (draftId ? (stored.get(draftId)?.id ?? null) : null);

    const targetRows = [
      ...draft.targets.map((t) => ({
        plan_id: planId,
        node_id: nodeId(t.taskId),
        subject: t.subject,
        value: t.value,
        value2: t.value2,
        unit: t.unit,
        display_unit: t.displayUnit,
        display: t.display,
        comparator: t.comparator,
        direction: t.direction,
        kind: t.kind,
        frequency: defaultFrequency(t.kind),
        span_start: t.start,
        span_end: t.end,
        confidence: t.confidence,
        source: "extracted" as const,
        ...suggestion(t.department),
        draft_id: t.id,
      })),
      ...draft.milestones.map((m) => ({
        plan_id: planId,
        node_id: nodeId(m.taskId),
        subject: m.subject,
        value: null,
        value2: null,
        unit: "",
        display_unit: "",
        display: "",
        comparator: "target" as const,
        direction: "increase" as const,
        kind: "milestone" as const,
        frequency: "monthly" as const,
        span_start: m.start,
        span_end: m.end,
        confidence: null,
        source: "extracted" as const,
        ...suggestion(m.department),
        draft_id: m.id,
      })),
    ]
      .sort((a, b) => a.span_start - b.span_start)
      .map((row, i) => ({ ...row, ord: i, created_at: now, updated_at: now }));
    await insertChunked(targetRows, (chunk) => trx.insertInto("targets").values(chunk).execute());

    const itemRows = [...draft.items]
      .sort((a, b) => a.start - b.start)
      .map((item, i) => ({
        plan_id: planId,
        node_id: nodeId(item.taskId),
        ord: i,
        name: item.name,
        category: item.category,
        span_start: item.start,
        span_end: item.end,
        draft_id: item.id,
        created_at: now,
        updated_at: now,
      }));
    await insertChunked(itemRows, (chunk) => trx.insertInto("items").values(chunk).execute());

    const summary = summaryOf(draft);
    await appendAudit(trx, actor, {
      action: "plan.import",
      entity: "plan",
      entityId: planId,
      planId,
      after: {
        ...plan,
        fileName: source.fileName,
        sha256: source.sha256,
        byteSize: source.byteSize,
        summary,
      },
    });
    return { planId, summary };
  });
}

// ---------------------------------------------------------------------------------------------------
// Reading

export interface PlanMatch {
  planId: number;
  title: string;
  createdAt: string;
}

/** Plans made from the same file, or from the same text in another encoding or file. */
export async function findPlansBySource(
  db: Db,
  hashes: { sha256: string; textSha256?: string },
): Promise<PlanMatch[]> {
  const rows = await db
    .selectFrom("plan_sources")
    .innerJoin("plans", "plans.id", "plan_sources.plan_id")
    .select(["plans.id as planId", "plans.title as title", "plans.created_at as createdAt"])
    .where((eb) =>
      hashes.textSha256
        ? eb.or([
            eb("plan_sources.sha256", "=", hashes.sha256),
            eb("plan_sources.text_sha256", "=", hashes.textSha256),
          ])
        : eb("plan_sources.sha256", "=", hashes.sha256),
    )
    .orderBy("plans.id")
    .execute();
  return rows;
}

export async function getPlanRow(db: Db, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
}

type Counts = PlanSummary["counts"];

function emptyCounts(): Counts {
  return { sections: 0, areas: 0, groups: 0, tasks: 0, targets: 0, items: 0, milestones: 0 };
}

const NODE_COUNT_KEY: Record<OutlineKind, keyof Counts> = {
  section: "sections",
  area: "areas",
  group: "groups",
  task: "tasks",
};

async function countsByPlan(db: Db, planIds: number[] | null): Promise<Map<number, Counts>> {
  const counts = new Map<number, Counts>();
  const of = (planId: number) => {
    let c = counts.get(planId);
    if (!c) {
      c = emptyCounts();
      counts.set(planId, c);
    }
    return c;
  };
  if (planIds !== null && planIds.length === 0) return counts;
  const nodes = await db
    .selectFrom("outline_nodes")
    .select(["plan_id", "kind", (eb) => eb.fn.countAll<number>().as("n")])
    .$if(planIds !== null, (q) => q.where("plan_id", "in", planIds ?? []))
    .groupBy(["plan_id", "kind"])
    .execute();
  for (const row of nodes) of(row.plan_id)[NODE_COUNT_KEY[row.kind]] += Number(row.n);
  const targets = await db
    .selectFrom("targets")
    .select(["plan_id", "kind", (eb) => eb.fn.countAll<number>().as("n")])
    .$if(planIds !== null, (q) => q.where("plan_id", "in", planIds ?? []))
    .groupBy(["plan_id", "kind"])
    .execute();
  for (const row of targets)
    of(row.plan_id)[row.kind === "milestone" ? "milestones" : "targets"] += Number(row.n);
  const items = await db
    .selectFrom("items")
    .select(["plan_id", (eb) => eb.fn.countAll<number>().as("n")])
    .$if(planIds !== null, (q) => q.where("plan_id", "in", planIds ?? []))
    .groupBy("plan_id")
    .execute();
  for (const row of items) of(row.plan_id).items += Number(row.n);
  return counts;
}

function summaryQuery(db: Db) {
  return db
    .selectFrom("plans")
    .leftJoin("regions", "regions.id", "plans.region_id")
    .leftJoin("plan_sources", "plan_sources.plan_id", "plans.id")
    .select([
      "plans.id",
      "plans.title",
      "plans.year",
      "plans.period_start",
      "plans.period_end",
      "plans.issuer",
      "plans.published_on",
      "plans.state",
      "plans.created_at",
      "plans.region_id",
      "plans.is_public",
      "regions.name as region_name",
      "regions.code as region_code",
      "plan_sources.file_name",
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["executeTakeFirstOrThrow"]>>;

function toSummary(row: SummaryRow, counts: Counts | undefined): PlanSummary {
  return {
    id: row.id,
    title: row.title,
    regionName: row.region_name,
    regionCode: row.region_code,
    year: row.year,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    issuer: row.issuer,
    published: row.published_on,
    state: row.state,
    createdAt: row.created_at,
    counts: counts ?? emptyCounts(),
    fileName: row.file_name,
    regionId: row.region_id,
    isPublic: row.is_public === 1,
  };
}

/** Every plan, newest first, with its counts. */
export async function listPlans(db: Db): Promise<PlanSummary[]> {
  const rows = await summaryQuery(db).orderBy("plans.id", "desc").execute();
  const counts = await countsByPlan(db, null);
  return rows.map((row) => toSummary(row, counts.get(row.id)));
}

export async function getPlanSummary(db: Db, id: number): Promise<PlanSummary | undefined> {
  const row = await summaryQuery(db).where("plans.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const counts = await countsByPlan(db, [id]);
  return toSummary(row, counts.get(id));
}

export async function getPlanSource(db: Db, planId: number): Promise<PlanSource | undefined> {
  const row = await db
    .selectFrom("plan_sources")
    .select(["plan_id", "file_name", "encoding", "sha256", "text"])
    .where("plan_id", "=", planId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    planId: row.plan_id,
    fileName: row.file_name,
    encoding: row.encoding,
    sha256: row.sha256,
    text: row.text,
  };
}

/** The length of the plan's source text, for checking spans. */
export async function getSourceLength(db: Db, planId: number): Promise<number | undefined> {
  const source = await getPlanSource(db, planId);
  return source?.text.length;
}

// Views ----------------------------------------------------------------------------------------------

type DepartmentNames = Map<number, string>;

async function departmentNames(
  db: Db,
  regionId: number | null,
  extraIds: number[],
): Promise<DepartmentNames> {
  const names = new Map<number, string>();
  if (regionId !== null) for (const d of await listDepartments(db, regionId)) names.set(d.id, d.name);
  const missing = [...new Set(extraIds)].filter((id) => !names.has(id));
  if (missing.length > 0) {
    const rows = await db
      .selectFrom("departments")
      .select(["id", "name"])
      .where("id", "in", missing)
      .execute();
    for (const d of rows) names.set(d.id, d.name);
  }
  return names;
}

function ref(names: DepartmentNames, id: number | null): DepartmentRef | null {
  if (id === null) return null;
  return { id, name: names.get(id) ?? `#${id}` };
}

function suggestedOf(row: {
  suggested_department: string | null;
  suggested_keyword: string | null;
  suggested_department_id: number | null;
}): SuggestedDepartment | null {
  if (!row.suggested_department) return null;
  return {
    department: row.suggested_department,
    keyword: row.suggested_keyword ?? "",
    suggested: true,
    departmentId: row.suggested_department_id,
  };
}

function nodeView(row: OutlineNodeRow, co: number[], names: DepartmentNames): OutlineNodeView {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    level: row.level,
    order: row.ord,
    marker: row.marker,
    title: row.title,
    text: row.text,
    start: row.span_start,
    end: row.span_end,
    leadDepartment: ref(names, row.lead_department_id),
    coDepartments: co.map((id) => ref(names, id) as DepartmentRef),
    suggestedDepartment: suggestedOf(row),
  };
}

function targetView(row: TargetRow, co: number[], names: DepartmentNames): TargetView {
  return {
    id: row.id,
    nodeId: row.node_id,
    subject: row.subject,
    value: row.value,
    value2: row.value2,
    unit: row.unit,
    displayUnit: row.display_unit,
    display: row.display,
    comparator: row.comparator,
    direction: row.direction,
    kind: row.kind,
    baseline: row.baseline,
    dueDate: row.due_date,
    frequency: row.frequency,
    weight: row.weight,
    start: row.span_start,
    end: row.span_end,
    confidence: row.confidence,
    source: row.source,
    leadDepartment: ref(names, row.lead_department_id),
    coDepartments: co.map((id) => ref(names, id) as DepartmentRef),
    suggestedDepartment: suggestedOf(row),
  };
}

function itemView(row: ItemRow, names: DepartmentNames): ItemView {
  return {
    id: row.id,
    nodeId: row.node_id,
    name: row.name,
    category: row.category as ItemCategory,
    start: row.span_start,
    end: row.span_end,
    leadDepartment: ref(names, row.lead_department_id),
  };
}

function groupPairs(rows: { owner: number; department_id: number }[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const r of rows) {
    const list = map.get(r.owner) ?? [];
    list.push(r.department_id);
    map.set(r.owner, list);
  }
  return map;
}

function referencedDepartments(
  rows: { lead_department_id: number | null }[],
  co: Map<number, number[]>,
): number[] {
  const ids: number[] = [];
  for (const r of rows) if (r.lead_department_id !== null) ids.push(r.lead_department_id);
  for (const list of co.values()) ids.push(...list);
  return ids;
}

export async function loadPlanDetail(db: Db, planId: number): Promise<PlanDetail | undefined> {
  const plan = await getPlanSummary(db, planId);
  if (!plan) return undefined;
  const planRow = await getPlanRow(db, planId);
  const nodes = await db
    .selectFrom("outline_nodes")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("ord")
    .orderBy("id")
    .execute();
  const targets = await db
    .selectFrom("targets")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("span_start")
    .orderBy("ord")
    .orderBy("id")
    .execute();
  const items = await db
    .selectFrom("items")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("span_start")
    .orderBy("ord")
    .orderBy("id")
    .execute();
  const nodeCo = groupPairs(
    await db
      .selectFrom("node_departments")
      .innerJoin("outline_nodes", "outline_nodes.id", "node_departments.node_id")
      .select(["node_departments.node_id as owner", "node_departments.department_id"])
      .where("outline_nodes.plan_id", "=", planId)
      .orderBy("node_departments.department_id")
      .execute(),
  );
  const targetCo = groupPairs(
    await db
      .selectFrom("target_departments")
      .innerJoin("targets", "targets.id", "target_departments.target_id")
      .select(["target_departments.target_id as owner", "target_departments.department_id"])
      .where("targets.plan_id", "=", planId)
      .orderBy("target_departments.department_id")
      .execute(),
  );
  const regionId = planRow?.region_id ?? null;
  const names = await departmentNames(db, regionId, [
    ...referencedDepartments(nodes, nodeCo),
    ...referencedDepartments(targets, targetCo),
    ...referencedDepartments(items, new Map()),
  ]);
  const regionDepartments = regionId === null ? [] : await listDepartments(db, regionId);
  return {
    plan,
    outline: nodes.map((n) => nodeView(n, nodeCo.get(n.id) ?? [], names)),
    targets: targets.map((t) => targetView(t, targetCo.get(t.id) ?? [], names)),
    items: items.map((i) => itemView(i, names)),
    departments: regionDepartments.filter((d) => !d.disabled).map((d) => ({ id: d.id, name: d.name })),
  };
}

export async function getTargetRow(db: Db, id: number): Promise<TargetRow | undefined> {
  return db.selectFrom("targets").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getTargetRows(db: Db, ids: readonly number[]): Promise<TargetRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("targets")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
}

export async function getNodeRow(db: Db, id: number): Promise<OutlineNodeRow | undefined> {
  return db.selectFrom("outline_nodes").selectAll().where("id", "=", id).executeTakeFirst();
}

async function coDepartmentsOfTarget(db: Db, targetId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("target_departments")
    .select("department_id")
    .where("target_id", "=", targetId)
    .orderBy("department_id")
    .execute();
  return rows.map((r) => r.department_id);
}

async function coDepartmentsOfNode(db: Db, nodeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("node_departments")
    .select("department_id")
    .where("node_id", "=", nodeId)
    .orderBy("department_id")
    .execute();
  return rows.map((r) => r.department_id);
}

async function regionOfPlan(db: Db, planId: number): Promise<number | null> {
  const row = await db.selectFrom("plans").select("region_id").where("id", "=", planId).executeTakeFirst();
  return row?.region_id ?? null;
}

export async function getTargetView(db: Db, id: number): Promise<TargetView | undefined> {
  const row = await getTargetRow(db, id);
  if (!row) return undefined;
  const co = await coDepartmentsOfTarget(db, id);
  const names = await departmentNames(db, await regionOfPlan(db, row.plan_id), [
    ...referencedDepartments([row], new Map([[id, co]])),
  ]);
  return targetView(row, co, names);
}

export async function getNodeView(db: Db, id: number): Promise<OutlineNodeView | undefined> {
  const row = await getNodeRow(db, id);
  if (!row) return undefined;
  const co = await coDepartmentsOfNode(db, id);
  const names = await departmentNames(db, await regionOfPlan(db, row.plan_id), [
    ...referencedDepartments([row], new Map([[id, co]])),
  ]);
  return nodeView(row, co, names);
}

/** How many reports refer to these targets (a target with reports may not be split or merged away). */
export async function countReportsOfTargets(db: Db, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db
    .selectFrom("reports")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("target_id", "in", [...ids])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The innermost task node whose span contains [start, end), for placing a manual target. */
export async function findTaskAt(db: Db, planId: number, start: number, end: number): Promise<number | null> {
  const row = await db
    .selectFrom("outline_nodes")
    .select("id")
    .where("plan_id", "=", planId)
    .where("kind", "=", "task")
    .where("span_start", "<=", start)
    .where("span_end", ">=", end)
    .orderBy("span_start", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.id ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Changing

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

async function touchPlan(db: Db, planId: number, now: string): Promise<void> {
  await db.updateTable("plans").set({ updated_at: now }).where("id", "=", planId).execute();
}

async function targetSnapshot(db: Db, id: number) {
  const row = await getTargetRow(db, id);
  return row ? { ...row, co_department_ids: await coDepartmentsOfTarget(db, id) } : undefined;
}

/** Applies the changes to one target; the caller has validated them. */
export async function updateTarget(
  db: Db,
  actor: Actor,
  id: number,
  changes: TargetChanges,
): Promise<TargetView> {
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
    return (await getTargetView(trx, id)) as TargetView;
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

/** A target the planner adds from a span of the source text. */
export async function insertManualTarget(
  db: Db,
  actor: Actor,
  planId: number,
  target: NewManualTarget,
): Promise<TargetView> {
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
    return (await getTargetView(trx, id)) as TargetView;
  });
}

/**
 * Splits a target at a source offset: the original keeps [start, at) with `first` applied, a new
 * target — a copy with its departments — gets [at, end) with `second` applied.
 */
export async function splitTarget(
  db: Db,
  actor: Actor,
  id: number,
  at: number,
  first: TargetChanges,
  second: TargetChanges,
): Promise<[TargetView, TargetView]> {
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
    return [(await getTargetView(trx, id)) as TargetView, (await getTargetView(trx, newId)) as TargetView];
  });
}

/**
 * Merges targets of one plan: the earliest in the text survives with the span of them all (and the
 * changes applied), the others are deleted. The caller has checked that none has reports.
 */
export async function mergeTargets(
  db: Db,
  actor: Actor,
  ids: readonly number[],
  changes: TargetChanges,
): Promise<TargetView> {
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
    return (await getTargetView(trx, survivor.id)) as TargetView;
  });
}

export interface NodeChanges {
  title?: string;
  kind?: OutlineKind;
  leadDepartmentId?: number | null;
  coDepartmentIds?: number[];
}

export async function updateNode(
  db: Db,
  actor: Actor,
  id: number,
  changes: NodeChanges,
): Promise<OutlineNodeView> {
  return inTransaction(db, async (trx) => {
    const snapshot = async () => {
      const row = await getNodeRow(trx, id);
      return row ? { ...row, co_department_ids: await coDepartmentsOfNode(trx, id) } : undefined;
    };
    const before = await snapshot();
    if (!before) throw new Error(`node ${id} vanished`);
    const now = new Date().toISOString();
    await trx
      .updateTable("outline_nodes")
      .set({
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
        ...(changes.leadDepartmentId !== undefined ? { lead_department_id: changes.leadDepartmentId } : {}),
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    if (changes.coDepartmentIds !== undefined) {
      await trx.deleteFrom("node_departments").where("node_id", "=", id).execute();
      const unique = [...new Set(changes.coDepartmentIds)];
      if (unique.length > 0) {
        await trx
          .insertInto("node_departments")
          .values(unique.map((department_id) => ({ node_id: id, department_id })))
          .execute();
      }
    }
    await touchPlan(trx, before.plan_id, now);
    await appendAudit(trx, actor, {
      action: "node.update",
      entity: "outline_node",
      entityId: id,
      planId: before.plan_id,
      before,
      after: await snapshot(),
    });
    return (await getNodeView(trx, id)) as OutlineNodeView;
  });
}

/** Moves a plan to a new state (the caller checks the transition). */
export async function setPlanState(
  db: Db,
  actor: Actor,
  planId: number,
  state: "published" | "closed",
): Promise<PlanSummary> {
  return inTransaction(db, async (trx) => {
    const before = await getPlanRow(trx, planId);
    if (!before) throw new Error(`plan ${planId} vanished`);
    const now = new Date().toISOString();
    await trx
      .updateTable("plans")
      .set({
        state,
        updated_at: now,
        ...(state === "published" ? { published_at: now } : { closed_at: now }),
      })
      .where("id", "=", planId)
      .execute();
    const after = await getPlanRow(trx, planId);
    await appendAudit(trx, actor, {
      action: state === "published" ? "plan.publish" : "plan.close",
      entity: "plan",
      entityId: planId,
      planId,
      before,
      after,
    });
    return (await getPlanSummary(trx, planId)) as PlanSummary;
  });
}

/** Shows the plan on the public pages, or stops showing it. */
export async function setPlanPublic(
  db: Db,
  actor: Actor,
  planId: number,
  isPublic: boolean,
): Promise<PlanSummary> {
  return inTransaction(db, async (trx) => {
    const before = await getPlanRow(trx, planId);
    if (!before) throw new Error(`plan ${planId} vanished`);
    await trx
      .updateTable("plans")
      .set({ is_public: isPublic ? 1 : 0, updated_at: new Date().toISOString() })
      .where("id", "=", planId)
      .execute();
    const after = await getPlanRow(trx, planId);
    await appendAudit(trx, actor, {
      action: isPublic ? "plan.make_public" : "plan.make_private",
      entity: "plan",
      entityId: planId,
      planId,
      before,
      after,
    });
    return (await getPlanSummary(trx, planId)) as PlanSummary;
  });
}

// ---------------------------------------------------------------------------------------------------
// Reading for reporting, access checks and the demo

/** Every plan, by id. */
export async function listPlanRows(db: Db): Promise<PlanRow[]> {
  return db.selectFrom("plans").selectAll().orderBy("id").execute();
}

/** Ids of the published plans of a region, by id. */
export async function listPublishedPlanIdsOfRegion(db: Db, regionId: number | null): Promise<number[]> {
  const rows = await db
    .selectFrom("plans")
    .select("id")
    .where("state", "=", "published")
    .where("region_id", "=", regionId)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

export interface PlanAccessFacts {
  id: number;
  region_id: number | null;
  state: PlanRow["state"];
}

/** What the access rules need to know of these plans: region and state. */
export async function listPlanAccessFacts(db: Db, ids: readonly number[]): Promise<PlanAccessFacts[]> {
  return db
    .selectFrom("plans")
    .select(["id", "region_id", "state"])
    .where("id", "in", [...ids])
    .execute();
}

/** Rows that belong to one plan, by the `plan_id` column they all have. */
export type PlanOwnedTable = "targets" | "outline_nodes" | "items" | "reports" | "extension_requests";

/** The access facts of the plan a row belongs to, in one round trip (the access guard's hot path). */
export async function planAccessFactsOfRow(
  db: Db,
  table: PlanOwnedTable,
  id: number,
): Promise<PlanAccessFacts | undefined> {
  // Typed as targets: every table of the union has the two columns read here.
  const owned = table as "targets";
  return db
    .selectFrom(owned)
    .innerJoin("plans", "plans.id", `${owned}.plan_id`)
    .select(["plans.id", "plans.region_id", "plans.state"])
    .where(`${owned}.id`, "=", id)
    .executeTakeFirst();
}

/** The id of a plan with this title and year in this region (null: no region), if any. */
export async function findPlanIdByTitle(
  db: Db,
  title: string,
  year: number,
  regionId: number | null,
): Promise<number | undefined> {
  const row = await db
    .selectFrom("plans")
    .select("id")
    .where("title", "=", title)
    .where("year", "=", year)
    .where((eb) => (regionId === null ? eb("region_id", "is", null) : eb("region_id", "=", regionId)))
    .executeTakeFirst();
  return row?.id;
}

/** Publish a plan without further checks (the demo seed; audited by the caller). */
export async function markPlanPublished(db: Db, planId: number, now: string): Promise<void> {
  await db
    .updateTable("plans")
    .set({ state: "published", published_at: now, updated_at: now })
    .where("id", "=", planId)
    .execute();
}

/** The text of a plan's source document, if it has one. */
export async function getPlanSourceText(db: Db, planId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom("plan_sources")
    .select("text")
    .where("plan_id", "=", planId)
    .executeTakeFirst();
  return row?.text;
}

/** The distinct plans these targets belong to. */
export async function planIdsOfTargets(db: Db, ids: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom("targets")
    .select("plan_id")
    .distinct()
    .where("id", "in", [...ids])
    .execute();
  return rows.map((r) => r.plan_id);
}

export async function getItemRow(db: Db, id: number): Promise<ItemRow | undefined> {
  return db.selectFrom("items").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Co-operating departments of a target, in the database's order. */
/**
 * A target, its co-operating departments, its plan and whether anyone ever asked for more time about
 * it, in one round trip (the submission path: without such a request there are none to read).
 */
export async function getTargetWithPlan(
  db: Db,
  id: number,
): Promise<{ row: TargetRow; coDepartmentIds: number[]; plan: PlanRow; hasExtensions: boolean } | undefined> {
  const co = isPostgres(db)
    ? sql<
        string | null
      >`(select string_agg(department_id::text, ',') from target_departments where target_id = targets.id)`
    : sql<
        string | null
      >`(select group_concat(department_id) from target_departments where target_id = targets.id)`;
  const found = await db
    .selectFrom("targets")
    .innerJoin("plans", "plans.id", "targets.plan_id")
    .selectAll("targets")
    .select([
      co.as("co_department_ids"),
      sql<number>`(select count(*) from extension_requests where plan_id = targets.plan_id and target_id = targets.id)`.as(
        "extension_count",
      ),
      "plans.region_id as plan_region_id",
      "plans.title as plan_title",
      "plans.year as plan_year",
      "plans.period_start as plan_period_start",
      "plans.period_end as plan_period_end",
      "plans.issuer as plan_issuer",
      "plans.published_on as plan_published_on",
      "plans.state as plan_state",
      "plans.is_public as plan_is_public",
      "plans.settings as plan_settings",
      "plans.created_by as plan_created_by",
      "plans.created_at as plan_created_at",
      "plans.updated_at as plan_updated_at",
      "plans.published_at as plan_published_at",
      "plans.closed_at as plan_closed_at",
    ])
    .where("targets.id", "=", id)
    .executeTakeFirst();
  if (!found) return undefined;
  const {
    co_department_ids,
    extension_count,
    plan_region_id,
    plan_title,
    plan_year,
    plan_period_start,
    plan_period_end,
    plan_issuer,
    plan_published_on,
    plan_state,
    plan_is_public,
    plan_settings,
    plan_created_by,
    plan_created_at,
    plan_updated_at,
    plan_published_at,
    plan_closed_at,
    ...row
  } = found;
  const plan: PlanRow = {
    id: row.plan_id,
    region_id: plan_region_id,
    title: plan_title,
    year: plan_year,
    period_start: plan_period_start,
    period_end: plan_period_end,
    issuer: plan_issuer,
    published_on: plan_published_on,
    state: plan_state,
    is_public: plan_is_public,
    settings: plan_settings,
    created_by: plan_created_by,
    created_at: plan_created_at,
    updated_at: plan_updated_at,
    published_at: plan_published_at,
    closed_at: plan_closed_at,
  };
  const coDepartmentIds = co_department_ids ? String(co_department_ids).split(",").map(Number) : [];
  return { row, coDepartmentIds, plan, hasExtensions: Number(extension_count) > 0 };
}

/** Co-operating departments of an outline node, in the database's order. */
export async function listNodeCoDepartmentIds(db: Db, nodeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("node_departments")
    .select("department_id")
    .where("node_id", "=", nodeId)
    .execute();
  return rows.map((r) => r.department_id);
}

/** A plan's targets in plan order (ord, then id). */
export async function listTargetRowsOfPlan(db: Db, planId: number): Promise<TargetRow[]> {
  return db
    .selectFrom("targets")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("ord")
    .orderBy("id")
    .execute();
}

/** A plan's targets in text order (span_start, then id). */
export async function listTargetRowsOfPlanBySpan(db: Db, planId: number): Promise<TargetRow[]> {
  return db
    .selectFrom("targets")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("span_start")
    .orderBy("id")
    .execute();
}

/** Set a target's lead department without further checks (the demo seed; audited by the caller). */
export async function setTargetLeadDepartment(
  db: Db,
  targetId: number,
  departmentId: number | null,
  now: string,
): Promise<void> {
  await db
    .updateTable("targets")
    .set({ lead_department_id: departmentId, updated_at: now })
    .where("id", "=", targetId)
    .execute();
}

/** Ids of a plan's targets whose subject is exactly this. */
export async function findTargetIdsBySubject(db: Db, planId: number, subject: string): Promise<number[]> {
  const rows = await db
    .selectFrom("targets")
    .select("id")
    .where("plan_id", "=", planId)
    .where("subject", "=", subject)
    .execute();
  return rows.map((r) => r.id);
}

/** A target's value (undefined: no such target). */
export async function getTargetValue(db: Db, id: number): Promise<{ value: number | null } | undefined> {
  return db.selectFrom("targets").select("value").where("id", "=", id).executeTakeFirst();
}

/** Co-operating departments of every target of a plan. */
/** Co-operating departments of these targets (by id: a join on the plan would scan the table). */
export async function listTargetCoDepartments(
  db: Db,
  targetIds: readonly number[],
): Promise<{ target_id: number; department_id: number }[]> {
  const out: { target_id: number; department_id: number }[] = [];
  for (const chunk of idChunks(db, targetIds))
    out.push(
      ...(await db
        .selectFrom("target_departments")
        .select(["target_id", "department_id"])
        .where("target_id", "in", chunk)
        .execute()),
    );
  return out;
}

export type OutlineNodeBrief = Pick<
  OutlineNodeRow,
  "id" | "parent_id" | "kind" | "title" | "lead_department_id"
>;

/** A plan's outline nodes in text order, with what reporting needs of them. */
export async function listNodeBriefsOfPlan(db: Db, planId: number): Promise<OutlineNodeBrief[]> {
  return db
    .selectFrom("outline_nodes")
    .select(["id", "parent_id", "kind", "title", "lead_department_id"])
    .where("plan_id", "=", planId)
    .orderBy("span_start")
    .execute();
}

/** Co-operating departments of these outline nodes. */
export async function listNodeCoDepartments(
  db: Db,
  nodeIds: readonly number[],
): Promise<{ node_id: number; department_id: number }[]> {
  const out: { node_id: number; department_id: number }[] = [];
  for (const chunk of idChunks(db, nodeIds))
    out.push(
      ...(await db
        .selectFrom("node_departments")
        .select(["node_id", "department_id"])
        .where("node_id", "in", chunk)
        .execute()),
    );
  return out;
}

/** A plan's items, in the database's order. */
export async function listItemRowsOfPlan(db: Db, planId: number): Promise<ItemRow[]> {
  return db.selectFrom("items").selectAll().where("plan_id", "=", planId).execute();
}
