// `plantrack audit verify` as a use case: the chain in the database, under the key kept outside it,
// every revision against the digest its audit row carries, and the chain against this database's
// signed checkpoints. Each finding comes with a text in both languages; the CLI shows one of them.

import type { Kysely } from "kysely";
import type { AuditVerifyResult } from "../contract/audit.ts";
import { auditKeyForCheck, auditKeyWhere } from "../db/audit-key.ts";
import { type AuditProblem, type ChainReport, inspectAuditChain } from "../db/audit-verify.ts";
import type { Database } from "../db/schema.ts";
import type { LocalText } from "../domain/app-error.ts";
import { type Checkpoint, type CheckpointsRead, readCheckpoints } from "./audit-checkpoints.ts";

export interface IntegrityReport {
  ok: boolean;
  chain: ChainReport;
  checkpoints: CheckpointsRead;
  /** The newest valid checkpoint of this database (the highest row number). */
  lastCheckpoint: Checkpoint | null;
  key: { found: boolean; id: string | null; where: string };
  /** What does not hold, one text each, in the order found. */
  findings: LocalText[];
  /** The first row that does not hold (0 when the table is empty or only the checkpoints file is wrong). */
  firstBrokenId: number | null;
}

/** Which checkpoints a database is checked against: its name in them, and the file (null: none kept). */
export interface CheckpointAnchor {
  db: string;
  checkpointsFile: string | null;
}

/** A database whose head is anchored nowhere (in memory, a test): the chain and revisions only. */
export const NO_CHECKPOINTS: CheckpointAnchor = { db: "", checkpointsFile: null };

export async function verifyAuditIntegrity(
  db: Kysely<Database>,
  target: CheckpointAnchor,
): Promise<IntegrityReport> {
  const key = auditKeyForCheck(db);
  const checkpoints = await readCheckpoints(target.checkpointsFile, target.db, key);
  const chain = await inspectAuditChain(db, { checkpoints: checkpoints.valid });
  const where = auditKeyWhere(db);
  const findings = chain.problems.map((p) => problemText(p, chain, where));
  for (const line of checkpoints.altered) findings.push(alteredText(line, target.checkpointsFile ?? ""));
  const lastCheckpoint = checkpoints.valid.reduce<Checkpoint | null>(
    (a, c) => (a && a.seq >= c.seq ? a : c),
    null,
  );
  const first = chain.problems[0];
  return {
    ok: findings.length === 0,
    chain,
    checkpoints,
    lastCheckpoint,
    key: { found: key !== null, id: key?.id ?? null, where },
    findings,
    firstBrokenId: first ? (first.rowId ?? 0) : checkpoints.altered.length > 0 ? 0 : null,
  };
}

/**
 * GET /api/admin/audit/verify: the check `plantrack audit verify` makes (chain, key, revisions and the
 * server's checkpoints), as the API answers it.
 */
export async function auditVerifyResult(
  db: Kysely<Database>,
  target: CheckpointAnchor = NO_CHECKPOINTS,
): Promise<AuditVerifyResult> {
  const report = await verifyAuditIntegrity(db, target);
  const cp = report.lastCheckpoint;
  return {
    ok: report.ok,
    checked: report.chain.count,
    brokenAt: report.ok ? null : report.firstBrokenId,
    reason: report.findings[0] ?? null,
    findings: report.findings,
    lastCheckpoint: cp ? { seq: cp.seq, id: cp.id, at: cp.at } : null,
    alteredCheckpoints: report.checkpoints.altered.length,
  };
}

function rowsText(p: AuditProblem): LocalText {
  return p.rows > 1
    ? {
        zh: `自第 ${p.rowId} 行起共 ${p.rows} 行（至第 ${p.lastRowId} 行）`,
        en: `${p.rows} rows from row ${p.rowId} to ${p.lastRowId}`,
      }
    : { zh: `第 ${p.rowId} 行`, en: `row ${p.rowId}` };
}

function checkpointOf(p: AuditProblem): Checkpoint | null {
  return (p.detail.checkpoint as Checkpoint | undefined) ?? null;
}

export function problemText(p: AuditProblem, chain: ChainReport, keyWhere: string): LocalText {
  const rows = rowsText(p);
  const cp = checkpointOf(p);
  const missing = Number(p.detail.missing ?? 0);
  switch (p.kind) {
    case "changed":
      return {
        zh: `${rows.zh}被改动：哈希与内容不符`,
        en: `${rows.en} was changed: its hash does not match its content`,
      };
    case "rechained":
      return p.detail.how === "unkeyed"
        ? {
            zh: `${rows.zh}被重新计算了哈希（未用密钥，按无密钥的旧算法）：这些行被改写过`,
            en: `${rows.en} re-chained: hashes recomputed without the key (the old unkeyed function), so the rows were rewritten`,
          }
        : {
            zh: `${rows.zh}的 HMAC 与密钥不符：被改动后用别的密钥重新计算了哈希`,
            en: `${rows.en}: the HMAC does not match the key: re-chained with another key after an edit`,
          };
    case "unlinked":
      return {
        zh: `${rows.zh}与前一行不相连：其前的行被删除，或此行是被插入的`,
        en: `${rows.en} does not follow the row before it: rows before it were removed, or it was slipped in`,
      };
    case "key_missing":
      return {
        zh: `${rows.zh}以密钥 ${p.detail.keyId} 链接，但找不到审计密钥（${keyWhere}）：无法核对，请恢复密钥文件或设置 PLANTRACK_AUDIT_KEY`,
        en: `${rows.en} are chained under key ${p.detail.keyId}, and the audit key is not there (${keyWhere}): restore the key file or set PLANTRACK_AUDIT_KEY`,
      };
    case "other_key":
      return {
        zh: `${rows.zh}以另一把密钥 ${p.detail.keyId} 链接，与本密钥（${keyWhere}）不符：密钥用错，或这些行是伪造的`,
        en: `${rows.en} are chained under another key, ${p.detail.keyId}, not this one (${keyWhere}): the wrong key, or forged rows`,
      };
    case "revision_changed":
      return {
        zh: `${rows.zh}记录的报告修订 ${p.detail.revisionId} 被改动：其内容与审计行中的摘要不符`,
        en: `report revision ${p.detail.revisionId} (recorded by ${rows.en}) was changed: its content does not match the digest in the audit row`,
      };
    case "revision_missing":
      return {
        zh: `${rows.zh}记录的报告修订（首个 ${p.detail.revisionId}）已不在数据库中：被删除`,
        en: `the report revisions recorded by ${rows.en} (the first: ${p.detail.revisionId}) are gone: deleted`,
      };
    case "truncated":
      return {
        zh: `审计日志被清空：检查点（${cp?.at}）时有 ${cp?.seq} 行，现在为 0 行`,
        en: `the audit log was emptied: the checkpoint of ${cp?.at} saw ${cp?.seq} rows, it has none now`,
      };
    case "cut":
      if (cp && p.detail.lastId !== undefined) {
        return {
          zh: `审计日志的行被删除：检查点（${cp.at}）记录到第 ${cp.seq} 行（id ${cp.id}），现在只有 ${chain.count} 行、止于 id ${chain.lastId}；至少少了 ${missing} 行`,
          en: `audit rows were cut: the checkpoint of ${cp.at} recorded row ${cp.seq} (id ${cp.id}); now there are ${chain.count} rows, ending at id ${chain.lastId}: at least ${missing} missing`,
        };
      }
      return missing > 0
        ? {
            zh: `第 ${p.rowId} 行之前有 ${missing} 行被删除：检查点（${cp?.at}）时它是第 ${cp?.seq} 行`,
            en: `${missing} rows before row ${p.rowId} were removed: it was row number ${cp?.seq} at the checkpoint of ${cp?.at}`,
          }
        : {
            zh: `第 ${p.rowId} 行之前多出 ${-missing} 行：检查点（${cp?.at}）时它是第 ${cp?.seq} 行`,
            en: `${-missing} rows were slipped in before row ${p.rowId}: it was row number ${cp?.seq} at the checkpoint of ${cp?.at}`,
          };
    case "checkpoint_mismatch":
      return {
        zh: `第 ${p.rowId} 行的哈希与检查点（${cp?.at}）记录的不同：此行及其前的行被改写过`,
        en: `row ${p.rowId}'s hash differs from the one the checkpoint of ${cp?.at} recorded: it or rows before it were rewritten`,
      };
  }
}

function alteredText(line: number, file: string): LocalText {
  return {
    zh: `检查点文件第 ${line} 行的签名不符：该行被改动过（${file}）`,
    en: `line ${line} of the checkpoints file has a wrong signature: it was edited (${file})`,
  };
}
