// A 任务分解表 for the Nankai 2020 plan, written by hand the way a district office keeps one: a title
// row, a two-row header with line breaks and a merged 计划进度安排 over the quarters, section headings
// merged across the row, a task merged over the three targets it holds, a lead department merged
// down, abbreviated department names (区发改委, 区投促局), reworded tasks, and rows the plan does not
// have. Built with exceljs so the test holds the file's content, not a binary.

import ExcelJS from "exceljs";

/** Row numbers in the sheet, for the tests. */
export const FIXTURE_ROWS = {
  hightech: 6,
  chuying: 7,
  dengling: 8,
  investment: 9,
  buildings: 10,
  green: 12,
  jobs: 13,
  creditPlatform: 14,
  bloodDonation: 15,
  readingFestival: 16,
  museum: 17,
  preschool: 18,
} as const;

type Row = (string | number | null)[];

const ROWS: Row[] = [
  ["南开区2020年国民经济和社会发展计划重点任务分解表"],
  ["填报单位：区发展改革委", null, null, null, null, null, null, null, null, "2020年3月"],
  [
    "序号",
    "重点任务",
    "具体目标\n（指标）",
    "牵头\n单位",
    "配合单位",
    "完成\n时限",
    "计划进度安排",
    null,
    null,
    null,
    "备注",
  ],
  [null, null, null, null, null, null, "一季度", "二季度", "三季度", "四季度", null],
  ["一、调优产业结构，加速区域经济提质增效"],
  [
    1,
    "加快战略性新兴产业引进培育",
    "国家高新技术企业净增30家以上",
    "区科技局",
    "区工信局、区投促局",
    "2020年12月底",
    5,
    12,
    20,
    30,
    null,
  ],
  [2, null, "雏鹰企业达到80家", null, null, "年底", 60, 65, 72, 80, null],
  [3, null, "瞪羚企业达到18家", null, null, "年底", null, null, null, null, "市级认定"],
  [
    4,
    "全力以赴招大引强",
    "全年招商引资到位额达到106亿元",
    "区投促局",
    "区商务局、各街道",
    "12月底",
    "20亿元",
    50,
    80,
    106,
    null,
  ],
  [
    5,
    "盘活楼宇资源，提高商务楼宇利用率",
    "盘活空置楼宇14.1万平方米",
    "区商务局",
    "区住建委",
    "2020年11月30日前",
    "25%",
    "50%",
    "75%",
    "100%",
    null,
  ],
  ["二、坚持建管并重，着力增添城区宜居魅力"],
  [
    6,
    "推进城市绿化提升",
    "新建提升绿地1.75万平方米",
    "区城管委",
    "区住建委",
    "10月底",
    null,
    0.5,
    1.2,
    1.75,
    null,
  ],
  [7, "千方百计扩大就业", "新增就业4万人", "区人社局", null, "全年", 1, 2, 3, 4, null],
  [
    8,
    "建设区级信用信息共享平台",
    "建成区级信用信息共享平台",
    "区发改委",
    "区政务服务办",
    "2020年9月",
    null,
    null,
    null,
    null,
    null,
  ],
  [
    9,
    "开展无偿献血宣传活动",
    "组织无偿献血1000人次",
    "区卫健委",
    "区红十字会",
    "年底",
    null,
    null,
    null,
    null,
    null,
  ],
  [10, "举办南开区第三届全民读书节", null, "区文旅局", null, "11月", null, null, null, null, null],
  [11, "建成南开美术馆和档案新馆", null, "区文旅局", "区档案馆", "年底", null, null, null, null, null],
  [12, "扩大学前教育资源", "新增学前学位3082个", "区教育局", null, "9月底", null, null, 3082, null, null],
];

export async function breakdownFixtureXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("分解表");
  for (const r of ROWS) ws.addRow(r);
  ws.mergeCells("A1:K1");
  ws.mergeCells("A2:I2");
  for (const c of ["A", "B", "C", "D", "E", "F", "K"]) ws.mergeCells(`${c}3:${c}4`);
  ws.mergeCells("G3:J3");
  ws.mergeCells("A5:K5");
  ws.mergeCells("B6:B8");
  ws.mergeCells("D6:D8");
  ws.mergeCells("A11:K11");
  ws.getColumn(2).width = 30;
  ws.getColumn(3).width = 30;
  const notes = wb.addWorksheet("说明");
  notes.addRow(["本表由区发展改革委汇总，各单位于每季度末报送进度。"]);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The same table as a CSV export from WPS: one header row, merged cells written out. */
export function breakdownFixtureCsv(): Buffer {
  const lines = [
    "序号,工作任务,指标,责任单位,配合单位,时间节点,3月,6月,9月,12月",
    "1,加快战略性新兴产业引进培育,国家高新技术企业净增30家以上,区科技局,区工信局,年底,5,12,20,30",
    '2,全力以赴招大引强,"全年招商引资到位额达到106亿元",区投促局,"区商务局、各街道",12月底,20,50,80,106',
    "3,开展无偿献血宣传活动,组织无偿献血1000人次,区卫健委,,年底,,,,",
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join("\r\n")}\r\n`)]);
}
