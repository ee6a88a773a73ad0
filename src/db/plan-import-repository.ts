// Storing an imported plan: the plan, its source document and the draft read from it (outline
// nodes, targets, milestones, items), in one transaction with its audit row.

import type { Kysely } from "kysely";
import type { DepartmentSuggestion, PlanDraft } from "../extract/types.ts";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import { listDepartments } from "./departments-repository.ts";
import type { Database } from "./schema.ts";
import { defaultFrequency } from "./targets-repository.ts";

type Db = Kysely<Database>;

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
  /** five_year: a plan whose period spans several years (issue 17); annual by default. */
  kind?: "annual" | "five_year";
}

/** How many of each kind the draft held (the import's summary). */
export interface DraftCounts {
  sections: number;
  areas: number;
  groups: number;
  tasks: number;
  targets: number;
  milestones: number;
  items: number;
}

export interface StoredPlan {
  planId: number;
  summary: DraftCounts;
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

function summaryOf(draft: PlanDraft): DraftCounts {
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
        kind: plan.kind ?? "annual",
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
        // What an indicator table states besides the value (migration 0012).
        baseline: t.baseline?.value ?? null,
        baseline_year: t.baseline?.year ?? null,
        target_year: t.targetYear ?? null,
        attribute: t.attribute ?? null,
        annual_growth: t.annualGrowth ?? null,
        statement: t.statement ?? null,
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
        baseline: null,
        baseline_year: null,
        target_year: null,
        attribute: null,
        annual_growth: null,
        statement: null,
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
