import type {} from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../domain/app-error.ts";

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * The one file of a multipart upload (field `file`). `fileSize` lowers the plugin's limit for this
 * route; `tooLarge` words the refusal for what is being uploaded; `name` cleans the client's file name.
 */
export async function readUpload(
  request: FastifyRequest,
  options: {
    fileSize?: number;
    tooLarge: (fileName: string) => AppError;
    name?: (clientName: string) => string;
  },
): Promise<Upload> {
  if (!request.isMultipart())
    throw new AppError(
      "bad_input",
      "请以 multipart/form-data 上传，文件字段名为 file / upload as multipart/form-data with the file in field `file`",
    );
  let file: Upload | null = null;
  const parts =
    options.fileSize === undefined
      ? request.parts()
      : request.parts({ limits: { fileSize: options.fileSize, files: 1 } });
  for await (const part of parts) {
    if (part.type !== "file") continue;
    if (part.fieldname !== "file") {
      part.file.resume();
      throw new AppError(
        "bad_input",
        `文件字段名应为 file / the file field must be named file (got ${part.fieldname})`,
        { field: part.fieldname },
      );
    }
    const fileName = options.name ? options.name(part.filename || "file") : part.filename || "file";
    try {
      file = { fileName, bytes: await part.toBuffer() };
    } catch (error) {
      if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw options.tooLarge(fileName);
      throw error;
    }
  }
  if (!file)
    throw new AppError("bad_input", "没有收到文件（字段 file） / no file received (field `file`)", {
      field: "file",
    });
  return file;
}
