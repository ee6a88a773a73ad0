// `plantrack plan copy PLAN --year 2021`: the plan as a new draft for another year.

import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { AppError } from "../domain/app-error.ts";
import { copyPlan } from "../services/plan-copy.ts";
import { resolvePlan } from "../services/report-import.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { say, usageError, usageText } from "./cli-lang.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

const USAGE = usageText(
  [
    "plantrack plan copy 计划 --year 2021",
    "",
    "  计划    计划编号或标题中唯一的一段",
    "  --year  新计划的年份；标题中的年份随之改变",
    "  复制提纲、指标（保留目标值，基数留空）、事项、责任单位和设置，不复制报告；新计划为草稿",
  ],
  [
    "plantrack plan copy PLAN --year YYYY",
    "",
    "  PLAN    a plan's id or a unique part of its title",
    "  --year  the new plan's year (the title's year follows)",
    "  copies the outline, targets (values kept, baselines empty), items, departments and settings;",
    "  no reports; the new plan is a draft",
  ],
);

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, { string: ["year"] });
  const [sub, ref, ...extra] = positionals;
  const yearText = typeof flags.year === "string" ? flags.year.trim() : "";
  if (sub !== "copy" || !ref || extra.length > 0 || yearText === "") {
    throw usageError(USAGE, { details: { usage: USAGE } });
  }
  if (!/^\d{4}$/.test(yearText)) {
    throw new AppError(
      "bad_input",
      {
        zh: `--year 应为 2021 这样的年份，收到“${yearText}”`,
        en: `--year must be a year like 2021: ${yearText}`,
      },
      { field: "year" },
    );
  }
  const { store } = await openMigratedStore(io);
  try {
    const plan = await resolvePlan(store.db, ref);
    const copy = await copyPlan(store.db, SYSTEM_ACTOR, plan.id, { year: Number(yearText) });
    const c = copy.counts;
    io.out(
      `${say(io.env, {
        zh: `已复制 #${plan.id}《${plan.title}》 → #${copy.id}《${copy.title}》（草稿）：${c.areas} 个领域，${c.groups} 个分组，${c.tasks} 项任务，${c.targets} 项指标，${c.milestones} 个里程碑，${c.items} 个事项`,
        en: `copied #${plan.id} “${plan.title}” → #${copy.id} “${copy.title}” (draft): ${c.areas} areas, ${c.groups} groups, ${c.tasks} tasks, ${c.targets} targets, ${c.milestones} milestones, ${c.items} items`,
      })}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

export const planCommand: CliCommand = {
  name: "plan",
  summary: { zh: "复制计划到另一年份", en: "copy a plan to another year" },
  usage: USAGE,
  run,
};
