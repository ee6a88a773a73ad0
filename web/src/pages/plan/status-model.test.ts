import { describe, expect, it } from "vitest";
import type { EvaluationView, PlanStatusView } from "../../../../src/contract/status.ts";
import {
  percent,
  phraseOf,
  points,
  STATUS_CLASS,
  STATUS_ORDER,
  statusByTarget,
  statusRank,
} from "./status-model.ts";

describe("status on the plan page", () => {
  it("has a colour for every status", () => {
    for (const s of STATUS_ORDER) expect(STATUS_CLASS[s]).toMatch(/^status-/);
    expect(statusRank("completed")).toBe(0);
    expect(statusRank(undefined)).toBe(STATUS_ORDER.length);
  });

  it("says the schedule phrase in the reader's language", () => {
    const e = { phrase: { zh: "欠时序进度9.9个百分点", en: "9.9 points behind schedule" } } as EvaluationView;
    expect(phraseOf(e, "zh-CN")).toBe("欠时序进度9.9个百分点");
    expect(phraseOf(e, "en-US")).toBe("9.9 points behind schedule");
    expect(phraseOf({ ...e, phrase: null }, "zh-CN")).toBeNull();
  });

  it("formats shares and points", () => {
    expect(percent(0.432)).toBe("43.2%");
    expect(percent(1.2564, 2)).toBe("125.64%");
    expect(percent(null)).toBeNull();
    expect(points(-9.87)).toBe("−9.9");
    expect(points(42.31)).toBe("+42.3");
    expect(points(0.01)).toBe("0");
    expect(points(null)).toBeNull();
  });

  it("finds a target's status by id", () => {
    const view = { targets: [{ targetId: 4 }, { targetId: 9 }] } as PlanStatusView;
    expect(statusByTarget(view).get(9)?.targetId).toBe(9);
    expect(statusByTarget(null).size).toBe(0);
  });
});
