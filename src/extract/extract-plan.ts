// Reads a plan document's text into a plan draft: metadata, outline, tasks, numeric targets,
// milestones and items, each with its span in the original text. Pure: text in, draft out.

import { attachAnnotations, findAnnotations, withoutAnnotations } from "./annotations.ts";
import { DEFAULT_DEPARTMENT_KEYWORDS, type DepartmentKeyword, suggestDepartment } from "./departments.ts";
import { bodyParagraphs } from "./document-furniture.ts";
import { isFurniture } from "./furniture.ts";
import { clauseItems } from "./items.ts";
import { extractMeta } from "./meta.ts";
import { clauseMilestone } from "./milestones.ts";
import { isNotTarget } from "./not-targets.ts";
import { extractOutline } from "./outline.ts";
import { findQuantities, type Quantity } from "./quantities.ts";
import { clauseMarks, closesReview, opensReview, reviewSpans, type Tense, tenseBefore } from "./scope.ts";
import { clauses, paragraphs, type Segment, sentences } from "./segments.ts";
import type { TableTarget } from "./table-rows.ts";
import { readTables } from "./tables.ts";
import { statementsOf } from "./target-statement.ts";
import { clauseTargets, type TargetCandidate } from "./targets.ts";
import { buildTextView, type TextView, toOriginal } from "./text-view.ts";
import { markerBefore, type TimeMarker, timeMarkers } from "./time-context.ts";
import { restoreScript } from "./traditional.ts";
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
  // The signature, dates, page numbers and 版记 name the issuer and the date (meta, above) but are no
  // task and hold no target.
  const body = bodyParagraphs(text, paras);
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

  const tables = readTables(original, { periodStart: meta.periodStart, periodEnd: meta.periodEnd });
  const annotations = findAnnotations(text, meta.year, (s, e) => {
    const span = map(s, e);
    return original.slice(span.start, span.end);
  });
  const inAnnotation = (at: number) => inside(annotations, at) >= 0;
  const inTableRow = (at: number) => inside(tables.rows, toOriginal(view, at, at + 1).start) >= 0;

  const { headings, tasks: outlineTasks } = extractOutline(text, body);
  // Cells of a table are no tasks; annotations are facts of the task before them, not tasks.
  const rawTasks = attachAnnotations(
    text,
    outlineTasks.filter((t) => inside(tables.tables, toOriginal(view, t.start, t.start + 1).start) < 0),
    annotations,
    headings,
  );
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
      title: withoutAnnotations(h.title),
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
    ...(t.leadDepartments ? { leadDepartments: t.leadDepartments } : {}),
    ...(t.coDepartments ? { coDepartments: t.coDepartments } : {}),
    ...(t.deadline !== undefined ? { deadline: t.deadline } : {}),
    view: { start: t.start, end: t.end },
    ...map(t.start, t.end),
  }));
  const taskSpans = tasks.map((t) => t.view);
  const taskAt = (at: number): string | null => {
    const k = inside(taskSpans, at);
    return k >= 0 ? (tasks[k] as TaskNode).id : null;
  };

  const quantities = findQuantities(text);
  const reviews = reviewSpans(text, headings, meta.periodStart);
  let proseReview = false;
  const headingStarts = new Set(headings.filter((h) => h.style !== "lead").map((h) => h.start));
  const headingAt = (at: number) => headingStarts.has(at);
  // Three years or more (a five-year plan, an action plan to 2027), not a report on two years at once.
  const multiYear =
    meta.periodStart !== null && meta.periodEnd !== null && meta.periodEnd - meta.periodStart >= 2;
  const targets: ExtractedTarget[] = [];
  const milestones: ExtractedMilestone[] = [];
  const items: ExtractedItem[] = [];
  let q = 0;
  for (const p of body) {
    const line = text.slice(p.start, p.end);
    while (q < quantities.length && (quantities[q] as Quantity).start < p.start) q++;
    if (isFurniture(line)) continue;
    const markers = timeMarkers(text, p, meta.periodStart);
    // A report without headings reviews the past in prose: 过去一年… runs on until 今年…
    if (inside(reviews, p.start) >= 0 || headingAt(p.start)) proseReview = false;
    if (opensReview(text, p)) proseReview = true;
    else if (closesReview(markers)) proseReview = false;
    for (const s of sentences(text, p)) {
      // A clause without tense words of its own reads like the one before it in the sentence.
      let inherited: Tense | null = null;
      const marks = clauseMarks(text, s);
      let previousClause: Segment | null = null;
      let previousSubject = "";
      for (const c of clauses(text, s)) {
        const inClause: Quantity[] = [];
        while (q < quantities.length && (quantities[q] as Quantity).start < c.end) {
          const found = quantities[q] as Quantity;
          // A table row read as a row, or an annotation (完成时限…), states no prose target.
          if (found.start >= c.start && !inTableRow(found.start) && !inAnnotation(found.start)) {
            inClause.push(found);
          }
          q++;
        }
        if (inAnnotation(c.start) && inAnnotation(c.end - 1)) {
          previousClause = c;
          continue;
        }
        const inReview = proseReview || inside(reviews, c.start) >= 0;
        const open = (at: number) => {
          const year = markerBefore(markers, at);
          // A year word of the clause itself outranks tense words carried from the clause before.
          const carried = year && year.at >= c.start ? null : inherited;
          return isOpen(tenseBefore(marks, at, c.start) ?? carried, year, inReview);
        };
        const kept = inClause.filter((found) => open(found.start) && !isNotTarget(text, c, found));
        const keptSet = new Set(kept);
        const past = !open(inClause[0]?.start ?? c.end);
        inherited = tenseBefore(marks, c.end, c.start) ?? inherited;
        if (kept.length === 0 && inClause.length > 0) {
          // A past figure still names what the sentence measures: 比重1979年为27%，1980年将达到29%.
          const named = clauseTargets(
            { text, clause: c, previousClause, regionStem: stem, previousSubject },
            inClause,
          );
          previousSubject = named[named.length - 1]?.subject ?? previousSubject;
        }
        if (kept.length > 0) {
          // 其中企业3000户: a part of the target just named moves the same way.
          const partOf = text.startsWith("其中", c.start) ? targets[targets.length - 1] : undefined;
          for (const t of clauseTargets(
            { text, clause: c, previousClause, regionStem: stem, previousSubject, multiYear },
            inClause,
            (found) => keptSet.has(found),
          )) {
            // …其中制造业增加值占比25%: a share of the whole is a level of its own, not a part that grows.
            if (partOf && !/占比|比重|比例|率$/.test(t.subject)) {
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

  if (tables.targets.length > 0) {
    for (const t of tables.targets) targets.push(tableTarget(t, targets.length, meta.region, keywords));
    targets.sort((a, b) => a.start - b.start);
    targets.forEach((t, i) => {
      t.id = `x${i + 1}`;
    });
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
  if (view.restore.size > 0) showInOwnScript(view, meta, targets, milestones);
  const statements = statementsOf(original, targets);
  targets.forEach((t, i) => {
    t.statement = statements[i] ?? null;
  });
  return { meta, outline, tasks: allTasks, targets, milestones, items };
}

/**
 * Whether a number speaks of the plan's period: the clause's own tense words decide first; else the
 * year word before it; inside a review section only a word naming the plan's period reopens it.
 */
function isOpen(own: Tense | null, year: TimeMarker | null, inReview: boolean): boolean {
  if (own) return own === "future";
  if (inReview) return year !== null && !year.past && !year.present;
  return year?.past !== true;
}

/** A 繁體 document's draft shows its words as written, not as the rules read them. */
function showInOwnScript(
  view: TextView,
  meta: PlanDraft["meta"],
  targets: ExtractedTarget[],
  milestones: ExtractedMilestone[],
): void {
  const back = (s: string) => restoreScript(s, view.restore);
  if (meta.title) meta.title = back(meta.title);
  if (meta.region) meta.region = back(meta.region);
  if (meta.issuer) meta.issuer = back(meta.issuer);
  for (const t of targets) {
    t.subject = back(t.subject);
    t.display = back(t.display);
    t.displayUnit = back(t.displayUnit);
  }
  for (const m of milestones) m.subject = back(m.subject);
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

function tableTarget(
  t: TableTarget,
  index: number,
  region: string | null,
  keywords: readonly DepartmentKeyword[],
): ExtractedTarget {
  // A row is its own task (the orphan rule below makes it one): its cells were taken out of the tasks.
  return {
    id: `x${index + 1}`,
    taskId: null,
    ...t,
    department: suggestDepartment(t.subject, region, keywords),
  };
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
