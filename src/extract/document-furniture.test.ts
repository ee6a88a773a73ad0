import { describe, expect, it } from "vitest";
import { bodyParagraphs, furnitureParagraphs, isFurnitureLine, isOrganLine } from "./document-furniture.ts";
import { extractPlan } from "./extract-plan.ts";
import { paragraphs } from "./segments.ts";
import { buildTextView } from "./text-view.ts";

/** A line as the extractor reads it: through the same cleaning as the document (— 3 — → —3—). */
const cleaned = (line: string): string => buildTextView(line).text;
const furniture = (line: string): boolean => isFurnitureLine(cleaned(line));

/** Which lines of a made-up document are furniture, by their cleaned text. */
function furnitureOf(lines: string[]): string[] {
  const text = buildTextView(lines.join("\n")).text;
  const paras = paragraphs(text);
  const marks = furnitureParagraphs(text, paras);
  return paras.filter((_, i) => marks[i]).map((p) => text.slice(p.start, p.end));
}

const PLAN_BODY = [
  "南开区2020年国民经济和社会发展计划",
  "一、主要预期指标",
  "地区生产总值增长5%,一般公共预算收入增长5%。",
  "二、重点任务",
  "1.调优产业结构",
  "拓展经济发展增量。全力以赴招大引强,全年招商引资到位额达到106亿元。",
  "织密社会保障安全网。多措并举保持就业稳定,实现新增就业4万人。",
];

describe("isFurnitureLine: lines that are furniture wherever they stand", () => {
  it.each([
    ["a date alone", "2020年3月2日"],
    ["a date in Chinese numerals", "二〇二〇年一月十日"],
    ["a date with ○ for zero", "二○二○年一月十日"],
    ["a date in brackets", "（2020年3月2日）"],
    ["a date with its weekday", "2020年3月2日 星期一"],
    ["a year and month", "2020年3月"],
    ["an ISO date", "2020-03-02"],
    ["an organ and its date on one line", "南开区发展和改革委员会  2020年3月2日"],
    ["the 版记's printing line", "天津市南开区人民政府办公室        2020年3月2日印发"],
    ["a page number between dashes", "— 3 —"],
    ["a page number between hyphens", "-3-"],
    ["a page number between spaced hyphens", "- 12 -"],
    ["第3页 共10页", "第 3 页 共 10 页"],
    ["第3页/共10页", "第3页/共10页"],
    ["共10页 第3页", "共10页 第3页"],
    ["第三页", "第三页"],
    ["3/10", "3/10"],
    ["Page 3 of 10", "Page 3 of 10"],
    ["抄送", "抄送：区委各部门，区人大常委会办公室，区政协办公室。"],
    ["主送", "主送：各街道办事处，区政府各委、局、办"],
    ["版记 alone", "版记"],
    ["共印 n 份", "（共印50份）"],
    ["签发人", "签发人：张三"],
    ["a contact person", "联系人：张三"],
    ["a telephone", "联系电话：022-27350000"],
    ["contacts in brackets", "（联系人：李四；联系电话：23456789）"],
    ["a fax", "传真：27350001"],
    ["an e-mail", "E-mail: fgw@tj.gov.cn"],
    ["此件公开发布", "（此件公开发布）"],
    ["此件主动公开", "(此件主动公开)"],
    ["公开方式", "公开方式：主动公开"],
    ["盖章", "（盖章）"],
    ["a document number", "咸政发〔2024〕3号"],
    ["a bare 附件", "附件"],
    ["附件:", "附件："],
    ["附件1:", "附件1："],
    ["附件一", "附件一"],
    ["附件 with its title", "附件：2021年崇明区级城市体检指标体系"],
    ["附表 with its title", "附表2 重点项目表"],
    ["related reports", "相关报道："],
    ["the next article", "下一篇：南开区召开经济工作会议"],
    ["a salutation", "各位代表！"],
  ])("%s: %s", (_kind, line) => {
    expect(furniture(line)).toBe(true);
  });

  it.each([
    ["an organ leading a task", "区发展改革委牵头推进重点项目建设,全年完成固定资产投资增长6%。"],
    ["an organ ending a task", "成立重点项目推进专班,由南开区发展和改革委员会。"],
    ["an organ inside a task", "积极对接天津市发展和改革委员会,争取更多项目纳入市级重点项目。"],
    ["a dated task", "2020年3月底前完成全部改造任务。"],
    ["a date opening a sentence", "2020年3月2日起实施新的营商环境条例,企业开办时间压缩至1个工作日。"],
    ["a sentence about the attachments", "附件所列项目要按期完成。"],
    ["a sentence about the attachments without a full stop", "附件所列重点项目全部开工建设"],
    ["a target with 页", "编印政策汇编3000页"],
    ["a telephone service as a task", "开通12345热线电话,接听率达到95%以上。"],
    ["a target of 份", "发放宣传资料5000份。"],
    ["a list item", "新增规上工业企业超300家"],
    ["a heading", "一、2020年主要预期指标"],
    ["a lead phrase", "织密社会保障安全网。多措并举保持就业稳定,实现新增就业4万人。"],
    ["a salutation opening a sentence", "各位代表!一年多来,我们认真执行了调整、改革、整顿、提高的方针。"],
  ])("not %s: %s", (_kind, line) => {
    expect(furniture(line)).toBe(false);
  });
});

describe("isOrganLine", () => {
  it.each([
    "南开区发展和改革委员会",
    "天津市南开区人民政府",
    "咸阳市人民政府",
    "上海市黄浦区人民政府办公室",
    "区教育局",
    "中共南开区委",
    "南开区发展和改革委员会  南开区财政局",
  ])("an organ alone: %s", (line) => {
    expect(isOrganLine(cleaned(line))).toBe(true);
  });

  it.each(["构建新发展格局", "优化产业布局", "服务发展大局", "建成政务服务大厅", "国际医疗中心"])(
    "prose or a place, not an organ: %s",
    (line) => {
      expect(isOrganLine(cleaned(line))).toBe(false);
    },
  );
});

describe("furnitureParagraphs: organs by where they stand", () => {
  it("takes the signature at the end: the organs, the date, the 公开方式 after them", () => {
    const found = furnitureOf([...PLAN_BODY, "南开区发展和改革委员会", "2020年3月2日", "（此件公开发布）"]);
    expect(found).toEqual(["南开区发展和改革委员会", "2020年3月2日", "(此件公开发布)"]);
  });

  it("takes an organ that closes the document without a date", () => {
    expect(furnitureOf([...PLAN_BODY, "天津市南开区发展和改革委员会"])).toEqual([
      "天津市南开区发展和改革委员会",
    ]);
  });

  it("takes the organs of a joint signature and the 盖章 between them and the date", () => {
    const found = furnitureOf([
      ...PLAN_BODY,
      "南开区发展和改革委员会",
      "南开区财政局",
      "（盖章）",
      "二〇二〇年三月二日",
      "附件：主要指标表",
      "地区生产总值  亿元  增长5%",
    ]);
    expect(found).toEqual([
      "南开区发展和改革委员会",
      "南开区财政局",
      "(盖章)",
      "二〇二〇年三月二日",
      "附件:主要指标表",
    ]);
  });

  it("takes the signature of a cover notice at the head of the document (organ, then date)", () => {
    const found = furnitureOf(["咸政发〔2024〕3号", "咸阳市人民政府", "2024年3月2日", ...PLAN_BODY]);
    expect(found).toEqual(["咸政发〔2024〕3号", "咸阳市人民政府", "2024年3月2日"]);
  });

  it("leaves an organ alone in the middle of the document, with content after it", () => {
    const lines = [...PLAN_BODY.slice(0, 4), "国际医疗中心", "区教育局", ...PLAN_BODY.slice(4)];
    expect(furnitureOf(lines)).toEqual([]);
  });

  it("leaves the last task that ends in a word like an organ's (新发展格局)", () => {
    expect(furnitureOf([...PLAN_BODY, "加快构建新发展格局"])).toEqual([]);
  });

  it("takes a bare 附件 heading and nothing after it: the title and the table are judged as any line", () => {
    const found = furnitureOf([
      ...PLAN_BODY,
      "附件2:",
      "重点任务与项目清单",
      "新增就业4万人",
      "序号  主要领域  重点任务",
    ]);
    expect(found).toEqual(["附件2:"]);
  });

  it("takes a running header repeated on every page, and the page numbers", () => {
    const header = "南开区2020年国民经济和社会发展计划（征求意见稿）";
    const [, heading, targets, area, , lead, lead2] = PLAN_BODY as string[];
    const pages = [[heading, targets], [area, lead], [lead2]];
    const found = furnitureOf(pages.flatMap((page, i) => [header, ...(page as string[]), `— ${i + 1} —`]));
    expect(found.filter((l) => l === cleaned(header))).toHaveLength(3);
    expect(found.filter((l) => /^—\d—$/.test(l))).toHaveLength(3);
    expect(found).toHaveLength(6);
  });

  it("leaves a line seen twice, and repeated lines that state a quantity", () => {
    const lines = [
      ...PLAN_BODY,
      "加强组织领导",
      "加强组织领导",
      "新增就业4万人",
      "新增就业4万人",
      "新增就业4万人",
    ];
    expect(furnitureOf(lines)).toEqual([]);
  });

  it("bodyParagraphs keeps every other paragraph in order", () => {
    const text = buildTextView([...PLAN_BODY, "南开区发展和改革委员会", "2020年3月2日"].join("\n")).text;
    const body = bodyParagraphs(text, paragraphs(text)).map((p) => text.slice(p.start, p.end));
    expect(body).toEqual(PLAN_BODY.map(cleaned));
  });
});

describe("extractPlan: the furniture of a document is no task and no target", () => {
  const plain = PLAN_BODY.join("\n\n");
  const closing = [
    "南开区发展和改革委员会",
    "二〇二〇年三月二日",
    "（此件公开发布）",
    "（联系人：张三；联系电话：27350000）",
    "抄送：区委各部门，区人大常委会办公室。",
    "南开区发展和改革委员会办公室        2020年3月2日印发",
    "— 3 —",
    "第 3 页 共 3 页",
  ].join("\n\n");
  const signed = `${plain}\n\n${closing}\n`;

  it("gives the same tasks and targets with the signature, 版记 and page numbers as without", () => {
    const without = extractPlan(plain);
    const withClosing = extractPlan(signed);
    expect(withClosing.tasks.map((t) => t.text)).toEqual(without.tasks.map((t) => t.text));
    expect(withClosing.targets.map((t) => [t.display, t.start])).toEqual(
      without.targets.map((t) => [t.display, t.start]),
    );
    expect(withClosing.milestones).toHaveLength(without.milestones.length);
  });

  it("no task and no target lies in the closing lines", () => {
    const draft = extractPlan(signed);
    const from = signed.indexOf(closing);
    expect(draft.tasks.filter((t) => t.end > from)).toEqual([]);
    expect(draft.targets.filter((t) => t.end > from)).toEqual([]);
  });

  it("still reads the issuer and the date from the signature", () => {
    const draft = extractPlan(`${plain}\n\n南开区发展和改革委员会\n\n2020年3月2日\n`);
    expect(draft.meta.issuer).toBe("南开区发展和改革委员会");
    expect(draft.meta.published).toBe("2020-03-02");
  });
});
