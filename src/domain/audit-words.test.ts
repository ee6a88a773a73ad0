import { describe, expect, it } from "vitest";
import { fieldWords, valueWords } from "./audit-field-words.ts";
import {
  AUDIT_ACTION_WORDS,
  AUDIT_ENTITY_WORDS,
  actionWords,
  auditActionOptions,
  entityWords,
  settingWords,
} from "./audit-words.ts";

describe("the audit log's words", () => {
  it("words each action in one language, no code and no Latin letter in the Chinese", () => {
    for (const [code, words] of Object.entries(AUDIT_ACTION_WORDS)) {
      expect(words.zh, code).not.toMatch(/[A-Za-z]/);
      expect(words.en, code).toMatch(/^[A-Z][a-z' -]+/);
      expect(words.en).not.toContain(code);
    }
    for (const words of Object.values(AUDIT_ENTITY_WORDS)) expect(words.zh).not.toMatch(/[A-Za-z]/);
  });

  it("falls back to generic words in the reader's language, never the raw code", () => {
    expect(actionWords("target.confirm_value", "zh")).toBe("确认目标值");
    expect(actionWords("auth.login_failed", "en")).toBe("Failed sign-in");
    expect(actionWords("widget.frobnicate", "zh")).toBe("其他操作");
    expect(actionWords("widget.frobnicate", "en")).toBe("Other action");
    expect(entityWords("report", "zh")).toBe("报送");
    expect(entityWords("widget", "zh")).toBe("其他对象");
    expect(actionWords("toString", "zh")).toBe("其他操作");
    expect(settingWords("demo.seeded", "zh")).toBe("演示数据载入");
    expect(settingWords("some.key", "zh")).toBe("系统设置");
  });

  it("offers each worded action once in the filter, codes that read alike together", () => {
    const options = auditActionOptions("zh");
    const texts = options.map((o) => o.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(options.flatMap((o) => o.codes).sort()).toEqual(Object.keys(AUDIT_ACTION_WORDS).sort());
    expect(options.find((o) => o.text === "申请调整任务")?.codes).toEqual([
      "task.request_adjustment",
      "task.adjustment.request",
    ]);
  });

  it("words fields by their path, with a kind's own meaning first", () => {
    expect(fieldWords("value", "target", "zh")).toBe("目标值");
    expect(fieldWords("value", "setting", "en")).toBe("value");
    expect(fieldWords("lead_department_id", "task", "zh")).toBe("牵头单位");
    expect(fieldWords("deadline", "task", "zh")).toBe("完成时限");
    expect(fieldWords("summary.targets", "plan", "zh")).toBe("概要·目标");
    expect(fieldWords("adjustment.state", "task_adjustment", "en")).toBe("adjustment › state");
    expect(fieldWords("frobs", "target", "zh")).toBe("其他字段");
    expect(fieldWords("value.frobs", "target", "zh")).toBe("其他字段");
    expect(fieldWords("", "target", "zh")).toBe("内容");
  });

  it("words values: states by kind, flags, ids named, records as pairs", () => {
    const names = {
      department: (id: number) => (id === 3 ? "区人社局" : undefined),
      user: (id: number) => (id === 7 ? "王五" : undefined),
      region: (id: number) => (id === 2 ? "南开区" : undefined),
    };
    expect(valueWords("state", "task", "acknowledged", "zh")).toBe("已签收");
    expect(valueWords("state", "plan", "closed", "zh")).toBe("已关闭");
    expect(valueWords("task.state", "task_adjustment", "closed", "zh")).toBe("已办结");
    expect(valueWords("adjustment.state", "task_adjustment", "approved", "en")).toBe("approved");
    expect(valueWords("disabled", "user", 1, "zh")).toBe("是");
    expect(valueWords("lead_department_id", "target", 3, "zh", names)).toBe("区人社局");
    expect(valueWords("lead_department_id", "target", 9, "zh", names)).toBe("部门（编号 9）");
    expect(valueWords("co_department_ids", "target", [3, 9], "en", names)).toBe("区人社局, department 9");
    expect(valueWords("decided_by", "task_adjustment", 7, "zh", names)).toBe("王五");
    expect(valueWords("region_id", "user", 2, "zh", names)).toBe("南开区");
    expect(valueWords("region_id", "user", 5, "en", names)).toBe("region 5");
    expect(valueWords("value", "target", null, "zh")).toBe("（空）");
    expect(valueWords("milestones", "task", [{ name: "开工", due: "2020-06-30" }], "zh")).toBe(
      "名称：开工；节点时间：2020-06-30",
    );
    expect(valueWords("kind", "target", "cumulative", "zh")).toBe("累计值");
    expect(valueWords("progress", "report", "已完成主体工程", "en")).toBe("已完成主体工程");
  });
});
