// `plantrack status PLAN [--as-of DATE]`: every target's status, the plan's roll-up and the ranking.

import type { PlanStatusView } from "../contract/status.ts";
import { AppError } from "../domain/app-error.ts";
import { STATUS_WORDS } from "../domain/evaluation.ts";
import { planStatus } from "../services/plan-status.ts";
import { resolvePlan } from "../services/report-import.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";
import { textTable } from "./text-table.ts";

const USAGE = [
  "plantrack status PLAN [--as-of YYYY-MM-DD] [--json]",
  "",
  "  PLAN     计划编号或标题中唯一的一段 / a plan's id or a unique part of its title",
  "  --as-of  截至该日已审核的报告 / from the reports approved by that date (default today)",
  "  --json   输出 JSON（与 GET /api/plans/:id/status 相同） / the API's JSON",
].join("\n");

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

export function statusText(title: string, s: PlanStatusView): string {
  const rows = s.targets.map((t) => [
    String(t.targetId),
    t.subject.length > 18 ? `${t.subject.slice(0, 18)}…` : t.subject,
    t.department?.name ?? "—",
    t.evaluation.period?.key ?? "—",
    pct(t.evaluation.completion),
    t.evaluation.expectedShare === null ? "—" : pct(t.evaluation.expectedShare),
    STATUS_WORDS[t.evaluation.status].zh,
    t.evaluation.phrase?.zh ?? t.evaluation.working.zh,
  ]);
  const table = textTable(
    [
      "编号 id",
      "指标 target",
      "责任单位 dept",
      "报告期",
      "完成 done",
      "时序 due",
      "状态 status",
      "说明 working",
    ],
    rows,
    new Set([0, 4, 5]),
  );
  const c = s.plan.counts;
  const counts = (Object.keys(c) as (keyof typeof c)[])
    .map((k) => `${STATUS_WORDS[k].zh} ${c[k]}`)
    .join(" · ");
  const ranking = textTable(
    ["名次", "责任单位 department", "完成指数 index", "按时报送 on time"],
    s.rankings.map((r) => [
      String(r.completionRank),
      r.department.name,
      pct(r.completionIndex),
      `${r.reportsOnTime}/${r.reportsDue}`,
    ]),
    new Set([0, 2, 3]),
  );
  return [
    `《${title}》截至 as of ${s.asOf}${s.demo ? "（示例数据 demo data）" : ""}`,
    "",
    table,
    "",
    `合计 ${s.plan.total} 项 targets: ${counts}；完成指数 completion index ${pct(s.plan.completionIndex)}`,
    "",
    ranking,
    "",
  ].join("\n");
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, { boolean: ["json"], string: ["as-of"] });
  const [ref, ...extra] = positionals;
  if (!ref || extra.length > 0) throw new AppError("bad_input", `用法 / usage: ${USAGE.split("\n")[0]}`);
  const { store } = await openMigratedStore(io);
  try {
    const plan = await resolvePlan(store.db, ref);
    const asOf = typeof flags["as-of"] === "string" ? flags["as-of"] : undefined;
    const status = await planStatus(store.db, plan.id, asOf);
    io.out(flags.json === true ? `${JSON.stringify(status, null, 2)}\n` : statusText(plan.title, status));
    return 0;
  } finally {
    await store.close();
  }
}

export const statusCommand: CliCommand = {
  name: "status",
  summary: "计划执行情况表 / the plan's status table",
  usage: USAGE,
  run,
};
