import { describe, expect, it } from "vitest";
import { lightSettingsOf, taskSettingsOf } from "./task-settings.ts";

describe("a plan's task settings", () => {
  it("default where unset, out of range or not a number", () => {
    expect(taskSettingsOf({})).toEqual({
      dueSoonDays: 7,
      acknowledgeWorkingDays: 3,
      holidays: [],
      workdays: [],
    });
    expect(taskSettingsOf({ tasks: { dueSoonDays: -1, acknowledgeWorkingDays: 2.5 } })).toMatchObject({
      dueSoonDays: 7,
      acknowledgeWorkingDays: 3,
    });
    expect(taskSettingsOf({ tasks: { dueSoonDays: "10" } }).dueSoonDays).toBe(7);
  });
  it("keep what was set, and only real days of the calendar", () => {
    const s = taskSettingsOf({
      tasks: {
        dueSoonDays: 10,
        acknowledgeWorkingDays: 5,
        holidays: ["2020-10-01", "2020-02-30", 7],
        workdays: ["2020-09-27"],
      },
    });
    expect(s).toEqual({
      dueSoonDays: 10,
      acknowledgeWorkingDays: 5,
      holidays: ["2020-10-01"],
      workdays: ["2020-09-27"],
    });
    expect(lightSettingsOf(s).calendar).toEqual({ holidays: ["2020-10-01"], workdays: ["2020-09-27"] });
  });
});
