import type {} from "@fastify/multipart";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../domain/app-error.ts";
import { contentDisposition, MAX_ATTACHMENT_BYTES } from "../../domain/attachment-types.ts";
import { addAttachment, downloadAttachment } from "../../services/attachments.ts";
import { downloadAttachmentSchema, uploadAttachmentSchema } from "./attachment-schemas.ts";
import { actorOf, principalOf, type RouteDeps } from "./route-deps.ts";

/** The one file of the upload, read with the attachment limit (below the plugin's 20 MB for plans). */
async function readFile(request: FastifyRequest): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (!request.isMultipart())
    throw new AppError(
      "bad_input",
      "请以 multipart/form-data 上传，文件字段名为 file / upload as multipart/form-data with the file in field `file`",
    );
  let file: { fileName: string; bytes: Uint8Array } | null = null;
  for await (const part of request.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } })) {
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
    const fileName = part.filename || "file";
    try {
      file = { fileName, bytes: await part.toBuffer() };
    } catch (error) {
      if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
        throw new AppError("file_too_large", `${fileName}: 附件超过 10 MB / attachments are at most 10 MB`, {
          file: fileName,
          limit: MAX_ATTACHMENT_BYTES,
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

export const attachmentRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.post("/api/reports/:id/attachments", { schema: uploadAttachmentSchema }, async (request, reply) => {
    const upload = await readFile(request);
    const view = await addAttachment(db, actorOf(request), principalOf(request), request.params.id, upload);
    return reply.status(201).send(view);
  });
  app.get(
    "/api/reports/:id/attachments/:attachmentId",
    { schema: downloadAttachmentSchema },
    async (request, reply) => {
      const file = await downloadAttachment(
        db,
        principalOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .header("content-type", file.mediaType)
        .header("content-disposition", contentDisposition(file.fileName))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(file.bytes);
    },
  );
};
