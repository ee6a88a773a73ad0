// The rules of the editor's structural operations (issue 13): which plan states allow them, where a
// task added from the text belongs, where a split falls in the source, which tasks may be merged —
// and the refusals, each with its rule in the details so that a client can tell them apart. Pure: the
// service reads the rows and stores the outcome.

import { AppError } from "./app-error.ts";

export type PlanStateName = "draft" | "published" | "closed";

/** An outline node as these rules see it. */
export interface SpanNode {
  id: number;
  kind: "section" | "area" | "group" | "task";
  parentId: number | null;
  level: number;
  ord: number;
  title: string;
  start: number;
  end: number;
}

export function planArchivedError(planId: number): AppError {
  return new AppError(
    "conflict",
    {
      zh: `计划 ${planId} 已归档，不能再修改或填报`,
      en: `plan ${planId} is archived: it takes no more edits or reports`,
    },
    { rule: "plan_archived", planId, state: "closed" },
  );
}

/** An archived (closed) plan takes no more edits or reports. */
export function refuseArchived(plan: { id: number; state: PlanStateName }): void {
  if (plan.state === "closed") throw planArchivedError(plan.id);
}

/** Splitting, merging and deleting are for drafts: a published plan's tasks and targets are answered for. */
export function refuseUnlessDraft(plan: { id: number; state: PlanStateName }, what: "split" | "merge"): void {
  refuseArchived(plan);
  if (plan.state === "draft") return;
  throw new AppError(
    "conflict",
    what === "split"
      ? { zh: "只有草稿中的任务可以拆分", en: "only a draft's tasks can be split" }
      : { zh: "只有草稿中的任务可以合并", en: "only a draft's tasks can be merged" },
    { rule: "not_draft", planId: plan.id, state: plan.state },
  );
}

/** Deleting from a published plan is refused: the task or target is stopped (中止) and kept instead. */
export function refuseDeleteUnlessDraft(
  plan: { id: number; state: PlanStateName },
  what: "task" | "target",
  id: number,
): void {
  refuseArchived(plan);
  if (plan.state === "draft") return;
  throw new AppError(
    "conflict",
    what === "task"
      ? {
          zh: "已发布计划中的任务不能删除，请改为中止（保留并注明原因）",
          en: "a task of a published plan cannot be deleted: stop it (中止) instead, with a reason",
        }
      : {
          zh: "已发布计划中的指标不能删除，请改为中止（保留并注明原因）",
          en: "a target of a published plan cannot be deleted: stop it (中止) instead, with a reason",
        },
    { rule: "published_stop_instead", planId: plan.id, state: plan.state, [`${what}Id`]: id },
  );
}

/** The title of a task made from a span of the text: the span's text, trimmed. */
export function taskTitleOf(text: string): string {
  return text.trim();
}

function spanError(start: number, end: number, length: number): AppError {
  return new AppError(
    "bad_input",
    {
      zh: `文本位置无效：[${start}, ${end}) 应在原文 [0, ${length}] 之内且不为空`,
      en: `invalid text span [${start}, ${end}): it must lie within the text [0, ${length}] and hold some text`,
    },
    { rule: "bad_span", start, end, length },
  );
}

/**
 * Checks a span for a new task against the text and the outline: inside the text, not blank, not
 * over a heading, not overlapping another task (409 naming it).
 */
export function checkNewTaskSpan(
  source: string,
  nodes: readonly SpanNode[],
  start: number,
  end: number,
): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > source.length)
    throw spanError(start, end, source.length);
  if (taskTitleOf(source.slice(start, end)) === "") throw spanError(start, end, source.length);
  const heading = nodes.find((n) => n.kind !== "task" && n.start < end && n.end > start);
  if (heading)
    throw new AppError(
      "bad_input",
      {
        zh: `所选文本含有标题「${heading.title}」，任务不能跨越标题`,
        en: `the selection covers the heading “${heading.title}”: a task cannot span a heading`,
      },
      { rule: "overlaps_heading", nodeId: heading.id, title: heading.title, start, end },
    );
  const task = nodes.find((n) => n.kind === "task" && n.start < end && n.end > start);
  if (task)
    throw new AppError(
      "conflict",
      {
        zh: `所选文本与任务「${task.title}」重叠`,
        en: `the selection overlaps the task “${task.title}”`,
      },
      {
        rule: "overlaps_task",
        taskId: task.id,
        title: task.title,
        start,
        end,
        taskStart: task.start,
        taskEnd: task.end,
      },
    );
}

/**
 * The heading a task at `start` sits under: headings nest in text order, so the innermost heading
 * whose part of the text holds the task is the last one that begins before it. Null: before any.
 */
export function headingFor(nodes: readonly SpanNode[], start: number): SpanNode | null {
  let found: SpanNode | null = null;
  for (const n of nodes) {
    if (n.kind === "task" || n.start > start) continue;
    if (!found || n.start > found.start || (n.start === found.start && n.level > found.level)) found = n;
  }
  return found;
}

/** Where in the plan's order a node beginning at `start` goes: before the first node that begins after it. */
export function ordFor(nodes: readonly SpanNode[], start: number): number {
  const after = nodes.filter((n) => n.start > start).map((n) => n.ord);
  if (after.length > 0) return Math.min(...after);
  return nodes.reduce((max, n) => Math.max(max, n.ord + 1), 0);
}

/**
 * The source offset where a task splits when cut `at` characters into its title. The title is found
 * in the task's text as the source has it (an imported title may be shortened with “…”, never
 * reworded); a title edited away from the text cannot be mapped and is refused. Both parts must hold
 * some text.
 */
export function splitOffset(source: string, node: SpanNode, at: number): number {
  const visible = node.title.endsWith("…") ? node.title.slice(0, -1) : node.title;
  if (!Number.isInteger(at) || at <= 0 || at >= visible.length)
    throw new AppError(
      "bad_input",
      {
        zh: `拆分位置应在标题之内（1 到 ${visible.length - 1}）`,
        en: `the split point must lie inside the title (1 to ${visible.length - 1})`,
      },
      { rule: "bad_offset", at, length: visible.length },
    );
  const text = source.slice(node.start, node.end);
  const inText = text.indexOf(visible);
  if (inText < 0)
    throw new AppError(
      "conflict",
      {
        zh: "任务标题已改过、与原文不一致，无法按原文拆分；请从原文选取文字添加任务",
        en: "the task's title was edited and no longer matches the text, so it cannot be split by the text: add tasks from the text instead",
      },
      { rule: "title_not_in_source", nodeId: node.id },
    );
  const offset = node.start + inText + at;
  if (
    taskTitleOf(source.slice(node.start, offset)) === "" ||
    taskTitleOf(source.slice(offset, node.end)) === ""
  )
    throw new AppError(
      "bad_input",
      { zh: "拆分后的两部分都须有文字", en: "both parts of the split must hold some text" },
      { rule: "bad_offset", at, length: visible.length },
    );
  return offset;
}

/**
 * The tasks to merge, in order, checked: all tasks, under the same heading, one after another among
 * that heading's children with nothing between them.
 */
export function mergeRun(nodes: readonly SpanNode[], ids: readonly number[]): SpanNode[] {
  const chosen = ids.map((id) => nodes.find((n) => n.id === id) as SpanNode);
  const notTask = chosen.find((n) => n.kind !== "task");
  if (notTask)
    throw new AppError(
      "bad_input",
      {
        zh: `「${notTask.title}」是标题，不是任务，不能合并`,
        en: `“${notTask.title}” is a heading, not a task`,
      },
      { rule: "not_task", nodeId: notTask.id },
    );
  const parentId = chosen[0]?.parentId ?? null;
  if (chosen.some((n) => n.parentId !== parentId))
    throw new AppError(
      "bad_input",
      { zh: "只能合并同一标题下的任务", en: "only tasks under the same heading can be merged" },
      { rule: "not_siblings", ids: [...ids] },
    );
  const byOrder = (a: SpanNode, b: SpanNode) => a.ord - b.ord || a.start - b.start || a.id - b.id;
  const siblings = nodes.filter((n) => n.parentId === parentId).sort(byOrder);
  const wanted = new Set(ids);
  const positions = siblings.flatMap((n, i) => (wanted.has(n.id) ? [i] : []));
  const first = positions[0] as number;
  const last = positions[positions.length - 1] as number;
  const between = siblings.slice(first, last + 1).find((n) => !wanted.has(n.id));
  if (between)
    throw new AppError(
      "bad_input",
      {
        zh: `只能合并相邻的任务：「${between.title}」在它们之间`,
        en: `only adjacent tasks can be merged: “${between.title}” lies between them`,
      },
      { rule: "not_adjacent", betweenId: between.id, title: between.title },
    );
  return siblings.slice(first, last + 1);
}
