// The progress report (执行情况报告) as a 公文 (GB/T 9704-2012 §7): 版头, title, 主送机关, the body an
// office writes (一、总体情况 … 五、下一步工作打算), “特此报告。”, 附件说明, 署名 and 成文日期, the two
// 附件 (主要指标完成情况表, 重点任务推进情况表) each on a new page, and the 版记 on the last even page.

import { Paragraph, type Table } from "docx";
import { renderChartPng } from "./chart-png.ts";
import {
  attachmentHead,
  attachmentNote,
  body,
  caption,
  chart,
  colophon,
  heading1,
  heading2,
  heading3,
  letterhead,
  packOfficial,
  recipientLine,
  signature,
  table,
  title,
} from "./official-docx.ts";
import {
  type AreaSection,
  type GatheredText,
  type ProgressModel,
  statusRows,
  type TargetLine,
} from "./progress-model.ts";
import { areaCompletionOption, CHART_SIZE, statusCountOption } from "./report-charts.ts";

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (section numbers). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[ones]}`;
}

/** Column widths in millimetres of the 156 mm text block; 小四 characters are 4.2 mm wide, so a
 * column holds its header's words whole (序号 needs 8.5 mm and its cell margins). */
const TARGET_COLUMNS = [
  { header: "序号", share: 12 },
  { header: "指标", share: 33, align: "left" as const },
  { header: "目标", share: 18 },
  { header: "完成值", share: 19 },
  { header: "完成进度", share: 20 },
  { header: "较时序进度（百分点）", share: 20 },
  { header: "状态", share: 14 },
  { header: "责任单位", share: 20 },
];

/**
 * 附件2, in shares of the 156 mm text block: a task's first twelve characters stay on its cell's first
 * line even when the thirteenth is a stop that may not begin the next (58); each header on one line.
 */
const TASK_COLUMNS = [
  { header: "序号", share: 12 },
  { header: "重点任务", share: 58, align: "left" as const },
  { header: "牵头单位", share: 20 },
  { header: "完成时限", share: 20 },
  { header: "状态", share: 12 },
  { header: "进展情况", share: 34, align: "left" as const },
];

/** Mentions in a sentence: the first `max`, then “等N项”. */
const MENTION_MAX = 12;

function mention(names: readonly string[], unit = "项"): string {
  if (names.length <= MENTION_MAX) return names.join("、");
  return `${names.slice(0, MENTION_MAX).join("、")}等${names.length}${unit}`;
}

function targetTable(lines: readonly TargetLine[]): Table {
  return table(
    TARGET_COLUMNS,
    lines.map((l, i) => [
      String(i + 1),
      // 约束性 is what the people's congress holds the government to: marked where it is named.
      l.attribute === "binding" ? `${l.subject}（约束性）` : l.subject,
      l.display || "—",
      l.valueText,
      l.completionText,
      l.gapText,
      l.statusWord.zh,
      l.department ?? "—",
    ]),
  );
}

/** “1.…（区科技局、区商务局反映）” — the gathered texts, at most ten. */
function gathered(items: readonly GatheredText[], none: string): Paragraph[] {
  if (items.length === 0) return [body(none)];
  return items.slice(0, 10).map((g, i) => {
    const text = g.text.replace(/[。；;.\s]+$/, "");
    const who =
      g.departments.length === 0
        ? ""
        : `（${g.departments.slice(0, 3).join("、")}${g.departments.length > 3 ? `等${g.departments.length}个单位` : ""}反映）`;
    return heading3(`${i + 1}.`, `${text}${who}。`);
  });
}

function overview(model: ProgressModel): Array<Paragraph | Table> {
  const r = model.overview.rollup;
  const t = model.tasks;
  const out: Array<Paragraph | Table> = [heading1("一、总体情况"), body(model.overview.sentence.zh)];
  if (t.summary !== "") out.push(body(t.summary));
  out.push(body(`${model.overview.indexDefinition.zh}${model.sourceNote.zh}`));
  if (r.total > 0) {
    const counts = renderChartPng(statusCountOption(statusRows(r)), CHART_SIZE.width, 300);
    out.push(chart(counts.png, counts.width, counts.height), caption("图1  指标进度状态分布"));
  }
  const measured = model.areas.filter((a) => a.rollup.completionIndex !== null);
  if (measured.length > 0) {
    const height = Math.max(300, 60 + measured.length * 36);
    const areas = renderChartPng(
      areaCompletionOption(measured, model.expectedShare),
      CHART_SIZE.width,
      height,
    );
    out.push(chart(areas.png, areas.width, areas.height), caption("图2  各领域综合完成指数与时序进度"));
  }
  return out;
}

const LAGGING = new Set(["behind", "far_behind"]);

function indicators(model: ProgressModel): Paragraph[] {
  const out: Paragraph[] = [heading1("二、主要指标完成情况")];
  if (model.headline.length === 0) out.push(body("本计划未单列主要预期指标。"));
  model.headline.forEach((l, i) => {
    out.push(
      heading3(`${i + 1}.${l.subject}。`, `目标${l.display || "—"}，${l.phrase.zh.replace(/^目标/, "")}。`),
    );
  });
  const all = model.allTargets;
  const lagging = all.filter((l) => LAGGING.has(l.status));
  const missing = all.filter((l) => l.status === "not_reported");
  const named = (l: TargetLine) => `${l.subject}（${l.department ?? "未明确责任单位"}）`;
  const parts = [`计划确定的${all.length}项指标完成情况详见附件1。`];
  if (lagging.length > 0) parts.push(`进度滞后的有${mention(lagging.map(named))}。`);
  if (missing.length > 0) parts.push(`${mention(missing.map(named))}未按时报送进展。`);
  out.push(body(parts.join("")));
  return out;
}

/** Each area: its targets in a sentence each (lagging and missing ones always), then its tasks. */
function areaParagraphs(a: AreaSection): Paragraph[] {
  const out: Paragraph[] = [];
  if (a.targets.length > 0) {
    out.push(body(a.summary.zh));
    const shown = [
      ...a.targets.filter((l) => l.status !== "on_track" && l.status !== "completed"),
      ...a.targets.filter((l) => l.status === "on_track" || l.status === "completed"),
    ].slice(0, 8);
    const sentences = shown.map((l) => `${l.sentence.zh}（${l.department ?? "未明确责任单位"}）`);
    const more = a.targets.length > shown.length ? `其余${a.targets.length - shown.length}项详见附件1。` : "";
    out.push(body(`${sentences.join("；")}。${more}`));
  }
  for (const p of a.tasks?.paragraphs ?? []) out.push(body(p));
  if (out.length === 0) out.push(body("本领域暂无量化指标和重点任务。"));
  return out;
}

const ATTACHMENTS = ["主要指标完成情况表", "重点任务推进情况表"];

export function progressChildren(model: ProgressModel): Array<Paragraph | Table> {
  const f = model.frame;
  const children: Array<Paragraph | Table> = [
    ...letterhead({ mark: f.redHeader ? f.issuerMark : null, docNumber: f.docNumber, signer: f.signer }),
    ...title(model.title),
    recipientLine(model.recipient),
    body(`现将${model.periodLabel}计划执行情况报告如下：`),
    ...overview(model),
    ...indicators(model),
    heading1("三、重点任务推进情况"),
  ];
  if (model.areas.length === 0) children.push(body("本计划暂无分领域的指标和任务。"));
  model.areas.forEach((a, i) => {
    children.push(heading2(`（${chineseOrdinal(i + 1)}）${a.title}`), ...areaParagraphs(a));
  });
  children.push(heading1("四、存在的主要问题"), ...gathered(model.problems, "各责任单位本期未反映问题。"));
  children.push(
    heading1("五、下一步工作打算"),
    ...gathered(model.nextSteps, "各责任单位本期未报送下步打算。"),
  );
  children.push(
    body(
      `下一步，${model.issuer}将会同各责任单位，对照年度目标任务加强调度，推动滞后指标和任务加快进度。`,
      true,
    ),
    body("特此报告。", true),
    new Paragraph({ keepNext: true, children: [] }),
    ...attachmentNote(ATTACHMENTS),
    ...signature(model.issuer, model.date),
    ...attachmentHead("附件1", ATTACHMENTS[0] as string),
    targetTable(model.allTargets),
    ...attachmentHead("附件2", ATTACHMENTS[1] as string),
  );
  if (model.tasks.all.length === 0) children.push(body("本计划未列出重点任务。"));
  else
    children.push(
      table(
        TASK_COLUMNS,
        model.tasks.all.map((t, i) => [
          String(i + 1),
          t.title,
          t.department ?? "—",
          t.deadlineText,
          t.statusText,
          t.progressText,
        ]),
      ),
    );
  return children;
}

export async function renderProgressDocx(model: ProgressModel): Promise<Buffer> {
  return packOfficial({
    title: model.title,
    description: model.sourceNote.zh,
    children: progressChildren(model),
    colophon: colophon({ cc: model.frame.cc, printer: model.issuer, date: model.date }),
  });
}
