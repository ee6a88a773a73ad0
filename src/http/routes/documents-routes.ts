import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../domain/app-error.ts";
import { contentDisposition } from "../../domain/attachment-types.ts";
import { applyBreakdown, previewBreakdown } from "../../services/breakdown-import.ts";
import { exportFillIn, exportPlan } from "../../services/exports.ts";
import { applyLedgerImport, previewLedgerImport } from "../../services/ledger-import.ts";
import { baseName, MAX_DOCUMENT_BYTES } from "../../services/read-document.ts";
import { requestLang } from "../request-lang.ts";
import {
  breakdownApplySchema,
  breakdownPreviewSchema,
  exportSchema,
  ledgerApplySchema,
  ledgerFillInSchema,
  ledgerPreviewSchema,
} from "./documents-schemas.ts";
import { readUpload, type Upload } from "./read-upload.ts";
import { actorOf, principalOf, type RouteDeps } from "./route-deps.ts";

/** The one spreadsheet of the upload (field `file`). */
export function readSheet(request: FastifyRequest): Promise<Upload> {
  return readUpload(request, {
    name: baseName,
    tooLarge: (fileName) =>
      new AppError(
        "file_too_large",
        { zh: `${fileName}：文件超过 20 MB`, en: `${fileName}: the file is over 20 MB` },
        { file: fileName, limit: MAX_DOCUMENT_BYTES },
      ),
  });
}

export const documentsRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db, jobs }) => {
  app.get("/api/plans/:id/export", { schema: exportSchema }, async (request, reply) => {
    const { docNumber, signer, recipient, redHeader, ...rest } = request.query;
    const frame = {
      ...(docNumber !== undefined ? { docNumber } : {}),
      ...(signer !== undefined ? { signer } : {}),
      ...(recipient !== undefined ? { recipient } : {}),
      ...(redHeader !== undefined ? { redHeader } : {}),
    };
    const file = await exportPlan(db, request.params.id, {
      ...rest,
      frame,
      jobs,
      lang: requestLang(request),
    });
    return reply
      .header("content-type", file.mediaType)
      .header("content-disposition", contentDisposition(file.fileName))
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, no-store")
      .send(file.bytes);
  });
  app.get("/api/plans/:id/ledger/fill-in", { schema: ledgerFillInSchema }, async (request, reply) => {
    const { department, ...rest } = request.query;
    const file = await exportFillIn(db, principalOf(request), request.params.id, {
      ...rest,
      ...(department !== undefined ? { departmentId: department } : {}),
      lang: requestLang(request),
    });
    return reply
      .header("content-type", file.mediaType)
      .header("content-disposition", contentDisposition(file.fileName))
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, no-store")
      .send(file.bytes);
  });
  app.post("/api/plans/:id/ledger/preview", { schema: ledgerPreviewSchema }, async (request) => {
    const upload = await readSheet(request);
    return previewLedgerImport(db, request.params.id, upload.bytes, upload.fileName, jobs);
  });
  app.post("/api/plans/:id/ledger/apply", { schema: ledgerApplySchema }, async (request) =>
    applyLedgerImport(db, actorOf(request), request.params.id, request.body),
  );
  app.post("/api/plans/:id/breakdown/preview", { schema: breakdownPreviewSchema }, async (request) => {
    const upload = await readSheet(request);
    return previewBreakdown(db, request.params.id, upload.bytes, upload.fileName, jobs);
  });
  app.post("/api/plans/:id/breakdown/apply", { schema: breakdownApplySchema }, async (request) =>
    applyBreakdown(db, actorOf(request), request.params.id, request.body),
  );
};
