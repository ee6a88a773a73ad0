// The server's part in keeping the audit history honest: the audit key made on the first start (and
// said so, once), and the chain's head anchored outside the database by signed checkpoints at start,
// every hour and at stop (services/audit-checkpoints.ts).

import type { FastifyBaseLogger } from "fastify";
import { type AuditKey, ensureAuditKey } from "../db/audit-key.ts";
import { databaseConfigFromEnv, type Store } from "../db/database.ts";
import {
  type CheckpointTimer,
  checkpointsFileFromEnv,
  startCheckpoints,
} from "../services/audit-checkpoints.ts";
import type { CheckpointAnchor } from "../services/audit-integrity.ts";
import type { CliIo } from "./cli-io.ts";
import { say } from "./cli-lang.ts";

/** Reads the audit key, or makes it (mode 0600) and says where: it must be backed up apart from the data. */
export function announceAuditKey(
  io: CliIo,
  store: Store,
): { key: AuditKey; created: boolean; where: string } {
  const made = ensureAuditKey(store.db);
  if (made.created) {
    io.out(
      `${say(io.env, {
        zh: `已生成审计密钥 ${made.where}（仅本人可读 600）：请与数据库分开备份，密钥丢失后审计日志将无法核对`,
        en: `made the audit key ${made.where} (mode 600): back it up apart from the database; without it the audit log cannot be verified`,
      })}\n`,
    );
  }
  return made;
}

/** This server's checkpoints: the database's name in them and their file, as `plantrack audit verify` finds them. */
export function checkpointAnchorOf(io: CliIo, store: Store): CheckpointAnchor {
  return {
    db: store.location,
    checkpointsFile: checkpointsFileFromEnv(databaseConfigFromEnv(io.env, io.cwd), io.env, io.cwd),
  };
}

export async function startAuditCheckpoints(
  io: CliIo,
  store: Store,
  log: FastifyBaseLogger,
  made: { created: boolean; where: string },
): Promise<CheckpointTimer> {
  if (made.created)
    log.warn({ auditKey: made.where }, "audit key generated: back it up apart from the database");
  const file = checkpointsFileFromEnv(databaseConfigFromEnv(io.env, io.cwd), io.env, io.cwd);
  return startCheckpoints(
    store.db,
    { db: store.location, file },
    {
      written: (checkpoint) => log.info({ auditCheckpoint: checkpoint, file }, "audit checkpoint"),
      failed: (error) => log.error({ err: error, file }, "audit checkpoint failed"),
    },
  );
}
