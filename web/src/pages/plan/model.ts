// Pure helpers for the plan page: the outline as a tree with target counts, target filtering, and
// the marks laid over the source text.

import type { OutlineNodeView } from "../../../../src/contract/plans.ts";
import type { ItemView, TargetView } from "../../../../src/contract/targets.ts";

export interface OutlineTree {
  roots: OutlineNodeView[];
  children: Map<number, OutlineNodeView[]>;
  byId: Map<number, OutlineNodeView>;
  /** Targets under each node, its whole subtree included. */
  targetCount: Map<number, number>;
}

function byDocumentOrder(a: OutlineNodeView, b: OutlineNodeView): number {
  return a.start - b.start || a.order - b.order || a.id - b.id;
}

export function buildOutlineTree(
  outline: readonly OutlineNodeView[],
  targets: readonly TargetView[],
): OutlineTree {
  const byId = new Map(outline.map((n) => [n.id, n]));
  const children = new Map<number, OutlineNodeView[]>();
  const roots: OutlineNodeView[] = [];
  for (const node of outline) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (!parent || parent.id === node.id) {
      roots.push(node);
    } else {
      const list = children.get(parent.id);
      if (list) list.push(node);
      else children.set(parent.id, [node]);
    }
  }
  roots.sort(byDocumentOrder);
  for (const list of children.values()) list.sort(byDocumentOrder);

  const targetCount = new Map<number, number>();
  for (const t of targets) {
    const seen = new Set<number>();
    let id = t.nodeId;
    while (id !== null && !seen.has(id)) {
      seen.add(id);
      targetCount.set(id, (targetCount.get(id) ?? 0) + 1);
      id = byId.get(id)?.parentId ?? null;
    }
  }
  return { roots, children, byId, targetCount };
}

/** The node and everything under it. */
export function subtreeIds(tree: OutlineTree, id: number): Set<number> {
  const out = new Set<number>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop() as number;
    if (out.has(next)) continue;
    out.add(next);
    for (const child of tree.children.get(next) ?? []) stack.push(child.id);
  }
  return out;
}

/** The ids of the node's ancestors, nearest first. */
export function ancestorIds(tree: OutlineTree, id: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>([id]);
  let parent = tree.byId.get(id)?.parentId ?? null;
  while (parent !== null && !seen.has(parent)) {
    out.push(parent);
    seen.add(parent);
    parent = tree.byId.get(parent)?.parentId ?? null;
  }
  return out;
}

/** A short label for a node: its marker and title; a task (a sentence) is cut to `max` characters. */
export function nodeLabel(node: OutlineNodeView, max = 36): string {
  const title = (node.title || node.text).replace(/\s+/g, " ").trim();
  const text = node.kind === "task" && title.length > max ? `${title.slice(0, max)}…` : title;
  return node.marker ? `${node.marker}${text}` : text;
}

export type Assignment = "assigned" | "suggested" | "unassigned";

export function assignmentOf(t: Pick<TargetView, "leadDepartment" | "suggestedDepartment">): Assignment {
  if (t.leadDepartment) return "assigned";
  if (t.suggestedDepartment) return "suggested";
  return "unassigned";
}

export interface TargetFilter {
  /** Only targets of these tasks; null for all. */
  nodeIds: Set<number> | null;
  query: string;
  kinds: readonly string[];
  assignments: readonly Assignment[];
}

export function filterTargets(targets: readonly TargetView[], f: TargetFilter): TargetView[] {
  const q = f.query.trim().toLowerCase();
  return targets.filter(
    (t) =>
      (f.nodeIds === null || (t.nodeId !== null && f.nodeIds.has(t.nodeId))) &&
      (q === "" ||
        t.subject.toLowerCase().includes(q) ||
        t.display.toLowerCase().includes(q) ||
        (t.leadDepartment?.name.toLowerCase().includes(q) ?? false)) &&
      (f.kinds.length === 0 || f.kinds.includes(t.kind)) &&
      (f.assignments.length === 0 || f.assignments.includes(assignmentOf(t))),
  );
}

export type MarkKind = "target" | "milestone" | "item" | "focus";

export interface SourceMark {
  start: number;
  end: number;
  kind: MarkKind;
  id: number;
}

/** Marks over the source: the selected outline node (as a faint band), items, milestones, targets. */
export function sourceMarks(
  targets: readonly TargetView[],
  items: readonly ItemView[],
  focus: { start: number; end: number } | null,
): SourceMark[] {
  const marks: SourceMark[] = [];
  if (focus) marks.push({ start: focus.start, end: focus.end, kind: "focus", id: -1 });
  for (const i of items) marks.push({ start: i.start, end: i.end, kind: "item", id: i.id });
  for (const t of targets) {
    marks.push({
      start: t.start,
      end: t.end,
      kind: t.kind === "milestone" ? "milestone" : "target",
      id: t.id,
    });
  }
  return marks;
}

const PRIORITY: Record<MarkKind, number> = { focus: 0, item: 1, milestone: 2, target: 3 };

/**
 * The mark a click on a segment opens: targets before milestones before items, and among equals the
 * narrowest (the most specific).
 */
export function primaryMark(marks: readonly SourceMark[]): SourceMark | null {
  let best: SourceMark | null = null;
  for (const m of marks) {
    if (m.kind === "focus") continue;
    if (
      best === null ||
      PRIORITY[m.kind] > PRIORITY[best.kind] ||
      (PRIORITY[m.kind] === PRIORITY[best.kind] && m.end - m.start < best.end - best.start)
    ) {
      best = m;
    }
  }
  return best;
}

export interface SegmentView {
  /** The mark the segment shows: the selected one when it covers the segment, else the primary. */
  shown: SourceMark;
  /** Every target or milestone covering the segment, the shown one first. */
  targets: SourceMark[];
  selected: boolean;
  /** What a click selects: the shown mark, or the next of several targets stated by the same words. */
  next: { kind: "target" | "item"; id: number };
}

export function segmentView(
  marks: readonly SourceMark[],
  selection: { kind: "target" | "item"; id: number } | null,
): SegmentView | null {
  const primary = primaryMark(marks);
  if (!primary) return null;
  if (primary.kind === "item") {
    const selected = selection?.kind === "item" && selection.id === primary.id;
    return { shown: primary, targets: [], selected, next: { kind: "item", id: primary.id } };
  }
  const seen = new Set<number>();
  const candidates = marks
    .filter((m) => (m.kind === "target" || m.kind === "milestone") && !seen.has(m.id) && seen.add(m.id))
    .sort((a, b) =>
      a === primary ? -1 : b === primary ? 1 : a.end - a.start - (b.end - b.start) || a.id - b.id,
    );
  const at = selection?.kind === "target" ? candidates.findIndex((m) => m.id === selection.id) : -1;
  if (at < 0) {
    return { shown: primary, targets: candidates, selected: false, next: { kind: "target", id: primary.id } };
  }
  const shown = candidates[at] as SourceMark;
  const following = candidates[(at + 1) % candidates.length] as SourceMark;
  return {
    shown,
    targets: [shown, ...candidates.filter((m) => m !== shown)],
    selected: true,
    next: { kind: "target", id: following.id },
  };
}

/** Other targets stated by words that overlap this target's. */
export function overlappingTargets(target: TargetView, targets: readonly TargetView[]): TargetView[] {
  return targets.filter((t) => t.id !== target.id && t.start < target.end && target.start < t.end);
}

/** The stretch of text a node covers with everything under it (a group's heading and its tasks). */
export function subtreeSpan(tree: OutlineTree, id: number): { start: number; end: number } | null {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const nodeId of subtreeIds(tree, id)) {
    const node = tree.byId.get(nodeId);
    if (!node || node.end <= node.start) continue;
    start = Math.min(start, node.start);
    end = Math.max(end, node.end);
  }
  return end > start ? { start, end } : null;
}
