import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../domain/app-error.ts";

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

/** One part of a multipart request that is a file: it must be in field `file`; read whole or refused. */
export async function readFilePart(
  part: MultipartFile,
  tooLarge: (fileName: string) => AppError,
  name: (clientName: string) => string = (n) => n,
): Promise<Upload> {
  if (part.fieldname !== "file") {
    part.file.resume();
    throw new AppError(
      "bad_input",
      {
        zh: `文件字段名应为“file”（收到“${part.fieldname}”）`,
        en: `the file field must be named file (got ${part.fieldname})`,
      },
      { field: part.fieldname },
    );
  }
  const fileName = name(part.filename || "file");
  try {
    return { fileName, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(fileName);
    throw error;
  }
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
    throw new AppError("bad_input", {
      zh: "请以 multipart/form-data 上传，文件字段名为“file”",
      en: "upload as multipart/form-data with the file in field `file`",
    });
  let file: Upload | null = null;
  const parts =
    options.fileSize === undefined
      ? request.parts()
      : request.parts({ limits: { fileSize: options.fileSize, files: 1 } });
  for await (const part of parts) {
    if (part.type !== "file") continue;
    file = await readFilePart(part, options.tooLarge, options.name);
  }
  if (!file)
    throw new AppError(
      "bad_input",
      { zh: "没有收到文件（字段“file”）", en: "no file received (field `file`)" },
      {
        field: "file",
      },
    );
  return file;
}

/**
 * A JSON body with files: multipart with the JSON in a field `body` and any number of `file` fields
 * (each at most `fileSize`), or plain JSON without files. Every file is read before anything is
 * decided, so the service can refuse the whole request on one bad file.
 */
export async function readBodyWithFiles(
  request: FastifyRequest,
  options: { fileSize: number; maxFiles: number; tooLarge: (fileName: string) => AppError },
): Promise<{ body: unknown; files: Upload[] }> {
  if (!request.isMultipart()) return { body: request.body ?? null, files: [] };
  let body: unknown;
  let sawBody = false;
  const files: Upload[] = [];
  const parts = request.parts({ limits: { fileSize: options.fileSize, files: options.maxFiles } });
  for await (const part of parts) {
    if (part.type === "file") {
      files.push(await readFilePart(part, options.tooLarge));
    } else if (part.fieldname === "body") {
      sawBody = true;
      try {
        body = JSON.parse(String(part.value));
      } catch {
        throw new AppError(
          "bad_input",
          { zh: "字段 body 不是有效的 JSON", en: "the field `body` is not valid JSON" },
          { field: "body" },
        );
      }
    }
  }
  if (!sawBody)
    throw new AppError(
      "bad_input",
      { zh: "缺少字段 body（JSON 内容）", en: "the field `body` (the JSON content) is missing" },
      { field: "body" },
    );
  return { body, files };
}
