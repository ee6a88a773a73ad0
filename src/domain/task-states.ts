// The states of a task's life (monitoring.md, “Tasks”), the facts the rules read, and the checks every
// transition is made of: who may act (forbidden), from which state (bad_state), with what input
// (bad_input). The transitions are in task-lifecycle.ts (签收 → 办结销号, 中止) and
// task-adjustments.ts (调整申请); each answers a move or a refusal naming the rule, in both languages,
// with the current state.

import type { Role } from "./access.ts";
import { AppError, type LocalText } from "./app-error.ts";
import { dayWords, isIsoDate } from "./iso-dates.ts";

export type TaskState =
  | "assigned"
  | "acknowledged"
  | "in_progress"
  | "close_requested"
  | "closed"
  | "stopped";

export const TASK_STATES: readonly TaskState[] = [
  "assigned",
  "acknowledged",
  "in_progress",
  "close_requested",
  "closed",
  "stopped",
];

export const TASK_STATE_WORDS: Record<TaskState, LocalText> = {
  assigned: { zh: "已交办", en: "assigned" },
  acknowledged: { zh: "已签收", en: "acknowledged" },
  in_progress: { zh: "推进中", en: "in progress" },
  close_requested: { zh: "办结申请", en: "close requested" },
  closed: { zh: "已办结", en: "closed" },
  stopped: { zh: "已中止", en: "stopped" },
};

/** States in which the task is still being worked: it can be stopped or adjusted. */
export const OPEN_TASK_STATES: readonly TaskState[] = [
  "assigned",
  "acknowledged",
  "in_progress",
  "close_requested",
];

export const isOpenTaskState = (state: TaskState) => OPEN_TASK_STATES.includes(state);

export type TaskAction =
  | "acknowledge"
  | "report_progress"
  | "request_close"
  | "close"
  | "return_close"
  | "stop"
  | "request_adjustment"
  | "decide_adjustment";

/** Who acts, as the rules need it; the service works out isLead / isCo from the task's departments. */
export interface TaskActor {
  role: Role;
  departmentId: number | null;
  /** The actor's department is the task's 牵头单位. */
  isLead: boolean;
  /** The actor's department is one of its 配合单位. */
  isCo: boolean;
}

export interface MilestoneFacts {
  id: number;
  name: string;
  /** YYYY-MM-DD */
  due: string;
  doneOn: string | null;
}

export interface TaskFacts {
  state: TaskState;
  title: string;
  /** YYYY-MM-DD; null: no deadline (长期 / 持续推进). */
  deadline: string | null;
  milestones: readonly MilestoneFacts[];
}

export type TaskRefusalCode = "bad_state" | "forbidden" | "bad_input";

export interface TaskRefusal {
  ok: false;
  code: TaskRefusalCode;
  /** Stable name of the rule (lead_only, evidence_required, milestone_after_deadline …). */
  rule: string;
  message: LocalText;
  /** The task's state now: a bad_state refusal is a 409 that names it. */
  state: TaskState;
  /** The input field at fault, for bad_input. */
  field?: string;
}

export interface TaskMove {
  ok: true;
  action: TaskAction;
  from: TaskState;
  state: TaskState;
  /** One line for the audit trail and the task's history. */
  summary: LocalText;
}

export type TaskResult<M extends TaskMove = TaskMove> = M | TaskRefusal;

export type Check = () => TaskRefusal | null;

export const firstRefusal = (...checks: Check[]): TaskRefusal | null => {
  for (const check of checks) {
    const refusal = check();
    if (refusal) return refusal;
  }
  return null;
};

export const refuse = (
  code: TaskRefusalCode,
  rule: string,
  task: TaskFacts,
  message: LocalText,
  field?: string,
): TaskRefusal => ({ ok: false, code, rule, message, state: task.state, ...(field ? { field } : {}) });

/** A refusal as the one error type: bad_state → conflict (409), the others by their own code. */
export function refusalError(refusal: TaskRefusal): AppError {
  const code = refusal.code === "bad_state" ? "conflict" : refusal.code;
  return new AppError(code, refusal.message, {
    rule: refusal.rule,
    state: refusal.state,
    ...(refusal.field ? { field: refusal.field } : {}),
  });
}

const DECIDER_ROLES: readonly Role[] = ["planner", "admin"];

/** zh: the verb after “只有…的任务可以”; act: the step said alone (签收任务, 办结销号). */
const ACTION_WORDS: Record<TaskAction, LocalText & { act: string }> = {
  acknowledge: { zh: "签收", act: "签收任务", en: "acknowledge" },
  report_progress: { zh: "报送进展", act: "报送进展", en: "report progress on" },
  request_close: { zh: "申请办结", act: "申请办结", en: "request the closing of" },
  close: { zh: "办结销号", act: "办结销号", en: "close" },
  return_close: { zh: "退回办结申请", act: "退回办结申请", en: "return the close request of" },
  stop: { zh: "中止", act: "中止任务", en: "stop" },
  request_adjustment: { zh: "申请调整", act: "申请调整", en: "request an adjustment of" },
  decide_adjustment: { zh: "审批调整申请", act: "审批调整申请", en: "decide an adjustment of" },
};

/** For “only a task that is assigned can be …”. */
const ACTION_DONE_EN: Record<TaskAction, string> = {
  acknowledge: "acknowledged",
  report_progress: "reported on",
  request_close: "put up for closing",
  close: "closed",
  return_close: "returned",
  stop: "stopped",
  request_adjustment: "adjusted",
  decide_adjustment: "adjusted",
};

/** The lead department's reporter, and no one else (a co-operating department is told why). */
function leadReporter(task: TaskFacts, actor: TaskActor, action: TaskAction): Check {
  return () => {
    const w = ACTION_WORDS[action];
    if (actor.role === "reporter" && actor.isLead) return null;
    if (actor.role === "reporter" && actor.isCo) {
      return refuse("forbidden", "co_department", task, {
        zh: `配合单位不能${w.act}：该任务由牵头单位办理`,
        en: `a co-operating department cannot ${w.en} a task: the lead department does`,
      });
    }
    if (actor.role === "reporter") {
      return refuse("forbidden", "not_lead", task, {
        zh: `只有牵头单位可以${w.act}，您的单位不是该任务的牵头单位`,
        en: `only the lead department may ${w.en} this task, and yours is not its lead`,
      });
    }
    return refuse("forbidden", "lead_reporter_only", task, {
      zh: `${w.act}由牵头单位的填报人员办理`,
      en: `only a reporter of the lead department may ${w.en} a task`,
    });
  };
}

/** The planning office (admins too, who may edit any plan). */
function decider(task: TaskFacts, actor: TaskActor, action: TaskAction): Check {
  return () => {
    if (DECIDER_ROLES.includes(actor.role)) return null;
    const w = ACTION_WORDS[action];
    if (actor.role === "reporter") {
      return refuse("forbidden", "planner_only", task, {
        zh: `填报人员不能${w.act}：由规划部门办理`,
        en: `a reporter cannot ${w.en} a task: the planning office does`,
      });
    }
    return refuse("forbidden", "planner_only", task, {
      zh: `只有规划部门可以${w.act}`,
      en: `only the planning office may ${w.en} a task`,
    });
  };
}

function inState(task: TaskFacts, allowed: readonly TaskState[], action: TaskAction): Check {
  return () => {
    if (allowed.includes(task.state)) return null;
    const w = ACTION_WORDS[action];
    const now = TASK_STATE_WORDS[task.state];
    const zhAllowed = allowed.map((s) => `“${TASK_STATE_WORDS[s].zh}”`).join("或");
    const enAllowed = allowed.map((s) => TASK_STATE_WORDS[s].en).join(" or ");
    return refuse("bad_state", `not_${action}_state`, task, {
      zh: `任务当前为“${now.zh}”，只有${zhAllowed}的任务可以${w.zh}`,
      en: `the task is ${now.en}; only a task that is ${enAllowed} can be ${ACTION_DONE_EN[action]}`,
    });
  };
}

/**
 * The state machine in one table: who may take each step, and from which states. Every transition
 * passes its gate first; allowedTaskActions reads the same table for the buttons a page shows.
 */
export const TASK_GATES: Record<
  TaskAction,
  {
    who: "lead_reporter" | "planner" | "lead_reporter_or_planner";
    from: readonly TaskState[];
    to: TaskState | "same";
  }
> = {
  acknowledge: { who: "lead_reporter", from: ["assigned"], to: "acknowledged" },
  report_progress: { who: "lead_reporter", from: ["acknowledged", "in_progress"], to: "in_progress" },
  request_close: { who: "lead_reporter", from: ["in_progress"], to: "close_requested" },
  close: { who: "planner", from: ["close_requested"], to: "closed" },
  return_close: { who: "planner", from: ["close_requested"], to: "in_progress" },
  stop: { who: "planner", from: OPEN_TASK_STATES, to: "stopped" },
  request_adjustment: { who: "lead_reporter_or_planner", from: OPEN_TASK_STATES, to: "same" },
  decide_adjustment: { who: "planner", from: OPEN_TASK_STATES, to: "same" },
};

/** Who, then the state: the refusal of the first that fails, or null. */
export function gate(task: TaskFacts, actor: TaskActor, action: TaskAction): TaskRefusal | null {
  const g = TASK_GATES[action];
  const who =
    g.who === "planner"
      ? decider(task, actor, action)
      : g.who === "lead_reporter"
        ? leadReporter(task, actor, action)
        : () => (DECIDER_ROLES.includes(actor.role) ? null : leadReporter(task, actor, action)());
  return who() ?? inState(task, g.from, action)();
}

/** The steps `actor` may take on the task now (input is checked when the step is asked). */
export function allowedTaskActions(task: TaskFacts, actor: TaskActor): TaskAction[] {
  return (Object.keys(TASK_GATES) as TaskAction[]).filter((a) => gate(task, actor, a) === null);
}

export const text = (value: string | null | undefined) => (value ?? "").trim();

/** What a date field is called, by the last part of its path (milestonesDone[0].doneOn → doneOn). */
const DATE_FIELDS: Record<string, LocalText> = {
  on: { zh: "日期", en: "the date" },
  doneOn: { zh: "完成日期", en: "the day done" },
  due: { zh: "节点时间", en: "the milestone's date" },
  proposedDue: { zh: "调整后的日期", en: "the date asked for" },
};

export function dateField(task: TaskFacts, value: string, field: string): Check {
  return () => {
    if (isIsoDate(value)) return null;
    const name = DATE_FIELDS[field.split(".").pop() ?? ""] ?? { zh: field, en: field };
    return refuse(
      "bad_input",
      "bad_date",
      task,
      {
        zh: `${name.zh}不是有效日期（应为YYYY-MM-DD）：“${value}”`,
        en: `${name.en} is not a date (YYYY-MM-DD): ‘${value}’`,
      },
      field,
    );
  };
}

export function required(
  task: TaskFacts,
  value: string | null | undefined,
  field: string,
  what: LocalText,
  rule: string,
): Check {
  return () =>
    text(value) !== ""
      ? null
      : refuse("bad_input", rule, task, { zh: `请填写${what.zh}`, en: `${what.en} is required` }, field);
}

/**
 * A milestone may not fall after the task's deadline (the editor checks the same when milestones are
 * set; an adjustment of either is checked against the other).
 */
export function milestoneAfterDeadline(
  task: TaskFacts,
  milestone: { name: string; due: string },
  deadline: string | null,
  field = "due",
): TaskRefusal | null {
  if (deadline === null || milestone.due <= deadline) return null;
  const due = dayWords(milestone.due, milestone.due.slice(0, 4) !== deadline.slice(0, 4));
  const dl = dayWords(deadline, milestone.due.slice(0, 4) !== deadline.slice(0, 4));
  return refuse(
    "bad_input",
    "milestone_after_deadline",
    task,
    {
      zh: `节点‘${milestone.name}’的时间${due.zh}晚于任务的完成时限${dl.zh}`,
      en: `milestone ‘${milestone.name}’ (${due.en}) falls after the task's deadline (${dl.en})`,
    },
    field,
  );
}

/** Every milestone of a list against a deadline: the editor's check when milestones are set. */
export function checkMilestoneDates(
  task: TaskFacts,
  deadline: string | null,
  milestones: readonly { name: string; due: string }[],
): TaskRefusal | null {
  for (const [i, m] of milestones.entries()) {
    if (text(m.name) === "") {
      return refuse(
        "bad_input",
        "milestone_name_required",
        task,
        { zh: `第${i + 1}个节点缺少名称`, en: `milestone ${i + 1} has no name` },
        `milestones[${i}].name`,
      );
    }
    const bad = dateField(task, m.due, `milestones[${i}].due`)();
    if (bad) return bad;
    const late = milestoneAfterDeadline(task, m, deadline, `milestones[${i}].due`);
    if (late) return late;
  }
  return null;
}
