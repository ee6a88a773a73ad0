// Attachments of report revisions, their bytes kept in the database (migration 0004). Lists never read
// the bytes; only a download does.

import type { Kysely } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import { idChunks } from "./id-chunks.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database>;

export interface AttachmentMeta {
  id: number;
  report_id: number;
  revision_id: number | null;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  uploaded_by: number | null;
  created_at: string;
}

const META = [
  "id",
  "report_id",
  "revision_id",
  "file_name",
  "media_type",
  "byte_size",
  "sha256",
  "uploaded_by",
  "created_at",
] as const;

export interface NewAttachment {
  planId: number;
  reportId: number;
  revisionId: number | null;
  fileName: string;
  mediaType: string;
  sha256: string;
  bytes: Uint8Array;
}

export async function insertAttachment(db: Db, actor: Actor, input: NewAttachment): Promise<AttachmentMeta> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("attachments")
      .values({
        report_id: input.reportId,
        revision_id: input.revisionId,
        file_name: input.fileName,
        media_type: input.mediaType,
        byte_size: input.bytes.length,
        sha256: input.sha256,
        storage_key: "db",
        content: input.bytes,
        uploaded_by: actor.userId,
        created_at: new Date().toISOString(),
      })
      .returning(META)
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: "attachment.add",
      entity: "attachment",
      entityId: row.id,
      planId: input.planId,
      after: {
        reportId: row.report_id,
        revisionId: row.revision_id,
        fileName: row.file_name,
        mediaType: row.media_type,
        byteSize: row.byte_size,
        sha256: row.sha256,
      },
    });
    return row;
  });
}

export async function listAttachments(db: Db, reportId: number): Promise<AttachmentMeta[]> {
  return db.selectFrom("attachments").select(META).where("report_id", "=", reportId).orderBy("id").execute();
}

export async function readAttachment(
  db: Db,
  reportId: number,
  id: number,
): Promise<(AttachmentMeta & { content: Uint8Array | null }) | undefined> {
  return db
    .selectFrom("attachments")
    .select([...META, "content"])
    .where("id", "=", id)
    .where("report_id", "=", reportId)
    .executeTakeFirst();
}

/** The attachments of these reports (a task's progress reports), without their bytes. */
export async function listAttachmentsOfReports(
  db: Db,
  reportIds: readonly number[],
): Promise<AttachmentMeta[]> {
  const out: AttachmentMeta[] = [];
  for (const chunk of idChunks(db, reportIds))
    out.push(
      ...(await db
        .selectFrom("attachments")
        .select(META)
        .where("report_id", "in", chunk)
        .orderBy("id")
        .execute()),
    );
  return out;
}
