// The Word report's 重点任务 from the task lifecycle: per area by light with the stopped apart, and the
// table of 附件2 with 牵头单位, 完成时限, 状态 and the approved 进展 — as known on the report's date.

import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  APPROVED_PROGRESS,
  buildTaskOutputsWorld,
  TASK_OUTPUTS_AS_OF,
  UNAPPROVED_PROGRESS,
} from "../test/task-outputs-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { buildProgressReportDocx, progressReportModel } from "./progress-report.ts";

describe.each(testDialects())("the Word report's tasks on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it("count each area's tasks by light, the stopped apart, and list them with 完成时限 and approved 进展", async () => {
    const db = store().db;
    const w = await buildTaskOutputsWorld(db);
    const model = await progressReportModel(db, w.planId, { period: "2020-07", asOf: TASK_OUTPUTS_AS_OF });
    expect(model.tasks).toMatchObject({ total: 4, stopped: 1 });
    expect(model.tasks.summary).toBe(
      "计划确定的重点任务4项，已办结1项，正常推进1项，逾期1项，未签收1项；另有1项已中止（推进水厂南BC地块出让）。",
    );
    const area = model.areas.find((a) => a.tasks?.lines.some((l) => l.id === w.tasks.jobs));
    expect(area?.tasks?.paragraphs[0]).toBe(
      "本领域安排重点任务3项，已办结1项，正常推进1项，逾期1项；另有1项已中止（推进水厂南BC地块出让）。",
    );
    expect(area?.tasks?.paragraphs.join("")).toContain(
      "雏鹰企业分别达到80家和18家（区教育局）已超过完成时限（2020年6月30日）41天，未办结",
    );
    // The plan's first task sits under 主要预期指标, outside the areas, and has no lead department.
    const others = model.areas.find((a) => a.title === "其他重点任务");
    expect(others?.tasks?.paragraphs.join("")).toContain("（未明确牵头单位）交办后未按时签收");

    const line = (id: number) => model.tasks.all.find((l) => l.id === id);
    expect(line(w.tasks.jobs)).toMatchObject({
      department: "区人社局",
      deadlineText: "2020年12月底前",
      statusText: "正常推进",
      progressText: APPROVED_PROGRESS,
    });
    expect(line(w.tasks.eagles)).toMatchObject({ deadlineText: "2020年6月30日", statusText: "逾期" });
    expect(line(w.tasks.museum)).toMatchObject({ deadlineText: "三季度末", statusText: "已办结" });
    expect(line(w.tasks.parcel)).toMatchObject({ statusText: "已中止", deadlineText: "—" });
    const words =
      JSON.stringify(model.tasks.all) + model.areas.flatMap((a) => a.tasks?.paragraphs ?? []).join("");
    expect(words).not.toContain(UNAPPROVED_PROGRESS);

    const zip = await JSZip.loadAsync(
      await buildProgressReportDocx(db, w.planId, { period: "2020-07", asOf: TASK_OUTPUTS_AS_OF }),
    );
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    for (const header of ["牵头单位", "完成时限", "状态", "进展情况"]) expect(text).toContain(header);
    expect(text).toContain("2020年12月底前");
    expect(text).toContain("另有1项已中止");
    expect(text).not.toContain(UNAPPROVED_PROGRESS);
  });

  it("judge the tasks with what was known on the report's date", async () => {
    const db = store().db;
    const w = await buildTaskOutputsWorld(db);
    // On 2 July June's report had come but was not approved, the museum's May report was missing and
    // it was not closed yet.
    const model = await progressReportModel(db, w.planId, { period: "2020-06", asOf: "2020-07-02" });
    const line = (id: number) => model.tasks.all.find((l) => l.id === id);
    expect(line(w.tasks.jobs)?.reported).toBe(false);
    expect(line(w.tasks.museum)).toMatchObject({ statusText: "未报送" });
    expect(model.tasks.counts.closed).toBe(0);
    // A report on June read later quotes June's approved progress, not a later period's.
    const later = await progressReportModel(db, w.planId, { period: "2020-06", asOf: TASK_OUTPUTS_AS_OF });
    expect(later.tasks.all.find((l) => l.id === w.tasks.jobs)?.progressText).toBe(APPROVED_PROGRESS);
  });
});
