// `plantrack audit verify`: checks the audit log's hash chain under the audit key, every report
// revision against the digest in its audit row, and the chain against this database's last signed
// checkpoints. Exit 0 when whole; AUDIT_BROKEN_EXIT_CODE with what was cut, changed or re-chained on
// stderr and the first broken row's id on stdout (0 when the table is empty) otherwise.

import { databaseConfigFromEnv, type Store } from "../db/database.ts";
import { checkpointsFileFromEnv } from "../services/audit-checkpoints.ts";
import { type IntegrityReport, verifyAuditIntegrity } from "../services/audit-integrity.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { say, usageError, usageText } from "./cli-lang.ts";
import { AUDIT_BROKEN_EXIT_CODE } from "./exit-codes.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

function summary(io: CliIo, r: IntegrityReport): string {
  const c = r.chain;
  const lines = [
    say(io.env, {
      zh: `审计日志完整：共 ${c.count} 行（带密钥 ${c.keyed} 行，无密钥的旧行 ${c.unkeyed} 行），报告修订核对 ${c.revisionsChecked} 条`,
      en: `the audit log is whole: ${c.count} rows (${c.keyed} keyed, ${c.unkeyed} older unkeyed), ${c.revisionsChecked} report revisions checked`,
    }),
  ];
  const cp = r.lastCheckpoint;
  if (cp) {
    lines.push(
      say(io.env, {
        zh: `最近的检查点一致：${cp.at}，第 ${cp.seq} 行（id ${cp.id}），共核对检查点 ${r.checkpoints.valid.length} 个`,
        en: `the last checkpoint holds: ${cp.at}, row ${cp.seq} (id ${cp.id}); ${r.checkpoints.valid.length} checkpoints checked`,
      }),
    );
  } else {
    lines.push(
      say(io.env, {
        zh: `没有本数据库的检查点（${r.checkpoints.file ?? "无检查点文件"}）：无法发现末尾被删除的行；服务启动时、每小时和停止时会写入`,
        en: `no checkpoint of this database (${r.checkpoints.file ?? "no checkpoints file"}): rows cut at the end cannot be seen; the server writes one at start, hourly and at stop`,
      }),
    );
  }
  return lines.join("\n");
}

function notes(io: CliIo, r: IntegrityReport): string[] {
  const out: string[] = [];
  if (r.checkpoints.unreadable.length > 0) {
    out.push(
      say(io.env, {
        zh: `检查点文件中有 ${r.checkpoints.unreadable.length} 行无法读取，已跳过（第 ${r.checkpoints.unreadable.slice(0, 5).join("、")} 行）`,
        en: `${r.checkpoints.unreadable.length} lines of the checkpoints file are unreadable and were skipped (lines ${r.checkpoints.unreadable.slice(0, 5).join(", ")})`,
      }),
    );
  }
  if (r.checkpoints.otherKey > 0) {
    out.push(
      say(io.env, {
        zh: `${r.checkpoints.otherKey} 个检查点由另一把密钥签名，未核对`,
        en: `${r.checkpoints.otherKey} checkpoints are signed by another key and were not checked`,
      }),
    );
  }
  if (!r.key.found && r.chain.keyed === 0) {
    out.push(
      say(io.env, {
        zh: `尚无审计密钥（${r.key.where}）：首次写入审计日志时生成`,
        en: `no audit key yet (${r.key.where}): it is made when the first audit row is written`,
      }),
    );
  }
  return out;
}

/** The check itself, on an open store: prints the result, returns the exit code. */
export async function auditVerify(store: Store, io: CliIo): Promise<number> {
  const config = databaseConfigFromEnv(io.env, io.cwd);
  const result = await verifyAuditIntegrity(store.db, {
    db: store.location,
    checkpointsFile: checkpointsFileFromEnv(config, io.env, io.cwd),
  });
  const extra = notes(io, result);
  if (result.ok) {
    io.out(`${[summary(io, result), ...extra].join("\n")}\n`);
    return 0;
  }
  const head = say(io.env, {
    zh: `审计日志被篡改（${result.findings.length} 处）：`,
    en: `the audit log was tampered with (${result.findings.length} findings):`,
  });
  io.err(`${[head, ...result.findings.map((f) => `  - ${say(io.env, f)}`), ...extra].join("\n")}\n`);
  io.out(`${result.firstBrokenId ?? 0}\n`);
  return AUDIT_BROKEN_EXIT_CODE;
}

const USAGE = usageText(
  [
    "plantrack audit verify",
    "",
    "  核对哈希链（HMAC-SM3，使用审计密钥）、报告修订的摘要和签名检查点",
    `  完整时退出码为 0；有行被删、被改或哈希被重新计算时退出码为 ${AUDIT_BROKEN_EXIT_CODE}，标准输出给出第一处断开的行号`,
    "  审计密钥：PLANTRACK_AUDIT_KEY（十六进制）或 PLANTRACK_AUDIT_KEY_FILE（默认为数据库同目录或 data/ 下的 audit.key）",
    "  检查点：PLANTRACK_AUDIT_CHECKPOINTS（默认为同一目录下的 audit-checkpoints.jsonl）",
    "  PLANTRACK_LANG=en：英文输出",
  ],
  [
    "plantrack audit verify",
    "",
    "  checks the chain (HMAC-SM3 under the audit key), the report revisions' digests and the signed checkpoints",
    `  exit 0 when whole; ${AUDIT_BROKEN_EXIT_CODE} and the first broken row's id on stdout when rows were cut, changed or re-chained`,
    "  audit key: PLANTRACK_AUDIT_KEY (hex) or PLANTRACK_AUDIT_KEY_FILE (default audit.key beside the database, or in data/)",
    "  checkpoints: PLANTRACK_AUDIT_CHECKPOINTS (default audit-checkpoints.jsonl in the same folder)",
    "  PLANTRACK_LANG=en: messages in English",
  ],
);

export const auditCommand: CliCommand = {
  name: "audit",
  summary: { zh: "校验审计日志的哈希链", en: "check the audit log's hash chain" },
  usage: USAGE,
  async run(args, io) {
    const { positionals } = parseArgs(args, {});
    if (positionals[0] !== "verify" || positionals.length > 1) {
      throw usageError(USAGE);
    }
    const { store } = await openMigratedStore(io);
    try {
      return await auditVerify(store, io);
    } finally {
      await store.close();
    }
  },
};
