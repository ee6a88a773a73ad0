import { AppError } from "../domain/app-error.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import type { ExtractedTarget, PlanDraft, TaskNode } from "../extract/types.ts";
import { readDocument } from "../services/read-document.ts";
import type { CliCommand } from "./cli-io.ts";
import { parseArgs } from "./parse-args.ts";
import { readInputFile } from "./read-input-file.ts";

const COMPARATOR_WORDS: Record<string, string> = {
  target: "",
  at_least: "≥",
  at_most: "≤",
  about: "≈",
  range: "区间",
};
const DIRECTION_WORDS: Record<string, string> = { increase: "增量", decrease: "减量", level: "水平" };

function table(draft: PlanDraft): string {
  const lines: string[] = [];
  const m = draft.meta;
  lines.push(`标题 title:     ${m.title ?? "—"}`);
  lines.push(`地区 region:    ${m.region ?? "—"}`);
  lines.push(
    `年度 year:      ${m.year ?? "—"}${m.periodStart !== m.periodEnd ? ` (${m.periodStart}–${m.periodEnd})` : ""}`,
  );
  lines.push(`发布 issuer:    ${m.issuer ?? "—"}`);
  lines.push(`日期 published: ${m.published ?? "—"}`);
  lines.push("");
  lines.push(`提纲 outline (${draft.outline.length}):`);
  for (const h of draft.outline) lines.push(`${"  ".repeat(h.level)}${h.marker}${h.title}`);
  lines.push("");
  lines.push(`指标 targets (${draft.targets.length}):`);
  draft.targets.forEach((t, i) => {
    const value = t.value2 !== null ? `${t.value}–${t.value2}` : `${t.value}`;
    const dept = t.department ? `  → ${t.department.department}(建议 suggested)` : "";
    lines.push(
      `${String(i + 1).padStart(3)}. ${t.subject}  ${COMPARATOR_WORDS[t.comparator]}${t.display}  [${value} ${t.unit}, ${DIRECTION_WORDS[t.direction]}, ${t.kind}]${dept}`,
    );
  });
  lines.push("");
  lines.push(`里程碑 milestones (${draft.milestones.length}):`);
  for (const ms of draft.milestones) lines.push(`  - ${ms.subject}`);
  lines.push(`事项 items (${draft.items.length}):`);
  for (const it of draft.items) lines.push(`  - ${it.name} (${it.category})`);
  lines.push(`任务 tasks: ${draft.tasks.length}`);
  return `${lines.join("\n")}\n`;
}

/**
 * The draft as the spec's JSON contract writes it: a table row's baseline is a number with its
 * `baselineYear` beside it, and a task's stated departments carry `leadDepartment` and `stated: true`.
 */
export function contractJson(draft: PlanDraft): unknown {
  const target = ({ baseline, ...t }: ExtractedTarget) =>
    baseline === undefined
      ? t
      : { ...t, baseline: baseline?.value ?? null, baselineYear: baseline?.year ?? null };
  const task = (t: TaskNode) =>
    t.leadDepartments === undefined && t.coDepartments === undefined && t.deadline === undefined
      ? t
      : { ...t, leadDepartment: t.leadDepartments?.[0] ?? null, stated: true };
  return { ...draft, targets: draft.targets.map(target), tasks: draft.tasks.map(task) };
}

export const extractCommand: CliCommand = {
  name: "extract",
  summary: "读取计划文本，输出提纲与指标 / read a plan document and print its outline and targets",
  usage: [
    "plantrack extract [--json] [--region 南开区] [--year 2020] FILE",
    "",
    "  FILE       计划文件：.txt（UTF-8 或 GB18030/GBK）、.html、.docx、.doc、.wps、带文字层的 .pdf、.ofd",
    "             a plan document: .txt (UTF-8 or GB18030/GBK), .html, .docx, .doc, .wps, .pdf with a text layer, .ofd",
    "  --json     输出 JSON（见 spec/extraction.md） / print the JSON contract",
    "  --region   指定地区 / override the region",
    "  --year     指定年度 / override the year",
  ].join("\n"),
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, { boolean: ["json"], string: ["region", "year"] });
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      throw new AppError("bad_input", "需要且只需要一个文件 / exactly one FILE is required", {
        usage: extractCommand.usage,
      });
    }
    const year = flags.year === undefined ? undefined : Number(flags.year);
    if (year !== undefined && !Number.isInteger(year)) {
      throw new AppError("bad_input", `--year 应为年份 / --year must be a year: ${flags.year}`);
    }
    const { text } = await readDocument(await readInputFile(file), file, file);
    const draft = extractPlan(text, {
      ...(typeof flags.region === "string" ? { region: flags.region } : {}),
      ...(year !== undefined ? { year } : {}),
    });
    io.out(flags.json ? `${JSON.stringify(contractJson(draft), null, 1)}\n` : table(draft));
    return 0;
  },
};
