// The progress report (执行进度报告) as a Word document in the official layout: the overall picture
// with its charts, the headline indicators, each area's targets, what lags and who, and the problems
// and next steps the departments reported.

import type { Paragraph, Table } from "docx";
import { renderChartPng } from "./chart-png.ts";
import {
  body,
  caption,
  chart,
  heading1,
  heading2,
  heading3,
  packOfficial,
  signature,
  table,
  title,
} from "./official-docx.ts";
import {
  type GatheredText,
  type ProgressModel,
  percentText,
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

/** Column widths in millimetres of the 156 mm text block; 小四 characters are 4.2 mm wide. */
const TARGET_COLUMNS = [
  { header: "序号", share: 9 },
  { header: "指标", share: 36, align: "left" as const },
  { header: "目标", share: 17 },
  { header: "完成值", share: 19 },
  { header: "完成进度", share: 15 },
  { header: "较时序进度（百分点）", share: 17 },
  { header: "状态", share: 17 },
  { header: "责任单位", share: 26 },
];

function targetTable(lines: readonly TargetLine[]): Table {
  return table(
    TARGET_COLUMNS,
    lines.map((l, i) => [
      String(i + 1),
      l.subject,
      l.display || "—",
      l.valueText,
      l.completionText,
      l.gapText,
      l.statusWord.zh,
      l.department ?? "—",
    ]),
  );
}

function gathered(items: readonly GatheredText[], none: string): Paragraph[] {
  if (items.length === 0) return [body(none)];
  return items.map((g, i) => {
    const who =
      g.departments.length === 0
        ? ""
        : `（${g.departments.slice(0, 4).join("、")}${g.departments.length > 4 ? `等${g.departments.length}个单位` : ""}反映，涉及${g.subjects.length}项）`;
    return heading3(`${i + 1}.`, `${g.text}${who}`);
  });
}

function overview(model: ProgressModel, expectedShare: number | null): Array<Paragraph | Table> {
  const r = model.overview.rollup;
  const out: Array<Paragraph | Table> = [
    heading1("一、总体情况"),
    body(model.overview.sentence.zh),
    body(`${model.overview.indexDefinition.zh}${model.sourceNote.zh}`),
    // Chinese documents caption a table above it and a figure below it.
    caption("表1  指标进度状态统计", true),
    table(
      [
        { header: "进度状态", share: 4 },
        { header: "指标数（项）", share: 4 },
        { header: "占比", share: 4 },
      ],
      [
        ...statusRows(r).map((s) => [
          s.word.zh,
          String(s.count),
          r.total === 0 ? "—" : percentText(s.count / r.total),
        ]),
        ["合计", String(r.total), r.total === 0 ? "—" : "100%"],
      ],
    ),
  ];
  if (r.total > 0) {
    const counts = renderChartPng(statusCountOption(statusRows(r)), CHART_SIZE.width, CHART_SIZE.height);
    out.push(chart(counts.png, counts.width, counts.height), caption("图1  指标进度状态分布"));
  }
  const measured = model.areas.filter((a) => a.rollup.completionIndex !== null);
  if (measured.length > 0) {
    const height = Math.max(CHART_SIZE.height, 80 + measured.length * 44);
    const areas = renderChartPng(areaCompletionOption(measured, expectedShare), CHART_SIZE.width, height);
    out.push(chart(areas.png, areas.width, areas.height), caption("图2  各领域综合完成指数与时序进度"));
  }
  return out;
}

export function progressChildren(model: ProgressModel): Array<Paragraph | Table> {
  const children: Array<Paragraph | Table> = [
    ...title(model.title),
    body(`现将${model.periodLabel}计划执行进度报告如下。`),
    ...overview(model, model.expectedShare),
    heading1("二、主要预期指标完成情况"),
  ];
  if (model.headline.length === 0) children.push(body("本计划未单列主要预期指标。"));
  else {
    model.headline.forEach((l, i) => {
      children.push(heading3(`${i + 1}.${l.subject}。`, `目标${l.display || "—"}，${l.phrase.zh}。`));
    });
    children.push(caption("表2  主要预期指标完成情况", true), targetTable(model.headline));
  }
  children.push(heading1("三、重点任务推进情况"));
  if (model.areas.length === 0) children.push(body("本计划暂无分领域的指标。"));
  model.areas.forEach((a, i) => {
    children.push(
      heading2(`（${chineseOrdinal(i + 1)}）${a.title}`),
      body(a.summary.zh),
      targetTable(a.targets),
    );
  });
  children.push(heading1("四、滞后指标和责任单位"), heading2("（一）滞后和未报送的指标"));
  if (model.lagging.length === 0) children.push(body("本期无滞后或未报送的指标。"));
  model.lagging.forEach((l, i) => {
    children.push(
      heading3(
        `${i + 1}.${l.subject}`,
        `（${l.department ?? "未明确责任单位"}，${l.statusWord.zh}）：${l.phrase.zh}。`,
      ),
    );
  });
  children.push(heading2("（二）有滞后指标的责任单位"));
  if (model.laggingDepartments.length === 0) children.push(body("各责任单位均按进度推进。"));
  else
    children.push(
      table(
        [
          { header: "责任单位", share: 6, align: "left" },
          { header: "严重滞后", share: 3 },
          { header: "滞后", share: 3 },
          { header: "未报送", share: 3 },
          { header: "综合完成指数", share: 4 },
          { header: "按时报送率", share: 4 },
        ],
        model.laggingDepartments.map((d) => [
          d.name,
          String(d.farBehind),
          String(d.behind),
          String(d.notReported),
          d.completionIndex === null ? "—" : percentText(d.completionIndex),
          d.onTimeRate === null ? "—" : percentText(d.onTimeRate),
        ]),
      ),
    );
  children.push(heading1("五、存在的问题"), ...gathered(model.problems, "各责任单位本期未反映问题。"));
  children.push(heading1("六、下步打算"), ...gathered(model.nextSteps, "各责任单位本期未报送下步打算。"));
  children.push(...signature(model.issuer, model.date));
  return children;
}

export async function renderProgressDocx(model: ProgressModel): Promise<Buffer> {
  return packOfficial({
    title: model.title,
    description: model.sourceNote.zh,
    children: progressChildren(model),
  });
}
