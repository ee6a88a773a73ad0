// What the ledger (台账) says of each task from its lifecycle: 完成时限 as the office wrote it, the 节点
// with their dates and whether each was done, the light (亮灯) as of the ledger's date, and the newest
// approved 进展. Pure over a loaded TaskWorld; the ledger model puts these in every task's row.

import { dayWords } from "../domain/iso-dates.ts";
import { approvedAsOfBy } from "../domain/revisions.ts";
import { judgeTask, TASK_LIGHT_WORDS, type TaskLight } from "../domain/task-lights.ts";
import { type TaskEntry, type TaskWorld, timelineOf } from "../services/task-world.ts";

/**
 * The ledger is the office's own document, in Chinese: every header and word in it is Chinese (one
 * language a sheet), and what is re-imported is matched on those words.
 */
export const LEDGER_LANG = "zh" as const;

export interface LedgerTaskColumns {
  /** 完成时限: the words as written (2020年12月底前, 长期坚持), else the date in words; "" when none is set. */
  deadline: string;
  /** 节点: each “名称（2020年6月30日，已于2020年6月25日完成 / 未完成）”, joined by “；”. */
  milestones: string;
  light: TaskLight;
  /** The light's word in the ledger's language (逾期, 正常推进 …). */
  lightWord: string;
  /** The working of the light (节点‘…’已逾期12天，未报完成). */
  working: string;
  /** The newest progress text approved by the cut-off, and the period it is of; "" and null before any. */
  latestProgress: string;
  latestPeriod: string | null;
}

const day = (iso: string) => dayWords(iso, true)[LEDGER_LANG];

/** 2020年12月底前 as written; a date set alone in words (2020年12月31日); "" without either. */
export function taskDeadlineWords(deadline: string | null, written: string | null): string {
  const text = (written ?? "").trim();
  if (text !== "") return text;
  return deadline ? day(deadline) : "";
}

/** Each 节点 with its date and, as of the date, whether it was done and when. */
export function milestoneWords(
  milestones: readonly { name: string; due: string; doneOn: string | null }[],
  asOf: string,
): string {
  return milestones
    .map((m) => {
      const done = m.doneOn !== null && m.doneOn <= asOf ? `已于${day(m.doneOn)}完成` : "未完成";
      return `${m.name}（${day(m.due)}，${done}）`;
    })
    .join("；");
}

/**
 * The newest approved progress of the task's reports, as approved by `cutoff` (a date or a timestamp);
 * with `periodsBy`, only of periods ended by that day (a report on June does not quote July).
 */
export function latestApprovedProgress(
  entry: Pick<TaskEntry, "reports">,
  cutoff: string,
  periodsBy?: string,
): { period: string; text: string } | null {
  let found: { period: string; end: string; text: string } | null = null;
  for (const { report, revisions } of entry.reports) {
    if (periodsBy !== undefined && report.period_end > periodsBy) continue;
    const approved = approvedAsOfBy(revisions, cutoff, (r) => (r.state === "approved" ? r.created_at : null));
    const text = (approved?.progress ?? "").trim();
    if (!approved || text === "") continue;
    if (!found || report.period_end > found.end)
      found = { period: report.period, end: report.period_end, text };
  }
  return found ? { period: found.period, text: found.text } : null;
}

/** By task node id: the columns of every task of the world, judged as of `asOf`. */
export function ledgerTaskColumns(
  world: TaskWorld,
  asOf: string,
  cutoff: string,
): Map<number, LedgerTaskColumns> {
  const out = new Map<number, LedgerTaskColumns>();
  for (const entry of world.tasks) {
    const judged = judgeTask(timelineOf(world, entry), asOf, world.lightSettings);
    const latest = latestApprovedProgress(entry, cutoff);
    out.set(entry.node.id, {
      deadline: taskDeadlineWords(entry.row?.deadline ?? null, entry.row?.deadline_text ?? null),
      milestones: milestoneWords(
        entry.milestones.map((m) => ({ name: m.name, due: m.due, doneOn: m.done_on })),
        asOf,
      ),
      light: judged.status,
      lightWord: TASK_LIGHT_WORDS[judged.status][LEDGER_LANG],
      working: judged.working[LEDGER_LANG],
      latestProgress: latest?.text ?? "",
      latestPeriod: latest?.period ?? null,
    });
  }
  return out;
}
