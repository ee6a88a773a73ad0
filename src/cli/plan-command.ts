// `plantrack plan copy PLAN --year 2021`: the plan as a new draft for another year.

import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { AppError } from "../domain/app-error.ts";
import { copyPlan } from "../services/plan-copy.ts";
import { resolvePlan } from "../services/report-import.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

const USAGE = [
  "plantrack plan copy PLAN --year YYYY",
  "",
  "  PLAN    计划编号或标题中唯一的一段 / a plan's id or a unique part of its title",
  "  --year  新计划的年份；标题中的年份随之改变 / the new plan's year (the title's year follows)",
  "  复制提纲、指标（保留目标值，基数留空）、事项、责任单位和设置，不复制报告；新计划为草稿",
  "  copies the outline, targets (values kept, baselines empty), items, departments and settings;",
  "  no reports; the new plan is a draft",
].join("\n");

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, { string: ["year"] });
  const [sub, ref, ...extra] = positionals;
  const yearText = typeof flags.year === "string" ? flags.year.trim() : "";
  if (sub !== "copy" || !ref || extra.length > 0 || yearText === "") {
    throw new AppError("bad_input", `用法 / usage: ${USAGE.split("\n")[0]}`, { usage: USAGE });
  }
  if (!/^\d{4}$/.test(yearText)) {
    throw new AppError("bad_input", `年份无效：${yearText} / --year must be a year like 2021: ${yearText}`, {
      field: "year",
    });
  }
  const { store } = await openMigratedStore(io);
  try {
    const plan = await resolvePlan(store.db, ref);
    const copy = await copyPlan(store.db, SYSTEM_ACTOR, plan.id, { year: Number(yearText) });
    const c = copy.counts;
    io.out(
      `已复制 copied #${plan.id}《${plan.title}》 → #${copy.id}《${copy.title}》（草稿 draft）: ${c.areas} 领域 areas, ${c.groups} 分组 groups, ${c.tasks} 任务 tasks, ${c.targets} 指标 targets, ${c.milestones} 里程碑 milestones, ${c.items} 事项 items\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

export const planCommand: CliCommand = {
  name: "plan",
  summary: "复制计划到另一年份 / copy a plan to another year",
  usage: USAGE,
  run,
};
