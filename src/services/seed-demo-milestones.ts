// The demo's milestones (节点): which of a task's clauses name a thing to build, set up, hold or
// issue, what its milestones are called (its own clauses, or the stages of its one piece of work:
// 施工招标 → 主体完工 → 竣工验收), and their dates around the demo's date by pattern — done, missed,
// coming due, or moved by an approved 调整申请. Pure.

import { addDays, isoDate, lastDayOfMonth } from "../domain/iso-dates.ts";
import { clausesOf } from "./seed-demo-task-texts.ts";

export type MilestoneFate = "done" | "overdue" | "due_soon" | "ahead" | "adjusted";

export type WorkKind = "build" | "platform" | "event" | "policy";

const WORK_VERB =
  /^(?:加快|加紧)?(完成|建成|新建|启动|举办|出台|搭建|建立|打造|推进|推动|实施|开展|建设|改造)/;
const WORK_KINDS: readonly [RegExp, WorkKind][] = [
  [/运动会|活动|大赛|沙龙|论坛/, "event"],
  [/政策|办法|实施意见|方案/, "policy"],
  [/平台|系统/, "platform"],
  [/工程|改造|中心|校区|项目|设施|场馆|大厦/, "build"],
];

export interface WorkItem {
  clause: string;
  verb: string;
  object: string;
  kind: WorkKind;
}

/** The clauses that name a thing to build, set up, hold or issue: the stuff of milestones. */
export function workItems(text: string): WorkItem[] {
  const out: WorkItem[] = [];
  for (const raw of clausesOf(text)) {
    const clause = raw.replace(
      /^(?:持续|继续|进一步|大力|积极|着力|深入|全面|稳步|扎实|切实|精准|有序|广泛)+/,
      "",
    );
    const verb = WORK_VERB.exec(clause);
    const kind = WORK_KINDS.find(([re]) => re.test(clause))?.[1];
    if (!verb || !kind) continue;
    const object = clause.slice(verb[0].length).replace(/(?:建设|工作)$/, "");
    if (object.length < 3 || object.length > 30) continue;
    out.push({ clause, verb: verb[1] as string, object, kind });
  }
  return out;
}

/** What finishing a clause's work is called: 推进X建设 → 完成X建设, 建成X stays. */
function finished(item: WorkItem): string {
  if (/^(?:完成|建成|新建|启动|举办|出台|搭建|建立|打造)$/.test(item.verb)) return item.verb + item.object;
  if (item.verb === "建设" || item.verb === "改造") return `完成${item.object}${item.verb}`;
  return `完成${item.object}${/工程|项目|中心|校区|平台|系统/.test(item.object) ? "" : "工作"}`;
}

const STAGES: Record<WorkKind, readonly [string, string, string]> = {
  build: ["完成{o}施工招标", "{o}主体完工", "完成{o}竣工验收"],
  platform: ["完成{o}方案设计", "{o}上线试运行", "{o}正式运行"],
  event: ["完成{o}筹备方案", "举办{o}", "完成{o}总结评估"],
  policy: ["形成{o}初稿", "完成{o}征求意见", "印发{o}"],
};
/** What a stage names when the clause's object is too long to repeat: the kind of thing it is. */
const KIND_NOUNS: Record<WorkKind, string> = {
  build: "工程",
  platform: "平台",
  event: "活动",
  policy: "政策",
};

/** 6月底前 for a month's last day, 10月15日前 otherwise: the time words say the date. */
export function timeWords(due: string): string {
  const [y, m, d] = due.split("-").map(Number) as [number, number, number];
  return d === lastDayOfMonth(y, m) ? `${m}月底前` : `${m}月${d}日前`;
}

/** The names of a task's milestones: its own clauses when it has two or more, else the stages of its one. */
export function milestoneNames(items: readonly WorkItem[]): string[] {
  if (items.length >= 2) return items.slice(0, 3).map(finished);
  const item = items[0];
  if (!item) return [];
  const object = item.object.length <= 14 ? item.object : KIND_NOUNS[item.kind];
  return STAGES[item.kind].map((s) => s.replace("{o}", object));
}

export type Pattern = "steady" | "due_soon" | "overdue" | "adjusted";
/** In the order the milestone tasks take them: at least two missed, two coming due, one moved. */
export const PATTERNS: readonly Pattern[] = [
  "steady",
  "due_soon",
  "overdue",
  "adjusted",
  "due_soon",
  "steady",
  "overdue",
  "due_soon",
  "steady",
];

/** The last day of the month `k` months from the demo date's month, within the plan's year. */
function monthEnd(year: DemoDays, k: number): string {
  const month = Math.min(12, Math.max(1, Number(year.asOf.slice(5, 7)) + k));
  return isoDate(year.year, month, lastDayOfMonth(year.year, month));
}

export interface DemoDays {
  year: number;
  asOf: string;
}

/**
 * The dates and fates of a pattern, around the demo's date: done by the end of June, then the end of
 * September (done or missed), a few days after the demo's date (coming due), or the end of August
 * moved to the end of November by an approved adjustment; the last in the year's last months.
 */
export function patternDates(
  year: DemoDays,
  pattern: Pattern,
  n: number,
): { due: string; fate: MilestoneFate; movedTo: string | null }[] {
  const last = { due: monthEnd(year, 2), fate: "ahead" as const, movedTo: null };
  const dates =
    pattern === "steady"
      ? [
          { due: monthEnd(year, -4), fate: "done" as const, movedTo: null },
          { due: monthEnd(year, -1), fate: "done" as const, movedTo: null },
          { due: monthEnd(year, 1), fate: "ahead" as const, movedTo: null },
        ]
      : pattern === "overdue"
        ? [
            { due: monthEnd(year, -4), fate: "done" as const, movedTo: null },
            { due: monthEnd(year, -1), fate: "overdue" as const, movedTo: null },
            last,
          ]
        : pattern === "due_soon"
          ? [
              { due: monthEnd(year, -4), fate: "done" as const, movedTo: null },
              { due: addDays(year.asOf, 3 + (n % 4)), fate: "due_soon" as const, movedTo: null },
              last,
            ]
          : [
              { due: monthEnd(year, -5), fate: "done" as const, movedTo: null },
              { due: monthEnd(year, -2), fate: "adjusted" as const, movedTo: monthEnd(year, 1) },
              last,
            ];
  return dates;
}
