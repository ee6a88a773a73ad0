// Task annotations: who leads a task, who helps, and by when, as the document states them after or
// under the task — “（牵头单位：区发改委；配合单位：区财政局、区住建委）”, “责任单位：区住建委”,
// “完成时限：2020年6月底前”, “（区发改委牵头，区财政局配合）”. They are facts of the document, not
// suggestions, and they are no part of the task's wording: the task's text is given without them.

import { parseChineseNumeral } from "../domain/numerals.ts";
import type { Segment } from "./segments.ts";
import type { TaskDeadline } from "./types.ts";

export interface Annotation extends Segment {
  lead: string[];
  co: string[];
  deadline: TaskDeadline | null;
}

const LEAD_KEYS = [
  "牵头责任单位",
  "主体责任单位",
  "牵头单位",
  "牵头部门",
  "责任单位",
  "责任部门",
  "主责单位",
  "主责部门",
  "负责单位",
  "负责部门",
  "责任主体",
];
const CO_KEYS = [
  "共同责任单位",
  "配合单位",
  "配合部门",
  "协同单位",
  "协同部门",
  "协办单位",
  "协作单位",
  "参与单位",
  "参与部门",
  "支撑单位",
  "协助单位",
  "参加单位",
];
const DEADLINE_KEYS = [
  "完成时限",
  "完成时间",
  "完成期限",
  "时间节点",
  "时限要求",
  "时间要求",
  "截止时间",
  "时限",
];
const KEY = new RegExp(`(${[...LEAD_KEYS, ...CO_KEYS, ...DEADLINE_KEYS].join("|")})[ \\t]*[:：]`, "g");
const LIST_SPLIT = /[、,，;；/\s]+/;
/** “（区发改委牵头，区财政局、区商务局配合）”: departments named before 牵头 and 配合. */
const PAREN_LEAD =
  /^([^()（）,，;；。:：]{2,60}?)牵头(?:[,，;；、]\s*([^()（）;；。:：]{2,120}?)(?:配合|参与|协同|协助|共同负责))?$/;
const MAX_FIELD = 200;

type Field = "lead" | "co" | "deadline";

function fieldOf(key: string): Field {
  if (LEAD_KEYS.includes(key)) return "lead";
  if (CO_KEYS.includes(key)) return "co";
  return "deadline";
}

/** A list of departments as written: 区财政局、区住建委等 → 区财政局, 区住建委. */
function departmentsOf(words: string): string[] {
  return words
    .split(LIST_SPLIT)
    .map((w) => w.replace(/^(?:和|及|由)/, "").replace(/等$/, ""))
    .filter((w) => w.length >= 2 && w.length <= 30);
}

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const QUARTER_END: Record<string, number> = { 一: 3, 1: 3, 二: 6, 2: 6, 三: 9, 3: 9, 四: 12, 4: 12 };

/**
 * The last day a deadline allows: 2020年6月底前 → 2020-06-30; 6月底 → that month of the plan year;
 * 三季度末 → 09-30; 上半年 → 06-30; 年底, 全年, 年内 → 12-31. Null when no day can be named.
 */
export function deadlineDate(words: string, planYear: number | null): string | null {
  const w = words.normalize("NFKC").replace(/\s+/g, "");
  const years = [...w.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  const year = years.at(-1) ?? planYear;
  if (year === null || year < 1949 || year > 2100) return null;
  const full = [...w.matchAll(/(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?/g)].at(-1);
  if (full) {
    const [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    }
  }
  const months = [...w.matchAll(/(\d{1,2}|[一二三四五六七八九十]{1,3})月(上旬|中旬|下旬)?/g)].at(-1);
  if (months) {
    const m = /^\d/.test(months[1] as string) ? Number(months[1]) : parseChineseNumeral(months[1] as string);
    if (m !== null && m >= 1 && m <= 12) {
      const part = months[2];
      if (part === "上旬") return `${year}-${String(m).padStart(2, "0")}-10`;
      if (part === "中旬") return `${year}-${String(m).padStart(2, "0")}-20`;
      return lastDay(year, m);
    }
  }
  const quarter = [...w.matchAll(/第?([一二三四1-4])季度/g)].at(-1);
  if (quarter) return lastDay(year, QUARTER_END[quarter[1] as string] as number);
  if (/上半年/.test(w)) return lastDay(year, 6);
  if (/下半年|年底|年末|全年|年内|年度内|当年|年前|底前/.test(w) || years.length > 0)
    return lastDay(year, 12);
  return null;
}

interface RawField extends Segment {
  field: Field;
  /** The words after the colon. */
  words: Segment;
}

/** Where a field's words end: the next line, a full stop, or a bracket closing one opened before it. */
function fieldEnd(text: string, from: number, limit: number): number {
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const ch = text[i] as string;
    if (ch === "\n" || ch === "。") return i;
    if ("(（【[".includes(ch)) depth++;
    else if (")）】]".includes(ch)) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return limit;
}

function readFields(text: string): RawField[] {
  const out: RawField[] = [];
  KEY.lastIndex = 0;
  const keys: RegExpExecArray[] = [];
  for (let m = KEY.exec(text); m !== null; m = KEY.exec(text)) keys.push(m);
  keys.forEach((m, i) => {
    const from = m.index + m[0].length;
    const next = keys[i + 1]?.index ?? text.length;
    const limit = Math.min(next, from + MAX_FIELD, text.length);
    let end = fieldEnd(text, from, limit);
    while (end > from && /[\s,，;；、]/.test(text[end - 1] as string)) end--;
    out.push({ field: fieldOf(m[1] as string), start: m.index, end, words: { start: from, end } });
  });
  return out;
}

/** Whether only separators (and at most one bracket between two groups) lie between two fields. */
function joined(text: string, a: number, b: number): boolean {
  return b - a <= 4 && /^[\s,，;；。)）(（【】]*$/.test(text.slice(a, b));
}

/**
 * Every annotation of the text, with its span (brackets included). `written` gives the words as the
 * original document writes them (the caller may read a cleaned copy of it).
 */
export function findAnnotations(
  text: string,
  planYear: number | null,
  written: (start: number, end: number) => string = (s, e) => text.slice(s, e),
): Annotation[] {
  const out: Annotation[] = [];
  const fields = readFields(text);
  let k = 0;
  while (k < fields.length) {
    const group = [fields[k] as RawField];
    while (k + group.length < fields.length) {
      const prev = group[group.length - 1] as RawField;
      const next = fields[k + group.length] as RawField;
      if (!joined(text, prev.end, next.start)) break;
      group.push(next);
    }
    k += group.length;
    const first = group[0] as RawField;
    const last = group[group.length - 1] as RawField;
    let start = first.start;
    let end = last.end;
    if (/[(（【[]/.test(text[start - 1] ?? "")) start--;
    if (/[)）】\]]/.test(text[end] ?? "")) end++;
    const a: Annotation = { start, end, lead: [], co: [], deadline: null };
    for (const f of group) {
      const words = written(f.words.start, f.words.end).trim();
      if (f.field === "deadline") {
        if (!a.deadline && words) a.deadline = { text: words, date: deadlineDate(words, planYear) };
      } else addDepartments(a, f.field, words);
    }
    out.push(a);
  }
  return [...out, ...parenLeads(text, written)].sort((x, y) => x.start - y.start);
}

const LEAD_MARK = /[(（]牵头[)）]$/;

/** 责任单位：区发改委（牵头）、区财政局: the one marked 牵头 leads, the others help. */
function addDepartments(a: Annotation, field: Field, words: string): void {
  const names = departmentsOf(words);
  const marked = names.some((n) => LEAD_MARK.test(n));
  for (const n of names) {
    const name = n.replace(LEAD_MARK, "");
    if (field === "co" || (marked && !LEAD_MARK.test(n))) a.co.push(name);
    else a.lead.push(name);
  }
}

/** Bracketed 牵头/配合 notes without keys: （区发改委牵头，区财政局配合）. */
function parenLeads(text: string, written: (start: number, end: number) => string): Annotation[] {
  const out: Annotation[] = [];
  // The class excludes brackets, so each character is read by one attempt at most: linear.
  const group = /[(（]([^()（）\n]{2,200})[)）]/g;
  for (let m = group.exec(text); m !== null; m = group.exec(text)) {
    const inner = m[1] as string;
    const p = PAREN_LEAD.exec(inner);
    if (!p) continue;
    const from = m.index + 1;
    const lead = departmentsOf(written(from, from + (p[1] as string).length));
    let co: string[] = [];
    if (p[2]) {
      const coStart = from + inner.indexOf(p[2] as string, (p[1] as string).length);
      co = departmentsOf(written(coStart, coStart + (p[2] as string).length));
    }
    if (lead.length === 0 || lead.some((d) => d.length > 24)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, lead, co, deadline: null });
  }
  return out;
}

export interface TaskLike extends Segment {
  text: string;
}

export type AnnotatedTask<T extends TaskLike> = T & {
  leadDepartments?: string[];
  coDepartments?: string[];
  deadline?: TaskDeadline | null;
};

function merge<T extends TaskLike>(task: AnnotatedTask<T>, a: Annotation): void {
  if (a.lead.length > 0) task.leadDepartments = [...(task.leadDepartments ?? []), ...a.lead];
  if (a.co.length > 0) task.coDepartments = [...(task.coDepartments ?? []), ...a.co];
  if (a.deadline && !task.deadline) task.deadline = a.deadline;
  if (!task.leadDepartments) task.leadDepartments = [];
  if (!task.coDepartments) task.coDepartments = [];
  if (task.deadline === undefined) task.deadline = null;
}

export interface HeadingLike extends Segment {
  title: string;
}

/**
 * Gives each task the annotations inside it or right after it, and takes their words out of its text.
 * A task that is nothing but an annotation (a line 责任单位：… under the task) is dropped; its
 * annotation goes to the task before it. An annotation written into a heading, or right after a
 * heading before any task, holds for the tasks under that heading; a heading with such an annotation
 * and no task under it is a task itself. Tasks, headings and annotations are in document order.
 */
export function attachAnnotations<T extends TaskLike>(
  text: string,
  tasks: readonly T[],
  annotations: readonly Annotation[],
  headings: readonly HeadingLike[] = [],
): AnnotatedTask<T>[] {
  const out: AnnotatedTask<T>[] = [];
  let a = 0;
  let h = -1;
  let previousHeading = -2;
  const notes: Annotation[] = [];
  let notesUsed = false;
  // The annotation-only task of a heading without tasks, to stand for the heading.
  let pending: T | null = null;
  const flush = () => {
    const heading = headings[h];
    if (pending && heading && !notesUsed) {
      const own: AnnotatedTask<T> = {
        ...pending,
        start: heading.start,
        end: heading.end,
        text: heading.title,
      };
      for (const ann of notes) merge(own, ann);
      out.push(own);
    }
    pending = null;
    notes.length = 0;
    notesUsed = false;
  };
  // An annotation cut into several sentences (at its ；) covers the tasks made of its pieces.
  let cover: Annotation | null = null;
  for (const task of tasks) {
    let next = h;
    while (next + 1 < headings.length && (headings[next + 1] as Segment).start <= task.start) next++;
    if (next !== h) {
      flush();
      h = next;
    }
    const heading = headings[h];
    const inside: Annotation[] = cover && cover.end > task.start ? [cover] : [];
    const fresh: Annotation[] = [];
    const previous = previousHeading === h || !heading ? out[out.length - 1] : undefined;
    while (a < annotations.length && (annotations[a] as Annotation).start < task.end) {
      const ann = annotations[a] as Annotation;
      a++;
      if (!cover || ann.end > cover.end) cover = ann;
      if (ann.end > task.start) {
        inside.push(ann);
        fresh.push(ann);
      } else if (heading && ann.start >= heading.start && ann.end <= heading.end) notes.push(ann);
      else if (out.length > 0) merge(out[out.length - 1] as AnnotatedTask<T>, ann);
    }
    let rest = "";
    let cursor = task.start;
    for (const ann of inside) {
      rest += text.slice(cursor, Math.max(cursor, ann.start));
      cursor = Math.max(cursor, ann.end);
    }
    rest += text.slice(Math.min(cursor, task.end), task.end);
    // Annotation-only task: a line 责任单位：… or （牵头单位：…） after what it belongs to.
    if (inside.length > 0 && rest.replace(/[\s。,，;；:：、.]/g, "").length < 2) {
      if (previous) for (const ann of fresh) merge(previous, ann);
      else if (heading) {
        notes.push(...fresh);
        if (fresh.length > 0 && !pending) pending = task;
      }
      if (previous || heading || fresh.length === 0) continue;
    }
    const own: AnnotatedTask<T> = { ...task };
    for (const ann of notes) merge(own, ann);
    notesUsed ||= notes.length > 0;
    if (inside.length > 0) own.text = tidy(rest) || task.text;
    for (const ann of fresh) merge(own, ann);
    out.push(own);
    previousHeading = h;
  }
  flush();
  const last = out[out.length - 1];
  if (last) for (; a < annotations.length; a++) merge(last, annotations[a] as Annotation);
  return out;
}

/** Task text once an annotation is cut out: no doubled or dangling punctuation. */
function tidy(s: string): string {
  return s
    .replace(/[,，;；]+(?=[。.]|$)/g, "")
    .replace(/([。])[。]+/g, "$1")
    .trim();
}

/** A heading's title without the annotation written into it. */
export function withoutAnnotations(title: string): string {
  const found = findAnnotations(title, null);
  if (found.length === 0) return title;
  let out = "";
  let cursor = 0;
  for (const a of found) {
    out += title.slice(cursor, Math.max(cursor, a.start));
    cursor = Math.max(cursor, a.end);
  }
  return tidy(out + title.slice(cursor));
}
