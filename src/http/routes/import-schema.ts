import { type Static, Type } from "@sinclair/typebox";
import type { ImportResult, ImportSummary } from "../../contract/plans.ts";
import { type Same, sameShape } from "../type-check.ts";
import { errorResponses, PlanSummarySchema } from "./common-schemas.ts";

export const ImportSummarySchema = Type.Object({
  sections: Type.Integer(),
  areas: Type.Integer(),
  groups: Type.Integer(),
  tasks: Type.Integer(),
  targets: Type.Integer(),
  milestones: Type.Integer(),
  items: Type.Integer(),
});
sameShape<Same<Static<typeof ImportSummarySchema>, ImportSummary>>();

export const ImportResultSchema = Type.Object({
  planId: Type.Integer(),
  plan: PlanSummarySchema,
  summary: ImportSummarySchema,
  duplicateOf: Type.Array(Type.Integer()),
});
sameShape<Same<Static<typeof ImportResultSchema>, ImportResult>>();

export const importSchema = {
  summary: "导入计划文件（.txt / .html / .docx，≤ 20 MB） / import a plan document as a draft plan",
  description: [
    "multipart/form-data 字段 / fields:",
    "- `file` (必填 required): .txt (UTF-8 or GBK), .html/.htm, .docx",
    "- `region` (可选): 地区名称或行政区划代码 / region name or GB/T 2260 code",
    "- `year` (可选): 计划年度 / plan year",
    "- `force` (可选): true 时允许重复导入同一文件 / import a document that is already a plan",
    "",
    "Errors: 400 empty/bad field, 413 over 20 MB, 415 unreadable file, 422 no plan content, 409 duplicate.",
  ].join("\n"),
  tags: ["plans"],
  consumes: ["multipart/form-data"],
  response: { 201: ImportResultSchema, ...errorResponses },
};
