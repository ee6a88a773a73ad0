// The plan's key tasks (重点任务) in the progress report: per area, how many stand where by their
// lifecycle's light (亮灯: 已办结, 正常推进, 临期, 逾期, 未签收, 未报送), what the approved reports say
// was done, and which tasks are late or were not taken on, with their lead department and the
// working; tasks stopped (已中止) are counted apart. Pure, and ONE entry point (taskProgress): the
// service (progress-report.ts, reportTasks) judges each task with the lifecycle and hands it here.

import type { TaskLight } from "../domain/task-lights.ts";

/** A task as judged by its lifecycle as of the report's date, with the newest approved progress. */
export interface ReportTask {
  id: number;
  title: string;
  areaId: number | null;
  /** The lead department (牵头单位), or null. */
  department: string | null;
  light: TaskLight;
  /** The light's working in Chinese: “已超过完成时限（2020年6月30日）41天，未办结”. */
  working: string;
  /** 完成时限 as the office wrote it, or its date in words; "" when none is set. */
  deadline: string;
  /** The newest approved progress text known by the report's date, or null. */
  progress: string | null;
}

export interface TaskLine {
  id: number;
  title: string;
  /** The title up to its first comma, for naming the task in a sentence. */
  shortTitle: string;
  department: string | null;
  light: TaskLight;
  /** The light's word (逾期). */
  statusText: string;
  working: string;
  /** 完成时限 for the table of 附件2 (— when none is set). */
  deadlineText: string;
  /** What the approved report says (or, without one, the working), for the table of 附件2. */
  progressText: string;
  /** Whether progressText quotes an approved report. */
  reported: boolean;
}

export interface AreaTasks {
  /** Tasks still supervised or closed: every task but the stopped ones. */
  total: number;
  /** Tasks stopped (已中止), counted apart from `total` and `counts`. */
  stopped: number;
  counts: Record<TaskLight, number>;
  /** Every task of the area, stopped ones too, in the plan's order. */
  lines: TaskLine[];
  /** “本领域安排重点任务12项，已办结2项，正常推进8项，逾期1项……” — empty without tasks. */
  paragraphs: string[];
}

export interface TaskProgress {
  total: number;
  stopped: number;
  counts: Record<TaskLight, number>;
  /** By area id (null: tasks outside the areas). */
  byArea: Map<number | null, AreaTasks>;
  all: TaskLine[];
  /** The plan's tasks in one sentence for the overview (“计划确定的重点任务79项，……”); "" without tasks. */
  summary: string;
}

export const TASK_LIGHT_TEXT: Record<TaskLight, string> = {
  closed: "已办结",
  on_track: "正常推进",
  due_soon: "临期",
  overdue: "逾期",
  unacknowledged: "未签收",
  not_reported: "未报送",
  stopped: "已中止",
};

/** The order the report counts in: what is done, what runs, then what needs attention. */
const ORDER: readonly TaskLight[] = [
  "closed",
  "on_track",
  "due_soon",
  "overdue",
  "unacknowledged",
  "not_reported",
];

const emptyCounts = (): Record<TaskLight, number> => ({
  closed: 0,
  stopped: 0,
  overdue: 0,
  unacknowledged: 0,
  not_reported: 0,
  due_soon: 0,
  on_track: 0,
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

function lineOf(t: ReportTask): TaskLine {
  const progress = t.progress?.trim() ? quote(t.progress, 60) : null;
  return {
    id: t.id,
    title: t.title,
    shortTitle: shortTaskTitle(t.title),
    department: t.department,
    light: t.light,
    statusText: TASK_LIGHT_TEXT[t.light],
    working: t.working,
    deadlineText: t.deadline.trim() || "—",
    progressText: progress ?? (t.working.trim() || "—"),
    reported: progress !== null,
  };
}

/** 已办结2项，正常推进8项，逾期1项 — the lights that have tasks, in report order. */
function countsWords(counts: Record<TaskLight, number>): string {
  return ORDER.filter((l) => counts[l] > 0)
    .map((l) => `${TASK_LIGHT_TEXT[l]}${counts[l]}项`)
    .join("，");
}

const named = (l: TaskLine) => `${l.shortTitle}（${l.department ?? "未明确牵头单位"}）`;

/** Tasks named in one sentence at most (a plan of a thousand tasks lists the rest in 附件2). */
const NAMED_MAX = 5;
/** Late or soon-due tasks given with their working, each. */
const WORKING_MAX = 3;

/** “A（区人社局）、B（区教育局）等12项任务” — the first few named, then the count. */
function mention(lines: readonly TaskLine[]): string {
  const names = lines.slice(0, NAMED_MAX).map(named).join("、");
  return lines.length > NAMED_MAX ? `${names}等${lines.length}项任务` : names;
}

/** Each with its working (“…已逾期12天，未报完成”), the first few; then how many more. */
function withWorking(lines: readonly TaskLine[], light: string): string[] {
  const out = lines.slice(0, WORKING_MAX).map((l) => `${named(l)}${l.working}`);
  if (lines.length > WORKING_MAX) out.push(`另有${lines.length - WORKING_MAX}项任务${light}`);
  return out;
}

/** “另有1项已中止（推进水厂南BC地块出让）” */
function stoppedWords(lines: readonly TaskLine[]): string {
  const stopped = lines.filter((l) => l.light === "stopped");
  if (stopped.length === 0) return "";
  const names = stopped.slice(0, 3).map((l) => l.shortTitle);
  const more = stopped.length > 3 ? "等" : "";
  return `另有${stopped.length}项已中止（${names.join("、")}${more}）`;
}

function countSentence(
  lead: string,
  total: number,
  counts: Record<TaskLight, number>,
  lines: readonly TaskLine[],
) {
  const stopped = stoppedWords(lines);
  if (total === 0)
    return `${lead}${lines.length}项，均已中止（${lines.map((l) => l.shortTitle).join("、")}）。`;
  return `${lead}${total}项，${countsWords(counts)}${stopped ? `；${stopped}` : ""}。`;
}

function areaParagraphs(
  lines: readonly TaskLine[],
  total: number,
  counts: Record<TaskLight, number>,
): string[] {
  if (lines.length === 0) return [];
  const out = [countSentence("本领域安排重点任务", total, counts, lines)];
  const notable = lines
    .filter((l) => (l.light === "closed" || l.light === "on_track") && l.reported)
    .slice(0, 2);
  if (notable.length > 0)
    out.push(
      notable
        .map((l) => `${l.shortTitle}方面，${l.department ?? "牵头单位"}报告：“${l.progressText}”。`)
        .join(""),
    );
  const of = (light: TaskLight) => lines.filter((l) => l.light === light);
  // Late and soon-due tasks with the working (the milestone or deadline and the days).
  const tail = [...withWorking(of("overdue"), "逾期"), ...withWorking(of("due_soon"), "临期")];
  if (of("unacknowledged").length > 0) tail.push(`${mention(of("unacknowledged"))}交办后未按时签收`);
  if (of("not_reported").length > 0) tail.push(`${mention(of("not_reported"))}未按时报送进展`);
  if (tail.length > 0) out.push(`需要关注的是，${tail.join("；")}。`);
  return out;
}

/** The tasks of the plan, per area and in all, as the report words them. */
export function taskProgress(tasks: readonly ReportTask[], areaIds: readonly number[]): TaskProgress {
  const known = new Set(areaIds);
  const byArea = new Map<number | null, AreaTasks>();
  const all: TaskLine[] = [];
  const counts = emptyCounts();
  let stopped = 0;
  for (const t of tasks) {
    const key = t.areaId !== null && known.has(t.areaId) ? t.areaId : null;
    const area = byArea.get(key) ?? {
      total: 0,
      stopped: 0,
      counts: emptyCounts(),
      lines: [],
      paragraphs: [],
    };
    const l = lineOf(t);
    area.lines.push(l);
    if (t.light === "stopped") {
      area.stopped++;
      stopped++;
    } else {
      area.total++;
      area.counts[t.light]++;
      counts[t.light]++;
    }
    all.push(l);
    byArea.set(key, area);
  }
  for (const a of byArea.values()) a.paragraphs = areaParagraphs(a.lines, a.total, a.counts);
  const total = tasks.length - stopped;
  return {
    total,
    stopped,
    counts,
    byArea,
    all,
    summary: all.length === 0 ? "" : countSentence("计划确定的重点任务", total, counts, all),
  };
}

export { countsWords as taskCountsWords };
