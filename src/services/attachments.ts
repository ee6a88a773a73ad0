// Files attached to a report (issue 5): whoever may save the report attaches, whoever may see it
// downloads. The type is told by the bytes (src/domain/attachment-types.ts); the bytes live in the
// database with the report, so a backup of the database is a backup of everything.

import { createHash } from "node:crypto";
import type { AttachmentView } from "../contract/reports.ts";
import { type AttachmentMeta, insertAttachment, readAttachment } from "../db/attachments-repository.ts";
import type { Actor } from "../db/audit-repository.ts";
import { getReport, listRevisions } from "../db/reports-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import {
  ATTACHMENT_MEDIA_TYPES,
  checkAttachment,
  MAX_ATTACHMENT_BYTES,
  safeFileName,
} from "../domain/attachment-types.ts";
import { attachmentView, reportAccess } from "./reporting.ts";
import { type Db, loadNames } from "./reporting-context.ts";

const ACCEPTED = "pdf, docx, xlsx, jpg, png, txt";

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

/** An upload whose bytes were checked: its cleaned name and the type the bytes tell. */
export interface CheckedUpload extends Upload {
  mediaType: string;
}

/** The refusal of an attachment over the limit, whether the upload or the check finds it. */
export function attachmentTooLarge(fileName: string, more: Record<string, unknown> = {}): AppError {
  return new AppError(
    "file_too_large",
    { zh: `${fileName}：附件超过 10 MB`, en: `${fileName}: attachments are at most 10 MB` },
    { file: fileName, ...more, limit: MAX_ATTACHMENT_BYTES },
  );
}

/** Checks one file as an attachment; the refusal names the file and why. */
export function checkUpload(upload: Upload): CheckedUpload {
  const fileName = safeFileName(upload.fileName);
  const check = checkAttachment(fileName, upload.bytes);
  if (check.ok) return { fileName, bytes: upload.bytes, mediaType: check.mediaType };
  const where = { file: fileName, reason: check.reason };
  switch (check.reason) {
    case "empty":
      throw new AppError(
        "empty_file",
        { zh: `${fileName}：文件为空`, en: `${fileName}: the file is empty` },
        where,
      );
    case "too_large":
      throw attachmentTooLarge(fileName, { reason: check.reason });
    case "extension":
      throw new AppError(
        "unsupported_file",
        {
          zh: `${fileName}：只接受 ${ACCEPTED} 文件`,
          en: `${fileName}: only ${ACCEPTED} files are accepted`,
        },
        where,
      );
    default:
      throw new AppError(
        "unsupported_file",
        {
          zh: `${fileName}：文件内容与扩展名不符或不是允许的类型`,
          en: `${fileName}: the content is ${check.kind ? `a ${check.kind} file` : "none of the accepted types"}, not what the name says`,
        },
        { ...where, detected: check.kind ?? null },
      );
  }
}

/** Every file checked before any is stored: one bad file and nothing of the request is written. */
export function checkUploads(uploads: readonly Upload[]): CheckedUpload[] {
  return uploads.map(checkUpload);
}

/** Stores checked files on a report, against its newest revision (inside the caller's transaction). */
export async function storeUploads(
  db: Db,
  actor: Actor,
  reportId: number,
  uploads: readonly CheckedUpload[],
): Promise<AttachmentMeta[]> {
  if (uploads.length === 0) return [];
  const report = await getReport(db, reportId);
  if (!report)
    throw new AppError("not_found", { zh: `报告 ${reportId} 不存在`, en: `report ${reportId} not found` });
  const revisions = await listRevisions(db, [report.id], { texts: false });
  const latest = revisions[revisions.length - 1] ?? null;
  const out: AttachmentMeta[] = [];
  for (const u of uploads)
    out.push(
      await insertAttachment(db, actor, {
        planId: report.plan_id,
        reportId: report.id,
        revisionId: latest?.id ?? null,
        fileName: u.fileName,
        mediaType: u.mediaType,
        sha256: createHash("sha256").update(u.bytes).digest("hex"),
        bytes: u.bytes,
      }),
    );
  return out;
}

export async function addAttachment(
  db: Db,
  actor: Actor,
  user: Principal,
  reportId: number,
  upload: Upload,
): Promise<AttachmentView> {
  const { report, canSave } = await reportAccess(db, user, reportId);
  if (!canSave)
    throw new AppError(
      "forbidden",
      { zh: "只有可以填报此项的单位才能上传附件", en: "only those who report on this may attach files" },
      { reportId },
    );
  const checked = checkUpload(upload);
  const [row] = await storeUploads(db, actor, report.id, [checked]);
  if (!row) throw new AppError("internal", { zh: "附件未保存", en: "the attachment was not stored" });
  const revisions = await listRevisions(db, [report.id], { texts: false });
  const names = await loadNames(db, [row.uploaded_by], []);
  return attachmentView(row, names, new Map(revisions.map((r) => [r.id, r.revision])));
}

export async function downloadAttachment(
  db: Db,
  user: Principal,
  reportId: number,
  attachmentId: number,
): Promise<{ fileName: string; mediaType: string; bytes: Buffer }> {
  await reportAccess(db, user, reportId);
  const row = await readAttachment(db, reportId, attachmentId);
  if (!row || row.content === null)
    throw new AppError(
      "not_found",
      {
        zh: `报告 ${reportId} 没有附件 ${attachmentId}`,
        en: `report ${reportId} has no attachment ${attachmentId}`,
      },
      { reportId, attachmentId },
    );
  // The stored type came from the bytes; fall back to a download for anything unexpected.
  const known = Object.values(ATTACHMENT_MEDIA_TYPES).includes(row.media_type);
  return {
    fileName: row.file_name,
    mediaType: known ? row.media_type : "application/octet-stream",
    bytes: Buffer.from(row.content),
  };
}
