// Task annotations (牵头单位, 配合单位, 责任单位, 完成时限) on tasks written for these tests in the
// style of a 年度工作计划 and its 任务分解.

import { describe, expect, it } from "vitest";
import { attachAnnotations, deadlineDate, findAnnotations, withoutAnnotations } from "./annotations.ts";
import { extractPlan } from "./extract-plan.ts";
import type { TaskNode } from "./types.ts";

describe("finding annotations", () => {
  it("reads 牵头单位 and 配合单位 in one bracket, lists split at 、", () => {
    const text = "推进滨河公园改造。（牵头单位：区建委；配合单位：区财政局、区城管委）";
    const [a] = findAnnotations(text, 2021);
    expect(a).toMatchObject({ lead: ["区建委"], co: ["区财政局", "区城管委"], deadline: null });
    expect(text.slice(a?.start, a?.end)).toBe("（牵头单位：区建委；配合单位：区财政局、区城管委）");
  });

  it("reads fields separated by a comma, and the other words for helping units (支撑, 协办)", () => {
    const [a] = findAnnotations("(牵头单位:东湖街道,支撑单位:区规划局、区交通局)", 2021);
    expect(a).toMatchObject({ lead: ["东湖街道"], co: ["区规划局", "区交通局"] });
    const [b] = findAnnotations("（主责单位：区民政局，协办单位：各街镇）", 2021);
    expect(b).toMatchObject({ lead: ["区民政局"], co: ["各街镇"] });
  });

  it("reads 责任单位 as the lead, and the unit marked （牵头） as lead among several", () => {
    expect(findAnnotations("责任单位：区住建委", 2021)[0]?.lead).toEqual(["区住建委"]);
    const [a] = findAnnotations("责任单位：区发改委（牵头）、区财政局、区统计局", 2021);
    expect(a).toMatchObject({ lead: ["区发改委"], co: ["区财政局", "区统计局"] });
  });

  it("reads a deadline with its date, in the same bracket or on a line of its own", () => {
    const [a] = findAnnotations("（牵头部门：区教育局；完成时限：2021年8月底前）", 2021);
    expect(a?.deadline).toEqual({ text: "2021年8月底前", date: "2021-08-31" });
    const [b] = findAnnotations("完成时限：三季度末\n", 2021);
    expect(b?.deadline).toEqual({ text: "三季度末", date: "2021-09-30" });
  });

  it("reads （区发改委牵头，区商务委、区财政局配合） without key words", () => {
    const [a] = findAnnotations("优化营商环境（区发改委牵头，区商务委、区财政局配合）。", 2021);
    expect(a).toMatchObject({ lead: ["区发改委"], co: ["区商务委", "区财政局"] });
  });

  it("keeps departments as the original writes them, through the `written` reader", () => {
    const original = "（牵头单位：区科技局（筹））";
    const folded = "(牵头单位:区科技局(筹))";
    const [a] = findAnnotations(folded, 2021, (s, e) => original.slice(s, e));
    expect(a?.lead).toEqual(["区科技局（筹）"]);
  });

  it("finds nothing in prose that names a unit without a colon", () => {
    expect(findAnnotations("建立牵头单位负责制，明确责任单位和完成时限。", 2021)).toEqual([]);
    expect(findAnnotations("（由各部门按职责分工负责）", 2021)).toEqual([]);
  });
});

describe("deadline dates", () => {
  it("gives the last day of the month named, in the year named or the plan's year", () => {
    expect(deadlineDate("2020年6月底前", 2021)).toBe("2020-06-30");
    expect(deadlineDate("6月底", 2021)).toBe("2021-06-30");
    expect(deadlineDate("2024年2月", null)).toBe("2024-02-29");
    expect(deadlineDate("十月底前", 2021)).toBe("2021-10-31");
  });

  it("reads quarters, half years and the whole year", () => {
    expect(deadlineDate("三季度末", 2021)).toBe("2021-09-30");
    expect(deadlineDate("第一季度", 2021)).toBe("2021-03-31");
    expect(deadlineDate("上半年", 2021)).toBe("2021-06-30");
    expect(deadlineDate("年底前", 2021)).toBe("2021-12-31");
    expect(deadlineDate("全年", 2021)).toBe("2021-12-31");
    expect(deadlineDate("2023年", 2021)).toBe("2023-12-31");
  });

  it("reads a full date, and takes the end of a span of months", () => {
    expect(deadlineDate("2021年3月15日", 2021)).toBe("2021-03-15");
    expect(deadlineDate("2021年3月至9月", 2021)).toBe("2021-09-30");
    expect(deadlineDate("6月中旬", 2021)).toBe("2021-06-20");
  });

  it("names no day for words without a time, or without a year to place them", () => {
    expect(deadlineDate("长期坚持", 2021)).toBeNull();
    expect(deadlineDate("6月底", null)).toBeNull();
  });
});

describe("attaching annotations to tasks", () => {
  const task = (text: string, all: string) => {
    const start = all.indexOf(text);
    return { start, end: start + text.length, text };
  };

  it("gives a task the annotation inside it and takes it out of the task's text", () => {
    const text = "加快建设社区食堂（牵头单位：区民政局），年底前建成。";
    const out = attachAnnotations(text, [task(text, text)], findAnnotations(text, 2021));
    expect(out[0]).toMatchObject({ text: "加快建设社区食堂，年底前建成。", leadDepartments: ["区民政局"] });
  });

  it("drops a task that is nothing but an annotation and gives it to the task before", () => {
    const text = "推进老旧小区改造。\n（牵头单位：区住建委）\n实施道路大修。";
    const tasks = ["推进老旧小区改造。", "（牵头单位：区住建委）", "实施道路大修。"].map((t) =>
      task(t, text),
    );
    const out = attachAnnotations(text, tasks, findAnnotations(text, 2021));
    expect(out.map((t) => t.text)).toEqual(["推进老旧小区改造。", "实施道路大修。"]);
    expect(out[0]?.leadDepartments).toEqual(["区住建委"]);
    expect(out[1]?.leadDepartments).toBeUndefined();
  });

  it("gives an annotation between two tasks, held by no task, to the task above", () => {
    const text = "推进老旧小区改造。责任单位：区住建委\n实施道路大修。";
    const tasks = [task("推进老旧小区改造。", text), task("实施道路大修。", text)];
    const out = attachAnnotations(text, tasks, findAnnotations(text, 2021));
    expect(out[0]?.leadDepartments).toEqual(["区住建委"]);
    expect(out[1]?.leadDepartments).toBeUndefined();
  });

  it("gives an annotation written into a heading to the tasks under it", () => {
    const text = "（一）智慧城市建设（牵头单位：区大数据局）\n建设城市大脑。\n（二）其他\n推进政务公开。";
    const heading = { start: 0, end: text.indexOf("\n"), title: "智慧城市建设" };
    const second = { start: text.indexOf("（二）"), end: text.indexOf("（二）") + 5, title: "其他" };
    const tasks = [task("建设城市大脑。", text), task("推进政务公开。", text)];
    const out = attachAnnotations(text, tasks, findAnnotations(text, 2021), [heading, second]);
    expect(out[0]?.leadDepartments).toEqual(["区大数据局"]);
    expect(out[1]?.leadDepartments).toBeUndefined();
  });

  it("gives an annotation right after a heading to the tasks under it, or makes the heading a task", () => {
    const text =
      "（一）建设城市大脑。（牵头单位：区大数据局）\n整合数据资源。\n（二）推进政务公开。（牵头单位：区政务办）";
    const first = { start: 0, end: text.indexOf("（牵头"), title: "建设城市大脑" };
    const at = text.indexOf("（二）");
    const second = { start: at, end: text.indexOf("（牵头", at), title: "推进政务公开" };
    const pieces = ["（牵头单位：区大数据局）", "整合数据资源。", "（牵头单位：区政务办）"];
    const out = attachAnnotations(
      text,
      pieces.map((p) => task(p, text)),
      findAnnotations(text, 2021),
      [first, second],
    );
    expect(out.map((t) => [t.text, t.leadDepartments])).toEqual([
      ["整合数据资源。", ["区大数据局"]],
      ["推进政务公开", ["区政务办"]],
    ]);
    expect(out[1]).toMatchObject({ start: second.start, end: second.end });
  });

  it("strips an annotation from a heading's title", () => {
    expect(withoutAnnotations("智慧城市建设（牵头单位：区大数据局）")).toBe("智慧城市建设");
    expect(withoutAnnotations("智慧城市建设")).toBe("智慧城市建设");
  });
});

describe("annotations in a whole plan", () => {
  const plan = [
    "清河区2021年重点工作计划",
    "",
    "一、重点任务",
    "",
    "（一）改善民生",
    "",
    "1.新建社区养老服务中心5个。（牵头单位：区民政局；配合单位：区财政局、各街道；完成时限：2021年6月底前）",
    "",
    "2.完成老旧小区改造30个。",
    "责任单位：区住建委",
    "完成时限：年底前",
  ].join("\n");
  const draft = extractPlan(plan);
  const byText = (start: string) => draft.tasks.find((t) => t.text.startsWith(start)) as TaskNode;

  it("states the task's departments and deadline, the plan's year placing 年底", () => {
    expect(byText("1.新建")).toMatchObject({
      leadDepartments: ["区民政局"],
      coDepartments: ["区财政局", "各街道"],
      deadline: { text: "2021年6月底前", date: "2021-06-30" },
    });
    expect(byText("2.完成")).toMatchObject({
      leadDepartments: ["区住建委"],
      coDepartments: [],
      deadline: { text: "年底前", date: "2021-12-31" },
    });
  });

  it("keeps annotations out of the task texts and the task list", () => {
    expect(draft.tasks.map((t) => t.text)).toEqual([
      "1.新建社区养老服务中心5个。",
      "2.完成老旧小区改造30个。",
    ]);
  });

  it("reads no target from an annotation, and the tasks' targets as before", () => {
    expect(draft.targets.map((t) => [t.subject, t.value])).toEqual([
      ["社区养老服务中心", 5],
      ["老旧小区改造", 30],
    ]);
    expect(draft.milestones.filter((m) => /时限|单位/.test(m.subject))).toEqual([]);
  });
});
