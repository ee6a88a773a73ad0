// The plan's key tasks (重点任务) in the progress report: per area, how many stand where, what the
// approved reports say was done, and which tasks lag or were not reported, with their lead
// department. Pure, and ONE entry point (taskProgress): the task lifecycle (states, milestones,
// deadlines) is being added elsewhere, and only this function and the service's reportTasks need to
// learn of it.

import type { TargetStatus } from "../domain/evaluation.ts";

/** A task (an outline node of kind task) as judged, with the approved report's words. */
export interface ReportTask {
  id: number;
  title: string;
  areaId: number | null;
  department: string | null;
  status: TargetStatus;
  /** The approved report's progress text, or null. */
  progress: string | null;
  /** The period judged, in Chinese (9月), and when a missing report was due (ISO date). */
  periodWords: string | null;
  due: string | null;
}

export interface TaskLine {
  id: number;
  title: string;
  /** The title up to its first comma, for naming the task in a sentence. */
  shortTitle: string;
  department: string | null;
  status: TargetStatus;
  statusText: string;
  /** What the approved report says (or why there is nothing), for the table of 附件2. */
  progressText: string;
}

export interface AreaTasks {
  total: number;
  counts: Record<TargetStatus, number>;
  lines: TaskLine[];
  /** “本领域安排重点任务12项，已完成2项，正常推进8项，滞后1项。其中，……” — empty without tasks. */
  paragraphs: string[];
}

export interface TaskProgress {
  total: number;
  counts: Record<TargetStatus, number>;
  /** By area id (null: tasks outside the areas). */
  byArea: Map<number | null, AreaTasks>;
  all: TaskLine[];
}

export const TASK_STATUS_TEXT: Record<TargetStatus, string> = {
  completed: "已完成",
  on_track: "正常推进",
  behind: "滞后",
  far_behind: "严重滞后",
  not_reported: "未报送",
  not_started: "未开始",
};

const ORDER: readonly TargetStatus[] = [
  "completed",
  "on_track",
  "behind",
  "far_behind",
  "not_reported",
  "not_started",
];
const LAGGING = new Set<TargetStatus>(["behind", "far_behind"]);

const emptyCounts = (): Record<TargetStatus, number> => ({
  completed: 0,
  on_track: 0,
  behind: 0,
  far_behind: 0,
  not_reported: 0,
  not_started: 0,
});

/** A task's title is a sentence of the plan: up to its first comma, at most 24 characters. */
export function shortTaskTitle(title: string): string {
  const first = (title.split(/[，,；;。：:]/)[0] ?? title).trim();
  const chars = [...first];
  return chars.length > 24 ? `${chars.slice(0, 24).join("")}等` : first;
}

/** A report's text quoted in a sentence: one clause, without its closing stop. */
function quote(text: string, max = 60): string {
  const t = text.trim().replace(/\s+/g, "");
  const first = t.split(/[。；;]/)[0] ?? t;
  const chars = [...first];
  return chars.length > max ? `${chars.slice(0, max).join("")}……` : first;
}

function dueWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[2])}月${Number(m[3])}日` : iso;
}

function lineOf(t: ReportTask): TaskLine {
  const progressText =
    t.progress && t.progress.trim() !== ""
      ? quote(t.progress, 80)
      : t.status === "not_reported"
        ? `${t.periodWords ?? ""}进展未报送${t.due ? `（应于${dueWords(t.due)}前报送）` : ""}`
        : t.status === "not_started"
          ? "尚未到报送期"
          : "—";
  return {
    id: t.id,
    title: t.title,
    shortTitle: shortTaskTitle(t.title),
    department: t.department,
    status: t.status,
    statusText: TASK_STATUS_TEXT[t.status],
    progressText,
  };
}

function countsWords(counts: Record<TargetStatus, number>): string {
  return ORDER.filter((s) => counts[s] > 0)
    .map((s) => `${TASK_STATUS_TEXT[s]}${counts[s]}项`)
    .join("，");
}

const named = (l: TaskLine) => `${l.shortTitle}（${l.department ?? "未明确责任单位"}）`;

function areaParagraphs(lines: readonly TaskLine[], counts: Record<TargetStatus, number>): string[] {
  if (lines.length === 0) return [];
  const out = [`本领域安排重点任务${lines.length}项，${countsWords(counts)}。`];
  const notable = lines
    .filter((l) => (l.status === "completed" || l.status === "on_track") && l.progressText !== "—")
    .slice(0, 2);
  if (notable.length > 0)
    out.push(
      notable
        .map((l) => `${l.shortTitle}方面，${l.department ?? "责任单位"}报告：“${l.progressText}”。`)
        .join(""),
    );
  const lagging = lines.filter((l) => LAGGING.has(l.status));
  const missing = lines.filter((l) => l.status === "not_reported");
  const tail: string[] = [];
  if (lagging.length > 0) tail.push(`${lagging.map(named).join("、")}进度滞后`);
  if (missing.length > 0) tail.push(`${missing.map(named).join("、")}未按时报送进展`);
  if (tail.length > 0) out.push(`需要关注的是，${tail.join("；")}。`);
  return out;
}

/** The tasks of the plan, per area and in all, as the report words them. */
export function taskProgress(tasks: readonly ReportTask[], areaIds: readonly number[]): TaskProgress {
  const known = new Set(areaIds);
  const byArea = new Map<number | null, AreaTasks>();
  const all: TaskLine[] = [];
  const counts = emptyCounts();
  for (const t of tasks) {
    const key = t.areaId !== null && known.has(t.areaId) ? t.areaId : null;
    const area = byArea.get(key) ?? { total: 0, counts: emptyCounts(), lines: [], paragraphs: [] };
    const l = lineOf(t);
    area.lines.push(l);
    area.total++;
    area.counts[t.status]++;
    counts[t.status]++;
    all.push(l);
    byArea.set(key, area);
  }
  for (const a of byArea.values()) a.paragraphs = areaParagraphs(a.lines, a.counts);
  return { total: tasks.length, counts, byArea, all };
}

export { countsWords as taskCountsWords };
