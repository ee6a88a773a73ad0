import type {} from "@fastify/multipart";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../domain/app-error.ts";
import { contentDisposition } from "../../domain/attachment-types.ts";
import { applyBreakdown, previewBreakdown } from "../../services/breakdown-import.ts";
import { exportPlan } from "../../services/exports.ts";
import { applyLedgerImport, previewLedgerImport } from "../../services/ledger-import.ts";
import { baseName, MAX_DOCUMENT_BYTES } from "../../services/read-document.ts";
import {
  breakdownApplySchema,
  breakdownPreviewSchema,
  exportSchema,
  ledgerApplySchema,
  ledgerPreviewSchema,
} from "./documents-schemas.ts";
import { actorOf, type RouteDeps } from "./route-deps.ts";

/** The one spreadsheet of the upload (field `file`). */
async function readSheet(request: FastifyRequest): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (!request.isMultipart())
    throw new AppError(
      "bad_input",
      "请以 multipart/form-data 上传，文件字段名为 file / upload as multipart/form-data with the file in field `file`",
    );
  let file: { fileName: string; bytes: Uint8Array } | null = null;
  for await (const part of request.parts()) {
    if (part.type !== "file") continue;
    if (part.fieldname !== "file") {
      part.file.resume();
      throw new AppError(
        "bad_input",
        `文件字段名应为 file / the file field must be named file (got ${part.fieldname})`,
        {
          field: part.fieldname,
        },
      );
    }
    const fileName = baseName(part.filename || "file");
    try {
      file = { fileName, bytes: await part.toBuffer() };
    } catch (error) {
      if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
        throw new AppError("file_too_large", `${fileName}: 文件超过 20 MB / the file is over 20 MB`, {
          file: fileName,
          limit: MAX_DOCUMENT_BYTES,
        });
      throw error;
    }
  }
  if (!file)
    throw new AppError("bad_input", "没有收到文件（字段 file） / no file received (field `file`)", {
      field: "file",
    });
  return file;
}

export const documentsRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get("/api/plans/:id/export", { schema: exportSchema }, async (request, reply) => {
    const file = await exportPlan(db, request.params.id, request.query);
    return reply
      .header("content-type", file.mediaType)
      .header("content-disposition", contentDisposition(file.fileName))
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, no-store")
      .send(file.bytes);
  });
  app.post("/api/plans/:id/ledger/preview", { schema: ledgerPreviewSchema }, async (request) => {
    const upload = await readSheet(request);
    return previewLedgerImport(db, request.params.id, upload.bytes, upload.fileName);
  });
  app.post("/api/plans/:id/ledger/apply", { schema: ledgerApplySchema }, async (request) =>
    applyLedgerImport(db, actorOf(request), request.params.id, request.body),
  );
  app.post("/api/plans/:id/breakdown/preview", { schema: breakdownPreviewSchema }, async (request) => {
    const upload = await readSheet(request);
    return previewBreakdown(db, request.params.id, upload.bytes, upload.fileName);
  });
  app.post("/api/plans/:id/breakdown/apply", { schema: breakdownApplySchema }, async (request) =>
    applyBreakdown(db, actorOf(request), request.params.id, request.body),
  );
};
