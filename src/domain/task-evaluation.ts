// Tasks and items judged as of a date (monitoring.md: a task reports a status word, an item is a
// milestone of its own). The walk over periods — the last ended one, a missing report only after its
// due date — is the targets' (evaluateAsOf on a milestone rule); a status word, when the report gives
// one, then decides: 未启动 not started, 推进中 on track, 已完成 completed, 受阻 behind.

import {
  type EvaluateOptions,
  type Evaluation,
  evaluateAsOf,
  type TargetRule,
  type TargetStatus,
} from "./evaluation.ts";
import type { ReportingPeriod } from "./periods.ts";

export type TaskStatusWord = "未启动" | "推进中" | "已完成" | "受阻";

export const WORD_STATUS: Record<TaskStatusWord, TargetStatus> = {
  未启动: "not_started",
  推进中: "on_track",
  已完成: "completed",
  受阻: "behind",
};

const WORD_EN: Record<TaskStatusWord, string> = {
  未启动: "not started",
  推进中: "in progress",
  已完成: "completed",
  受阻: "blocked",
};

/** A milestone: percent complete against 100, on the schedule. */
export const MILESTONE_RULE: TargetRule = {
  kind: "milestone",
  comparator: "target",
  direction: "increase",
  value: null,
  value2: null,
  unit: "",
  baseline: null,
};

export interface TaskReport {
  statusWord: string | null;
  percent: number | null;
}

function isWord(word: string | null): word is TaskStatusWord {
  return word !== null && Object.hasOwn(WORD_STATUS, word);
}

export function evaluateTaskAsOf(
  periods: ReportingPeriod[],
  reports: Record<string, TaskReport | undefined>,
  asOf: string,
  options: EvaluateOptions = {},
): Evaluation & { period: ReportingPeriod | null } {
  const reported: Record<string, { value: number | null; done: boolean }> = {};
  for (const [key, r] of Object.entries(reports)) {
    if (!r) continue;
    const done = r.statusWord === "已完成" || (r.percent !== null && r.percent >= 100);
    reported[key] = { value: r.percent ?? (done ? 100 : null), done };
  }
  const e = evaluateAsOf(MILESTONE_RULE, periods, reported, asOf, options);
  const report = e.period ? reports[e.period.key] : undefined;
  if (!report || !isWord(report.statusWord)) return e;
  const word = report.statusWord;
  const percent = report.percent;
  const completion = word === "已完成" ? 1 : percent === null ? null : percent / 100;
  return {
    ...e,
    status: WORD_STATUS[word],
    completion,
    gapPoints: completion === null || e.expectedShare === null ? null : (completion - e.expectedShare) * 100,
    working: {
      ...e.working,
      rule: "status_word",
      reported: percent,
      threshold: null,
      zh: `报告状态为“${word}”${percent === null ? "" : `，完成${percent}%`}`,
      en: `reported as ${WORD_EN[word]}${percent === null ? "" : `, ${percent}% done`}`,
    },
  };
}
