// A request that fails its schema, said in Chinese: Ajv words its findings in English only ("must be
// integer"), and a Chinese screen must not show them. The keyword and its params say the same thing.

import type { FastifySchemaValidationError } from "fastify";
import type { LocalText } from "../domain/app-error.ts";

const TYPE_ZH: Record<string, string> = {
  integer: "整数",
  number: "数字",
  string: "文本",
  boolean: "true 或 false",
  object: "对象",
  array: "数组",
  null: "空值（null）",
};

const listZh = (values: unknown): string =>
  Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join("、") : String(values);

function typesZh(type: unknown): string {
  const names = String(type)
    .split(",")
    .map((t) => TYPE_ZH[t.trim()] ?? t.trim());
  return names.join("或");
}

/** What one finding says, in Chinese; unknown keywords get a general sentence, never Ajv's English. */
export function validationFindingZh(v: Pick<FastifySchemaValidationError, "keyword" | "params">): string {
  const p = v.params as Record<string, unknown>;
  switch (v.keyword) {
    case "type":
      return `应为${typesZh(p.type)}`;
    case "required":
      return `缺少字段 ${String(p.missingProperty)}`;
    case "additionalProperties":
      return `不认识的字段 ${String(p.additionalProperty)}`;
    case "minimum":
      return `不能小于 ${String(p.limit)}`;
    case "maximum":
      return `不能大于 ${String(p.limit)}`;
    case "exclusiveMinimum":
      return `应大于 ${String(p.limit)}`;
    case "exclusiveMaximum":
      return `应小于 ${String(p.limit)}`;
    case "minLength":
      return `至少 ${String(p.limit)} 个字符`;
    case "maxLength":
      return `最多 ${String(p.limit)} 个字符`;
    case "minItems":
      return `至少 ${String(p.limit)} 项`;
    case "maxItems":
      return `最多 ${String(p.limit)} 项`;
    case "enum":
      return `应为 ${listZh(p.allowedValues)} 之一`;
    case "const":
      return `应为 ${JSON.stringify(p.allowedValue)}`;
    case "format":
      return `格式应为 ${String(p.format)}`;
    case "pattern":
      return "格式不对";
    case "anyOf":
    case "oneOf":
      return "不符合任何一种允许的形式";
    default:
      return "不符合要求";
  }
}

/** The message of a request refused by its schema: the first finding, with where it is. */
export function validationMessage(
  where: string,
  first: FastifySchemaValidationError | undefined,
  fallback: string,
): LocalText {
  const path = `${where}${first?.instancePath ?? ""}`;
  return {
    zh: `请求参数无效：${path} ${first ? validationFindingZh(first) : "不符合要求"}`,
    en: `invalid request: ${path} ${first?.message ?? fallback}`,
  };
}
