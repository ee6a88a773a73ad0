import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { contentDisposition, MAX_ATTACHMENT_BYTES } from "../../domain/attachment-types.ts";
import { addAttachment, attachmentTooLarge, downloadAttachment } from "../../services/attachments.ts";
import { downloadAttachmentSchema, uploadAttachmentSchema } from "./attachment-schemas.ts";
import { readUpload, type Upload } from "./read-upload.ts";
import { actorOf, principalOf, type RouteDeps } from "./route-deps.ts";

/** The one file of the upload, read with the attachment limit (below the plugin's 20 MB for plans). */
function readFile(request: FastifyRequest): Promise<Upload> {
  return readUpload(request, {
    fileSize: MAX_ATTACHMENT_BYTES,
    tooLarge: (fileName) => attachmentTooLarge(fileName),
  });
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
