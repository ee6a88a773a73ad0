// A 任务分解表 as short as it gets — a header and two rows, as an office exports a draft of it: the
// header is the first line, and both rows are rows, whatever they hold (issue 15, point 10).

import { describe, expect, it } from "vitest";
import { buildAccessWorld } from "../test/access-fixture.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { previewBreakdown } from "./breakdown-import.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Three lines each: the header words and the rows vary the way the files that came in did. */
const FILES: [string, string][] = [
  [
    "序号, 任务, 牵头单位",
    "序号,重点任务,牵头单位\n1,全年新增就业4万人,区人社局\n2,建成南开美术馆,区教育局\n",
  ],
  [
    "CRLF, a BOM, no newline at the end",
    "\uFEFF序号,任务内容,牵头单位,完成时限\r\n1,全年新增就业4万人,区人社局,年底\r\n2,建成南开美术馆,区教育局,上半年",
  ],
  // The first row has no number and no task of its own (a continuation), its cells short words and a
  // period: the shape of a header's second row, yet the line after a one-row header is data.
  [
    "a first row that looks like a header's second row",
    "重点任务,牵头单位,完成时限\n全年新增就业4万人,区人社局,上半年\n建成南开美术馆,区教育局,年底\n",
  ],
  [
    "quoted cells",
    '"序号","重点任务","牵头单位"\n"1","全年新增就业4万人","区人社局"\n"2","建成南开美术馆","区教育局"\n',
  ],
];

describe.each(testDialects())("a three-line 任务分解表 CSV on %s", (dialect) => {
  const store = useTestDatabase(dialect);

  it.each(FILES)("keep the header on line 1 and read lines 2 and 3 as rows: %s", async (_name, text) => {
    const w = await buildAccessWorld(store().db);
    const preview = await previewBreakdown(store().db, w.planId, utf8(text), "分解表.csv");
    expect(preview.headerRow).toBe(1);
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(preview.rows.map((r) => r.fields.task)).toEqual(["全年新增就业4万人", "建成南开美术馆"]);
    expect(preview.rows.map((r) => r.fields.lead)).toEqual(["区人社局", "区教育局"]);
  });
});
