import { describe, expect, it } from "vitest";
import { enUS, interpolate, zhCN } from "./messages.ts";
import { adminZhCN } from "./messages-admin.ts";
import { cockpitZhCN } from "./messages-cockpit.ts";
import { deskZhCN } from "./messages-desk.ts";
import { deskReviewZhCN } from "./messages-desk-review.ts";
import { documentsZhCN } from "./messages-documents.ts";
import { editorPublicZhCN } from "./messages-editor-public.ts";
import { fiveYearZhCN } from "./messages-five-year.ts";
import { gridZhCN } from "./messages-grid.ts";
import { loginAccountZhCN } from "./messages-login-account.ts";
import { planZhCN } from "./messages-plan.ts";
import { planListZhCN } from "./messages-plan-list.ts";
import { plausibilityZhCN } from "./messages-plausibility.ts";
import { publicZhCN } from "./messages-public.ts";
import { reviewZhCN } from "./messages-review.ts";
import { statusZhCN } from "./messages-status.ts";
import { taskWorkZhCN } from "./messages-task-work.ts";
import { tasksZhCN } from "./messages-tasks.ts";

describe("messages", () => {
  it("has the same keys and placeholders in both languages", () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(enUS[key]), key).toEqual(placeholders(zhCN[key]));
      expect(enUS[key].trim().length, key).toBeGreaterThan(0);
    }
  });

  // The page files are spread into one object, where a key defined twice would silently lose one string.
  it("defines each key in one page file only", () => {
    const parts = [
      adminZhCN,
      cockpitZhCN,
      deskZhCN,
      deskReviewZhCN,
      documentsZhCN,
      editorPublicZhCN,
      fiveYearZhCN,
      gridZhCN,
      loginAccountZhCN,
      planZhCN,
      planListZhCN,
      plausibilityZhCN,
      publicZhCN,
      reviewZhCN,
      statusZhCN,
      taskWorkZhCN,
      tasksZhCN,
    ];
    const keys = parts.flatMap((part) => Object.keys(part));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it("fills placeholders", () => {
    expect(interpolate("共 {count} 个计划", { count: 3 })).toBe("共 3 个计划");
    expect(interpolate("{a}-{b}", { a: "x" })).toBe("x-{b}");
    expect(interpolate("plain")).toBe("plain");
  });
});
