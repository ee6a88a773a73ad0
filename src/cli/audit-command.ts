// `plantrack audit verify`: recomputes the audit log's hash chain; exit 0 when whole, 7 and the first
// broken row's id when a row was edited, removed or slipped in.

import type { Store } from "../db/database.ts";
import { AppError } from "../domain/app-error.ts";
import { verifyAudit } from "../services/user-admin.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";

export const AUDIT_BROKEN_EXIT_CODE = 7;

/** The check itself, on an open store: prints the result, returns the exit code. */
export async function auditVerify(store: Store, io: CliIo): Promise<number> {
  const result = await verifyAudit(store.db);
  if (result.ok) {
    io.out(`审计日志完整 / the audit log is whole: ${result.checked} 行 rows checked\n`);
    return 0;
  }
  io.err(`审计日志被篡改 / the audit log is broken at row ${result.brokenAt}: ${result.reason}\n`);
  io.out(`${result.brokenAt}\n`);
  return AUDIT_BROKEN_EXIT_CODE;
}

export const auditCommand: CliCommand = {
  name: "audit",
  summary: "校验审计日志的哈希链 / check the audit log's hash chain",
  usage: [
    "plantrack audit verify",
    "",
    "  完整时退出码 0；被改动时退出码 7 并给出第一处断开的行号 / exit 0 when whole; 7 and the first broken row's id otherwise",
    "  审计日志只追加，本程序从不删除或修改其中的行 / the log is append-only: PlanTrack never deletes or changes a row",
  ].join("\n"),
  async run(args, io) {
    const { positionals } = parseArgs(args, {});
    if (positionals[0] !== "verify" || positionals.length > 1) {
      throw new AppError("bad_input", "用法 / usage: plantrack audit verify");
    }
    const { store } = await openMigratedStore(io);
    try {
      return await auditVerify(store, io);
    } finally {
      await store.close();
    }
  },
};
