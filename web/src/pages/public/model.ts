// The public page's shape: the plan's targets under the area of the outline they belong to (or its
// top-level part when there is no area), each with the title of its task, in document order; and the
// plan's tasks grouped the same way.
import type { PublicOutlineNode, PublicTargetView, PublicTaskView } from "../../../../src/contract/public.ts";
import type { TargetStatus } from "../../../../src/contract/reports.ts";
import type { TaskLight } from "../../../../src/contract/tasks.ts";

export interface PublicRow<T = PublicTargetView> {
  target: T;
  /** The task (or other node) the target belongs to; null when it hangs on no node. */
  task: string | null;
}

export interface PublicGroup<T = PublicTargetView> {
  /** The top-level node; null for targets on no node. */
  node: PublicOutlineNode | null;
  rows: PublicRow<T>[];
}

function nodeLabel(n: PublicOutlineNode): string {
  const marker = n.marker.trim();
  return marker && !n.title.startsWith(marker) ? `${marker}${n.title}` : n.title;
}

export function groupPublicTargets<T extends Pick<PublicTargetView, "nodeId">>(
  outline: readonly PublicOutlineNode[],
  targets: readonly T[],
): PublicGroup<T>[] {
  const byId = new Map(outline.map((n) => [n.id, n]));
  // The area a node belongs to: its nearest ancestor of kind area (1.调优产业结构), else its top node.
  const rootOf = (id: number): PublicOutlineNode | null => {
    let node = byId.get(id);
    const seen = new Set<number>();
    while (node && node.kind !== "area" && node.parentId !== null && !seen.has(node.id)) {
      seen.add(node.id);
      const parent = byId.get(node.parentId);
      if (!parent) break;
      node = parent;
    }
    return node ?? null;
  };
  const groups = new Map<number | null, PublicGroup<T>>();
  for (const target of targets) {
    const node = target.nodeId === null ? undefined : byId.get(target.nodeId);
    const root = node ? rootOf(node.id) : null;
    const key = root?.id ?? null;
    let group = groups.get(key);
    if (!group) {
      group = { node: root, rows: [] };
      groups.set(key, group);
    }
    group.rows.push({ target, task: node ? nodeLabel(node) : null });
  }
  const order = new Map(outline.map((n, i) => [n.id, i]));
  return [...groups.values()].sort((a, b) => {
    if (a.node === null) return 1;
    if (b.node === null) return -1;
    return (order.get(a.node.id) ?? 0) - (order.get(b.node.id) ?? 0);
  });
}

export { nodeLabel as publicNodeLabel };

/** How many targets are in each status, for the page's one-line summary. */
export function statusCounts(
  targets: readonly Pick<PublicTargetView, "status">[],
): Record<TargetStatus, number> {
  const counts: Record<TargetStatus, number> = {
    completed: 0,
    on_track: 0,
    behind: 0,
    far_behind: 0,
    not_reported: 0,
    not_started: 0,
  };
  for (const t of targets) counts[t.status]++;
  return counts;
}

export interface PublicTaskGroup {
  /** The area the tasks lie in (or their top-level part); null for tasks on no node of the outline. */
  node: PublicOutlineNode | null;
  tasks: PublicTaskView[];
}

/** The plan's tasks under their area (as the targets are), areas in outline order, tasks in theirs. */
export function groupPublicTasks(
  outline: readonly PublicOutlineNode[],
  tasks: readonly PublicTaskView[],
): PublicTaskGroup[] {
  const order = new Map(outline.map((n, i) => [n.id, i]));
  // A task is a node of the outline: grouped as a target hanging on it would be.
  const groups = groupPublicTargets(
    outline,
    tasks.map((t) => ({ nodeId: t.id, view: t })),
  );
  return groups.map((g) => ({
    node: g.node,
    tasks: g.rows.map((r) => r.target.view).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
  }));
}

/** How many tasks have each light, in the cockpit's order, leaving out the lights no task has. */
export function lightCounts(
  tasks: readonly Pick<PublicTaskView, "status">[],
  order: readonly TaskLight[],
): { light: TaskLight; count: number }[] {
  return order
    .map((light) => ({ light, count: tasks.filter((t) => t.status === light).length }))
    .filter((c) => c.count > 0);
}
