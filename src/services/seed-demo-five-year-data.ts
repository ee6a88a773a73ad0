// The demo's 南开区“十四五”规划 (issue 17): the structure of a real district indicator table (经济发展,
// 创新驱动, 民生福祉, 绿色生态; 约束性 and 预期性; end levels, 年均增长, 五年累计, ceilings, decreases) with
// INVENTED values — 示例数据, said so in the title and the text — and invented 2021–2023 yearly values
// chosen so that the mid-term evaluation has something to say in every group.

export const DEMO_FIVE_YEAR_TITLE = "南开区国民经济和社会发展第十四个五年规划主要指标（示例数据）";
export const DEMO_FIVE_YEAR_FILE = "nankai-14th-five-year-demo.txt";
export const DEMO_VALUE_NOTE = "示例数据（虚构数值）";

export interface DemoIndicator {
  area: string;
  name: string;
  /** As the table shows it (亿元, %, 万人); the base unit is derived. */
  displayUnit: string;
  unit: string;
  form: "level" | "annual_growth" | "cumulative" | "ceiling" | "decrease";
  attribute: "binding" | "expected";
  /** 2020, in the display unit (a decrease: the index, 100). */
  baseline: number | null;
  /** 2025 level, ceiling, 累计 total or decrease %; for 年均增长 the 2025 level it implies. */
  target: number;
  /** 年均增长 %, for annual_growth. */
  growth?: number;
  /** 2021, 2022, 2023 (running totals for 累计; an index 2020=100 for a decrease). */
  values: readonly [number, number, number];
}

export const DEMO_INDICATORS: readonly DemoIndicator[] = [
  // 经济发展
  {
    area: "经济发展",
    name: "地区生产总值",
    displayUnit: "亿元",
    unit: "元",
    form: "annual_growth",
    attribute: "expected",
    baseline: 1150,
    target: 1539,
    growth: 6,
    values: [1208, 1262, 1350],
  },
  {
    area: "经济发展",
    name: "一般公共预算收入",
    displayUnit: "亿元",
    unit: "元",
    form: "annual_growth",
    attribute: "expected",
    baseline: 60.2,
    target: 76.8,
    growth: 5,
    values: [60.9, 58.7, 61.5],
  },
  {
    area: "经济发展",
    name: "社会消费品零售总额",
    displayUnit: "亿元",
    unit: "元",
    form: "annual_growth",
    attribute: "expected",
    baseline: 420,
    target: 562,
    growth: 6,
    values: [445, 470, 502],
  },
  {
    area: "经济发展",
    name: "固定资产投资",
    displayUnit: "亿元",
    unit: "元",
    form: "annual_growth",
    attribute: "expected",
    baseline: 200,
    target: 255,
    growth: 5,
    values: [190, 185, 188],
  },
  {
    area: "经济发展",
    name: "招商引资到位额",
    displayUnit: "亿元",
    unit: "元",
    form: "cumulative",
    attribute: "expected",
    baseline: null,
    target: 600,
    values: [115, 232, 350],
  },
  // 创新驱动
  {
    area: "创新驱动",
    name: "研发经费投入强度",
    displayUnit: "%",
    unit: "%",
    form: "level",
    attribute: "expected",
    baseline: 3.2,
    target: 4,
    values: [3.35, 3.5, 3.66],
  },
  {
    area: "创新驱动",
    name: "数字经济核心产业增加值占地区生产总值比重",
    displayUnit: "%",
    unit: "%",
    form: "level",
    attribute: "expected",
    baseline: 8,
    target: 12,
    values: [8.5, 9.1, 9.6],
  },
  {
    area: "创新驱动",
    name: "每万人口高价值发明专利拥有量",
    displayUnit: "件",
    unit: "件",
    form: "level",
    attribute: "expected",
    baseline: 25,
    target: 40,
    values: [28, 31.5, 35],
  },
  // 民生福祉
  {
    area: "民生福祉",
    name: "城镇调查失业率",
    displayUnit: "%",
    unit: "%",
    form: "ceiling",
    attribute: "expected",
    baseline: 4.6,
    target: 5.5,
    values: [4.8, 5.1, 5.3],
  },
  {
    area: "民生福祉",
    name: "居民人均可支配收入",
    displayUnit: "元",
    unit: "元",
    form: "annual_growth",
    attribute: "expected",
    baseline: 52000,
    target: 69600,
    growth: 6,
    values: [54500, 56900, 59300],
  },
  {
    area: "民生福祉",
    name: "城镇新增就业",
    displayUnit: "万人",
    unit: "人",
    form: "cumulative",
    attribute: "expected",
    baseline: null,
    target: 10,
    values: [2.1, 4.3, 6],
  },
  {
    area: "民生福祉",
    name: "新增学前学位",
    displayUnit: "个",
    unit: "个",
    form: "cumulative",
    attribute: "expected",
    baseline: null,
    target: 15000,
    values: [2000, 5000, 7000],
  },
  {
    area: "民生福祉",
    name: "每千人口拥有执业（助理）医师数",
    displayUnit: "人",
    unit: "人",
    form: "level",
    attribute: "expected",
    baseline: 4.2,
    target: 4.8,
    values: [4.3, 4.35, 4.4],
  },
  {
    area: "民生福祉",
    name: "残疾人康复服务覆盖率",
    displayUnit: "%",
    unit: "%",
    form: "level",
    attribute: "expected",
    baseline: 80,
    target: 95,
    values: [84, 88, 92],
  },
  {
    area: "民生福祉",
    name: "人均预期寿命",
    displayUnit: "岁",
    unit: "岁",
    form: "level",
    attribute: "expected",
    baseline: 81.5,
    target: 82.5,
    values: [81.7, 81.6, 81.9],
  },
  // 绿色生态
  {
    area: "绿色生态",
    name: "单位地区生产总值能源消耗降低",
    displayUnit: "%",
    unit: "%",
    form: "decrease",
    attribute: "binding",
    baseline: 100,
    target: 14.5,
    values: [97.2, 94.4, 91.6],
  },
  {
    area: "绿色生态",
    name: "单位地区生产总值二氧化碳排放降低",
    displayUnit: "%",
    unit: "%",
    form: "decrease",
    attribute: "binding",
    baseline: 100,
    target: 18,
    values: [96, 91, 86],
  },
  {
    area: "绿色生态",
    name: "细颗粒物（PM2.5）年均浓度",
    displayUnit: "微克/立方米",
    unit: "微克/立方米",
    form: "ceiling",
    attribute: "binding",
    baseline: 48,
    target: 39,
    values: [41, 38, 37],
  },
  {
    area: "绿色生态",
    name: "空气质量优良天数比率",
    displayUnit: "%",
    unit: "%",
    form: "level",
    attribute: "binding",
    baseline: 70,
    target: 75,
    values: [71, 72.5, 71.5],
  },
  {
    area: "绿色生态",
    name: "城市生活垃圾分类覆盖率",
    displayUnit: "%",
    unit: "%",
    form: "level",
    attribute: "expected",
    baseline: 90,
    target: 100,
    values: [95, 98, 100],
  },
];

/** The 2021 annual plan's targets (the Nankai 2020 plan copied forward) and the indicator each serves. */
export const DEMO_LINKS: readonly { annual: string; indicator: string }[] = [
  { annual: "一般公共预算收入", indicator: "一般公共预算收入" },
  { annual: "固定资产投资", indicator: "固定资产投资" },
  { annual: "招商引资到位额", indicator: "招商引资到位额" },
  { annual: "就业", indicator: "城镇新增就业" },
  { annual: "学前学位", indicator: "新增学前学位" },
  { annual: "接受康复服务比例", indicator: "残疾人康复服务覆盖率" },
];

const CHAPTERS: readonly { title: string; tasks: readonly string[]; projects: readonly string[] }[] = [
  {
    title: "1.建设现代化经济体系",
    tasks: [
      "壮大现代服务业。聚焦金融服务、科技服务、商务服务，推动楼宇经济提质增效，打造现代服务业集聚区。",
      "发展数字经济。推进数字产业化和产业数字化，建设数字经济产业园，培育一批数字经济领军企业。",
    ],
    projects: ["南开区数字经济产业园项目", "鞍山西道商务楼宇改造项目"],
  },
  {
    title: "2.增强科技创新能力",
    tasks: [
      "深化校区合作。发挥天津大学、南开大学科教资源优势，建设环大学创新带，推进科技成果就地转化。",
      "培育创新主体。实施科技型企业梯度培育计划，完善创新创业孵化体系。",
    ],
    projects: ["环天南大知识创新集聚区项目", "南开科技创新中心"],
  },
  {
    title: "3.增进民生福祉",
    tasks: [
      "实施就业优先战略。健全就业公共服务体系，做好高校毕业生、退役军人等重点群体就业。",
      "办好人民满意的教育。扩大优质学前教育资源供给，推进义务教育优质均衡发展。",
      "建设健康南开。完善医疗卫生服务体系，提升基层医疗服务能力。",
    ],
    projects: ["南开中学新校区", "南开区中医医院"],
  },
  {
    title: "4.推动绿色低碳发展",
    tasks: [
      "持续改善生态环境质量。深入打好蓝天、碧水、净土保卫战，推进大气污染综合治理。",
      "推进节能降碳。落实能源消费强度和总量双控，推广绿色建筑和绿色出行。",
    ],
    projects: ["海河南开段生态廊道项目", "长虹生态公园"],
  },
];

const cell = (v: number | null) => (v === null ? "—" : String(v));

/** The row of an indicator in the table, as the text writes it. */
export function indicatorRow(ind: DemoIndicator): string {
  const target =
    ind.form === "cumulative" || ind.form === "decrease"
      ? `[${ind.target}]`
      : ind.form === "ceiling"
        ? `<${ind.target}`
        : String(ind.target);
  const growth = ind.growth === undefined ? "—" : `${ind.growth}%`;
  const attribute = ind.attribute === "binding" ? "约束性" : "预期性";
  return [ind.area, `${ind.name}（${ind.displayUnit}）`, cell(ind.baseline), target, growth, attribute].join(
    "\t",
  );
}

export const TABLE_HEADING = "专栏1 “十四五”时期经济社会发展主要指标（示例数据）";
export const TABLE_NOTE = "注：[ ]内为五年累计数；能耗、碳排放降低为五年累计降低幅度。";

/** The demo plan's text: a notice that it is 示例数据, the indicator table, the chapters. */
export function demoFiveYearText(): string {
  return [
    DEMO_FIVE_YEAR_TITLE,
    "天津市南开区人民政府",
    "2021年2月1日",
    "说明：本文件为PlanTrack的示例数据，仿照区级“十四五”规划纲要主要指标表的结构编写，其中的全部数值均为虚构，不代表南开区的实际规划目标或统计数据。",
    "一、“十四五”时期经济社会发展主要指标",
    TABLE_HEADING,
    "类别\t指标\t2020年\t2025年\t年均增长\t属性",
    ...DEMO_INDICATORS.map(indicatorRow),
    TABLE_NOTE,
    "二、“十四五”时期重点任务",
    ...CHAPTERS.flatMap((c) => [c.title, ...c.tasks, `实施重大工程。加快推进${c.projects.join("、")}建设。`]),
  ].join("\n");
}
