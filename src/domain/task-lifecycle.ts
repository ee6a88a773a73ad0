// The life of a task as a 督查督办 office runs it (monitoring.md, “Tasks”): one state machine, pure.
//
//   已交办 assigned ──签收 (lead department's reporter)──▶ 已签收 acknowledged
//   已签收 / 推进中 ──进展报送 (lead reporter)──▶ 推进中 in_progress
//   推进中 ──办结申请 with evidence (lead reporter)──▶ 办结申请 close_requested
//   办结申请 ──办结销号 (planner)──▶ 已办结 closed        办结申请 ──退回 with a reason (planner)──▶ 推进中
//   any open state ──中止 with a reason (planner)──▶ 已中止 stopped
//   调整申请 (deadline, a milestone's date, the content) while open: task-adjustments.ts.
//
// Every function takes the current facts, who acts and what they sent, and answers either the move
// (the next state and what to record) or a refusal naming the rule, in both languages, with the
// current state. Checks run in one order everywhere: who (forbidden) → state (bad_state) → input
// (bad_input), so that a person who may never do a thing is told so whatever the task's state.

import {
  type Check,
  dateField,
  firstRefusal,
  gate,
  refuse,
  required,
  type TaskActor,
  type TaskFacts,
  type TaskMove,
  type TaskResult,
  text,
} from "./task-states.ts";

// ── 签收 ────────────────────────────────────────────────────────────────────────────────────────────

export interface AcknowledgeInput {
  /** The day of the 签收 (today, from the service). */
  on: string;
}

export function acknowledge(task: TaskFacts, actor: TaskActor, input: AcknowledgeInput): TaskResult {
  const refusal = firstRefusal(() => gate(task, actor, "acknowledge"), dateField(task, input.on, "on"));
  if (refusal) return refusal;
  return {
    ok: true,
    action: "acknowledge",
    from: task.state,
    state: "acknowledged",
    summary: {
      zh: `牵头单位于${input.on}签收任务`,
      en: `acknowledged by the lead department on ${input.on}`,
    },
  };
}

// ── 进展报送 ────────────────────────────────────────────────────────────────────────────────────────

export interface MilestoneDone {
  milestoneId: number;
  /** YYYY-MM-DD: the day it was done, on or before the report. */
  doneOn: string;
}

export interface ProgressInput {
  on: string;
  /** 进展情况: required. */
  progress: string;
  /** 存在问题, 下步打算: optional. */
  problems?: string | null;
  nextSteps?: string | null;
  /** 形象进度 %, 0..100, optional. */
  percent?: number | null;
  milestonesDone?: readonly MilestoneDone[];
}

export interface ProgressMove extends TaskMove {
  milestonesDone: MilestoneDone[];
}

/** Milestones marked done: each one of this task, not done already, named once, done by `on`. */
function milestonesDoneCheck(task: TaskFacts, done: readonly MilestoneDone[], on: string): Check {
  return () => {
    const seen = new Set<number>();
    for (const [i, d] of done.entries()) {
      const field = `milestonesDone[${i}]`;
      const m = task.milestones.find((x) => x.id === d.milestoneId);
      if (!m) {
        return refuse(
          "bad_input",
          "unknown_milestone",
          task,
          {
            zh: `节点${d.milestoneId}不属于该任务`,
            en: `milestone ${d.milestoneId} is not one of this task's`,
          },
          `${field}.milestoneId`,
        );
      }
      if (seen.has(m.id)) {
        return refuse(
          "bad_input",
          "milestone_twice",
          task,
          { zh: `节点‘${m.name}’重复标记`, en: `milestone ‘${m.name}’ is marked twice` },
          `${field}.milestoneId`,
        );
      }
      seen.add(m.id);
      if (m.doneOn !== null) {
        return refuse(
          "bad_input",
          "milestone_already_done",
          task,
          {
            zh: `节点‘${m.name}’已于${m.doneOn}报完成`,
            en: `milestone ‘${m.name}’ was reported done on ${m.doneOn} already`,
          },
          `${field}.milestoneId`,
        );
      }
      const bad = dateField(task, d.doneOn, `${field}.doneOn`)();
      if (bad) return bad;
      if (d.doneOn > on) {
        return refuse(
          "bad_input",
          "done_in_future",
          task,
          {
            zh: `节点‘${m.name}’的完成日期${d.doneOn}晚于报送日期${on}`,
            en: `milestone ‘${m.name}’ is marked done on ${d.doneOn}, after the report's date ${on}`,
          },
          `${field}.doneOn`,
        );
      }
    }
    return null;
  };
}

function percentCheck(task: TaskFacts, percent: number | null | undefined): Check {
  return () =>
    percent === null || percent === undefined || (Number.isFinite(percent) && percent >= 0 && percent <= 100)
      ? null
      : refuse(
          "bad_input",
          "bad_percent",
          task,
          {
            zh: `形象进度应在0到100之间：${percent}`,
            en: `the percent done must be between 0 and 100: ${percent}`,
          },
          "percent",
        );
}

export function reportProgress(
  task: TaskFacts,
  actor: TaskActor,
  input: ProgressInput,
): TaskResult<ProgressMove> {
  const done = input.milestonesDone ?? [];
  const refusal = firstRefusal(
    () => gate(task, actor, "report_progress"),
    dateField(task, input.on, "on"),
    required(
      task,
      input.progress,
      "progress",
      { zh: "进展情况", en: "the progress (进展情况)" },
      "progress_required",
    ),
    percentCheck(task, input.percent),
    milestonesDoneCheck(task, done, input.on),
  );
  if (refusal) return refusal;
  const names = done.map((d) => task.milestones.find((m) => m.id === d.milestoneId)?.name ?? "");
  return {
    ok: true,
    action: "report_progress",
    from: task.state,
    state: "in_progress",
    milestonesDone: [...done],
    summary: {
      zh: `报送进展${names.length ? `，节点${names.map((n) => `‘${n}’`).join("、")}报完成` : ""}`,
      en: `progress reported${names.length ? `; milestone ${names.map((n) => `‘${n}’`).join(", ")} done` : ""}`,
    },
  };
}

// ── 办结申请, 办结销号, 退回 ──────────────────────────────────────────────────────────────────────

export interface CloseRequestInput {
  on: string;
  /** 办结情况 / 证明材料说明: at least a text. */
  evidence: string;
  /** Files already uploaded (证明材料); optional. */
  attachmentIds?: readonly number[];
  /** Milestones done with this request, as in a progress report. */
  milestonesDone?: readonly MilestoneDone[];
}

export function requestClose(
  task: TaskFacts,
  actor: TaskActor,
  input: CloseRequestInput,
): TaskResult<ProgressMove> {
  const done = input.milestonesDone ?? [];
  const refusal = firstRefusal(
    () => gate(task, actor, "request_close"),
    dateField(task, input.on, "on"),
    required(
      task,
      input.evidence,
      "evidence",
      { zh: "办结情况说明（证明材料）", en: "evidence (a text at least)" },
      "evidence_required",
    ),
    milestonesDoneCheck(task, done, input.on),
    () => {
      // 办结 means every milestone is done: one left open would be closed unreported.
      const ids = new Set(done.map((d) => d.milestoneId));
      const open = task.milestones.filter((m) => m.doneOn === null && !ids.has(m.id));
      if (open.length === 0) return null;
      const names = open.map((m) => `‘${m.name}’`);
      return refuse(
        "bad_input",
        "milestones_open",
        task,
        {
          zh: `尚有节点未报完成：${names.join("、")}，请先报完成再申请办结`,
          en: `milestones not reported done: ${names.join(", ")}; report them done before asking to close`,
        },
        "milestonesDone",
      );
    },
  );
  if (refusal) return refusal;
  return {
    ok: true,
    action: "request_close",
    from: task.state,
    state: "close_requested",
    milestonesDone: [...done],
    summary: {
      zh: `牵头单位于${input.on}申请办结`,
      en: `closing requested by the lead department on ${input.on}`,
    },
  };
}

export interface CloseInput {
  on: string;
  /** 审核意见, optional. */
  opinion?: string | null;
}

export function closeTask(task: TaskFacts, actor: TaskActor, input: CloseInput): TaskResult {
  const refusal = firstRefusal(() => gate(task, actor, "close"), dateField(task, input.on, "on"));
  if (refusal) return refusal;
  return {
    ok: true,
    action: "close",
    from: task.state,
    state: "closed",
    summary: { zh: `${input.on}办结销号`, en: `closed (办结销号) on ${input.on}` },
  };
}

export interface ReasonInput {
  on: string;
  reason: string;
}

/** The planner returns a close request: the task is worked on again. */
export function returnCloseRequest(task: TaskFacts, actor: TaskActor, input: ReasonInput): TaskResult {
  const refusal = firstRefusal(
    () => gate(task, actor, "return_close"),
    dateField(task, input.on, "on"),
    required(
      task,
      input.reason,
      "reason",
      { zh: "退回原因", en: "the reason for returning it" },
      "reason_required",
    ),
  );
  if (refusal) return refusal;
  return {
    ok: true,
    action: "return_close",
    from: task.state,
    state: "in_progress",
    summary: {
      zh: `办结申请被退回：${text(input.reason)}`,
      en: `close request returned: ${text(input.reason)}`,
    },
  };
}

export function stopTask(task: TaskFacts, actor: TaskActor, input: ReasonInput): TaskResult {
  const refusal = firstRefusal(
    () => gate(task, actor, "stop"),
    dateField(task, input.on, "on"),
    required(
      task,
      input.reason,
      "reason",
      { zh: "中止原因", en: "the reason for stopping it" },
      "reason_required",
    ),
  );
  if (refusal) return refusal;
  return {
    ok: true,
    action: "stop",
    from: task.state,
    state: "stopped",
    summary: {
      zh: `${input.on}中止：${text(input.reason)}`,
      en: `stopped on ${input.on}: ${text(input.reason)}`,
    },
  };
}
