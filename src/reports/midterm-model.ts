// The mid-term evaluation report (中期评估报告) of a five-year plan, and its annual report on the
// plan's implementation in one year (年度实施情况报告, the same judging as of that year, written as a
// year's report), as a model of sentences and a table (issue 17): 一、总体评价; 二、主要指标完成情况 grouped 符合进度 / 需加快 / 进展缓慢 / 逆向, one sentence
// per indicator (its working, every figure from the data); 三、重点任务和重大工程推进情况; 四、存在的主要
// 问题; 五、下一步工作; 附件 the indicator table. Pure: the five-year view in, paragraphs out, in ONE
// language — Chinese unless English is chosen.

import type { FiveYearIndicatorView, FiveYearView, Judgement } from "../contract/five-year.ts";
import { dayWords } from "../domain/iso-dates.ts";
import type { TaskLight } from "../domain/task-lights.ts";
import { unitInEnglish } from "../domain/units.ts";

export type MidtermLang = "zh" | "en";

export interface MidtermSection {
  heading: string;
  /** Sub-groups (（一）符合进度的指标 …) with their paragraphs; a section without groups has one, untitled. */
  groups: { heading: string | null; paragraphs: string[] }[];
}

export interface MidtermModel {
  lang: MidtermLang;
  /** The year evaluated. */
  asOfYear: number;
  title: string;
  recipient: string;
  opening: string;
  sections: MidtermSection[];
  closing: string;
  issuer: string;
  /** 2024年1月15日 / 15 January 2024. */
  date: string;
  attachmentName: string;
  table: { headers: string[]; rows: string[][] };
}

/** The mid-term evaluation, or the annual report on the plan's implementation in the year judged. */
export type FiveYearReportKind = "midterm" | "annual";

export interface MidtermInput {
  view: FiveYearView;
  lang: MidtermLang;
  /** Default the mid-term evaluation. */
  kind?: FiveYearReportKind;
  issuer: string;
  recipient: string;
  /** YYYY-MM-DD. */
  date: string;
}

const GROUPS: readonly { judgements: readonly Judgement[]; zh: string; en: string }[] = [
  { judgements: ["met_early", "on_track"], zh: "符合进度的指标", en: "Indicators on track" },
  { judgements: ["needs_speed"], zh: "需加快进度的指标", en: "Indicators that need to speed up" },
  { judgements: ["slow"], zh: "进展缓慢的指标", en: "Indicators progressing slowly" },
  { judgements: ["reverse"], zh: "逆向变化的指标", en: "Indicators moving the wrong way" },
  { judgements: ["no_data"], zh: "暂无数据的指标", en: "Indicators without data yet" },
];

export const JUDGEMENT_WORDS: Record<Judgement, { zh: string; en: string }> = {
  met_early: { zh: "已提前完成", en: "met early" },
  on_track: { zh: "符合进度", en: "on track" },
  needs_speed: { zh: "需加快", en: "speed up" },
  slow: { zh: "进展缓慢", en: "slow" },
  reverse: { zh: "逆向", en: "wrong way" },
  no_data: { zh: "暂无数据", en: "no data" },
};

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A figure as an office writes it: at most two decimals, no trailing zeros. */
export function figure(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const digits = Math.abs(value) >= 100 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

function overall(view: FiveYearView, lang: MidtermLang): string[] {
  const c = view.counts;
  const n = view.indicators.length;
  const onTrack = c.met_early + c.on_track;
  const binding = view.indicators.filter((i) => i.attribute === "binding");
  const bindingOk = binding.filter((i) => i.judgement === "met_early" || i.judgement === "on_track").length;
  const willMeet = view.indicators.filter((i) => i.willMeet === true).length;
  const { startYear, endYear } = view.plan;
  const y = view.asOfYear;
  if (lang === "zh")
    return [
      `规划实施${y - startYear + 1}年来（${startYear}—${y}年），规划期已过${Math.round(((y - startYear + 1) / (endYear - startYear + 1)) * 100)}%。规划确定的${n}项主要指标中，${onTrack}项符合进度要求（其中${c.met_early}项已提前完成），${c.needs_speed}项需加快进度，${c.slow}项进展缓慢，${c.reverse}项逆向变化${c.no_data > 0 ? `，${c.no_data}项暂无数据` : ""}。`,
      `${binding.length}项约束性指标中，${bindingOk}项符合进度要求${binding.length - bindingOk > 0 ? `，${binding.length - bindingOk}项未达到预期进度，须作为下一步工作的重点` : ""}。按目前增速测算，${willMeet}项指标预计能够如期完成${endYear}年规划目标。`,
    ];
  return [
    `In the ${y - startYear + 1} years the plan has run (${startYear}–${y}), ${Math.round(((y - startYear + 1) / (endYear - startYear + 1)) * 100)}% of its period has passed. Of its ${n} main indicators, ${onTrack} are on track (${c.met_early} already met), ${c.needs_speed} need to speed up, ${c.slow} progress slowly and ${c.reverse} move the wrong way${c.no_data > 0 ? `; ${c.no_data} have no data yet` : ""}.`,
    `Of the ${binding.length} binding indicators, ${bindingOk} are on track${binding.length - bindingOk > 0 ? `; ${binding.length - bindingOk} are behind and come first in the work ahead` : ""}. At the current rates, ${willMeet} indicators are expected to reach their ${endYear} targets.`,
  ];
}

function indicatorGroups(view: FiveYearView, lang: MidtermLang): MidtermSection["groups"] {
  const out: MidtermSection["groups"] = [];
  for (const g of GROUPS) {
    const members = view.indicators.filter((i) => g.judgements.includes(i.judgement));
    if (members.length === 0) continue;
    const k = out.length;
    out.push({
      heading:
        lang === "zh"
          ? `（${ORDINALS[k]}）${g.zh}（${members.length}项）`
          : `(${k + 1}) ${g.en} (${members.length})`,
      paragraphs: members.map((i) => {
        // “名称：2020年…” reads “名称，2020年…”: LibreOffice's justification opens a gap between a
        // colon and the year (GB/T 9704 wants none between Chinese and digits).
        const sentence = lang === "zh" ? i.working.replace(/^([^：]+)：(?=\d)/, "$1，") : i.working;
        return i.attribute === "binding"
          ? `${lang === "zh" ? "（约束性指标）" : "(binding) "}${sentence}`
          : sentence;
      }),
    });
  }
  return out;
}

const TASK_WORDS: Record<TaskLight, { zh: string; en: string }> = {
  closed: { zh: "已办结", en: "closed" },
  stopped: { zh: "已中止", en: "stopped" },
  overdue: { zh: "已逾期", en: "overdue" },
  unacknowledged: { zh: "未签收", en: "not acknowledged" },
  not_reported: { zh: "未报送进展", en: "no progress reported" },
  due_soon: { zh: "临期", en: "due soon" },
  on_track: { zh: "正常推进", en: "on track" },
};

function tasksSection(view: FiveYearView, lang: MidtermLang): MidtermSection["groups"] {
  const tasks = view.tasks.list.filter((t) => t.kind === "task");
  const projects = view.tasks.list.filter((t) => t.kind === "project");
  const countWords = (list: typeof tasks) => {
    const counts = new Map<TaskLight, number>();
    for (const t of list) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
    return [...counts]
      .map(([l, n]) => (lang === "zh" ? `${TASK_WORDS[l].zh}${n}项` : `${n} ${TASK_WORDS[l].en}`))
      .join(lang === "zh" ? "，" : ", ");
  };
  const line = (t: (typeof tasks)[number]) =>
    lang === "zh"
      ? `${t.title}（${t.leadDepartment?.name ?? "未明确牵头单位"}）：${TASK_WORDS[t.status].zh}${t.percent !== null ? `，形象进度${figure(t.percent)}%` : ""}。`
      : `${t.title} (${t.leadDepartment?.name ?? "no lead department"}): ${TASK_WORDS[t.status].en}${t.percent !== null ? `, ${figure(t.percent)}% done` : ""}.`;
  const groups: MidtermSection["groups"] = [
    {
      heading: lang === "zh" ? "（一）重点任务" : "(1) Main tasks",
      paragraphs: [
        tasks.length === 0
          ? lang === "zh"
            ? "规划未列出重点任务。"
            : "The plan lists no tasks."
          : lang === "zh"
            ? `规划确定的${tasks.length}项重点任务中，${countWords(tasks)}。`
            : `Of the plan's ${tasks.length} main tasks: ${countWords(tasks)}.`,
        ...tasks.map(line),
      ],
    },
    {
      heading: lang === "zh" ? "（二）重大工程" : "(2) Major projects",
      paragraphs: [
        projects.length === 0
          ? lang === "zh"
            ? "规划未列出重大工程项目。"
            : "The plan lists no major projects."
          : lang === "zh"
            ? `规划专栏所列${projects.length}个重大工程项目中，${countWords(projects)}。`
            : `Of the ${projects.length} major projects listed: ${countWords(projects)}.`,
        ...projects.map(line),
      ],
    },
  ];
  return groups;
}

const behind = (i: FiveYearIndicatorView) =>
  i.judgement === "needs_speed" || i.judgement === "slow" || i.judgement === "reverse";
const names = (list: readonly FiveYearIndicatorView[], lang: MidtermLang) =>
  list.map((i) => (lang === "zh" ? `${i.name}` : i.name)).join(lang === "zh" ? "、" : ", ");

function problems(view: FiveYearView, lang: MidtermLang): string[] {
  const out: string[] = [];
  const reverse = view.indicators.filter((i) => i.judgement === "reverse");
  const slow = view.indicators.filter((i) => i.judgement === "slow");
  const binding = view.indicators.filter((i) => i.attribute === "binding" && behind(i));
  const missing = view.indicators.filter((i) => i.judgement === "no_data");
  const lateTasks = view.tasks.list.filter(
    (t) => t.status === "overdue" || t.status === "unacknowledged" || t.status === "not_reported",
  );
  if (lang === "zh") {
    if (reverse.length > 0)
      out.push(
        `一是部分指标与规划目标反向变化。${names(reverse, lang)}较基期不升反降，完成规划目标难度较大。`,
      );
    if (slow.length > 0)
      out.push(
        `${out.length === 0 ? "一" : ORDINALS[out.length]}是部分指标进展缓慢。${names(slow, lang)}实际进度明显低于时序进度。`,
      );
    if (binding.length > 0)
      out.push(`${ORDINALS[out.length]}是约束性指标完成压力较大。${names(binding, lang)}未达到预期进度。`);
    if (lateTasks.length > 0)
      out.push(
        `${ORDINALS[out.length]}是部分重点任务和重大工程推进不及时，${lateTasks.length}项存在逾期、未签收或未报送进展的情况。`,
      );
    if (missing.length > 0)
      out.push(`${ORDINALS[out.length]}是${names(missing, lang)}等指标尚无统计数据，监测评估基础有待加强。`);
    if (out.length === 0) out.push("主要指标和重点任务总体符合进度要求，未发现明显滞后的情况。");
    return out;
  }
  if (reverse.length > 0)
    out.push(
      `Some indicators move away from their targets: ${names(reverse, lang)} fell below the baseline.`,
    );
  if (slow.length > 0)
    out.push(`Some indicators progress slowly: ${names(slow, lang)} are well behind the schedule.`);
  if (binding.length > 0)
    out.push(`Binding indicators under pressure: ${names(binding, lang)} are behind schedule.`);
  if (lateTasks.length > 0)
    out.push(
      `${lateTasks.length} tasks and projects are overdue, not acknowledged or without progress reports.`,
    );
  if (missing.length > 0) out.push(`${names(missing, lang)} have no statistics yet.`);
  if (out.length === 0) out.push("The main indicators and tasks are on schedule; none is clearly behind.");
  return out;
}

function nextSteps(view: FiveYearView, lang: MidtermLang): string[] {
  const { endYear } = view.plan;
  const y = view.asOfYear;
  const lagging = view.indicators.filter((i) => behind(i) && i.neededRate !== null);
  const rate = (i: FiveYearIndicatorView) =>
    i.method === "cumulative" || i.method === "linear"
      ? lang === "zh"
        ? `年均完成${figure(i.neededRate)}${i.unit}`
        : `${figure(i.neededRate)} a year`
      : lang === "zh"
        ? `年均${i.form === "decrease" ? "下降" : "增长"}${figure(Math.abs(i.neededRate ?? 0))}%`
        : `${figure(Math.abs(i.neededRate ?? 0))}% a year`;
  if (lang === "zh")
    return [
      `对照规划目标，${y + 1}—${endYear}年须加快推进滞后指标：${lagging.length === 0 ? "各项指标保持现有进度即可完成规划目标" : lagging.map((i) => `${i.name}需${rate(i)}`).join("；")}。`,
      "加强规划实施监测，按年度开展指标监测和评估，将规划目标任务分解落实到年度计划，强化统计数据支撑。",
      "强化重点任务和重大工程调度，对逾期和进展缓慢的事项实行清单管理，压实牵头单位责任，确保规划目标如期实现。",
    ];
  return [
    `For ${y + 1}–${endYear}, the indicators behind need: ${lagging.length === 0 ? "nothing more than the current pace" : lagging.map((i) => `${i.name} ${rate(i)}`).join("; ")}.`,
    "Monitor the plan every year, carry its targets into the annual plans and strengthen the statistics behind them.",
    "Follow up the tasks and projects that are late or slow, with their lead departments answerable, so that the plan's targets are met on time.",
  ];
}

function indicatorTable(view: FiveYearView, lang: MidtermLang): MidtermModel["table"] {
  const years: number[] = [];
  for (let y = view.plan.startYear; y <= view.asOfYear; y++) years.push(y);
  const zh = lang === "zh";
  const headers = [
    zh ? "指标" : "Indicator",
    zh ? "属性" : "Attribute",
    zh ? "单位" : "Unit",
    zh ? "基期值" : "Baseline",
    zh ? "目标值" : "Target",
    ...years.map((y) => (zh ? `${y}年` : String(y))),
    zh ? "年均增长（实际/所需）" : "Yearly growth (achieved/required)",
    zh ? "判断" : "Judgement",
  ];
  const rows = view.indicators.map((i) => {
    const target =
      i.form === "annual_growth"
        ? zh
          ? `年均增长${figure(i.targetValue)}%`
          : `${figure(i.targetValue)}% a year`
        : i.form === "decrease"
          ? zh
            ? `降低${figure(i.targetValue)}%`
            : `down ${figure(i.targetValue)}%`
          : i.form === "ceiling"
            ? zh
              ? `≤${figure(i.targetValue)}`
              : `≤${figure(i.targetValue)}`
            : i.form === "cumulative"
              ? zh
                ? `累计${figure(i.targetValue)}`
                : `total ${figure(i.targetValue)}`
              : figure(i.targetValue);
    const growth =
      i.achievedRate !== null && i.requiredRate !== null
        ? `${figure(i.achievedRate)}%/${figure(i.requiredRate)}%`
        : "—";
    return [
      i.name,
      i.attribute === "binding" ? (zh ? "约束性" : "binding") : zh ? "预期性" : "expected",
      i.unit ? (zh ? i.unit : unitInEnglish(i.unit)) : i.form === "decrease" ? (zh ? "指数" : "index") : "—",
      figure(i.baselineValue),
      target,
      ...years.map((y) => figure(i.values.find((v) => v.year === y)?.value ?? null)),
      growth,
      JUDGEMENT_WORDS[i.judgement][lang],
    ];
  });
  return { headers, rows };
}

/** The report's model: every figure from the view, one language. */
export function buildMidtermModel(input: MidtermInput): MidtermModel {
  const { view, lang } = input;
  const zh = lang === "zh";
  const name = view.plan.title.replace(/（示例数据）|\(示例数据\)/, "");
  const annual = input.kind === "annual";
  const year = view.asOfYear;
  const title = annual
    ? zh
      ? `关于${name}${year}年实施情况的报告`
      : `The plan “${view.plan.title}” in ${year}: report on its implementation`
    : zh
      ? `关于${name}实施情况中期评估的报告`
      : `Mid-term evaluation of the plan “${view.plan.title}”`;
  const section = (heading: string, paragraphs: string[]): MidtermSection => ({
    heading,
    groups: [{ heading: null, paragraphs }],
  });
  return {
    lang,
    asOfYear: view.asOfYear,
    title,
    recipient: input.recipient,
    opening: annual
      ? zh
        ? `现将${name}${year}年实施情况报告如下：`
        : `This report sets out how the plan was carried out in ${year}.`
      : zh
        ? `根据规划实施评估工作安排，现将${name}截至${year}年的实施情况中期评估报告如下：`
        : `This report evaluates the plan as of ${year}, halfway through its period.`,
    sections: [
      section(zh ? (annual ? "一、总体情况" : "一、总体评价") : "1. Overall", overall(view, lang)),
      {
        heading: zh ? "二、主要指标完成情况" : "2. The main indicators",
        groups: indicatorGroups(view, lang),
      },
      {
        heading: zh ? "三、重点任务和重大工程推进情况" : "3. Main tasks and major projects",
        groups: tasksSection(view, lang),
      },
      section(zh ? "四、存在的主要问题" : "4. Main problems", problems(view, lang)),
      section(
        zh
          ? annual
            ? `五、${year + 1}年工作安排`
            : "五、下一步工作"
          : annual
            ? `5. Plans for ${year + 1}`
            : "5. Next steps",
        nextSteps(view, lang),
      ),
    ],
    closing: zh ? "特此报告。" : "",
    issuer: input.issuer,
    date: dayWords(input.date, true)[lang],
    attachmentName: zh ? "规划主要指标完成情况表" : "The plan's main indicators",
    table: indicatorTable(view, lang),
  };
}
