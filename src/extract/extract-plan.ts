// Reads a plan document's text into a plan draft: metadata, outline, tasks, numeric targets,
// milestones and items, each with its span in the original text. Pure: text in, draft out.

import { DEFAULT_DEPARTMENT_KEYWORDS, type DepartmentKeyword, suggestDepartment } from "./departments.ts";
import { isFurniture } from "./furniture.ts";
import { clauseItems } from "./items.ts";
import { extractMeta } from "./meta.ts";
import { clauseMilestone } from "./milestones.ts";
import { extractOutline } from "./outline.ts";
import { findQuantities, type Quantity } from "./quantities.ts";
import { clauses, paragraphs, type Segment, sentences } from "./segments.ts";
import { clauseTargets, type TargetCandidate } from "./targets.ts";
import { buildTextView, type TextView, toOriginal } from "./text-view.ts";
import { isPast, timeMarkers } from "./time-context.ts";
import type {
  ExtractedItem,
  ExtractedMilestone,
  ExtractedTarget,
  OutlineHeading,
  OutlineKind,
  PlanDraft,
  TaskNode,
} from "./types.ts";

export interface ExtractOptions {
  /** Overrides what the text says (an import for a known region and year). */
  region?: string;
  year?: number;
  /** The plan's own keyword → department table, consulted before the default one. */
  departmentKeywords?: readonly DepartmentKeyword[];
}

function regionStem(region: string | null): string | null {
  if (!region) return null;
  return region.replace(/(?:特别行政区|自治区|自治州|省|市|区|县)$/, "") || null;
}

function headingKind(style: string, level: number): Exclude<OutlineKind, "task"> {
  if (style === "lead") return "group";
  if (level <= 1) return "section";
  return level === 2 ? "area" : "group";
}

interface Located<T> {
  view: T;
  start: number;
  end: number;
}

function inside(spans: Segment[], at: number): number {
  // Spans are sorted and disjoint: binary search for the one holding `at`.
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as Segment;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function extractPlan(original: string, options: ExtractOptions = {}): PlanDraft {
  const view: TextView = buildTextView(original);
  const text = view.text;
  const paras = paragraphs(text);
  const meta = extractMeta(text, paras);
  if (options.region) meta.region = options.region;
  if (options.year) {
    const y = options.year;
    meta.year = y;
    // A stated year makes the plan a one-year plan unless the text's own period holds it.
    const inPeriod =
      meta.periodStart !== null && meta.periodEnd !== null && meta.periodStart <= y && y <= meta.periodEnd;
    if (!inPeriod || meta.periodStart === meta.periodEnd) {
      meta.periodStart = y;
      meta.periodEnd = y;
    }
  }
  const keywords = [...(options.departmentKeywords ?? []), ...DEFAULT_DEPARTMENT_KEYWORDS];
  const stem = regionStem(meta.region);
  const map = (s: number, e: number) => toOriginal(view, s, e);

  const { headings, tasks: rawTasks } = extractOutline(text, paras);
  const outline: OutlineHeading[] = [];
  const parentOf: (string | null)[] = [];
  const openAt: (string | null)[] = [];
  for (const h of headings) {
    openAt.length = h.level - 1;
    const parentId = [...openAt].reverse().find((id) => id !== null && id !== undefined) ?? null;
    const id = `h${h.index + 1}`;
    openAt[h.level - 1] = id;
    parentOf.push(parentId);
    const span = map(h.start, h.end);
    outline.push({
      id,
      level: h.level,
      kind: headingKind(h.style, h.level),
      title: h.title,
      marker: h.marker,
      parentId,
      ...span,
    });
  }

  const tasks: (TaskNode & Located<Segment>)[] = rawTasks.map((t, i) => ({
    id: `t${i + 1}`,
    parentId: t.parent >= 0 ? `h${t.parent + 1}` : null,
    text: t.text,
    department: suggestDepartment(t.text, meta.region, keywords),
    view: { start: t.start, end: t.end },
    ...map(t.start, t.end),
  }));
  const taskSpans = tasks.map((t) => t.view);
  const taskAt = (at: number): string | null => {
    const k = inside(taskSpans, at);
    return k >= 0 ? (tasks[k] as TaskNode).id : null;
  };

  const quantities = findQuantities(text);
  const targets: ExtractedTarget[] = [];
  const milestones: ExtractedMilestone[] = [];
  const items: ExtractedItem[] = [];
  let q = 0;
  for (const p of paras) {
    const line = text.slice(p.start, p.end);
    while (q < quantities.length && (quantities[q] as Quantity).start < p.start) q++;
    if (isFurniture(line)) continue;
    const markers = timeMarkers(text, p, meta.periodStart);
    for (const s of sentences(text, p)) {
      let previousClause: Segment | null = null;
      let previousSubject = "";
      for (const c of clauses(text, s)) {
        const inClause: Quantity[] = [];
        while (q < quantities.length && (quantities[q] as Quantity).start < c.end) {
          const found = quantities[q] as Quantity;
          if (found.start >= c.start) inClause.push(found);
          q++;
        }
        const past =
          isPast(markers, c.start + 1) || (inClause[0] !== undefined && isPast(markers, inClause[0].start));
        if (inClause.length > 0 && !past) {
          // 其中企业3000户: a part of the target just named moves the same way.
          const partOf = text.startsWith("其中", c.start) ? targets[targets.length - 1] : undefined;
          for (const t of clauseTargets(
            { text, clause: c, previousClause, regionStem: stem, previousSubject },
            inClause,
          )) {
            if (partOf) {
              t.direction = partOf.direction;
              t.kind = partOf.kind;
            }
            targets.push(toTarget(t, targets.length, map, taskAt, meta.region, keywords));
            previousSubject = t.subject;
          }
        }
        if (!past && inClause.length === 0) {
          const m = clauseMilestone(text, c);
          if (m) {
            milestones.push({
              id: `m${milestones.length + 1}`,
              taskId: taskAt(m.start),
              subject: m.subject,
              kind: "milestone",
              department: suggestDepartment(m.subject, meta.region, keywords),
              ...map(m.start, m.end),
            });
          }
        }
        for (const it of clauseItems(text, c)) {
          items.push({
            id: `i${items.length + 1}`,
            taskId: taskAt(it.start),
            name: it.name,
            category: it.category,
            ...map(it.start, it.end),
          });
        }
        previousClause = c;
      }
    }
  }

  // A target whose own subject names no department takes its task's suggestion.
  const taskDepartment = new Map(tasks.map((t) => [t.id, t.department]));
  for (const t of [...targets, ...milestones]) {
    if (!t.department && t.taskId) t.department = taskDepartment.get(t.taskId) ?? null;
  }

  // A target outside every task — in a document without headings (a news report, a list), or in a
  // heading itself (1.新增就业1万人) — gets its sentence as a task, under the heading before it.
  const allTasks: TaskNode[] = tasks.map(({ view: _v, ...t }) => t);
  const orphans = [...targets, ...milestones]
    .filter((t) => t.taskId === null)
    .sort((a, b) => a.start - b.start);
  let current: TaskNode | null = null;
  let h = -1;
  for (const target of orphans) {
    if (!current || target.start >= current.end) {
      while (h + 1 < outline.length && (outline[h + 1] as OutlineHeading).start <= target.start) h++;
      const sentence = sentenceAround(original, target.start, target.end);
      const taskText = original.slice(sentence.start, sentence.end).trim();
      current = {
        id: `t${allTasks.length + 1}`,
        parentId: h >= 0 ? (outline[h] as OutlineHeading).id : null,
        text: taskText,
        department: suggestDepartment(taskText, meta.region, keywords),
        ...sentence,
      };
      allTasks.push(current);
    }
    target.taskId = current.id;
    if (!target.department) target.department = current.department;
  }
  if (orphans.length > 0) allTasks.sort((a, b) => a.start - b.start);
  return { meta, outline, tasks: allTasks, targets, milestones, items };
}

function sentenceAround(text: string, start: number, end: number): Segment {
  let s = start;
  while (s > 0 && !/[。!?;！？；\n]/.test(text[s - 1] as string)) s--;
  let e = end;
  while (e < text.length && !/[。!?;！？；\n]/.test(text[e] as string)) e++;
  if (e < text.length && text[e] !== "\n") e++;
  while (s < e && /\s/.test(text[s] as string)) s++;
  return { start: s, end: e };
}

function toTarget(
  t: TargetCandidate,
  index: number,
  map: (s: number, e: number) => Segment,
  taskAt: (at: number) => string | null,
  region: string | null,
  keywords: readonly DepartmentKeyword[],
): ExtractedTarget {
  const span = map(t.start, t.end);
  return {
    id: `x${index + 1}`,
    taskId: taskAt(t.start),
    subject: t.subject,
    value: t.value,
    value2: t.value2,
    unit: t.unit,
    display: t.display,
    displayUnit: t.displayUnit,
    comparator: t.comparator,
    direction: t.direction,
    kind: t.kind,
    confidence: Math.round(t.confidence * 100) / 100,
    department: suggestDepartment(t.subject, region, keywords),
    ...span,
  };
}
