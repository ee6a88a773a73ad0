import { describe, expect, it } from "vitest";
import { validationFindingZh, validationMessage } from "./validation-words.ts";

describe("a refused request in Chinese", () => {
  it("words Ajv's findings from their keyword and params, never in Ajv's English", () => {
    const zh = (keyword: string, params: Record<string, unknown>) => validationFindingZh({ keyword, params });
    expect(zh("type", { type: "integer" })).toBe("应为整数");
    expect(zh("type", { type: "number,null" })).toBe("应为数字或空值（null）");
    expect(zh("required", { missingProperty: "value" })).toBe("缺少字段 value");
    expect(zh("minimum", { limit: 0 })).toBe("不能小于 0");
    expect(zh("maxLength", { limit: 4000 })).toBe("最多 4000 个字符");
    expect(zh("enum", { allowedValues: ["approve", "return"] })).toBe('应为 "approve"、"return" 之一');
    expect(zh("additionalProperties", { additionalProperty: "x" })).toBe("不认识的字段 x");
    expect(zh("somethingNew", {})).toBe("不符合要求");
  });

  it("says where, in both languages, each in one", () => {
    const first = {
      keyword: "type",
      instancePath: "/year",
      schemaPath: "#/properties/year/type",
      params: { type: "integer" },
      message: "must be integer",
    };
    expect(validationMessage("body", first, "x")).toEqual({
      zh: "请求参数无效：body/year 应为整数",
      en: "invalid request: body/year must be integer",
    });
    expect(validationMessage("querystring", undefined, "bad query")).toEqual({
      zh: "请求参数无效：querystring 不符合要求",
      en: "invalid request: querystring bad query",
    });
  });
});
