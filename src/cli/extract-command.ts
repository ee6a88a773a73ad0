import { AppError, type LocalText } from "../domain/app-error.ts";
import { unitInEnglish } from "../domain/units.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import type { ExtractedTarget, PlanDraft, TaskNode } from "../extract/types.ts";
import { readDocument } from "../services/read-document.ts";
import type { CliCommand } from "./cli-io.ts";
import { type CliLang, cliLang, usageText } from "./cli-lang.ts";
import { parseArgs } from "./parse-args.ts";
import { readInputFile } from "./read-input-file.ts";

// The extractor's codes in the reader's words (the plan's own text — subjects, values — stays as written).
const COMPARATOR_WORDS: Record<string, LocalText> = {
  target: { zh: "", en: "" },
  at_least: { zh: "≥", en: "≥" },
  at_most: { zh: "≤", en: "≤" },
  about: { zh: "≈", en: "≈" },
  range: { zh: "区间", en: "range " },
};
const DIRECTION_WORDS: Record<string, LocalText> = {
  increase: { zh: "增量", en: "increase" },
  decrease: { zh: "减量", en: "decrease" },
  level: { zh: "水平", en: "level" },
};
const KIND_WORDS: Record<string, LocalText> = {
  cumulative: { zh: "累计量", en: "cumulative" },
  level: { zh: "水平值", en: "level" },
  rate: { zh: "增速", en: "rate" },
  milestone: { zh: "里程碑", en: "milestone" },
};
const CATEGORY_WORDS: Record<string, LocalText> = {
  land_parcel: { zh: "地块", en: "land parcel" },
  project: { zh: "项目", en: "project" },
  facility: { zh: "设施", en: "facility" },
};

const TABLE_WORDS = {
  zh: {
    title: "标题：",
    region: "地区：",
    year: "年度：",
    issuer: "发布：",
    published: "日期：",
    outline: (n: number) => `提纲（${n}）：`,
    targets: (n: number) => `指标（${n}）：`,
    suggested: "（建议）",
    milestones: (n: number) => `里程碑（${n}）：`,
    items: (n: number) => `事项（${n}）：`,
    tasks: (n: number) => `任务：${n}`,
    category: (c: string) => `（${c}）`,
    sep: "，",
  },
  en: {
    title: "title:     ",
    region: "region:    ",
    year: "year:      ",
    issuer: "issuer:    ",
    published: "published: ",
    outline: (n: number) => `outline (${n}):`,
    targets: (n: number) => `targets (${n}):`,
    suggested: " (suggested)",
    milestones: (n: number) => `milestones (${n}):`,
    items: (n: number) => `items (${n}):`,
    tasks: (n: number) => `tasks: ${n}`,
    category: (c: string) => ` (${c})`,
    sep: ", ",
  },
} as const;

function word(words: Record<string, LocalText>, code: string, lang: CliLang): string {
  return words[code]?.[lang] ?? code;
}

function table(draft: PlanDraft, lang: CliLang): string {
  const w = TABLE_WORDS[lang];
  const lines: string[] = [];
  const m = draft.meta;
  lines.push(`${w.title}${m.title ?? "—"}`);
  lines.push(`${w.region}${m.region ?? "—"}`);
  lines.push(
    `${w.year}${m.year ?? "—"}${m.periodStart !== m.periodEnd ? ` (${m.periodStart}–${m.periodEnd})` : ""}`,
  );
  lines.push(`${w.issuer}${m.issuer ?? "—"}`);
  lines.push(`${w.published}${m.published ?? "—"}`);
  lines.push("");
  lines.push(w.outline(draft.outline.length));
  for (const h of draft.outline) lines.push(`${"  ".repeat(h.level)}${h.marker}${h.title}`);
  lines.push("");
  lines.push(w.targets(draft.targets.length));
  draft.targets.forEach((t, i) => {
    const value = t.value2 !== null ? `${t.value}–${t.value2}` : `${t.value}`;
    const dept = t.department ? `  → ${t.department.department}${w.suggested}` : "";
    const facts = [
      `${value} ${lang === "en" ? unitInEnglish(t.unit) : t.unit}`,
      word(DIRECTION_WORDS, t.direction, lang),
      word(KIND_WORDS, t.kind, lang),
    ];
    lines.push(
      `${String(i + 1).padStart(3)}. ${t.subject}  ${word(COMPARATOR_WORDS, t.comparator, lang)}${t.display}  [${facts.join(w.sep)}]${dept}`,
    );
  });
  lines.push("");
  lines.push(w.milestones(draft.milestones.length));
  for (const ms of draft.milestones) lines.push(`  - ${ms.subject}`);
  lines.push(w.items(draft.items.length));
  for (const it of draft.items)
    lines.push(`  - ${it.name}${w.category(word(CATEGORY_WORDS, it.category, lang))}`);
  lines.push(w.tasks(draft.tasks.length));
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

const USAGE = usageText(
  [
    "plantrack extract [--json] [--region 南开区] [--year 2020] 文件",
    "",
    "  文件       计划文件：.txt（UTF-8 或 GB18030/GBK）、.html、.docx、.doc、.wps、带文字层的 .pdf、.ofd",
    "  --json     输出 JSON（格式见 spec/extraction.md）",
    "  --region   指定地区",
    "  --year     指定年度",
  ],
  [
    "plantrack extract [--json] [--region REGION] [--year YEAR] FILE",
    "",
    "  FILE       a plan document: .txt (UTF-8 or GB18030/GBK), .html, .docx, .doc, .wps, .pdf with a text layer, .ofd",
    "  --json     print the JSON contract (spec/extraction.md)",
    "  --region   override the region",
    "  --year     override the year",
  ],
);

export const extractCommand: CliCommand = {
  name: "extract",
  summary: {
    zh: "读取计划文本，输出提纲与指标",
    en: "read a plan document and print its outline and targets",
  },
  usage: USAGE,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, { boolean: ["json"], string: ["region", "year"] });
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      throw new AppError(
        "bad_input",
        { zh: "需要且只需要一个文件", en: "exactly one FILE is required" },
        { usage: USAGE },
      );
    }
    const year = flags.year === undefined ? undefined : Number(flags.year);
    if (year !== undefined && !Number.isInteger(year)) {
      throw new AppError("bad_input", {
        zh: `--year 应为年份，收到“${flags.year}”`,
        en: `--year must be a year: ${flags.year}`,
      });
    }
    const { text } = await readDocument(await readInputFile(file), file, file);
    const draft = extractPlan(text, {
      ...(typeof flags.region === "string" ? { region: flags.region } : {}),
      ...(year !== undefined ? { year } : {}),
    });
    io.out(flags.json ? `${JSON.stringify(contractJson(draft), null, 1)}\n` : table(draft, cliLang(io.env)));
    return 0;
  },
};
