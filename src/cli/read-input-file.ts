import { readFile, stat } from "node:fs/promises";
import { AppError } from "../domain/app-error.ts";
import { MAX_DOCUMENT_BYTES } from "../services/read-document.ts";

/** Reads a file named on the command line, refusing what is missing, not a file, or over the size limit. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new AppError("bad_input", { zh: `${path}：不是文件`, en: `${path}: not a file` }, { file: path });
    size = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      "not_found",
      { zh: `${path}：文件不存在或无法读取`, en: `${path}: file not found or unreadable` },
      { file: path },
    );
  }
  if (size > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      "file_too_large",
      { zh: `${path}：文件超过 20 MB`, en: `${path}: the file is over 20 MB` },
      { file: path, size },
    );
  }
  return readFile(path);
}
