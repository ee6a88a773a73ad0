// The draft of the execution report (计划执行情况报告) in the official layout: the same judgement as
// the progress report, written as prose — one section and one paragraph per area — for the planner to
// edit into the report sent to the 人大常委会.

import type { Paragraph } from "docx";
import { body, heading1, packOfficial, signature, title } from "./official-docx.ts";
import { chineseOrdinal } from "./progress-docx.ts";
import type { GatheredText, ProgressModel, TargetLine } from "./progress-model.ts";

const LAGGING = new Set(["behind", "far_behind"]);

/** The targets of a section in one run of prose: “甲累计完成…；乙累计增长…。” */
export function proseOf(lines: readonly TargetLine[]): string {
  if (lines.length === 0) return "";
  return `${lines.map((l) => l.sentence.zh).join("；")}。`;
}

function textsProse(items: readonly GatheredText[]): string {
  return items.map((g) => g.text.replace(/[。；;.\s]+$/, "")).join("；");
}

export function executionDraftChildren(model: ProgressModel): Paragraph[] {
  const out: Paragraph[] = [
    ...title(model.draftTitle),
    body(`现将${model.periodLabel}计划执行情况报告如下。${model.overview.sentence.zh}`),
  ];
  let n = 0;
  const section = (text: string) => out.push(heading1(`${chineseOrdinal(++n)}、${text}`));
  if (model.headline.length > 0) {
    section("主要预期指标完成情况");
    out.push(body(proseOf(model.headline)));
  }
  for (const a of model.areas) {
    section(a.title);
    const lagging = a.targets.filter((l) => LAGGING.has(l.status)).map((l) => l.subject);
    const missing = a.targets.filter((l) => l.status === "not_reported").map((l) => l.subject);
    const tail = [
      lagging.length > 0 ? `${lagging.join("、")}进度滞后，需加快推进` : "",
      missing.length > 0 ? `${missing.join("、")}未按时报送进展` : "",
    ].filter((x) => x !== "");
    out.push(body(`${proseOf(a.targets)}${tail.length > 0 ? `其中，${tail.join("；")}。` : ""}`));
  }
  section("存在的问题");
  out.push(
    body(
      model.problems.length > 0
        ? `从各责任单位报送情况看，主要存在以下问题：${textsProse(model.problems)}。`
        : "各责任单位本期未反映问题。",
    ),
  );
  section("下一步工作安排");
  out.push(
    body(
      model.nextSteps.length > 0
        ? `下一步，各责任单位将${textsProse(model.nextSteps)}，确保完成全年目标任务。`
        : "各责任单位本期未报送下步打算。",
    ),
  );
  out.push(...signature(model.issuer, model.date));
  return out;
}

export async function renderExecutionDraftDocx(model: ProgressModel): Promise<Buffer> {
  return packOfficial({
    title: model.draftTitle,
    description: model.sourceNote.zh,
    children: executionDraftChildren(model),
  });
}
