// The editor's structural operations (issue 13): tasks added from the text, split, merged and deleted;
// targets deleted from a draft or stopped (中止) in a published plan; a draft plan deleted, a published
// one archived. Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { OutlineNodeView } from "./plans.ts";

/**
 * POST /api/plans/:id/tasks — a task from the span [start, end) of the plan's source text; its title
 * is the span's text, trimmed. Without parentId it goes under the heading whose part of the text holds
 * it. A task added to a published plan is assigned (交办) at once. Answers 201 with the node.
 */
export interface AddTaskRequest {
  start: number;
  end: number;
  parentId?: number;
}

/** POST /api/nodes/:id/split — a draft's task cut `at` characters into its title; the second gets the rest. */
export interface SplitNodeRequest {
  at: number;
}

export interface SplitNodeResult {
  nodes: [OutlineNodeView, OutlineNodeView];
}

/** POST /api/nodes/merge — adjacent tasks under one heading merged into the first (answers it). */
export interface MergeNodesRequest {
  ids: number[];
}

/** POST /api/targets/:id/stop — 中止 of a target of a published plan, with the reason (answers the target). */
export interface StopTargetRequest {
  reason: string;
}
