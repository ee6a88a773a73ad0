// `plantrack status PLAN [--as-of DATE]`: every target's status, the plan's roll-up and the ranking,
// then the tasks (重点任务): their counts by light and those that need attention — overdue, due soon,
// not acknowledged — with the lead department and the working. In the CLI's language (cli-lang.ts):
// one language the whole table.

import type { PlanStatusView } from "../contract/status.ts";
import type { TaskView } from "../contract/tasks.ts";
import { STATUS_WORDS } from "../domain/evaluation.ts";
import { TASK_LIGHT_WORDS, TASK_LIGHTS, type TaskLight } from "../domain/task-lights.ts";
import { planStatus } from "../services/plan-status.ts";
import { resolvePlan } from "../services/report-import.ts";
import { countLights, taskView } from "../services/task-presenter.ts";
import { loadTaskWorld } from "../services/task-world.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { type CliLang, cliLang, usageError, usageText } from "./cli-lang.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";
import { textTable } from "./text-table.ts";

const USAGE = usageText(
  [
    "plantrack status 计划 [--as-of 2020-10-12] [--json]",
    "",
    "  计划     计划编号或标题中唯一的一段",
    "  --as-of  以截至该日已审核的报告计算（默认今天）",
    "  --json   输出 JSON（与 GET /api/plans/:id/status 相同）",
    "  PLANTRACK_LANG=en：英文输出",
  ],
  [
    "plantrack status PLAN [--as-of YYYY-MM-DD] [--json]",
    "",
    "  PLAN     a plan's id or a unique part of its title",
    "  --as-of  from the reports approved by that date (default today)",
    "  --json   the API's JSON (as GET /api/plans/:id/status)",
    "  PLANTRACK_LANG=en: messages in English",
  ],
);

const WORDS = {
  zh: {
    targetHeaders: ["编号", "指标", "责任单位", "报告期", "完成", "时序", "状态", "说明"],
    rankingHeaders: ["名次", "责任单位", "完成指数", "按时报送"],
    taskHeaders: ["编号", "重点任务", "牵头单位", "状态", "说明"],
    asOf: (title: string, date: string, demo: boolean) =>
      `《${title}》截至${date}${demo ? "（示例数据）" : ""}`,
    total: (n: number, counts: string, index: string) => `合计${n}项指标：${counts}；完成指数 ${index}`,
    tasks: (n: number, counts: string) => `重点任务${n}项：${counts}`,
    attention: "需要关注的任务（逾期、未签收、临期）：",
    noAttention: "没有逾期、未签收或临期的任务。",
    noTasks: "本计划没有重点任务。",
  },
  en: {
    targetHeaders: ["id", "target", "department", "period", "done", "due", "status", "working"],
    rankingHeaders: ["rank", "department", "completion index", "reports on time"],
    taskHeaders: ["id", "task", "lead department", "status", "working"],
    asOf: (title: string, date: string, demo: boolean) =>
      `“${title}” as of ${date}${demo ? " (demo data)" : ""}`,
    total: (n: number, counts: string, index: string) => `${n} targets: ${counts}; completion index ${index}`,
    tasks: (n: number, counts: string) => `${n} tasks: ${counts}`,
    attention: "Tasks that need attention (overdue, not acknowledged, due soon):",
    noAttention: "No task is overdue, unacknowledged or due soon.",
    noTasks: "The plan has no tasks.",
  },
} as const;

/** The lights that need someone to act, worst first. */
const ATTENTION: readonly TaskLight[] = ["overdue", "unacknowledged", "due_soon"];

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const cut = (text: string, max: number) =>
  [...text].length > max ? `${[...text].slice(0, max).join("")}…` : text;

/** The tasks' section: the count in every light, then the tasks that need attention. */
export function tasksText(tasks: readonly TaskView[], lang: CliLang): string {
  const w = WORDS[lang];
  if (tasks.length === 0) return w.noTasks;
  const counts = countLights(tasks);
  const sep = lang === "zh" ? " · " : ", ";
  const line = TASK_LIGHTS.map((l) => `${TASK_LIGHT_WORDS[l][lang]} ${counts[l]}`).join(sep);
  const attention = tasks
    .filter((t) => ATTENTION.includes(t.status))
    .sort((a, b) => ATTENTION.indexOf(a.status) - ATTENTION.indexOf(b.status) || a.id - b.id);
  const table =
    attention.length === 0
      ? w.noAttention
      : `${w.attention}\n${textTable(
          [...w.taskHeaders],
          attention.map((t) => [
            String(t.id),
            cut(t.title, 24),
            t.leadDepartment?.name ?? "—",
            TASK_LIGHT_WORDS[t.status][lang],
            t.working[lang],
          ]),
          new Set([0]),
        )}`;
  return [w.tasks(tasks.length, line), "", table].join("\n");
}

export function statusText(
  title: string,
  s: PlanStatusView,
  tasks: readonly TaskView[],
  lang: CliLang,
): string {
  const w = WORDS[lang];
  const rows = s.targets.map((t) => [
    String(t.targetId),
    cut(t.subject, 18),
    t.department?.name ?? "—",
    t.evaluation.period?.key ?? "—",
    pct(t.evaluation.completion),
    t.evaluation.expectedShare === null ? "—" : pct(t.evaluation.expectedShare),
    STATUS_WORDS[t.evaluation.status][lang],
    t.evaluation.phrase?.[lang] ?? t.evaluation.working[lang],
  ]);
  const table = textTable([...w.targetHeaders], rows, new Set([0, 4, 5]));
  const c = s.plan.counts;
  const counts = (Object.keys(c) as (keyof typeof c)[])
    .map((k) => `${STATUS_WORDS[k][lang]} ${c[k]}`)
    .join(lang === "zh" ? " · " : ", ");
  const ranking = textTable(
    [...w.rankingHeaders],
    s.rankings.map((r) => [
      String(r.rank),
      r.department.name,
      pct(r.completionIndex),
      `${r.reportsOnTime}/${r.reportsDue}`,
    ]),
    new Set([0, 2, 3]),
  );
  return [
    w.asOf(title, s.asOf, s.demo),
    "",
    table,
    "",
    w.total(s.plan.total, counts, pct(s.plan.completionIndex)),
    "",
    ranking,
    "",
    tasksText(tasks, lang),
    "",
  ].join("\n");
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, { boolean: ["json"], string: ["as-of"] });
  const [ref, ...extra] = positionals;
  if (!ref || extra.length > 0) throw usageError(USAGE);
  const { store } = await openMigratedStore(io);
  try {
    const plan = await resolvePlan(store.db, ref);
    const asOf = typeof flags["as-of"] === "string" ? flags["as-of"] : undefined;
    const status = await planStatus(store.db, plan.id, asOf);
    if (flags.json === true) {
      io.out(`${JSON.stringify(status, null, 2)}\n`);
      return 0;
    }
    // The tasks judged on the same day as the targets (the demo plan's fixed date for demo data).
    const world = await loadTaskWorld(store.db, plan.id);
    const tasks = world.tasks.map((e) => taskView(world, e, status.asOf));
    io.out(statusText(plan.title, status, tasks, cliLang(io.env)));
    return 0;
  } finally {
    await store.close();
  }
}

export const statusCommand: CliCommand = {
  name: "status",
  summary: { zh: "计划执行情况表", en: "the plan's status table" },
  usage: USAGE,
  run,
};
