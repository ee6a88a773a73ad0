import { describe, expect, it } from "vitest";
import { target } from "../../test/fixtures.ts";
import { changedFields, toCardValues, toPatch } from "./card-model.ts";

const money = target({
  id: 8,
  subject: "招商引资到位额",
  value: 10600000000,
  unit: "元",
  displayUnit: "亿元",
  display: "106亿元",
  kind: "cumulative",
  coDepartments: [
    { id: 2, name: "区商务局" },
    { id: 1, name: "区发展改革委" },
  ],
});

describe("target card values", () => {
  it("shows values in the display unit", () => {
    const v = toCardValues(money);
    expect(v.value).toBe(106);
    expect(v.displayUnit).toBe("亿元");
    expect(v.coDepartmentIds).toEqual([2, 1]);
  });

  it("sends nothing when nothing changed", () => {
    expect(toPatch(toCardValues(money), money)).toEqual({});
    // the same departments in another order are no change
    expect(toPatch({ ...toCardValues(money), coDepartmentIds: [1, 2] }, money)).toEqual({});
  });

  it("sends only the changed fields, values in the base unit", () => {
    const v = {
      ...toCardValues(money),
      value: 110,
      subject: " 招商引资到位额（内资） ",
      leadDepartmentId: 2,
    };
    expect(toPatch(v, money)).toEqual({
      value: 11000000000,
      subject: "招商引资到位额（内资）",
      leadDepartmentId: 2,
    });
  });

  it("rescales when the display unit changes", () => {
    const v = { ...toCardValues(money), value: 1060000, displayUnit: "万元" };
    expect(toPatch(v, money)).toEqual({ displayUnit: "万元" });
  });

  it("keeps value2 only for a range", () => {
    const pct = target({ id: 1, value: 6, value2: 6.5, comparator: "range" });
    expect(toPatch({ ...toCardValues(pct), comparator: "about" }, pct)).toEqual({
      comparator: "about",
      value2: null,
    });
    const plain = target({ id: 2, value: 6 });
    expect(toPatch({ ...toCardValues(plain), comparator: "range", value2: 6.5 }, plain)).toEqual({
      comparator: "range",
      value2: 6.5,
    });
  });

  it("clears a due date and a lead department", () => {
    const t = target({ id: 3, leadDepartment: { id: 4, name: "区统计局" } });
    expect(toPatch({ ...toCardValues(t), dueDate: null, leadDepartmentId: null }, t)).toEqual({
      dueDate: null,
      leadDepartmentId: null,
    });
  });

  it("lists the fields that changed between two versions", () => {
    const before = toCardValues(money);
    const after = toCardValues({ ...money, value: 11000000000, leadDepartment: { id: 3, name: "区财政局" } });
    expect(changedFields(before, after)).toEqual({ value: 110, leadDepartmentId: 3 });
    expect(changedFields(before, before)).toEqual({});
  });
});
