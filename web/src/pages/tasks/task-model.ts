// Pure helpers of the task pages (issue 13): the words of a LocalText in the chosen language, the
// editor's filters by area / group / department, the bulk change a planner asks for, milestones
// checked as typed (the server's rule: a name, a date, not after the deadline), the reporting
// period of today, and the cockpit's counts by light, by area and by department.

import type { TaskLight, TaskPatch, TaskView } from "../../../../src/contract/tasks.ts";
import type { LocalText } from "../../../../src/domain/app-error.ts";
// The server's own day check (pure): 2020-02-30 is no day, whatever Date.parse makes of it.
import { isIsoDate as isRealDay } from "../../../../src/domain/iso-dates.ts";
import type { Lang } from "../../format/number.ts";

export const local = (text: LocalText | null | undefined, lang: Lang): string =>
  text ? (lang === "zh-CN" ? text.zh : text.en) : "";

/** A task's deadline as shown: the office's own words (2020年12月底前) in Chinese, the day in English. */
export const deadlineShown = (
  task: { deadline: string | null; deadlineText: string | null },
  lang: Lang,
): string | null =>
  lang === "zh-CN" ? (task.deadlineText ?? task.deadline) : (task.deadline ?? task.deadlineText);

/** The cockpit's order: done first, then what is fine, then what needs attention, stopped apart. */
export const LIGHT_ORDER: readonly TaskLight[] = [
  "closed",
  "on_track",
  "due_soon",
  "overdue",
  "unacknowledged",
  "not_reported",
  "stopped",
];

export const LIGHT_COLOR: Record<TaskLight, string> = {
  closed: "green",
  on_track: "blue",
  due_soon: "gold",
  overdue: "red",
  unacknowledged: "volcano",
  not_reported: "orange",
  stopped: "default",
};

// ── the editor's filter ─────────────────────────────────────────────────────────────────────────

export interface TaskFilter {
  query: string;
  areaId: number | null;
  groupId: number | null;
  /** A department leading or co-operating (as the targets' filter); "none": tasks without a lead. */
  department: number | "none" | null;
}

export const EMPTY_TASK_FILTER: TaskFilter = { query: "", areaId: null, groupId: null, department: null };

export interface Heading {
  id: number;
  title: string;
}

/** The area of a task: the first heading above it. */
export const taskArea = (task: Pick<TaskView, "path">): Heading | null => task.path[0] ?? null;
/** The group of a task: the nearest heading above it, when it is not the area itself. */
export const taskGroup = (task: Pick<TaskView, "path">): Heading | null =>
  task.path.length > 1 ? (task.path[task.path.length - 1] ?? null) : null;

/** Areas and groups present, in the order the tasks come; groups carry their area. */
export function taskHeadings(tasks: readonly Pick<TaskView, "path">[]): {
  areas: Heading[];
  groups: (Heading & { areaId: number | null })[];
} {
  const areas = new Map<number, Heading>();
  const groups = new Map<number, Heading & { areaId: number | null }>();
  for (const t of tasks) {
    const area = taskArea(t);
    const group = taskGroup(t);
    if (area && !areas.has(area.id)) areas.set(area.id, area);
    if (group && !groups.has(group.id)) groups.set(group.id, { ...group, areaId: area?.id ?? null });
  }
  return { areas: [...areas.values()], groups: [...groups.values()] };
}

export function filterTasks<T extends Pick<TaskView, "path" | "title" | "leadDepartment" | "coDepartments">>(
  tasks: readonly T[],
  filter: TaskFilter,
): T[] {
  const q = filter.query.trim();
  return tasks.filter((t) => {
    if (q !== "" && !t.title.includes(q)) return false;
    if (filter.areaId !== null && taskArea(t)?.id !== filter.areaId) return false;
    if (filter.groupId !== null && !t.path.some((h) => h.id === filter.groupId)) return false;
    if (filter.department === "none" && t.leadDepartment !== null) return false;
    if (typeof filter.department === "number") {
      const d = filter.department;
      if (t.leadDepartment?.id !== d && !t.coDepartments.some((c) => c.id === d)) return false;
    }
    return true;
  });
}

// ── bulk assignment ─────────────────────────────────────────────────────────────────────────────

export interface TaskBulkForm {
  leadDepartmentId?: number | null;
  coDepartmentIds?: number[];
  deadline?: string | null;
  frequency?: TaskView["frequency"];
}

/**
 * One patch per selected task that the form changes; nothing for a task it leaves as it is. A lead
 * department is never also a co-operating one: it is dropped from the co-departments given.
 */
export function taskBulkChanges(
  tasks: readonly TaskView[],
  selected: ReadonlySet<number>,
  form: TaskBulkForm,
): { id: number; patch: TaskPatch }[] {
  const out: { id: number; patch: TaskPatch }[] = [];
  for (const t of tasks) {
    if (!selected.has(t.id)) continue;
    const patch: TaskPatch = {};
    if (form.leadDepartmentId !== undefined && form.leadDepartmentId !== (t.leadDepartment?.id ?? null)) {
      patch.leadDepartmentId = form.leadDepartmentId;
    }
    const lead = form.leadDepartmentId !== undefined ? form.leadDepartmentId : (t.leadDepartment?.id ?? null);
    if (form.coDepartmentIds !== undefined) {
      const wanted = form.coDepartmentIds.filter((id) => id !== lead);
      const now = t.coDepartments.map((d) => d.id).sort((a, b) => a - b);
      const next = [...wanted].sort((a, b) => a - b);
      if (now.join(",") !== next.join(",")) patch.coDepartmentIds = wanted;
    } else if (patch.leadDepartmentId != null && t.coDepartments.some((d) => d.id === lead)) {
      // The new lead was co-operating: it leaves that list rather than being named twice.
      patch.coDepartmentIds = t.coDepartments.map((d) => d.id).filter((id) => id !== lead);
    }
    if (form.deadline !== undefined && form.deadline !== t.deadline) patch.deadline = form.deadline;
    if (form.frequency !== undefined && form.frequency !== t.frequency) patch.frequency = form.frequency;
    if (Object.keys(patch).length > 0) out.push({ id: t.id, patch });
  }
  return out;
}

// ── milestones as typed ─────────────────────────────────────────────────────────────────────────

export interface MilestoneDraft {
  id?: number;
  name: string;
  due: string;
}

export type MilestoneProblem = "name" | "date" | "after_deadline";

export const isIsoDate = (value: string) => isRealDay(value);

/** What is wrong with each milestone (null: fine), as the server will answer. */
export function milestoneProblems(
  milestones: readonly MilestoneDraft[],
  deadline: string | null,
): (MilestoneProblem | null)[] {
  return milestones.map((m) => {
    if (m.name.trim() === "") return "name";
    if (!isIsoDate(m.due)) return "date";
    if (deadline !== null && m.due > deadline) return "after_deadline";
    return null;
  });
}

// ── reporting ───────────────────────────────────────────────────────────────────────────────────

/** The period a report made on `today` is for: 2020-04 (monthly) or 2020-Q2 (quarterly). */
export function currentPeriod(today: string, frequency: "monthly" | "quarterly"): string {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  return frequency === "monthly" ? today.slice(0, 7) : `${year}-Q${Math.ceil(month / 3)}`;
}

/** Today in the browser's own calendar, YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A reporter's tasks, what needs doing first: 逾期, 未签收, 未报送, 临期, then the rest; stopped and closed last. */
export function sortDeskTasks<T extends Pick<TaskView, "status" | "deadline" | "id">>(
  tasks: readonly T[],
): T[] {
  const rank: Record<TaskLight, number> = {
    overdue: 0,
    unacknowledged: 1,
    not_reported: 2,
    due_soon: 3,
    on_track: 4,
    closed: 5,
    stopped: 6,
  };
  return [...tasks].sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999") ||
      a.id - b.id,
  );
}

// ── the cockpit ────────────────────────────────────────────────────────────────────────────────

export type LightCounts = Record<TaskLight, number>;

export const emptyCounts = (): LightCounts => ({
  closed: 0,
  on_track: 0,
  due_soon: 0,
  overdue: 0,
  unacknowledged: 0,
  not_reported: 0,
  stopped: 0,
});

export interface TaskBreakdownRow {
  key: string;
  name: string;
  total: number;
  counts: LightCounts;
}

/** Counts by light per area or per lead department, most tasks first; "" for none. */
export function taskBreakdown(
  tasks: readonly Pick<TaskView, "status" | "path" | "leadDepartment">[],
  by: "area" | "department",
): TaskBreakdownRow[] {
  const rows = new Map<string, TaskBreakdownRow>();
  for (const t of tasks) {
    const head = by === "area" ? taskArea(t) : t.leadDepartment;
    const key = head ? String(head.id) : "";
    const name = head ? ("title" in head ? head.title : head.name) : "";
    const row = rows.get(key) ?? { key, name, total: 0, counts: emptyCounts() };
    row.total++;
    row.counts[t.status]++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

/** The tasks needing attention: 逾期 first, then 临期, nearest date first. */
export function attentionTasks<T extends Pick<TaskView, "status" | "signals" | "id">>(
  tasks: readonly T[],
): T[] {
  const date = (t: T) => t.signals[0]?.due ?? "";
  return tasks
    .filter((t) => t.status === "overdue" || t.status === "due_soon")
    .sort(
      (a, b) =>
        (a.status === "overdue" ? 0 : 1) - (b.status === "overdue" ? 0 : 1) ||
        date(a).localeCompare(date(b)) ||
        a.id - b.id,
    );
}
