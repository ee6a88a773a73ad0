import { describe, expect, it } from "vitest";
import { type ReportTask, shortTaskTitle, taskProgress } from "./progress-tasks.ts";

const task = (id: number, more: Partial<ReportTask>): ReportTask => ({
  id,
  title: `任务${id}，具体内容`,
  areaId: 1,
  department: "区人社局",
  light: "on_track",
  working: "正常推进，完成时限12月31日（还有143天）",
  deadline: "2020年12月底前",
  progress: null,
  ...more,
});

const TASKS: ReportTask[] = [
  task(1, { light: "closed", working: "已于2020年7月15日办结销号", progress: "美术馆已建成开放。布展完成" }),
  task(2, { progress: "已完成招标，签订施工合同。" }),
  task(3, {
    light: "overdue",
    department: "区教育局",
    working: "已超过完成时限（2020年6月30日）41天，未办结",
    deadline: "",
  }),
  task(4, {
    light: "unacknowledged",
    department: null,
    working: "交办后3个工作日内应签收（限1月23日前），已超期142个工作日未签收",
  }),
  task(5, { light: "stopped", working: "已于2020年5月10日中止：规划调整", title: "推进水厂南BC地块出让" }),
  task(6, { light: "due_soon", areaId: 2, working: "完成时限还有5天到期（8月15日）" }),
  task(7, { light: "not_reported", areaId: null, working: "2020年7月的进展应于8月5日前报送，至今未报" }),
];

describe("the report's key tasks by light", () => {
  const p = taskProgress(TASKS, [1, 2]);

  it("counts each area by light, the stopped tasks apart", () => {
    const a = p.byArea.get(1);
    expect(a).toMatchObject({ total: 4, stopped: 1 });
    expect(a?.counts).toMatchObject({ closed: 1, on_track: 1, overdue: 1, unacknowledged: 1, stopped: 0 });
    expect(a?.lines).toHaveLength(5);
    expect(a?.paragraphs[0]).toBe(
      "本领域安排重点任务4项，已办结1项，正常推进1项，逾期1项，未签收1项；另有1项已中止（推进水厂南BC地块出让）。",
    );
    expect(p.byArea.get(2)?.paragraphs[0]).toBe("本领域安排重点任务1项，临期1项。");
    // A task outside the areas goes with the others.
    expect(p.byArea.get(null)?.lines.map((l) => l.id)).toEqual([7]);
    expect(p).toMatchObject({ total: 6, stopped: 1 });
    expect(p.summary).toBe(
      "计划确定的重点任务6项，已办结1项，正常推进1项，临期1项，逾期1项，未签收1项，未报送1项；另有1项已中止（推进水厂南BC地块出让）。",
    );
  });

  it("quotes what approved reports say, and names late and untaken tasks with their department and working", () => {
    const a = p.byArea.get(1);
    expect(a?.paragraphs[1]).toBe(
      "任务1方面，区人社局报告：“美术馆已建成开放”。任务2方面，区人社局报告：“已完成招标，签订施工合同”。",
    );
    expect(a?.paragraphs[2]).toBe(
      "需要关注的是，任务3（区教育局）已超过完成时限（2020年6月30日）41天，未办结；任务4（未明确牵头单位）交办后未按时签收。",
    );
    expect(p.byArea.get(2)?.paragraphs[1]).toBe(
      "需要关注的是，任务6（区人社局）完成时限还有5天到期（8月15日）。",
    );
    expect(p.byArea.get(null)?.paragraphs[1]).toBe("需要关注的是，任务7（区人社局）未按时报送进展。");
  });

  it("gives each table line its lead department, 完成时限, light and progress (or, without one, the working)", () => {
    const line = (id: number) => p.all.find((l) => l.id === id);
    expect(line(2)).toMatchObject({
      department: "区人社局",
      deadlineText: "2020年12月底前",
      statusText: "正常推进",
      progressText: "已完成招标，签订施工合同",
      reported: true,
    });
    expect(line(3)).toMatchObject({
      deadlineText: "—",
      statusText: "逾期",
      progressText: "已超过完成时限（2020年6月30日）41天，未办结",
      reported: false,
    });
    expect(line(5)).toMatchObject({ statusText: "已中止", progressText: "已于2020年5月10日中止：规划调整" });
  });

  it("names a few late or untaken tasks in a sentence and counts the rest (附件2 lists them all)", () => {
    const many = taskProgress(
      [
        ...Array.from({ length: 8 }, (_, i) => task(10 + i, { light: "unacknowledged", working: "未签收" })),
        ...Array.from({ length: 4 }, (_, i) => task(20 + i, { light: "overdue", working: "已逾期1天" })),
      ],
      [1],
    );
    expect(many.byArea.get(1)?.paragraphs[1]).toBe(
      "需要关注的是，任务20（区人社局）已逾期1天；任务21（区人社局）已逾期1天；任务22（区人社局）已逾期1天；另有1项任务逾期；" +
        "任务10（区人社局）、任务11（区人社局）、任务12（区人社局）、任务13（区人社局）、任务14（区人社局）等8项任务交办后未按时签收。",
    );
    expect(many.all).toHaveLength(12);
  });

  it("says so when every task of an area was stopped, and nothing without tasks", () => {
    const stopped = taskProgress([task(1, { light: "stopped", title: "甲任务" })], [1]);
    expect(stopped.byArea.get(1)?.paragraphs).toEqual(["本领域安排重点任务1项，均已中止（甲任务）。"]);
    expect(stopped.summary).toBe("计划确定的重点任务1项，均已中止（甲任务）。");
    const none = taskProgress([], [1]);
    expect(none).toMatchObject({ total: 0, stopped: 0, summary: "", all: [] });
  });

  it("names a task by its title up to the first comma", () => {
    expect(shortTaskTitle("拓展经济发展增量，全年新增就业4万人")).toBe("拓展经济发展增量");
  });
});
