import { auditCommand } from "./audit-command.ts";
import { backupCommand, restoreCommand } from "./backup-command.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { docxCheckCommand } from "./docx-check-command.ts";
import { exitCodeFor, messageFor } from "./exit-codes.ts";
import { exportCommand } from "./export-command.ts";
import { extractCommand } from "./extract-command.ts";
import { generateCommand } from "./generate-command.ts";
import { importCommand } from "./import-command.ts";
import { migrateCommand } from "./migrate-command.ts";
import { planCommand } from "./plan-command.ts";
import { reportCommand } from "./report-command.ts";
import { serveCommand } from "./serve-command.ts";
import { statusCommand } from "./status-command.ts";
import { userCommand } from "./user-command.ts";

// Every command of `plantrack`, in the order `--help` lists them.
const COMMANDS: CliCommand[] = [
  extractCommand,
  importCommand,
  serveCommand,
  migrateCommand,
  userCommand,
  auditCommand,
  backupCommand,
  restoreCommand,
  reportCommand,
  statusCommand,
  planCommand,
  exportCommand,
  docxCheckCommand,
  generateCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "plantrack — 规划计划执行跟踪 / development-plan tracking",
    "",
    "用法 / usage: plantrack <命令 command> [参数 options]",
    "",
    ...lines,
    "",
    "plantrack <命令> --help 查看命令的参数 / shows a command's options",
    "",
  ].join("\n");
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`未知命令 / unknown command: ${name}\n\n${help()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.err(`plantrack ${name}: ${messageFor(error)}\n`);
    return exitCodeFor(error);
  }
}
