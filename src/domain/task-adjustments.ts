// 调整申请: a change of the deadline, of a milestone's date or of the task's wording, asked with a
// reason by the lead department (or the planning office) while the task is open, approved or refused
// by the planner. The original stays on record: “原定6月30日，经批准调整为9月30日”. An adjustment never
// moves the task's state; it is checked again at the decision against the task as it is then.

import type { LocalText } from "./app-error.ts";
import { dayWords } from "./iso-dates.ts";
import {
  dateField,
  firstRefusal,
  gate,
  milestoneAfterDeadline,
  refuse,
  required,
  type TaskActor,
  type TaskFacts,
  type TaskMove,
  type TaskRefusal,
  type TaskResult,
  text,
} from "./task-states.ts";

export type AdjustmentKind = "deadline" | "milestone" | "content";
export type AdjustmentState = "pending" | "approved" | "refused";

export const ADJUSTMENT_KIND_WORDS: Record<AdjustmentKind, LocalText> = {
  deadline: { zh: "完成时限", en: "deadline" },
  milestone: { zh: "节点时间", en: "milestone date" },
  content: { zh: "任务内容", en: "task content" },
};

export interface AdjustmentInput {
  on: string;
  kind: AdjustmentKind;
  /** For kind milestone. */
  milestoneId?: number | null;
  /** For deadline and milestone: the date asked for, YYYY-MM-DD. */
  proposedDue?: string | null;
  /** For content: the task's new wording. */
  proposedTitle?: string | null;
  reason: string;
}

/** What an adjustment asks, with the original as it stood: kept on record whatever is decided. */
export interface AdjustmentProposal {
  kind: AdjustmentKind;
  milestoneId: number | null;
  /** A date (deadline, milestone) or the wording (content); null: there was no deadline. */
  original: string | null;
  proposed: string;
  reason: string;
}

export interface AdjustmentRequestMove extends TaskMove {
  adjustment: AdjustmentProposal;
}

function proposalOf(task: TaskFacts, input: AdjustmentInput): AdjustmentProposal | TaskRefusal {
  const reason = text(input.reason);
  if (input.kind === "content") {
    const proposed = text(input.proposedTitle);
    if (proposed === "") {
      return refuse(
        "bad_input",
        "content_required",
        task,
        { zh: "请填写调整后的任务内容", en: "the new wording of the task is required" },
        "proposedTitle",
      );
    }
    if (proposed === task.title.trim()) {
      return refuse(
        "bad_input",
        "no_change",
        task,
        { zh: "调整后的内容与原内容相同", en: "the new wording is the same as the old" },
        "proposedTitle",
      );
    }
    return { kind: "content", milestoneId: null, original: task.title, proposed, reason };
  }
  if (input.kind !== "deadline" && input.kind !== "milestone") {
    return refuse(
      "bad_input",
      "bad_kind",
      task,
      {
        zh: `未知的调整类型：${String(input.kind)}`,
        en: `unknown kind of adjustment: ${String(input.kind)}`,
      },
      "kind",
    );
  }
  const proposed = input.proposedDue ?? "";
  const bad = dateField(task, proposed, "proposedDue")();
  if (bad) return bad;
  if (input.kind === "deadline") {
    if (proposed === task.deadline) {
      return refuse(
        "bad_input",
        "no_change",
        task,
        { zh: "调整后的完成时限与原时限相同", en: "the new deadline is the same as the old" },
        "proposedDue",
      );
    }
    // A deadline brought forward may not leave an open milestone behind it.
    for (const m of task.milestones) {
      if (m.doneOn !== null) continue;
      const late = milestoneAfterDeadline(task, m, proposed, "proposedDue");
      if (late) return late;
    }
    return { kind: "deadline", milestoneId: null, original: task.deadline, proposed, reason };
  }
  const m = task.milestones.find((x) => x.id === input.milestoneId);
  if (!m) {
    return refuse(
      "bad_input",
      "unknown_milestone",
      task,
      {
        zh: `节点${input.milestoneId ?? "（未指定）"}不属于该任务`,
        en: `milestone ${input.milestoneId ?? "(none given)"} is not one of this task's`,
      },
      "milestoneId",
    );
  }
  if (m.doneOn !== null) {
    return refuse(
      "bad_input",
      "milestone_already_done",
      task,
      {
        zh: `节点‘${m.name}’已报完成，不能调整时间`,
        en: `milestone ‘${m.name}’ is done and its date cannot change`,
      },
      "milestoneId",
    );
  }
  if (proposed === m.due) {
    return refuse(
      "bad_input",
      "no_change",
      task,
      { zh: "调整后的节点时间与原时间相同", en: "the new milestone date is the same as the old" },
      "proposedDue",
    );
  }
  const late = milestoneAfterDeadline(task, { name: m.name, due: proposed }, task.deadline, "proposedDue");
  if (late) return late;
  return { kind: "milestone", milestoneId: m.id, original: m.due, proposed, reason };
}

/** The lead department or the planning office asks; never on a closed or stopped task. */
export function requestAdjustment(
  task: TaskFacts,
  actor: TaskActor,
  input: AdjustmentInput,
): TaskResult<AdjustmentRequestMove> {
  const refusal = firstRefusal(
    () => gate(task, actor, "request_adjustment"),
    dateField(task, input.on, "on"),
    required(
      task,
      input.reason,
      "reason",
      { zh: "调整理由", en: "the reason for the adjustment" },
      "reason_required",
    ),
  );
  if (refusal) return refusal;
  const proposal = proposalOf(task, input);
  if ("ok" in proposal) return proposal;
  const what = ADJUSTMENT_KIND_WORDS[proposal.kind];
  return {
    ok: true,
    action: "request_adjustment",
    from: task.state,
    state: task.state,
    adjustment: proposal,
    summary: {
      zh: `申请调整${what.zh}：${proposal.reason}`,
      en: `adjustment of the ${what.en} requested: ${proposal.reason}`,
    },
  };
}

export interface AdjustmentFacts extends AdjustmentProposal {
  id: number;
  state: AdjustmentState;
}

export interface AdjustmentDecisionInput {
  on: string;
  decision: "approved" | "refused";
  /** 审批意见: required when refusing. */
  opinion?: string | null;
}

export interface AdjustmentDecisionMove extends TaskMove {
  adjustmentId: number;
  decision: "approved" | "refused";
  /** What to write on the task when approved (null when refused). */
  apply:
    | { kind: "deadline"; deadline: string }
    | { kind: "milestone"; milestoneId: number; due: string }
    | { kind: "content"; title: string }
    | null;
  /** The record that stays visible: “原定6月30日，经批准调整为9月30日”. */
  record: LocalText;
}

/**
 * The record an approved adjustment leaves: “原定6月30日，经批准调整为9月30日” / “originally 30 June,
 * changed to 30 September with approval” (years shown when they differ).
 */
export function adjustmentRecord(
  kind: AdjustmentKind,
  original: string | null,
  adjusted: string,
  decision: "approved" | "refused" = "approved",
): LocalText {
  if (kind === "content") {
    return decision === "approved"
      ? {
          zh: `原为“${original ?? ""}”，经批准调整为“${adjusted}”`,
          en: `originally “${original ?? ""}”, changed to “${adjusted}” with approval`,
        }
      : { zh: `申请调整为“${adjusted}”，未获批准`, en: `a change to “${adjusted}” was refused` };
  }
  const withYear = original !== null && original.slice(0, 4) !== adjusted.slice(0, 4);
  const to = dayWords(adjusted, withYear);
  if (original === null) {
    return decision === "approved"
      ? {
          zh: `原无完成时限，经批准定为${to.zh}`,
          en: `originally without a deadline, set to ${to.en} with approval`,
        }
      : { zh: `申请定为${to.zh}，未获批准`, en: `setting it to ${to.en} was refused` };
  }
  const from = dayWords(original, withYear);
  return decision === "approved"
    ? {
        zh: `原定${from.zh}，经批准调整为${to.zh}`,
        en: `originally ${from.en}, changed to ${to.en} with approval`,
      }
    : {
        zh: `原定${from.zh}，申请调整为${to.zh}，未获批准`,
        en: `${from.en} as planned; a change to ${to.en} was refused`,
      };
}

/** The planner approves or refuses; the dates are checked again against the task as it is now. */
export function decideAdjustment(
  task: TaskFacts,
  adjustment: AdjustmentFacts,
  actor: TaskActor,
  input: AdjustmentDecisionInput,
): TaskResult<AdjustmentDecisionMove> {
  const refusal = firstRefusal(
    () => gate(task, actor, "decide_adjustment"),
    () =>
      adjustment.state === "pending"
        ? null
        : refuse("bad_state", "adjustment_decided", task, {
            zh: `该调整申请已${adjustment.state === "approved" ? "批准" : "驳回"}，不能再审批`,
            en: `this adjustment was ${adjustment.state} already`,
          }),
    dateField(task, input.on, "on"),
    () =>
      input.decision === "approved" || input.decision === "refused"
        ? null
        : refuse(
            "bad_input",
            "bad_decision",
            task,
            { zh: "审批结果应为批准或驳回", en: "the decision must be approved or refused" },
            "decision",
          ),
    () =>
      input.decision === "refused" && text(input.opinion) === ""
        ? refuse(
            "bad_input",
            "opinion_required",
            task,
            { zh: "驳回调整申请需写明理由", en: "refusing an adjustment needs a reason" },
            "opinion",
          )
        : null,
  );
  if (refusal) return refusal;
  let apply: AdjustmentDecisionMove["apply"] = null;
  if (input.decision === "approved") {
    // Re-read against the task now: a milestone done, or a deadline moved, since the request.
    const again = proposalOf(task, {
      on: input.on,
      kind: adjustment.kind,
      milestoneId: adjustment.milestoneId,
      proposedDue: adjustment.kind === "content" ? null : adjustment.proposed,
      proposedTitle: adjustment.kind === "content" ? adjustment.proposed : null,
      reason: adjustment.reason,
    });
    if ("ok" in again) return again;
    apply =
      adjustment.kind === "deadline"
        ? { kind: "deadline", deadline: adjustment.proposed }
        : adjustment.kind === "milestone"
          ? { kind: "milestone", milestoneId: adjustment.milestoneId as number, due: adjustment.proposed }
          : { kind: "content", title: adjustment.proposed };
  }
  const record = adjustmentRecord(adjustment.kind, adjustment.original, adjustment.proposed, input.decision);
  return {
    ok: true,
    action: "decide_adjustment",
    from: task.state,
    state: task.state,
    adjustmentId: adjustment.id,
    decision: input.decision,
    apply,
    record,
    summary: record,
  };
}
