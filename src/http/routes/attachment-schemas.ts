import { Type } from "@sinclair/typebox";
import { errorResponses, IdParams } from "./common-schemas.ts";
import { AttachmentViewSchema } from "./reporting-schemas.ts";

const tags = ["reports"];

export const uploadAttachmentSchema = {
  summary:
    "上传报告附件（multipart 字段 file，≤10 MB；pdf、docx、xlsx、jpg、png、txt，按内容识别） / attach a file to a report (multipart field `file`, at most 10 MB; pdf, docx, xlsx, jpg, png, txt, told by content)",
  tags,
  consumes: ["multipart/form-data"],
  params: IdParams,
  response: { 201: AttachmentViewSchema, ...errorResponses },
};

export const downloadAttachmentSchema = {
  summary: "下载报告附件 / download a report's attachment",
  tags,
  params: Type.Object({ id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) }),
  response: errorResponses,
};
